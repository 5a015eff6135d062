/**
 * Which column holds which field: the header row read by name, Vietnamese or English, with or
 * without diacritics ("Họ và tên", "Ho ten", "Full name"), or as the clerk maps it (`--map`).
 */
import { fold } from '../text/fold.js';
import { cellText, columnLetters, type Cell, type Sheet } from './sheet.js';

export type ImportKind = 'people' | 'departments' | 'nominations';
export type Field =
  | 'id'
  | 'name'
  | 'gender'
  | 'position'
  | 'department'
  | 'leader'
  | 'head'
  | 'joined'
  | 'left'
  | 'award'
  | 'rating'
  | 'achievement'
  | 'initiative'
  | 'submitted';

export const FIELDS: Record<ImportKind, readonly Field[]> = {
  people: ['id', 'name', 'gender', 'position', 'department', 'leader', 'joined', 'left', 'rating'],
  departments: ['id', 'name', 'head'],
  nominations: ['id', 'name', 'department', 'award', 'rating', 'achievement', 'initiative', 'submitted'],
};

/** The words offices call their units by, folded: a "Tổ" column is the department as a "Phòng" one is. */
const UNIT_HEADERS = [
  'phong',
  'phong ban',
  'don vi',
  'bo phan',
  'khoa',
  'to',
  'to chuyen mon',
  'to bo phan',
  'to van phong',
  'phong don vi',
  'don vi cong tac',
  'department',
  'unit',
];

/** The rating (xếp loại) column's headers, folded. */
const RATING_HEADERS = ['xep loai', 'xep loai danh gia', 'danh gia xep loai', 'muc do hoan thanh nhiem vu', 'rating'];

/** Header texts, folded, that name each field. */
const SYNONYMS: Record<ImportKind, Record<string, readonly string[]>> = {
  people: {
    id: ['ma', 'ma so', 'ma can bo', 'ma nhan vien', 'ma cb', 'id', 'code'],
    name: ['ho va ten', 'ho ten', 'ten', 'ho va ten can bo', 'ho ten can bo', 'name', 'full name'],
    gender: ['gioi tinh', 'gioi', 'phai', 'nam nu', 'gender', 'sex'],
    position: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'position', 'title', 'job title'],
    department: UNIT_HEADERS,
    leader: ['lanh dao', 'la lanh dao', 'can bo lanh dao', 'leader', 'manager'],
    joined: ['ngay tuyen dung', 'ngay vao', 'ngay vao lam', 'ngay bat dau cong tac', 'ngay vao nganh', 'joined'],
    left: ['ngay nghi', 'ngay nghi viec', 'ngay chuyen', 'ngay chuyen cong tac', 'ngay thoi viec', 'left'],
    // The year's rating, written to records/YEAR/ratings.yaml with --year YEAR.
    rating: RATING_HEADERS,
  },
  departments: {
    id: ['ma', 'ma phong', 'ma don vi', 'ky hieu', 'id', 'code'],
    name: [
      'ten phong',
      'ten don vi',
      'ten to',
      'phong',
      'phong ban',
      'don vi',
      'to',
      'to chuyen mon',
      'ten',
      'name',
      'department',
    ],
    head: ['truong phong', 'thu truong', 'nguoi dung dau', 'truong don vi', 'to truong', 'head'],
  },
  nominations: {
    id: ['ma', 'ma so', 'ma can bo', 'ma cb', 'id'],
    name: ['ho va ten', 'ho ten', 'ten', 'ho va ten can bo', 'ca nhan', 'name', 'full name'],
    department: UNIT_HEADERS,
    award: ['danh hieu de nghi', 'danh hieu', 'de nghi danh hieu', 'danh hieu thi dua', 'hinh thuc de nghi', 'award'],
    rating: RATING_HEADERS,
    achievement: ['thanh tich', 'thanh tich chu yeu', 'tom tat thanh tich', 'achievement', 'achievements'],
    initiative: ['sang kien', 'ten sang kien', 'sang kien de tai', 'de tai sang kien', 'initiative'],
    submitted: ['ngay nhan', 'ngay nop', 'ngay de nghi', 'submitted'],
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
  const fieldOf = (cell: Cell): Field | undefined => {
    const key = headerKey(cellText(cell.value));
    let field: Field | undefined = byLetter.get(columnLetters(cell.col)) ?? wanted.get(key);
    if (field === undefined) for (const f of fields) if ((SYNONYMS[kind][f] ?? []).includes(key)) field = f;
    return field;
  };
  const rows = sheet.rows.slice(0, 10);
  for (const [i, row] of rows.entries()) {
    const found = headerFields(row, fieldOf);
    if (!found.has('name')) continue;
    let headerRow = row[0]?.row ?? 1;
    const ignored = row.map((c) => cellText(c.value)).filter((x, j) => x !== '' && fieldOf(row[j]!) === undefined);
    // A header over two rows (merged cells): the row below repeats the merged names or adds sub-headers.
    const below = rows[i + 1];
    const nameCol = found.get('name')![0]!.col;
    if (below && (below[0]?.row ?? 0) === headerRow + 1) {
      const sub = headerFields(below, fieldOf);
      const nameBelow = below.find((c) => c.col === nameCol);
      const nameText = nameBelow ? cellText(nameBelow.value) : '';
      if (sub.size > 0 && (nameText === '' || sub.has('name'))) {
        for (const [f, cells] of sub) if (!found.has(f)) found.set(f, cells);
        headerRow += 1;
      }
    }
    for (const [field, cells] of found) {
      if (cells.length > 1) return { problem: 'twice', field, headers: cells.map((c) => cellText(c.value)) };
    }
    return {
      mapping: {
        headerRow,
        columns: new Map([...found].map(([f, cells]) => [f, cells[0]!])),
        ignored: [...new Set(ignored)],
      },
    };
  }
  return { problem: 'no-header', tried: SYNONYMS[kind]['name'] as string[] };
}

/** The fields a row of headers names; a name repeated over adjacent columns (a merged cell) counts once. */
function headerFields(row: readonly Cell[], fieldOf: (c: Cell) => Field | undefined): Map<Field, Cell[]> {
  const found = new Map<Field, Cell[]>();
  for (const cell of row) {
    if (cellText(cell.value) === '') continue;
    const field = fieldOf(cell);
    if (field === undefined) continue;
    const cells = found.get(field) ?? [];
    const last = cells[cells.length - 1];
    if (last && last.col === cell.col - 1 && cellText(last.value) === cellText(cell.value)) continue;
    found.set(field, [...cells, cell]);
  }
  return found;
}

/** A row that only repeats the headers or numbers the columns ("(1)", "(2)"): never a person. */
export function isHeaderLike(cells: ReadonlyMap<Field, Cell>, mapping: Mapping): boolean {
  const texts = [...cells.values()].map((c) => cellText(c.value)).filter((x) => x !== '');
  if (texts.length > 0 && texts.every((x) => /^\(?\d{1,2}\)?$/.test(x))) return true;
  const name = cells.get('name');
  const header = mapping.columns.get('name');
  return !!name && !!header && headerKey(cellText(name.value)) === headerKey(cellText(header.value));
}
