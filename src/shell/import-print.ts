/** The table an import prints before it writes: each row, what it becomes, what changes. */
import type { Lang } from '../core/diagnostics.js';
import { t } from '../core/diagnostics.js';
import { shortDate } from '../core/dates.js';
import type { Field } from '../core/import/columns.js';
import type { ImportPlan, PlannedRow } from '../core/import/plan.js';
import { cellText, type Cell, type Sheet } from '../core/import/sheet.js';
import type { Department } from '../core/schemas/organisation.js';
import type { CommandContext } from './context.js';
import { inert, table } from './terminal.js';
import { unitHeading } from '../core/period.js';

const FIELD_NAMES: Record<Field, { vi: string; en: string }> = {
  id: t('Mã', 'Id'),
  name: t('Tên', 'Name'),
  gender: t('Giới tính', 'Gender'),
  position: t('Chức vụ', 'Position'),
  department: t('Phòng', 'Department'),
  leader: t('Lãnh đạo', 'Leader'),
  head: t('Trưởng phòng', 'Head'),
  joined: t('Ngày vào', 'Joined'),
  left: t('Ngày nghỉ', 'Left'),
  award: t('Danh hiệu', 'Title'),
  rating: t('Xếp loại', 'Rating'),
  achievement: t('Thành tích', 'Achievement'),
  initiative: t('Sáng kiến', 'Initiative'),
  submitted: t('Ngày nhận', 'Submitted'),
};

/** A field's name in a heading: the department and its head named with the agency's unit word ("Tổ", "Trưởng tổ"). */
function fieldName(f: Field, lang: Lang, unit: { vi: string; en: string }): string {
  if (f === 'department') return unitHeading(unit, lang);
  if (f === 'head') return lang === 'vi' ? `Trưởng ${unit.vi}` : FIELD_NAMES.head.en;
  return FIELD_NAMES[f][lang];
}

function yesNo(v: unknown, lang: Lang): string {
  if (v === true) return lang === 'vi' ? 'có' : 'yes';
  if (v === false) return lang === 'vi' ? 'không' : 'no';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

export function printPlan(
  ctx: CommandContext,
  plan: ImportPlan,
  sheet: Sheet,
  shown: string,
  columns: Map<Field, Cell>,
  ignored: string[],
  asOf: string,
  unit: { vi: string; en: string },
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
        ? unit.vi
        : n === 1
          ? unit.en
          : `${unit.en}s`;
  ctx.out(
    vi
      ? `Nhập từ ${inert(shown)}${where}: ${n} ${what} — ${nNew} mới, ${nChanged} thay đổi, ${n - nNew - nChanged} không đổi${plan.newDepartments.length ? `; ${plan.newDepartments.length} ${unit.vi} mới` : ''}.`
      : `Import from ${inert(shown)}${where}: ${n} ${what} — ${nNew} new, ${nChanged} changed, ${n - nNew - nChanged} unchanged${plan.newDepartments.length ? `; ${plan.newDepartments.length} new ${unit.en}s` : ''}.`,
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
            `${fieldName(c.field, lang, unit).toLocaleLowerCase(lang)}: ${show(c.field, c.from) || '—'} → ${show(c.field, c.to) || '—'}`,
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
      [FIELD_NAMES.id[lang], ...fields.map((f) => fieldName(f, lang, unit)), vi ? 'Thay đổi' : 'Change'],
      rows,
      [],
      ctx.style,
      ctx.columns,
    ),
  );
  if (plan.newDepartments.length) {
    ctx.out(
      (vi
        ? `${unitHeading(unit, 'vi')} mới (ghi vào records/departments.yaml): `
        : `New ${unit.en}s (written to records/departments.yaml): `) +
        plan.newDepartments.map((d: Department) => `${d.id} (${inert(d.name)})`).join(', '),
    );
  }
}
