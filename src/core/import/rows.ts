/**
 * The rows of a sheet as an import reads them (pure): the data rows under the header (blank rows,
 * repeated headers and column numbers skipped), each cell's text, date, yes/no and unit.
 */
import { toIsoDate } from '../args.js';
import { addDays } from '../dates.js';
import { ID_PATTERN } from '../ids.js';
import { isUnambiguousId } from '../yaml/emit.js';
import type { Department } from '../schemas/organisation.js';
import { headerKey, isHeaderLike, type Field, type Mapping } from './columns.js';
import { cellText, type Cell, type CellValue, type Sheet } from './sheet.js';

const TRUE = new Set(['x', 'co', 'c', 'yes', 'y', 'true', '1', 'dung']);
const FALSE = new Set(['', 'khong', 'k', 'no', 'n', 'false', '0', 'sai']);

export function leaderValue(v: CellValue): boolean | string {
  if (typeof v === 'boolean') return v;
  const key = headerKey(cellText(v));
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return cellText(v);
}

export function genderValue(v: CellValue): string | undefined {
  const key = headerKey(cellText(v));
  if (key === '') return undefined;
  if (['nam', 'm', 'male', 'trai'].includes(key)) return 'nam';
  if (['nu', 'f', 'female', 'gai'].includes(key)) return 'nu';
  return cellText(v);
}

/**
 * A date cell as ISO: a date, "15/10/2024" or "2024-10-15" as typed, or a spreadsheet's day number;
 * null when the cell holds something else (the text is kept for the message).
 */
export function dateValue(v: CellValue): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000) return addDays('1899-12-30', v);
  return toIsoDate(cellText(v));
}

export function nameKey(s: string): string {
  return headerKey(s);
}

/** The words a unit's name may start with: "Tổ Toán" is the unit "Toán" too. */
const UNIT_WORDS = ['to chuyen mon', 'phong ban', 'bo phan', 'don vi', 'phong', 'khoa', 'to'];

function bareUnit(key: string): string {
  for (const w of UNIT_WORDS) if (key.startsWith(`${w} `)) return key.slice(w.length + 1);
  return key;
}

/**
 * The departments a sheet may name, indexed once: by id, by name, and by name without its unit
 * word ("Phòng", "Tổ", …). Each lookup is a map's, so an import is linear in its rows; a department
 * added (a new one the sheet names) is found by the rows after it.
 */
export class DepartmentIndex {
  private readonly byId = new Map<string, Department>();
  private readonly byName = new Map<string, Department>();
  private readonly byBare = new Map<string, Department>();

  constructor(departments: readonly Department[]) {
    for (const d of departments) this.add(d);
  }

  /** The first department of each id and name is the one found, as a scan of the list would. */
  add(d: Department): void {
    const k = nameKey(d.name);
    if (!this.byId.has(d.id)) this.byId.set(d.id, d);
    if (!this.byName.has(k)) this.byName.set(k, d);
    const bare = bareUnit(k);
    if (!this.byBare.has(bare)) this.byBare.set(bare, d);
  }

  hasId(id: string): boolean {
    return this.byId.has(id);
  }

  /** The department a sheet names: by id, or by name with or without its unit word. */
  find(text: string): Department | undefined {
    const byId = this.byId.get(text);
    if (byId) return byId;
    const k = nameKey(text);
    return this.byName.get(k) ?? this.byBare.get(bareUnit(k));
  }
}

/** Items grouped by a key, each group in list order. */
export function groupBy<T>(items: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

export function uniqueId(base: string, taken: { has(id: string): boolean }): string {
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

export interface DataRow {
  cells: Map<Field, Cell>;
  first: Cell;
}

/** The rows under the header that hold data: never a blank row, a repeated header or the column numbers. */
export function dataRows(sheet: Sheet, mapping: Mapping): DataRow[] {
  const out: DataRow[] = [];
  for (const row of sheet.rows) {
    if ((row[0]?.row ?? 0) <= mapping.headerRow) continue;
    const cells = rowCells(row, mapping);
    if ([...cells.values()].every((c) => cellText(c.value) === '')) continue;
    if (isHeaderLike(cells, mapping)) continue;
    out.push({ cells, first: cells.get('name') ?? row[0]! });
  }
  return out;
}

export const text = (cells: Map<Field, Cell>, f: Field): string | undefined => {
  const c = cells.get(f);
  const s = c ? cellText(c.value) : '';
  return s === '' ? undefined : s;
};
