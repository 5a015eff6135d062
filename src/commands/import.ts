/**
 * thidua import people|departments FILE: a staff list or the departments from a spreadsheet.
 * Rows are matched by id or name; every bad row is reported at its cell with validate's codes and
 * messages; nothing is written unless the whole import is valid; importing again updates by id.
 */
import { relative, resolve } from 'node:path';
import type { Input } from './definitions.js';
import { t, type Diagnostic, type Localized } from '../core/diagnostics.js';
import { MAX_FILE_BYTES } from '../core/yaml/limits.js';
import { shortDate } from '../core/dates.js';
import { FIELDS, mapColumns, type ImportKind } from '../core/import/columns.js';
import type { Encoding } from '../core/import/csv.js';
import { updateListText } from '../core/import/list-file.js';
import { atCell, placeFinding } from '../shell/import-place.js';
import { printPlan } from '../shell/import-print.js';
import { mergedList, planPeople, type ImportPlan, type PlannedRow } from '../core/import/plan.js';
import { planDepartments } from '../core/import/departments-plan.js';
import type { Cell } from '../core/import/sheet.js';
import { closest } from '../core/text/closest.js';
import { unitWord } from '../core/period.js';
import { EXIT, usageError } from '../errors.js';
import { stopsBeforeWriting } from '../shell/import-outcome.js';
import type { CommandContext } from '../shell/context.js';
import { checkDrafts } from '../shell/draft-check.js';
import { formatDiagnostic, diagnosticJson } from '../shell/format-diagnostics.js';
import { loadAndValidate } from '../shell/load.js';
import { withLock } from '../shell/lock.js';
import { writeAll } from '../shell/write-all.js';
import { atRatingCell, ratingsDraft } from '../shell/import-ratings.js';
import { readSheet } from '../shell/spreadsheet.js';
import { inert } from '../shell/terminal.js';
import type { Department, Person } from '../core/schemas/organisation.js';

const KINDS: readonly ImportKind[] = ['people', 'departments', 'nominations'];
const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258'];
const PEOPLE = 'records/people.yaml';
const DEPARTMENTS = 'records/departments.yaml';
const EMPTY: Record<string, string> = {
  [PEOPLE]: '# yaml-language-server: $schema=../schemas/people.schema.json\n[]\n',
  [DEPARTMENTS]: '# yaml-language-server: $schema=../schemas/departments.schema.json\n[]\n',
};

export async function run(ctx: CommandContext, input: Input<'import'>): Promise<number> {
  const { lang } = ctx;
  const kind = input.args.kind as ImportKind;
  if (!KINDS.includes(kind)) {
    const g = closest(input.args.kind, KINDS);
    throw usageError(
      t(
        `nhập “people” (cán bộ), “departments” (các phòng) hoặc “nominations” (đề nghị), không phải “${inert(input.args.kind)}”${g ? ` (có phải “${g}”?)` : ''}`,
        `import “people”, “departments” or “nominations”, not “${inert(input.args.kind)}”${g ? ` (did you mean “${g}”?)` : ''}`,
      ),
    );
  }
  const o = input.options;
  if (o.encoding !== undefined && !ENCODINGS.includes(o.encoding as Encoding)) {
    throw usageError(
      t(`--encoding phải là một trong: ${ENCODINGS.join(', ')}`, `--encoding must be one of: ${ENCODINGS.join(', ')}`),
    );
  }
  const root = ctx.root();
  const path = resolve(ctx.cwd, input.args.file);
  const shown = relative(ctx.cwd, path) || input.args.file;
  const read = await readSheet(path, shown, {
    ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
    ...(o.encoding !== undefined ? { encoding: o.encoding as Encoding } : {}),
  });
  const mapped = mapColumns(read.sheet, kind, o.map);
  if ('problem' in mapped) {
    if (mapped.problem === 'bad-map')
      throw usageError(
        t(
          `--map “${inert(mapped.entry)}”: cần dạng “tiêu đề cột=trường” với trường là ${fieldsOf(kind)}`,
          `--map “${inert(mapped.entry)}”: write “column header=field” with a field among ${fieldsOf(kind)}`,
        ),
      );
    if (mapped.problem === 'twice')
      throw usageError(
        t(
          `${inert(shown)}: hai cột cùng là trường ${mapped.field} (${mapped.headers.map(inert).join(', ')}); chọn một bằng --map`,
          `${inert(shown)}: two columns are both the field ${mapped.field} (${mapped.headers.map(inert).join(', ')}); choose one with --map`,
        ),
      );
    throw usageError(
      t(
        `${inert(shown)}${read.sheet.name ? ` (trang “${inert(read.sheet.name)}”)` : ''}: không thấy hàng tiêu đề có cột tên (ví dụ “${kind === 'departments' ? 'Tên phòng' : 'Họ và tên'}”) trong 10 hàng đầu; chỉ cột bằng --map “tiêu đề=name”${read.sheets.length > 1 ? `; các trang: ${read.sheets.map(inert).join(', ')} (--sheet)` : ''}`,
        `${inert(shown)}${read.sheet.name ? ` (sheet “${inert(read.sheet.name)}”)` : ''}: no header row with a name column (e.g. “${kind === 'departments' ? 'Tên phòng' : 'Họ và tên'}”) in the first 10 rows; point to it with --map “header=name”${read.sheets.length > 1 ? `; sheets: ${read.sheets.map(inert).join(', ')} (--sheet)` : ''}`,
      ),
    );
  }
  const { mapping } = mapped;
  if (kind === 'nominations') {
    const { importNominations } = await import('../shell/import-nominations.js');
    return importNominations(ctx, o, { sheet: read.sheet, shown }, mapping);
  }
  if (o.year !== undefined && kind !== 'people')
    throw usageError(
      t(
        '--year chỉ dùng khi nhập đề nghị (nominations) hoặc xếp loại của cán bộ (people)',
        '--year goes only with nominations, or with the ratings of people',
      ),
    );
  if (o.markLeft !== undefined && kind !== 'people')
    throw usageError(t('--mark-left chỉ dùng khi nhập cán bộ (people)', '--mark-left goes only with people'));
  const loaded = await loadAndValidate(root, null, ctx);
  const ws = loaded.workspace;
  if (
    ws.unavailable?.people ||
    ws.unavailable?.departments ||
    loaded.snapshot.files.get(PEOPLE)?.kind === 'unreadable'
  ) {
    throw usageError(
      t(
        'records/people.yaml hoặc records/departments.yaml không đọc được; sửa trước (thidua validate)',
        'records/people.yaml or records/departments.yaml cannot be read; fix it first (thidua validate)',
      ),
    );
  }
  const people = ws.people.map((p) => p.value);
  const departments = ws.departments.map((d) => d.value);
  const asOf = o.from ?? ctx.today();
  const plan =
    kind === 'people'
      ? planPeople(read.sheet, mapping, people, departments, asOf)
      : planDepartments(read.sheet, mapping, departments, people, asOf);

  // The files as they would be.
  const original = (rel: string) => {
    const e = loaded.snapshot.files.get(rel);
    return e?.kind === 'file' ? Buffer.from(e.bytes) : null;
  };
  const texts = new Map<string, string>();
  const owners = new Map<string, Map<number, { row: PlannedRow | null; deptCell?: Cell }>>();
  type Item = { id: string; record: Person | Department; row: PlannedRow | null; deptCell?: Cell | undefined };
  const compose = (rel: string, existing: Array<Person | Department>, planned: Item[]) => {
    const { list, rowIndex } = mergedList(
      existing,
      planned.map((p) => p.record),
    );
    const changed = new Map<number, object>();
    const who = new Map<number, { row: PlannedRow | null; deptCell?: Cell }>();
    for (const p of planned) {
      const i = rowIndex.get(p.id)!;
      if (!p.row || p.row.status !== 'same') changed.set(i, list[i]!);
      who.set(i, { row: p.row, ...(p.deptCell ? { deptCell: p.deptCell } : {}) });
    }
    if (changed.size === 0) return;
    texts.set(rel, updateListText((original(rel) ?? Buffer.from(EMPTY[rel]!)).toString('utf8'), changed, list.length));
    owners.set(rel, who);
  };
  let ratings: ReturnType<typeof ratingsDraft> = null;
  if (kind === 'people') {
    const markLeft = o.markLeft;
    const gone =
      markLeft === undefined
        ? []
        : plan.missing.map((p) => ({ id: p.id, record: { ...p, left: markLeft }, row: null }));
    compose(PEOPLE, people, [...plan.rows.map((r) => ({ id: r.id, record: r.record, row: r })), ...gone]);
    compose(
      DEPARTMENTS,
      departments,
      plan.newDepartments.map((d) => ({ id: d.id, record: d, row: null, deptCell: firstNaming(plan, d.id) })),
    );
    ratings = ratingsDraft(loaded, o.year, mapping, plan.rows);
    if (ratings && 'rel' in ratings && ratings.text !== null) {
      texts.set(ratings.rel, ratings.text);
      owners.set(ratings.rel, ratings.owners);
    }
  } else {
    compose(
      DEPARTMENTS,
      departments,
      plan.rows.map((r) => ({ id: r.id, record: r.record, row: r })),
    );
  }

  // Every finding the new files bring, placed back on the sheet.
  const findings: Diagnostic[] = [...plan.problems, ...(ratings && 'rel' in ratings ? ratings.problems : [])].map((p) =>
    atCell(read.sheet, shown, p.cell, p.code, 'error', p.message),
  );
  for (const d of checkDrafts(loaded, texts)) {
    // A file refused by its size was not read: its finding is about the whole file the import would write.
    if (texts.has(d.file) && d.code === 'file-too-large') {
      findings.push({ ...d, source: undefined, message: wouldBeTooLarge(d.file, texts.get(d.file)!) });
      continue;
    }
    const placed = texts.has(d.file)
      ? placeFinding(d, texts.get(d.file)!, owners.get(d.file)!, read.sheet, shown)
      : ratings && 'rel' in ratings
        ? atRatingCell(d, loaded, ratings, read.sheet, shown)
        : null;
    findings.push(placed ?? d);
  }
  const errors = findings.filter((d) => d.severity === 'error');

  const counts = {
    new: plan.rows.filter((r) => r.status === 'new').length,
    changed: plan.rows.filter((r) => r.status === 'changed').length,
    same: plan.rows.filter((r) => r.status === 'same').length,
  };
  if (o.json) {
    ctx.out(
      JSON.stringify(
        {
          kind,
          file: shown,
          sheet: read.sheet.name ?? null,
          encoding: read.encoding ?? null,
          dry_run: o.dryRun,
          written: errors.length === 0 && !o.dryRun && texts.size > 0,
          counts,
          rows: plan.rows.map((r) => ({ id: r.id, status: r.status, record: r.record, changes: r.changes })),
          new_departments: plan.newDepartments,
          missing: plan.missing.map((p) => p.id),
          ratings: ratings && 'rel' in ratings ? { file: ratings.rel, counts: ratings.counts } : null,
          diagnostics: findings.map((d) => diagnosticJson(d, lang)),
        },
        null,
        2,
      ),
    );
  } else {
    printPlan(
      ctx,
      plan,
      read.sheet,
      shown,
      mapping.columns,
      mapping.ignored,
      asOf,
      unitWord(ws.agency?.value),
      read.encoding,
    );
    if (ratings) ctx.out(('rel' in ratings ? ratings.summary : ratings.note)[lang]);
    if (plan.missing.length > 0) {
      const names = plan.missing
        .map(
          (p) =>
            `${inert(p.name)} (${p.id}${p.department ? `, ${inert(ws.departments.find((d) => d.value.id === p.department)?.value.name ?? p.department)}` : ''})`,
        )
        .join(', ');
      ctx.out(
        o.markLeft !== undefined
          ? t(
              `Không còn trong bảng tính, ghi ngày nghỉ ${shortDate(o.markLeft)} (left): ${names}.`,
              `No longer in the sheet, recorded as left on ${o.markLeft}: ${names}.`,
            )[lang]
          : t(
              `Có trong hồ sơ nhưng không có trong bảng tính (${plan.missing.length}): ${names}. Nếu họ đã nghỉ hoặc chuyển đi: nhập lại với --mark-left NGÀY (quá trình khen thưởng của họ vẫn giữ).`,
              `In the records but not in the sheet (${plan.missing.length}): ${names}. If they have left or moved: import again with --mark-left DATE (their awards history stays).`,
            )[lang],
      );
    }
    for (const d of findings) ctx.err(formatDiagnostic(d, lang, ctx.style) + '\n');
  }
  if (stopsBeforeWriting(ctx, o, errors.length, texts.size)) return EXIT.ok;
  // Both lists or neither: a file changed meanwhile refuses the import, and what was written is put back.
  await withLock(root, ctx.warn, () =>
    writeAll(
      root,
      [...texts].map(([rel, text]) => ({ rel, text, before: original(rel) })),
    ),
  );
  if (!o.json) {
    ctx.say(t(`Đã ghi ${[...texts.keys()].join(', ')}.`, `Wrote ${[...texts.keys()].join(', ')}.`));
    if (kind === 'people' && counts.new > 0)
      ctx.say(
        t(
          'Tiếp theo: thidua validate; thidua round NĂM --member MÃ:chu-tich --member … (Hội đồng của đợt đầu tiên).',
          'Next: thidua validate; thidua round YEAR --member ID:chu-tich --member … (the council of the first round).',
        ),
      );
  }
  return EXIT.ok;
}

function fieldsOf(kind: ImportKind): string {
  return FIELDS[kind].join(', ');
}

function firstNaming(plan: ImportPlan, departmentId: string): Cell | undefined {
  return plan.rows.find((r) => (r.record as Person).department === departmentId)?.cells.get('department');
}

function wouldBeTooLarge(file: string, text: string): Localized {
  const size = Buffer.byteLength(text, 'utf8');
  return t(
    `nhập bảng này thì ${file} sẽ lớn ${size} byte, vượt giới hạn 1 MiB (${MAX_FILE_BYTES} byte) của một tệp hồ sơ`,
    `this import would make ${file} ${size} bytes, over the 1 MiB (${MAX_FILE_BYTES} bytes) a record file may hold`,
  );
}
