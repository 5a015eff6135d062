/** A sheet written as .xlsx through exceljs (loaded only here): real numbers and dates, widths set, header frozen. */
import type { SheetData } from '../core/exports.js';

export async function xlsxBytes(sheet: SheetData, creator: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  // Fixed, so the same records give the same workbook.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  // Excel refuses sheet names with []:*?/\ or longer than 31 characters.
  const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = sheet.columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style:
      c.kind === 'percent'
        ? { numFmt: '0.0%' }
        : c.kind === 'date'
          ? { numFmt: 'dd/mm/yyyy' }
          : c.kind === 'int'
            ? { numFmt: '0' }
            : {},
  }));
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of sheet.rows) {
    ws.addRow(
      row.map((v, i) => {
        if (v === null) return null;
        if (sheet.columns[i]!.kind === 'date' && typeof v === 'string') {
          const [y, m, d] = v.split('-').map(Number);
          return new Date(Date.UTC(y!, m! - 1, d));
        }
        return v;
      }),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
