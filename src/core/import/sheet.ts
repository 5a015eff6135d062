/**
 * A spreadsheet as plain data, whatever it came from: rows of cells, each with where it sits, so a
 * bad value is reported at `file:sheet!B7` (xlsx) or `file:line:column` (csv).
 */
export type CellValue = string | number | boolean | Date | null;

export interface Cell {
  value: CellValue;
  /** 1-based row and column in the sheet. */
  row: number;
  col: number;
  /** For text files: the line and column the cell starts at. */
  line?: number;
  column?: number;
}

export interface Sheet {
  /** The sheet's name in a workbook; absent for a text file. */
  name?: string;
  rows: Cell[][];
}

/** "A", "B", … "Z", "AA" for a 1-based column. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Where a cell is, as the clerk finds it: "Nhân sự!B7", or "7:12" in a text file. */
export function cellPlace(sheet: Sheet, cell: Pick<Cell, 'row' | 'col' | 'line' | 'column'>): string {
  if (sheet.name === undefined) return `${cell.line ?? cell.row}:${cell.column ?? cell.col}`;
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(cell.col)}${cell.row}`;
}

/** A cell's value as the text a person reads in it. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize('NFC').trim();
}
