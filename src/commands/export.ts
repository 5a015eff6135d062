/**
 * thidua export list|tally YEAR, awards ID, report --from --to … --xlsx FILE: one sheet each, the
 * same data as the commands' --json, for the province and the office.
 */
import { relative, resolve } from 'node:path';
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { awardsOf } from '../core/awards.js';
import { awardsSheet, listSheet, reportSheet, tallySheet, type SheetData } from '../core/exports.js';
import { tallyRound } from '../core/tally.js';
import { closest } from '../core/text/closest.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { loadReport } from '../shell/period.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import { currentBytes, writeFileAtomic } from '../shell/safe-write.js';
import { resolveSubject } from '../shell/subject-arg.js';
import { inert } from '../shell/terminal.js';

const WHAT = ['list', 'tally', 'awards', 'report'] as const;

function yearOf(what: string, subject: string | undefined): number {
  if (subject === undefined || !/^\d{4}$/.test(subject))
    throw usageError(
      t(`thiếu năm: thidua export ${what} NĂM --xlsx TỆP`, `missing the year: thidua export ${what} YEAR --xlsx FILE`),
    );
  return Number(subject);
}

export async function run(ctx: CommandContext, input: Input<'export'>): Promise<number> {
  const what = input.args.what;
  const o = input.options;
  if (!(WHAT as readonly string[]).includes(what)) {
    const g = closest(what, WHAT);
    throw usageError(
      t(
        `xuất “list”, “tally”, “awards” hoặc “report”, không phải “${inert(what)}”${g ? ` (có phải “${g}”?)` : ''}`,
        `export “list”, “tally”, “awards” or “report”, not “${inert(what)}”${g ? ` (did you mean “${g}”?)` : ''}`,
      ),
    );
  }
  if (o.xlsx === undefined)
    throw usageError(t('cần --xlsx TỆP (tệp Excel sẽ ghi)', 'needs --xlsx FILE (the Excel file to write)'));
  const target = resolve(ctx.cwd, o.xlsx);
  if (!target.toLowerCase().endsWith('.xlsx'))
    throw usageError(
      t(
        `--xlsx ${inert(o.xlsx)}: tên tệp phải kết thúc bằng .xlsx`,
        `--xlsx ${inert(o.xlsx)}: the file name must end in .xlsx`,
      ),
    );
  if (currentBytes(target) !== null && !o.force)
    throw findingsError(
      t(`${inert(o.xlsx)} đã có; dùng --force để ghi đè`, `${inert(o.xlsx)} exists; use --force to overwrite`),
    );
  const root = ctx.root();
  let sheet: SheetData;
  if (what === 'report') {
    const { report } = await loadReport(ctx, o);
    sheet = reportSheet(report);
  } else if (what === 'awards') {
    if (input.args.subject === undefined)
      throw usageError(
        t(
          'thiếu mã hay tên: thidua export awards MÃ --xlsx TỆP',
          'missing the id or name: thidua export awards ID --xlsx FILE',
        ),
      );
    const loaded = await loadAndValidate(root, null, ctx);
    const s = resolveSubject(loaded.index, input.args.subject);
    sheet = awardsSheet(
      s.name,
      awardsOf(loaded.workspace, s.id),
      loaded.index,
      loaded.workspace.agency?.value.symbol ?? '',
    );
  } else {
    const year = yearOf(what, input.args.subject);
    const loaded = await loadAndValidate(root, [year], ctx);
    const round = roundOf(loaded, year);
    refuseIfErrors(ctx, loaded, false, t(`không xuất đợt ${year}`, `round ${year} not exported`));
    if (!round.council?.value.session)
      throw findingsError(
        t(
          `đợt ${year} chưa có phiên họp xét (thidua session ${year})`,
          `round ${year} has no review meeting yet (thidua session ${year})`,
        ),
      );
    if (what === 'list' && !round.tally)
      throw findingsError(
        t(
          `đợt ${year} chưa niêm phong kết quả (thidua tally ${year} --seal); danh sách chỉ xuất sau khi niêm phong`,
          `round ${year} is not sealed (thidua tally ${year} --seal); the list is exported only once sealed`,
        ),
      );
    const view = loaded.view(round);
    const tally = tallyRound(round, view, view.agency!.threshold);
    sheet = what === 'list' ? listSheet(tally, view, round) : tallySheet(tally, view, round);
  }
  const { xlsxBytes } = await import('../shell/xlsx-writer.js');
  const bytes = await xlsxBytes(sheet, `thidua ${ctx.version}`);
  // The file is the user's own choice (as --out): written atomically, wherever they asked.
  writeFileAtomic(target, bytes);
  const shown = relative(ctx.cwd, target) || target;
  if (o.json) ctx.out(JSON.stringify({ file: target, sheet: sheet.name, rows: sheet.rows.length }, null, 2));
  else
    ctx.say(
      t(
        `Đã ghi ${inert(shown)}: trang “${inert(sheet.name)}”, ${sheet.rows.length} dòng.`,
        `Wrote ${inert(shown)}: sheet “${inert(sheet.name)}”, ${sheet.rows.length} rows.`,
      ),
    );
  return EXIT.ok;
}
