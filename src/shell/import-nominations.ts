/**
 * thidua import nominations FILE --year YEAR: a unit's list of nominations, one per row. Every bad
 * row is reported at its cell with the code validate gives; nothing is written unless every row is
 * valid; a second import of the same sheet changes nothing; a unit's sheet sent later adds its rows.
 */
import { join } from 'node:path';
import { t, type Diagnostic } from '../core/diagnostics.js';
import type { Field, Mapping } from '../core/import/columns.js';
import { planNominations, type PlannedNomination } from '../core/import/nomination-plan.js';
import type { Sheet } from '../core/import/sheet.js';
import { REGISTRATION, roundDeadline } from '../core/deadlines.js';
import { defaultSubmitted } from '../core/nomination.js';
import { periodOf, unitWord } from '../core/period.js';
import { renderNominationFile } from '../core/record-files.js';
import { DEPARTMENTS_FILE, nominationPath, nominationsDir, PEOPLE_FILE, TITLES_FILE } from '../core/records/paths.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import { stopsBeforeWriting } from './import-outcome.js';
import type { CommandContext } from './context.js';
import { formatDiagnostic, diagnosticJson } from './format-diagnostics.js';
import { checkDrafts } from './draft-check.js';
import { loadAndValidate } from './load.js';
import { withLock } from './lock.js';
import { ensureDirInside } from './safe-write.js';
import { changedSinceRead, writeAll } from './write-all.js';
import { inert, table } from './terminal.js';
import { roundOf } from './round.js';
import { atCell } from './import-place.js';

/** The shared records a plan of nominations rests on: whose ids and names it matched. */
const PLAN_INPUTS = [PEOPLE_FILE, DEPARTMENTS_FILE, TITLES_FILE];

/** Which column a key of the nomination file came from, to place its findings. */
const KEY_FIELD: Record<string, Field> = {
  person: 'name',
  department: 'department',
  award: 'award',
  title: 'achievement',
  initiative: 'initiative',
  initiative_id: 'initiative',
  submitted: 'submitted',
  rating: 'rating',
};

export async function importNominations(
  ctx: CommandContext,
  o: { year?: number | undefined; dryRun: boolean; json: boolean },
  read: { sheet: Sheet; shown: string },
  mapping: Mapping,
): Promise<number> {
  const year = o.year;
  if (year === undefined)
    throw usageError(
      t('thiếu --year NĂM: đợt nhận các đề nghị', 'missing --year YEAR: the round the nominations go to'),
    );
  const { sheet, shown } = read;
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  if (round.tallyPresent)
    throw findingsError(
      t(`đợt ${year} đã niêm phong kết quả; không thêm đề nghị`, `round ${year} is sealed; no more nominations`),
    );
  if (round.ballotFiles.length > 0)
    throw findingsError(
      t(
        `đợt ${year} đã có ${round.ballotFiles.length} phiếu bầu; không nhập đề nghị sau khi đã bỏ phiếu (thidua nominate --force cho từng đề nghị, nếu Hội đồng quyết định)`,
        `round ${year} already has ${round.ballotFiles.length} ballot(s); nominations are not imported after the vote (thidua nominate --force for each, if the council decides)`,
      ),
    );
  const view = loaded.view(round);
  const agency = view.agency ?? loaded.workspace.agency?.value;
  const catalogue = view.catalogue ?? loaded.workspace.criteria?.value;
  if (!agency || !catalogue)
    throw findingsError(
      t(
        'hồ sơ chung có lỗi (agency.yaml, criteria.yaml); chạy thidua validate',
        'the shared records have errors (agency.yaml, criteria.yaml); run thidua validate',
      ),
    );
  const unit = unitWord(agency);
  const plan = planNominations(sheet, mapping, {
    year,
    view,
    catalogue,
    existing: round.nominations.map((n) => n.value),
    brokenIds: [...round.brokenNominationIds],
    submitted: defaultSubmitted(
      ctx.today(),
      year,
      roundDeadline(agency, year, REGISTRATION)?.before ?? null,
      periodOf(agency),
    ),
    unit,
  });

  // The files as they would be, and every finding they bring placed back at its row.
  const pathOf = (p: PlannedNomination) =>
    round.nominations.find((n) => n.value.id === p.nomination.id)?.loc.file ?? nominationPath(year, p.nomination.id);
  const drafts = new Map<string, { text: string; row: PlannedNomination }>();
  for (const p of plan.rows)
    if (p.status !== 'same') drafts.set(pathOf(p), { text: renderNominationFile(p.nomination), row: p });
  const findings: Diagnostic[] = plan.problems.map((p) => atCell(sheet, shown, p.cell, p.code, 'error', p.message));
  for (const d of checkDrafts(loaded, new Map([...drafts].map(([p, d]) => [p, d.text])), [year])) {
    const owner = drafts.get(d.file);
    if (!owner) {
      findings.push(d);
      continue;
    }
    const key = keyAtLine(owner.text, d.line);
    const cell =
      (key !== undefined ? owner.row.row.cells.get(KEY_FIELD[key] ?? 'name') : undefined) ?? owner.row.row.first;
    findings.push(atCell(sheet, shown, cell, d.code, d.severity, d.message));
  }
  const errors = findings.filter((d) => d.severity === 'error');
  const count = (s: PlannedNomination['status']) => plan.rows.filter((r) => r.status === s).length;
  const vi = ctx.lang === 'vi';
  if (o.json) {
    ctx.out(
      JSON.stringify(
        {
          kind: 'nominations',
          file: shown,
          year,
          dry_run: o.dryRun,
          written: errors.length === 0 && !o.dryRun && drafts.size > 0,
          counts: { new: count('new'), changed: count('changed'), same: count('same') },
          rows: plan.rows.map((r) => ({ row: r.row.first.row, status: r.status, nomination: r.nomination })),
          diagnostics: findings.map((d) => diagnosticJson(d, ctx.lang)),
        },
        null,
        2,
      ),
    );
  } else {
    const n = plan.rows.length;
    ctx.out(
      vi
        ? `Nhập đề nghị đợt ${year} từ ${inert(shown)}${sheet.name !== undefined ? ` (trang “${inert(sheet.name)}”)` : ''}: ${n} đề nghị — ${count('new')} mới, ${count('changed')} thay đổi, ${count('same')} không đổi.`
        : `Nominations for ${year} from ${inert(shown)}${sheet.name !== undefined ? ` (sheet “${inert(sheet.name)}”)` : ''}: ${n} — ${count('new')} new, ${count('changed')} changed, ${count('same')} unchanged.`,
    );
    const status = {
      new: vi ? 'mới' : 'new',
      changed: vi ? 'thay đổi' : 'changed',
      same: vi ? 'không đổi' : 'unchanged',
    };
    const word = unit[ctx.lang];
    ctx.out(
      table(
        [
          vi ? 'Hàng' : 'Row',
          vi ? 'Mã đề nghị' : 'Nomination',
          vi ? 'Cá nhân / tập thể' : 'Person / collective',
          word[0]!.toLocaleUpperCase('vi') + word.slice(1),
          vi ? 'Danh hiệu' : 'Title',
          vi ? 'Trạng thái' : 'Status',
        ],
        plan.rows.map((r) => {
          const x = r.nomination;
          return [
            String(r.row.first.row),
            x.id,
            inert(x.kind === 'individual' ? view.personName(x.person) : vi ? 'Tập thể' : 'Collective'),
            inert(view.departmentName(x.department)),
            inert(x.award !== undefined ? (view.titles.get(x.award)?.name ?? x.award) : '—'),
            status[r.status],
          ];
        }),
        [],
        ctx.style,
        ctx.columns,
      ),
    );
    for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
  }
  if (stopsBeforeWriting(ctx, o, errors.length, drafts.size)) return EXIT.ok;
  const original = (rel: string) => {
    const e = loaded.snapshot.files.get(rel);
    return e?.kind === 'file' ? e.bytes : null;
  };
  // All or nothing, under the lock: the ids, people and titles the plan took are read again first.
  await withLock(root, ctx.warn, () => {
    const changed = changedSinceRead(root, loaded.snapshot, [nominationsDir(year)], PLAN_INPUTS);
    if (changed.length)
      throw findingsError(
        t(
          `${changed.join(', ')} vừa bị thay đổi bởi một lệnh hoặc người khác trong lúc nhập; không ghi gì — nhập lại`,
          `${changed.join(', ')} changed by another command or person during the import; nothing written — import again`,
        ),
      );
    ensureDirInside(root, join(root, nominationsDir(year)));
    writeAll(
      root,
      [...drafts].map(([rel, d]) => ({ rel, text: d.text, before: d.row.status === 'new' ? null : original(rel) })),
    );
  });
  if (!o.json)
    ctx.say(
      t(
        `Đã ghi ${drafts.size} đề nghị vào ${nominationsDir(year)}/. Tiếp theo: thidua validate ${year}`,
        `Wrote ${drafts.size} nomination(s) into ${nominationsDir(year)}/. Next: thidua validate ${year}`,
      ),
    );
  return EXIT.ok;
}

/** The top-level key a line of a nomination file belongs to. */
function keyAtLine(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = /^([a-z_]+):/.exec(lines[i]!);
    if (m) return m[1];
  }
  return undefined;
}
