/**
 * thidua import people|departments FILE: a staff list or the departments from a spreadsheet.
 * Rows are matched by id or name; every bad row is reported at its cell with validate's codes and
 * messages; nothing is written unless the whole import is valid; importing again updates by id.
 */
import { join, relative, resolve } from 'node:path';
import type { Input } from './definitions.js';
import { t, type Diagnostic, type Lang } from '../core/diagnostics.js';
import { shortDate } from '../core/dates.js';
import { mapColumns, type Field, type ImportKind } from '../core/import/columns.js';
import type { Encoding } from '../core/import/csv.js';
import { itemLines, updateListText } from '../core/import/list-file.js';
import { mergedList, planDepartments, planPeople, type ImportPlan, type PlannedRow } from '../core/import/plan.js';
import { cellPlace, cellText, type Cell, type Sheet } from '../core/import/sheet.js';
import { closest } from '../core/text/closest.js';
import { EXIT, failedQuietly, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { checkDrafts } from '../shell/draft-check.js';
import { formatDiagnostic, diagnosticJson } from '../shell/format-diagnostics.js';
import { loadAndValidate } from '../shell/load.js';
import { withLock } from '../shell/lock.js';
import { assertInside, replaceFileChecked } from '../shell/safe-write.js';
import { readSheet } from '../shell/spreadsheet.js';
import { inert, table } from '../shell/terminal.js';
import type { Department, Person } from '../core/schemas/organisation.js';

const KINDS: readonly ImportKind[] = ['people', 'departments'];
const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258'];
const PEOPLE = 'records/people.yaml';
const DEPARTMENTS = 'records/departments.yaml';
const EMPTY: Record<string, string> = {
  [PEOPLE]: '# yaml-language-server: $schema=../schemas/people.schema.json\n[]\n',
  [DEPARTMENTS]: '# yaml-language-server: $schema=../schemas/departments.schema.json\n[]\n',
};

const FIELD_NAMES: Record<Field, { vi: string; en: string }> = {
  id: t('Mã', 'Id'),
  name: t('Tên', 'Name'),
  gender: t('Giới tính', 'Gender'),
  position: t('Chức vụ', 'Position'),
  department: t('Phòng', 'Department'),
  leader: t('Lãnh đạo', 'Leader'),
  head: t('Trưởng phòng', 'Head'),
};

export async function run(ctx: CommandContext, input: Input<'import'>): Promise<number> {
  const { lang } = ctx;
  const kind = input.args.kind as ImportKind;
  if (!KINDS.includes(kind)) {
    const g = closest(input.args.kind, KINDS);
    throw usageError(
      t(
        `nhập “people” (cán bộ) hoặc “departments” (các phòng), không phải “${inert(input.args.kind)}”${g ? ` (có phải “${g}”?)` : ''}`,
        `import “people” or “departments”, not “${inert(input.args.kind)}”${g ? ` (did you mean “${g}”?)` : ''}`,
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
        `${inert(shown)}${read.sheet.name ? ` (trang “${inert(read.sheet.name)}”)` : ''}: không thấy hàng tiêu đề có cột tên (ví dụ “${kind === 'people' ? 'Họ và tên' : 'Tên phòng'}”) trong 10 hàng đầu; chỉ cột bằng --map “tiêu đề=name”${read.sheets.length > 1 ? `; các trang: ${read.sheets.map(inert).join(', ')} (--sheet)` : ''}`,
        `${inert(shown)}${read.sheet.name ? ` (sheet “${inert(read.sheet.name)}”)` : ''}: no header row with a name column (e.g. “${kind === 'people' ? 'Họ và tên' : 'Tên phòng'}”) in the first 10 rows; point to it with --map “header=name”${read.sheets.length > 1 ? `; sheets: ${read.sheets.map(inert).join(', ')} (--sheet)` : ''}`,
      ),
    );
  }
  const { mapping } = mapped;
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
  if (kind === 'people') {
    compose(
      PEOPLE,
      people,
      plan.rows.map((r) => ({ id: r.id, record: r.record, row: r })),
    );
    compose(
      DEPARTMENTS,
      departments,
      plan.newDepartments.map((d) => ({ id: d.id, record: d, row: null, deptCell: firstNaming(plan, d.id) })),
    );
  } else {
    compose(
      DEPARTMENTS,
      departments,
      plan.rows.map((r) => ({ id: r.id, record: r.record, row: r })),
    );
  }

  // Every finding the new files bring, placed back on the sheet.
  const findings: Diagnostic[] = plan.problems.map((p) =>
    atCell(read.sheet, shown, p.cell, p.code, 'error', p.message),
  );
  for (const d of checkDrafts(loaded, texts)) {
    const placed = texts.has(d.file)
      ? placeFinding(d, texts.get(d.file)!, owners.get(d.file)!, read.sheet, shown)
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
          diagnostics: findings.map((d) => diagnosticJson(d, lang)),
        },
        null,
        2,
      ),
    );
  } else {
    printPlan(ctx, plan, read.sheet, shown, mapping.columns, mapping.ignored, asOf, read.encoding);
    for (const d of findings) ctx.err(formatDiagnostic(d, lang, ctx.style) + '\n');
  }
  if (errors.length > 0) {
    if (!o.json)
      ctx.warn(
        t(
          `thidua: ${errors.length} lỗi; không ghi gì — sửa bảng tính rồi nhập lại`,
          `thidua: ${errors.length} error(s); nothing written — correct the spreadsheet and import again`,
        ),
      );
    throw failedQuietly();
  }
  if (o.dryRun || texts.size === 0) {
    if (!o.json)
      ctx.say(
        o.dryRun
          ? t('Chạy thử: không ghi gì.', 'Dry run: nothing written.')
          : t('Không có gì thay đổi; không ghi gì.', 'Nothing changed; nothing written.'),
      );
    return EXIT.ok;
  }
  await withLock(root, ctx.warn, () => {
    for (const [rel, text] of texts) {
      const abs = join(root, rel);
      assertInside(root, abs);
      replaceFileChecked(abs, text, original(rel), rel);
    }
  });
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
  return kind === 'people' ? 'id, name, gender, position, department, leader' : 'id, name, head';
}

function firstNaming(plan: ImportPlan, departmentId: string): Cell | undefined {
  return plan.rows.find((r) => (r.record as Person).department === departmentId)?.cells.get('department');
}

function atCell(
  sheet: Sheet,
  shown: string,
  cell: Cell,
  code: Diagnostic['code'],
  severity: Diagnostic['severity'],
  message: { vi: string; en: string },
): Diagnostic {
  return {
    severity,
    code,
    file: shown,
    line: cell.line ?? cell.row,
    column: cell.column ?? cell.col,
    message,
    ...(sheet.name !== undefined ? { place: cellPlace(sheet, cell) } : {}),
  };
}

/** A finding in the would-be people.yaml or departments.yaml, moved to the cell it came from. */
function placeFinding(
  d: Diagnostic,
  text: string,
  owners: Map<number, { row: PlannedRow | null; deptCell?: Cell }>,
  sheet: Sheet,
  shown: string,
): Diagnostic | null {
  const items = itemLines(text);
  const index = items.findIndex((it) => d.line >= it.start && d.line <= it.end);
  const owner = owners.get(index);
  if (index < 0 || !owner) return null;
  if (!owner.row) return owner.deptCell ? atCell(sheet, shown, owner.deptCell, d.code, d.severity, d.message) : null;
  const field = items[index]!.fields.find(
    (f) =>
      (d.line > f.line || (d.line === f.line && d.column >= f.column)) &&
      (d.line < f.endLine || (d.line === f.endLine && d.column <= f.endColumn)),
  )?.key;
  const row = owner.row;
  let cell: Cell | undefined;
  if (field === 'changes') cell = [...row.cells.values()].find((c) => c.col !== row.first.col) ?? row.first;
  else if (field === 'id' && row.generatedId) cell = row.cells.get('name');
  else if (field !== undefined) cell = row.cells.get(field as Field);
  return atCell(sheet, shown, cell ?? row.first, d.code, d.severity, d.message);
}

function yesNo(v: unknown, lang: Lang): string {
  if (v === true) return lang === 'vi' ? 'có' : 'yes';
  if (v === false) return lang === 'vi' ? 'không' : 'no';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function printPlan(
  ctx: CommandContext,
  plan: ImportPlan,
  sheet: Sheet,
  shown: string,
  columns: Map<Field, Cell>,
  ignored: string[],
  asOf: string,
  encoding?: string,
): void {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const where =
    sheet.name !== undefined
      ? vi
        ? ` (trang “${inert(sheet.name)}”)`
        : ` (sheet “${inert(sheet.name)}”)`
      : encoding
        ? vi
          ? ` (bảng mã ${encoding})`
          : ` (${encoding})`
        : '';
  const n = plan.rows.length;
  const nNew = plan.rows.filter((r) => r.status === 'new').length;
  const nChanged = plan.rows.filter((r) => r.status === 'changed').length;
  const what =
    plan.kind === 'people'
      ? vi
        ? 'người'
        : n === 1
          ? 'person'
          : 'people'
      : vi
        ? 'phòng'
        : n === 1
          ? 'department'
          : 'departments';
  ctx.out(
    vi
      ? `Nhập từ ${inert(shown)}${where}: ${n} ${what} — ${nNew} mới, ${nChanged} thay đổi, ${n - nNew - nChanged} không đổi${plan.newDepartments.length ? `; ${plan.newDepartments.length} phòng mới` : ''}.`
      : `Import from ${inert(shown)}${where}: ${n} ${what} — ${nNew} new, ${nChanged} changed, ${n - nNew - nChanged} unchanged${plan.newDepartments.length ? `; ${plan.newDepartments.length} new departments` : ''}.`,
  );
  ctx.out(
    (vi ? 'Cột: ' : 'Columns: ') +
      [...columns].map(([f, c]) => `${inert(cellText(c.value))} → ${f}`).join(', ') +
      (ignored.length
        ? vi
          ? `; bỏ qua: ${ignored.map(inert).join(', ')}`
          : `; ignored: ${ignored.map(inert).join(', ')}`
        : ''),
  );
  const fields: Field[] =
    plan.kind === 'people' ? ['name', 'gender', 'position', 'department', 'leader'] : ['name', 'head'];
  const show = (f: Field, v: unknown) =>
    f === 'leader'
      ? yesNo(v, lang)
      : f === 'gender' && v === 'nu'
        ? vi
          ? 'nữ'
          : 'female'
        : f === 'gender' && v === 'nam'
          ? vi
            ? 'nam'
            : 'male'
          : typeof v === 'string'
            ? v
            : '';
  const status = (r: PlannedRow) => {
    if (r.status === 'new') return vi ? 'mới' : 'new';
    if (r.status === 'same') return vi ? 'không đổi' : 'unchanged';
    const dated = plan.kind === 'people' && r.changes.some((c) => c.field !== 'gender');
    return (
      r.changes
        .map(
          (c) =>
            `${FIELD_NAMES[c.field][lang].toLowerCase()}: ${show(c.field, c.from) || '—'} → ${show(c.field, c.to) || '—'}`,
        )
        .join('; ') + (dated ? (vi ? ` (từ ${shortDate(asOf)})` : ` (from ${asOf})`) : '')
    );
  };
  const rows = plan.rows.map((r) => {
    const rec = r.record as unknown as Record<string, unknown>;
    const now =
      plan.kind === 'people' && r.status === 'changed'
        ? { ...rec, ...Object.fromEntries(r.changes.map((c) => [c.field, c.to])) }
        : rec;
    return [r.id, ...fields.map((f) => inert(show(f, now[f]))), inert(status(r))];
  });
  ctx.out(
    table(
      [FIELD_NAMES.id[lang], ...fields.map((f) => FIELD_NAMES[f][lang]), vi ? 'Thay đổi' : 'Change'],
      rows,
      [],
      ctx.style,
      ctx.columns,
    ),
  );
  if (plan.newDepartments.length) {
    ctx.out(
      (vi
        ? 'Phòng mới (ghi vào records/departments.yaml): '
        : 'New departments (written to records/departments.yaml): ') +
        plan.newDepartments.map((d: Department) => `${d.id} (${inert(d.name)})`).join(', '),
    );
  }
}
