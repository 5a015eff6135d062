/**
 * What an import would write, decided from the sheet and the records as they are (pure): each row
 * matched to a person or department by id or name, new ids made from names, what changes for the
 * ones already there, and the departments a staff list names that do not exist yet.
 */

import { departmentIdFromName, idFromName } from '../ids.js';
import { personAsOf } from '../records/basis.js';
import type { Department, Person, PersonChange } from '../schemas/organisation.js';
import type { Field, ImportKind, Mapping } from './columns.js';
import type { Cell, Sheet } from './sheet.js';
import {
  DepartmentIndex,
  dataRows,
  dateValue,
  genderValue,
  groupBy,
  leaderValue,
  nameKey,
  text,
  uniqueId,
} from './rows.js';

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
  code: 'unknown-reference' | 'duplicate-id' | 'schema';
  message: { vi: string; en: string };
}

export interface ImportPlan {
  kind: ImportKind;
  rows: PlannedRow[];
  /** People import: departments named in the sheet that do not exist yet, created with it. */
  newDepartments: Department[];
  problems: RowProblem[];
  /** People import: those in the records, not gone, of the units the sheet lists, who are not in it. */
  missing: Person[];
}

export function planPeople(
  sheet: Sheet,
  mapping: Mapping,
  people: readonly Person[],
  departments: readonly Department[],
  asOf: string,
): ImportPlan {
  const problems: RowProblem[] = [];
  const newDepartments: Department[] = [];
  const known = new DepartmentIndex(departments);
  const rows = dataRows(sheet, mapping);
  // Each person looked up by id, and by name as of the day, once: an import is linear in its rows.
  const byId = new Map<string, Person>();
  for (const p of people) if (!byId.has(p.id)) byId.set(p.id, p);
  const current = people.map((p) => ({ p, now: personAsOf(p, asOf) }));
  const byName = groupBy(current, (x) => nameKey(x.now.name));

  // First pass: each row's department and which existing person it is.
  const drafts = rows.map(({ cells, first }) => {
    const name = text(cells, 'name') ?? '';
    let department: string | undefined;
    const deptText = text(cells, 'department');
    if (deptText !== undefined) {
      let d = known.find(deptText);
      if (!d) {
        const base = departmentIdFromName(deptText);
        d = { id: uniqueId(base, { has: (id) => known.hasId(id) }), name: deptText };
        newDepartments.push(d);
        known.add(d);
      }
      department = d.id;
    }
    const givenId = text(cells, 'id');
    let existing: Person | undefined;
    if (givenId !== undefined) existing = byId.get(givenId);
    else {
      const same = byName.get(nameKey(name)) ?? [];
      existing = same.find((x) => x.now.department === department)?.p ?? (same.length === 1 ? same[0]!.p : undefined);
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
    const dates: Record<string, string> = {};
    for (const f of ['joined', 'left'] as const) {
      const cell = d.cells.get(f);
      if (!cell || text(d.cells, f) === undefined) continue;
      const iso = dateValue(cell.value);
      if (iso !== null) dates[f] = iso;
      else
        problems.push({
          cell,
          code: 'schema',
          message: {
            vi: `“${text(d.cells, f)!}” không phải ngày (dd/mm/yyyy)`,
            en: `“${text(d.cells, f)!}” is not a date (dd/mm/yyyy)`,
          },
        });
    }
    const leaderCell = d.cells.get('leader');
    const wanted: Record<string, unknown> = {
      name: d.name,
      ...(text(d.cells, 'gender') !== undefined ? { gender: genderValue(d.cells.get('gender')!.value) } : {}),
      ...(text(d.cells, 'position') !== undefined ? { position: text(d.cells, 'position') } : {}),
      ...(d.department !== undefined ? { department: d.department } : {}),
      ...(leaderCell ? { leader: leaderValue(leaderCell.value) } : {}),
    };
    if (!d.existing) {
      const record = { id, ...wanted, leader: wanted['leader'] ?? false, ...dates } as Person;
      return { cells: d.cells, first: d.first, id, status: 'new', changes: [], record, generatedId };
    }
    const now = personAsOf(d.existing, asOf) as unknown as Record<string, unknown>;
    const changes: FieldChangeSeen[] = [];
    for (const f of ['name', 'gender', 'position', 'department', 'leader'] as const) {
      if (!(f in wanted)) continue;
      if (wanted[f] !== now[f]) changes.push({ field: f, from: now[f], to: wanted[f] });
    }
    for (const [f, v] of Object.entries(dates) as Array<['joined' | 'left', string]>)
      if (v !== d.existing[f]) changes.push({ field: f, from: d.existing[f], to: v });
    if (changes.length === 0)
      return { cells: d.cells, first: d.first, id, status: 'same', changes, record: d.existing, generatedId };
    // Gender is corrected in place; a new name, post, department or leadership is dated.
    let record: Person = { ...d.existing };
    const dated: Partial<PersonChange> = {};
    for (const c of changes) {
      if (c.field === 'gender' || c.field === 'joined' || c.field === 'left') record = { ...record, [c.field]: c.to };
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
  // Who the sheet leaves out: of the units it lists (all, without a unit column), not recorded as gone.
  const listed = new Set(planned.map((r) => r.id));
  const units = new Set(drafts.map((d) => d.department));
  const missing = people.filter((p) => {
    if (listed.has(p.id) || p.left !== undefined) return false;
    return !mapping.columns.has('department') || units.has(personAsOf(p, asOf).department);
  });
  return { kind: 'people', rows: planned, newDepartments, problems, missing };
}

/** The list as it will be: existing items in place (changed ones replaced), new ones appended. */
export function mergedList<T extends { id: string }>(
  existing: readonly T[],
  planned: readonly T[],
): { list: T[]; rowIndex: Map<string, number> } {
  const list = [...existing];
  const rowIndex = new Map<string, number>();
  // Where each id stands: the first item of that id, as a scan from the start would find it.
  const at = new Map<string, number>();
  list.forEach((x, i) => {
    if (!at.has(x.id)) at.set(x.id, i);
  });
  for (const r of planned) {
    const i = at.get(r.id);
    if (i !== undefined) {
      list[i] = r;
      rowIndex.set(r.id, i);
    } else {
      at.set(r.id, list.length);
      rowIndex.set(r.id, list.length);
      list.push(r);
    }
  }
  return { list, rowIndex };
}
