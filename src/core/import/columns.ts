/**
 * Which column holds which field: the header row read by name, Vietnamese or English, with or
 * without diacritics ("Họ và tên", "Ho ten", "Full name"), or as the clerk maps it (`--map`).
 */
import { fold } from '../text/fold.js';
import { cellText, columnLetters, type Cell, type Sheet } from './sheet.js';

export type ImportKind = 'people' | 'departments';
export type Field = 'id' | 'name' | 'gender' | 'position' | 'department' | 'leader' | 'head';

export const FIELDS: Record<ImportKind, readonly Field[]> = {
  people: ['id', 'name', 'gender', 'position', 'department', 'leader'],
  departments: ['id', 'name', 'head'],
};

/** Header texts, folded, that name each field. */
const SYNONYMS: Record<ImportKind, Record<string, readonly string[]>> = {
  people: {
    id: ['ma', 'ma so', 'ma can bo', 'ma nhan vien', 'ma cb', 'id', 'code'],
    name: ['ho va ten', 'ho ten', 'ten', 'ho va ten can bo', 'ho ten can bo', 'name', 'full name'],
    gender: ['gioi tinh', 'gioi', 'phai', 'nam nu', 'gender', 'sex'],
    position: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'position', 'title', 'job title'],
    department: ['phong', 'phong ban', 'don vi', 'bo phan', 'phong don vi', 'don vi cong tac', 'department', 'unit'],
    leader: ['lanh dao', 'la lanh dao', 'can bo lanh dao', 'leader', 'manager'],
  },
  departments: {
    id: ['ma', 'ma phong', 'ma don vi', 'ky hieu', 'id', 'code'],
    name: ['ten phong', 'ten don vi', 'phong', 'phong ban', 'don vi', 'ten', 'name', 'department'],
    head: ['truong phong', 'thu truong', 'nguoi dung dau', 'truong don vi', 'head'],
  },
};

/** A header's text as it is compared: folded, punctuation as spaces. */
export function headerKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Mapping {
  headerRow: number;
  /** Field → the header cell of its column. */
  columns: Map<Field, Cell>;
  /** Header texts no field was found for (shown, not an error). */
  ignored: string[];
}

export type MapResult =
  | { mapping: Mapping }
  | { problem: 'no-header'; tried: string[] }
  | { problem: 'bad-map'; entry: string }
  | { problem: 'twice'; field: Field; headers: string[] };

/**
 * The header row: the first of the first ten rows in which a column names the `name` field (a
 * title line above the table is skipped). `--map "Họ tên khai sinh=name"` or `--map C=name` wins.
 */
export function mapColumns(sheet: Sheet, kind: ImportKind, overrides: readonly string[]): MapResult {
  const fields = FIELDS[kind];
  const wanted = new Map<string, Field>();
  const byLetter = new Map<string, Field>();
  for (const entry of overrides) {
    const eq = entry.lastIndexOf('=');
    const field = entry.slice(eq + 1).trim() as Field;
    const column = entry.slice(0, eq).trim();
    if (eq <= 0 || !fields.includes(field) || column === '') return { problem: 'bad-map', entry };
    if (/^[A-Z]{1,3}$/.test(column)) byLetter.set(column, field);
    else wanted.set(headerKey(column), field);
  }
  for (const row of sheet.rows.slice(0, 10)) {
    const found = new Map<Field, Cell[]>();
    const ignored: string[] = [];
    for (const cell of row) {
      const text = cellText(cell.value);
      if (text === '') continue;
      const key = headerKey(text);
      let field: Field | undefined = byLetter.get(columnLetters(cell.col)) ?? wanted.get(key);
      if (field === undefined) {
        for (const f of fields) if ((SYNONYMS[kind][f] ?? []).includes(key)) field = f;
      }
      if (field === undefined) {
        ignored.push(text);
        continue;
      }
      found.set(field, [...(found.get(field) ?? []), cell]);
    }
    if (!found.has('name')) continue;
    for (const [field, cells] of found) {
      if (cells.length > 1) return { problem: 'twice', field, headers: cells.map((c) => cellText(c.value)) };
    }
    return {
      mapping: {
        headerRow: row[0]?.row ?? 1,
        columns: new Map([...found].map(([f, cells]) => [f, cells[0]!])),
        ignored,
      },
    };
  }
  return { problem: 'no-header', tried: SYNONYMS[kind]['name'] as string[] };
}
