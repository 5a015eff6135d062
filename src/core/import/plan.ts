/**
 * What an import would write, decided from the sheet and the records as they are (pure): each row
 * matched to a person or department by id or name, new ids made from names, what changes for the
 * ones already there, and the departments a staff list names that do not exist yet.
 */

import { departmentIdFromName, idFromName, ID_PATTERN } from '../ids.js';
import { isUnambiguousId } from '../yaml/emit.js';
import { personAsOf } from '../records/basis.js';
import type { Department, Person, PersonChange } from '../schemas/organisation.js';
import { headerKey, type Field, type ImportKind, type Mapping } from './columns.js';
import { cellText, type Cell, type CellValue, type Sheet } from './sheet.js';

export interface FieldChangeSeen {
  field: Field;
  from: unknown;
  to: unknown;
}

export interface PlannedRow {
  /** The row's cells by field, and its first cell (for a finding about the whole row). */
  cells: Map<Field, Cell>;
  first: Cell;
  id: string;
  status: 'new' | 'changed' | 'same';
  /** For a changed person: the fields that change (and, for people, as of which day). */
  changes: FieldChangeSeen[];
  /** The record as it will be written (people: with the dated change appended). */
  record: Person | Department;
  /** The id came from the name (no id column, or the cell was empty). */
  generatedId: boolean;
}

export interface RowProblem {
  cell: Cell;
  code: 'unknown-reference' | 'duplicate-id';
  message: { vi: string; en: string };
}

export interface ImportPlan {
  kind: ImportKind;
  rows: PlannedRow[];
  /** People import: departments named in the sheet that do not exist yet, created with it. */
  newDepartments: Department[];
  problems: RowProblem[];
}

const TRUE = new Set(['x', 'co', 'c', 'yes', 'y', 'true', '1', 'dung']);
const FALSE = new Set(['', 'khong', 'k', 'no', 'n', 'false', '0', 'sai']);

function leaderValue(v: CellValue): boolean | string {
  if (typeof v === 'boolean') return v;
  const key = headerKey(cellText(v));
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return cellText(v);
}

function genderValue(v: CellValue): string | undefined {
  const key = headerKey(cellText(v));
  if (key === '') return undefined;
  if (['nam', 'm', 'male', 'trai'].includes(key)) return 'nam';
  if (['nu', 'f', 'female', 'gai'].includes(key)) return 'nu';
  return cellText(v);
}

function nameKey(s: string): string {
  return headerKey(s);
}

/** The department a staff list names, by id or by name with or without "Phòng". */
function findDepartment(text: string, departments: readonly Department[]): Department | undefined {
  const byId = departments.find((d) => d.id === text);
  if (byId) return byId;
  const k = nameKey(text);
  return departments.find((d) => nameKey(d.name) === k || nameKey(d.name) === `phong ${k}`);
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = isUnambiguousId(base) && ID_PATTERN.test(base) ? base : `x-${base}`.slice(0, 64);
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) {
    id = `${base.slice(0, 60)}-${n}`;
    if (!taken.has(id)) return id;
  }
}

function rowCells(row: Cell[], mapping: Mapping): Map<Field, Cell> {
  const out = new Map<Field, Cell>();
  for (const [field, header] of mapping.columns) {
    const cell = row.find((c) => c.col === header.col);
    if (cell) out.set(field, cell);
  }
  return out;
}

function dataRows(sheet: Sheet, mapping: Mapping): Array<{ cells: Map<Field, Cell>; first: Cell }> {
  const out: Array<{ cells: Map<Field, Cell>; first: Cell }> = [];
  for (const row of sheet.rows) {
    if ((row[0]?.row ?? 0) <= mapping.headerRow) continue;
    const cells = rowCells(row, mapping);
    if ([...cells.values()].every((c) => cellText(c.value) === '')) continue;
    out.push({ cells, first: cells.get('name') ?? row[0]! });
  }
  return out;
}

const text = (cells: Map<Field, Cell>, f: Field): string | undefined => {
  const c = cells.get(f);
  const s = c ? cellText(c.value) : '';
  return s === '' ? undefined : s;
};

export function planPeople(
  sheet: Sheet,
  mapping: Mapping,
  people: readonly Person[],
  departments: readonly Department[],
  asOf: string,
): ImportPlan {
  const problems: RowProblem[] = [];
  const newDepartments: Department[] = [];
  const allDepartments = (): Department[] => [...departments, ...newDepartments];
  const rows = dataRows(sheet, mapping);

  // First pass: each row's department and which existing person it is.
  const drafts = rows.map(({ cells, first }) => {
    const name = text(cells, 'name') ?? '';
    let department: string | undefined;
    const deptText = text(cells, 'department');
    if (deptText !== undefined) {
      let d = findDepartment(deptText, allDepartments());
      if (!d) {
        d = {
          id: uniqueId(departmentIdFromName(deptText), new Set(allDepartments().map((x) => x.id))),
          name: deptText,
        };
        newDepartments.push(d);
      }
      department = d.id;
    }
    const givenId = text(cells, 'id');
    let existing: Person | undefined;
    if (givenId !== undefined) existing = people.find((p) => p.id === givenId);
    else {
      const same = people.filter((p) => nameKey(personAsOf(p, asOf).name) === nameKey(name));
      existing =
        same.find((p) => personAsOf(p, asOf).department === department) ?? (same.length === 1 ? same[0] : undefined);
    }
    return { cells, first, name, department, givenId, existing };
  });

  // New ids: the name folded; when two people would share it, each new one takes its department.
  const bases = new Map<string, number>();
  for (const d of drafts)
    if (!d.existing && d.givenId === undefined) bases.set(idFromName(d.name), (bases.get(idFromName(d.name)) ?? 0) + 1);
  const taken = new Set(people.map((p) => p.id));
  for (const d of drafts) if (d.givenId !== undefined) taken.add(d.givenId);
  const seen = new Map<string, Cell>();
  const planned: PlannedRow[] = drafts.map((d) => {
    let id: string;
    let generatedId = false;
    if (d.existing) id = d.existing.id;
    else if (d.givenId !== undefined) id = d.givenId;
    else {
      generatedId = true;
      const base = idFromName(d.name);
      const clash = (bases.get(base) ?? 0) > 1 || taken.has(base);
      id = uniqueId(clash && d.department ? `${base}-${d.department}` : base, taken);
      taken.add(id);
    }
    const earlier = seen.get(id);
    if (earlier) {
      problems.push({
        cell: d.cells.get('id') ?? d.first,
        code: 'duplicate-id',
        message: {
          vi: `hàng này và hàng ${earlier.row} cùng là người “${id}”; mỗi người một hàng`,
          en: `this row and row ${earlier.row} are both the person “${id}”; one row per person`,
        },
      });
    }
    seen.set(id, d.first);
    const leaderCell = d.cells.get('leader');
    const wanted: Record<string, unknown> = {
      name: d.name,
      ...(text(d.cells, 'gender') !== undefined ? { gender: genderValue(d.cells.get('gender')!.value) } : {}),
      ...(text(d.cells, 'position') !== undefined ? { position: text(d.cells, 'position') } : {}),
      ...(d.department !== undefined ? { department: d.department } : {}),
      ...(leaderCell ? { leader: leaderValue(leaderCell.value) } : {}),
    };
    if (!d.existing) {
      const record = { id, ...wanted, leader: wanted['leader'] ?? false } as Person;
      return { cells: d.cells, first: d.first, id, status: 'new', changes: [], record, generatedId };
    }
    const now = personAsOf(d.existing, asOf) as unknown as Record<string, unknown>;
    const changes: FieldChangeSeen[] = [];
    for (const f of ['name', 'gender', 'position', 'department', 'leader'] as const) {
      if (!(f in wanted)) continue;
      if (wanted[f] !== now[f]) changes.push({ field: f, from: now[f], to: wanted[f] });
    }
    if (changes.length === 0)
      return { cells: d.cells, first: d.first, id, status: 'same', changes, record: d.existing, generatedId };
    // Gender is corrected in place; a new name, post, department or leadership is dated.
    let record: Person = { ...d.existing };
    const dated: Partial<PersonChange> = {};
    for (const c of changes) {
      if (c.field === 'gender') record = { ...record, gender: c.to as Person['gender'] };
      else (dated as Record<string, unknown>)[c.field] = c.to;
    }
    if (Object.keys(dated).length > 0) {
      const list = [...(record.changes ?? [])];
      const last = list[list.length - 1];
      if (last && last.from === asOf) list[list.length - 1] = { ...last, ...dated };
      else list.push({ from: asOf, ...dated });
      record = { ...record, changes: list };
    }
    return { cells: d.cells, first: d.first, id, status: 'changed', changes, record, generatedId };
  });
  return { kind: 'people', rows: planned, newDepartments, problems };
}

export function planDepartments(
  sheet: Sheet,
  mapping: Mapping,
  departments: readonly Department[],
  people: readonly Person[],
  asOf: string,
): ImportPlan {
  const problems: RowProblem[] = [];
  const taken = new Set(departments.map((d) => d.id));
  const seen = new Map<string, Cell>();
  const rows = dataRows(sheet, mapping).map(({ cells, first }): PlannedRow => {
    const name = text(cells, 'name') ?? '';
    const givenId = text(cells, 'id');
    const existing =
      givenId !== undefined
        ? departments.find((d) => d.id === givenId)
        : departments.find((d) => nameKey(d.name) === nameKey(name));
    let id: string;
    let generatedId = false;
    if (existing) id = existing.id;
    else if (givenId !== undefined) id = givenId;
    else {
      generatedId = true;
      id = uniqueId(departmentIdFromName(name), taken);
    }
    taken.add(id);
    const earlier = seen.get(id);
    if (earlier) {
      problems.push({
        cell: cells.get('id') ?? first,
        code: 'duplicate-id',
        message: {
          vi: `hàng này và hàng ${earlier.row} cùng là phòng “${id}”; mỗi phòng một hàng`,
          en: `this row and row ${earlier.row} are both the department “${id}”; one row per department`,
        },
      });
    }
    seen.set(id, first);
    let head: string | undefined;
    const headText = text(cells, 'head');
    if (headText !== undefined) {
      const byId = people.find((p) => p.id === headText);
      const byName = people.filter((p) => nameKey(personAsOf(p, asOf).name) === nameKey(headText));
      const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
      if (found) head = found.id;
      else {
        problems.push({
          cell: cells.get('head')!,
          code: 'unknown-reference',
          message:
            byName.length > 1
              ? {
                  vi: `“${headText}” là tên của ${byName.length} người (${byName.map((p) => p.id).join(', ')}); hãy ghi mã`,
                  en: `“${headText}” is the name of ${byName.length} people (${byName.map((p) => p.id).join(', ')}); give the id`,
                }
              : {
                  vi: `không có người “${headText}” trong records/people.yaml (nhập cán bộ trước: thidua import people)`,
                  en: `no person “${headText}” in records/people.yaml (import the staff first: thidua import people)`,
                },
        });
      }
    }
    const wanted: Department = {
      id,
      name,
      ...(head !== undefined ? { head } : existing?.head !== undefined ? { head: existing.head } : {}),
    };
    if (!existing) return { cells, first, id, status: 'new', changes: [], record: wanted, generatedId };
    const changes: FieldChangeSeen[] = [];
    if (existing.name !== wanted.name) changes.push({ field: 'name', from: existing.name, to: wanted.name });
    if (existing.head !== wanted.head) changes.push({ field: 'head', from: existing.head, to: wanted.head });
    return {
      cells,
      first,
      id,
      status: changes.length ? 'changed' : 'same',
      changes,
      record: changes.length ? wanted : existing,
      generatedId,
    };
  });
  return { kind: 'departments', rows, newDepartments: [], problems };
}

/** The list as it will be: existing items in place (changed ones replaced), new ones appended. */
export function mergedList<T extends { id: string }>(
  existing: readonly T[],
  planned: readonly T[],
): { list: T[]; rowIndex: Map<string, number> } {
  const list = [...existing];
  const rowIndex = new Map<string, number>();
  for (const r of planned) {
    const i = list.findIndex((x) => x.id === r.id);
    if (i >= 0) {
      list[i] = r;
      rowIndex.set(r.id, i);
    } else {
      rowIndex.set(r.id, list.length);
      list.push(r);
    }
  }
  return { list, rowIndex };
}
