/**
 * Limits on what an .xlsx inflates to, checked before the workbook is handed to exceljs: a
 * 300 KB file can hold a 300 MB string (a "zip bomb"), and exceljs would build it in memory.
 * The zip's own directory is read here, and each part inflated with a cap on its output, so a
 * size the directory understates is caught too. Linear in the file; nothing kept.
 */
import { inflateRawSync } from 'node:zlib';
import { t, type Localized } from '../core/diagnostics.js';

/** One part (sheet, shared strings) inflated: a staff list of tens of thousands of rows is a few MiB. */
export const MAX_PART_BYTES = 48 * 1024 * 1024;
/** All parts together. */
export const MAX_INFLATED_BYTES = 96 * 1024 * 1024;
/** Excel's own limit on the text of one cell. */
export const MAX_STRING_CHARS = 32_767;
/**
 * Rows of one sheet (a staff list, departments, nominations): a list of 100,000 with its title and
 * header rows is read (in under 20 s and 700 MB, test/hardening/import-scale.test.ts); more is refused.
 */
export const MAX_ROWS = 120_000;

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** Why the workbook is refused, or null when it is within every limit. */
export function xlsxOverLimit(zip: Buffer): Localized | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return null; // not a zip: exceljs says so
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    at = next;
    if (declared > MAX_PART_BYTES) return tooLarge(name);
    if (local + 30 > zip.length) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    let part: Buffer;
    if (method === 0) part = data;
    else if (method === 8) {
      try {
        part = inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(name);
        return null; // damaged: exceljs says so
      }
    } else return null;
    total += part.length;
    if (total > MAX_INFLATED_BYTES)
      return t(
        `giải nén ra hơn ${MiB(MAX_INFLATED_BYTES)}; bảng danh sách không cần lớn thế (có thể là tệp độc hại)`,
        `inflates to more than ${MiB(MAX_INFLATED_BYTES)}; a list needs nothing that large (it may be a hostile file)`,
      );
    if (name.endsWith('.xml')) {
      const over = xmlOverLimit(name, part.toString('utf8'));
      if (over) return over;
    }
  }
  return null;
}

function tooLarge(name: string): Localized {
  return t(
    `phần ${name} giải nén ra hơn ${MiB(MAX_PART_BYTES)}; bảng danh sách không cần lớn thế (có thể là tệp độc hại)`,
    `its part ${name} inflates to more than ${MiB(MAX_PART_BYTES)}; a list needs nothing that large (it may be a hostile file)`,
  );
}

/** The longest text (`<t>…</t>`) and the rows (`<row`) of one XML part, in one pass. */
function xmlOverLimit(name: string, xml: string): Localized | null {
  let rows = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const c = xml.charCodeAt(i + 4);
    // <row> or <row …>, not <rowBreaks>
    if (c === 0x3e || c === 0x20 || c === 0x2f) rows++;
  }
  if (rows > MAX_ROWS)
    return t(
      `${name} có ${rows} hàng, quá ${MAX_ROWS} hàng một danh sách được nhập; chia thành nhiều tệp`,
      `${name} has ${rows} rows, more than the ${MAX_ROWS} one list may import; split it into several files`,
    );
  for (let i = xml.indexOf('<t'); i >= 0; i = xml.indexOf('<t', i + 2)) {
    const c = xml.charCodeAt(i + 2);
    if (c !== 0x3e && c !== 0x20) continue; // <t> or <t xml:space…>, not <tableParts>
    const open = xml.indexOf('>', i);
    const close = xml.indexOf('</t>', open);
    if (open < 0 || close < 0) break;
    if (close - open - 1 > MAX_STRING_CHARS * 6)
      return t(
        `${name} có một ô dài hơn ${MAX_STRING_CHARS} ký tự (giới hạn của Excel)`,
        `${name} holds a cell longer than ${MAX_STRING_CHARS} characters (Excel's limit)`,
      );
    i = close;
  }
  return null;
}
