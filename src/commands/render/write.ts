/** Writing rendered documents: one document, the report, the reminders and PDF copies. */
import type { Input } from '../definitions.js';
import { basename, dirname, join, resolve, relative } from 'node:path';
import { t } from '../../core/diagnostics.js';
import { EXIT, failedQuietly, findingsError } from '../../errors.js';
import { loadReport } from '../../shell/period.js';
import { REPORT_FIELDS, REPORT_TEMPLATE_SPEC, reportModel } from '../../core/documents/report.js';
import type { DocumentDef } from '../../core/documents/index.js';
import type { CommandContext } from '../../shell/context.js';
import { loadAndValidate } from '../../shell/load.js';
import { loadTemplate, placeRendered } from '../../shell/documents.js';
import { formatDiagnostic } from '../../shell/format-diagnostics.js';
import { assertInside, ensureDir, writeFileAtomic } from '../../shell/safe-write.js';
import { convertToPdf, fontNotice, timesSubstitute } from '../../shell/pdf.js';
import { withLock } from '../../shell/lock.js';
import { olderMissingYears, overdueItems } from '../../core/overdue.js';
import { shortDate } from '../../core/dates.js';
import { REMINDER_FIELDS, REMINDER_TEMPLATE_SPEC, remindersModel } from '../../core/documents/reminders.js';
import { inert } from '../../shell/terminal.js';
import { agencyAsOf } from '../../core/agency.js';
import { unitWord } from '../../core/period.js';

/** Where documents go: --out (the user's own folder), or documents/ of the workspace. */
export function outFolder(ctx: CommandContext, root: string, opts: Input<'render'>['options']): string {
  return opts.out !== undefined ? resolve(ctx.cwd, opts.out) : join(root, 'documents');
}

/**
 * Writes one document that is not a round's (a report, the reminders) and its PDF copy when asked.
 * The file already there is read under the lock: one that differs from this render (edited by hand,
 * or written by another command meanwhile) is replaced only with --force.
 */
export async function writeDocument(
  ctx: CommandContext,
  root: string,
  opts: Input<'render'>['options'],
  target: string,
  bytes: Uint8Array,
  office: string | null,
): Promise<string | null> {
  // Nothing is read or written through a link out of the workspace (--out, the user's own folder, aside).
  if (opts.out === undefined) assertInside(root, target);
  await withLock(root, ctx.warn, () => {
    if (placeRendered(target, bytes, undefined, opts.force) === 'refused') {
      throw findingsError(
        t(
          `${target} đã có và khác bản in mới; dùng --force để ghi đè`,
          `${target} exists and differs from a fresh render; use --force to overwrite`,
        ),
      );
    }
    ensureDir(dirname(target));
    writeFileAtomic(target, bytes);
  });
  return office
    ? ((await writePdfCopies(ctx, root, office, [target], opts.pdfa, opts.out === undefined))[0] ?? null)
    : null;
}

/** render report --from --to [--date] [--out]: documents/bao-cao-tong-ket-FROM-TO.docx. */
export async function renderReport(
  ctx: CommandContext,
  opts: Input<'render'>['options'],
  office: string | null,
): Promise<number> {
  const { loaded, report } = await loadReport(ctx, opts);
  const root = ctx.root();
  const date = opts.date ?? ctx.today();
  const def = { template: 'bao-cao-tong-ket.txt', spec: REPORT_TEMPLATE_SPEC } as DocumentDef;
  const tl = loadTemplate(root, def, REPORT_FIELDS);
  if (!tl.template) {
    for (const d of tl.diagnostics) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    ctx.warn(
      t(
        `thidua: mẫu ${tl.source} không hợp lệ; không in báo cáo`,
        `thidua: the template ${tl.source} is not valid; no report rendered`,
      ),
    );
    throw failedQuietly();
  }
  const { renderDocx } = await import('../../render/docx-writer.js');
  const bytes = await renderDocx(
    reportModel(agencyAsOf(loaded.workspace.agency!.value, date), report, loaded.index, tl.template, date),
    `thidua ${ctx.version}`,
  );
  const target = join(outFolder(ctx, root, opts), `bao-cao-tong-ket-${report.from}-${report.to}.docx`);
  const pdf = await writeDocument(ctx, root, opts, target, bytes, office);
  if (opts.json)
    ctx.out(JSON.stringify({ file: target, ...(pdf ? { pdf } : {}), from: report.from, to: report.to }, null, 2));
  else
    ctx.say(
      t(
        `Đã ghi ${relative(ctx.cwd, target) || target}${pdf ? ` và ${relative(ctx.cwd, pdf) || pdf}` : ''}.`,
        `Wrote ${relative(ctx.cwd, target) || target}${pdf ? ` and ${relative(ctx.cwd, pdf) || pdf}` : ''}.`,
      ),
    );
  return EXIT.ok;
}

/** render reminders [--as-of D] [--year Y] [--date D]: documents/cong-van-don-doc-ASOF.docx, a letter per department behind. */
export async function renderReminders(
  ctx: CommandContext,
  opts: Input<'render'>['options'],
  office: string | null,
): Promise<number> {
  const root = ctx.root();
  const asOf = opts.asOf ?? ctx.today();
  const date = opts.date ?? ctx.today();
  const years = opts.year !== undefined ? [opts.year] : null;
  const loaded = await loadAndValidate(root, years, ctx);
  const agency = loaded.workspace.agency ? agencyAsOf(loaded.workspace.agency.value, date) : undefined;
  if (!agency)
    throw findingsError(
      t('records/agency.yaml có lỗi; chạy thidua validate', 'records/agency.yaml has errors; run thidua validate'),
    );
  const items = overdueItems(loaded.workspace, asOf, years).filter((i) => i.status === 'missing');
  const older = years === null ? olderMissingYears(loaded.workspace, asOf) : [];
  if (older.length && !opts.json)
    ctx.say(
      t(
        `Chỉ đôn đốc thời hạn của kỳ này; các đợt ${older.join(', ')} còn văn bản chưa nộp: thidua render reminders --year NĂM.`,
        `Only this period's deadlines are chased; rounds ${older.join(', ')} still miss documents: thidua render reminders --year YEAR.`,
      ),
    );
  if (items.length === 0) {
    ctx.say(
      t(
        `Tính đến ${shortDate(asOf)}: không ${unitWord(agency).vi} nào chưa nộp; không in công văn.`,
        `As of ${asOf}: no ${unitWord(agency).en} is behind; no letter rendered.`,
      ),
    );
    return EXIT.ok;
  }
  const def = { template: 'cong-van-don-doc.txt', spec: REMINDER_TEMPLATE_SPEC } as DocumentDef;
  const tl = loadTemplate(root, def, REMINDER_FIELDS);
  if (!tl.template) {
    for (const d of tl.diagnostics) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    ctx.warn(
      t(
        `thidua: mẫu ${tl.source} không hợp lệ; không in công văn`,
        `thidua: the template ${tl.source} is not valid; no letter rendered`,
      ),
    );
    throw failedQuietly();
  }
  const { renderDocx } = await import('../../render/docx-writer.js');
  const bytes = await renderDocx(
    remindersModel(agency, items, loaded.index, tl.template, asOf, date),
    `thidua ${ctx.version}`,
  );
  const target = join(outFolder(ctx, root, opts), `cong-van-don-doc-${asOf}.docx`);
  const pdf = await writeDocument(ctx, root, opts, target, bytes, office);
  const departments = [...new Set(items.map((i) => i.department))];
  if (opts.json) ctx.out(JSON.stringify({ file: target, ...(pdf ? { pdf } : {}), as_of: asOf, departments }, null, 2));
  else
    ctx.say(
      t(
        `Đã ghi ${relative(ctx.cwd, target) || target}: ${departments.length} công văn đôn đốc (${departments.map((d) => inert(loaded.index.departmentName(d))).join(', ')}).`,
        `Wrote ${relative(ctx.cwd, target) || target}: ${departments.length} reminder letters (${departments.map((d) => inert(loaded.index.departmentName(d))).join(', ')}).`,
      ),
    );
  return EXIT.ok;
}

/**
 * PDF copies of the documents just rendered, beside them (inside the workspace unless --out).
 * LibreOffice converts outside the lock (it takes seconds); the copies are written under it.
 */
export async function writePdfCopies(
  ctx: CommandContext,
  root: string,
  office: string,
  docx: readonly string[],
  pdfa: boolean,
  inside: boolean,
): Promise<string[]> {
  if (docx.length === 0) return [];
  const targets = docx.map((file) => file.replace(/\.docx$/, '.pdf'));
  if (inside) for (const target of targets) assertInside(root, target);
  const substitute = timesSubstitute(ctx.env);
  if (substitute !== null) ctx.warn(fontNotice(substitute));
  const pdfs = convertToPdf(office, docx, pdfa);
  await withLock(root, ctx.warn, () => {
    docx.forEach((file, i) => writeFileAtomic(targets[i]!, pdfs.get(basename(file))!));
  });
  return targets;
}
