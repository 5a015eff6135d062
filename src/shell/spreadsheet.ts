/**
 * Reading a staff list: .xlsx through exceljs (loaded only here), .csv and .txt through our own
 * decoder and splitter. An old .xls or an .ods is refused with the way to convert it.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { t } from '../core/diagnostics.js';
import { decodeText, parseCsv, type Encoding } from '../core/import/csv.js';
import type { Cell, CellValue, Sheet } from '../core/import/sheet.js';
import { usageError } from '../errors.js';
import { inert } from './terminal.js';
import { MAX_ROWS, xlsxOverLimit } from './xlsx-limits.js';

const MAX_BYTES = 20 * 1024 * 1024;

export interface ReadSheet {
  sheet: Sheet;
  format: 'xlsx' | 'csv';
  encoding?: Encoding;
  /** Other sheets of the workbook, for the message when the wrong one was read. */
  sheets: string[];
}

function xlsxValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return xlsxValue(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return null;
}

export async function readSheet(
  path: string,
  shown: string,
  options: { sheet?: string; encoding?: Encoding },
): Promise<ReadSheet> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw usageError(t(`không đọc được ${inert(shown)}`, `cannot read ${inert(shown)}`));
  }
  if (size > MAX_BYTES) throw usageError(t(`${inert(shown)} lớn quá 20 MiB`, `${inert(shown)} is larger than 20 MiB`));
  const ext = extname(path).toLowerCase();
  if (ext === '.xls' || ext === '.ods') {
    throw usageError(
      t(
        `${inert(shown)}: tệp ${ext} chưa đọc được; lưu lại dạng .xlsx (Excel: Lưu thành > Sổ làm việc Excel) hoặc CSV UTF-8`,
        `${inert(shown)}: ${ext} files are not read; save it as .xlsx (Excel: Save As > Excel Workbook) or as CSV UTF-8`,
      ),
    );
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const bytes = readFileSync(path);
    // What it inflates to is limited before exceljs builds any of it.
    const over = xlsxOverLimit(bytes);
    if (over) throw usageError(t(`${inert(shown)}: ${over.vi}`, `${inert(shown)}: ${over.en}`));
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (err) {
      throw usageError(
        t(
          `${inert(shown)} không phải tệp .xlsx đọc được (${(err as Error).message})`,
          `${inert(shown)} is not a readable .xlsx file (${(err as Error).message})`,
        ),
      );
    }
    const names = wb.worksheets.map((w) => w.name);
    const ws =
      options.sheet !== undefined
        ? wb.getWorksheet(options.sheet)
        : (wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0) ?? wb.worksheets[0]);
    if (!ws) {
      throw usageError(
        options.sheet !== undefined
          ? t(
              `${inert(shown)} không có trang “${inert(options.sheet)}”; các trang: ${names.map(inert).join(', ')}`,
              `${inert(shown)} has no sheet “${inert(options.sheet)}”; sheets: ${names.map(inert).join(', ')}`,
            )
          : t(`${inert(shown)} không có trang nào`, `${inert(shown)} has no sheet`),
      );
    }
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells.push({ value: xlsxValue(cell.value), row: rowNumber, col });
      });
      rows.push(cells);
    });
    return { sheet: { name: ws.name, rows }, format: 'xlsx', sheets: names };
  }
  const decoded = decodeText(new Uint8Array(readFileSync(path)), options.encoding);
  if ('refused' in decoded) {
    throw usageError(
      decoded.refused === 'binary'
        ? t(
            `${inert(shown)} không phải tệp văn bản CSV (có thể là .xlsx đổi tên?); dùng tệp .xlsx hoặc CSV`,
            `${inert(shown)} is not a CSV text file (an .xlsx renamed?); give an .xlsx or a CSV file`,
          )
        : t(
            `${inert(shown)} không đọc được theo bảng mã ${options.encoding ?? ''}; thử --encoding utf-8, utf-16le hoặc windows-1258`,
            `${inert(shown)} cannot be decoded as ${options.encoding ?? ''}; try --encoding utf-8, utf-16le or windows-1258`,
          ),
    );
  }
  const sheet = parseCsv(decoded.text);
  if (sheet.rows.length > MAX_ROWS)
    throw usageError(
      t(
        `${inert(shown)} có ${sheet.rows.length} hàng, quá ${MAX_ROWS} hàng một danh sách được nhập; chia thành nhiều tệp`,
        `${inert(shown)} has ${sheet.rows.length} rows, more than the ${MAX_ROWS} one list may import; split it into several files`,
      ),
    );
  return { sheet, format: 'csv', encoding: decoded.encoding, sheets: [] };
}
