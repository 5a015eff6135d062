/**
 * Text exports of a spreadsheet: the bytes decoded (UTF-8 with or without BOM, UTF-16 with BOM as
 * Excel's "Unicode text", or Windows-1258 as Excel's CSV on Vietnamese Windows), then split into
 * cells (RFC 4180 quoting; comma, semicolon or tab found from the header line).
 */
import type { Cell, Sheet } from './sheet.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export type Decoded = { text: string; encoding: Encoding } | { refused: 'binary' | 'undecodable' };

export function decodeText(bytes: Uint8Array, forced?: Encoding): Decoded {
  const has = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  let encoding: Encoding;
  let start = 0;
  if (forced) encoding = forced;
  else if (has(0xef, 0xbb, 0xbf)) {
    encoding = 'utf-8';
    start = 3;
  } else if (has(0xff, 0xfe)) {
    encoding = 'utf-16le';
    start = 2;
  } else if (has(0xfe, 0xff)) {
    encoding = 'utf-16be';
    start = 2;
  } else if (has(0x50, 0x4b, 0x03, 0x04) || has(0xd0, 0xcf, 0x11, 0xe0)) return { refused: 'binary' };
  else encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1258';
  if (forced === 'utf-8' && has(0xef, 0xbb, 0xbf)) start = 3;
  if ((forced === 'utf-16le' && has(0xff, 0xfe)) || (forced === 'utf-16be' && has(0xfe, 0xff))) start = 2;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return { refused: 'undecodable' };
  }
  // A NUL in text is a file of another kind (or UTF-16 without its BOM).
  if (text.includes('\u0000')) return { refused: 'binary' };
  // Windows-1258 writes tones as combining marks: compose them as every record is.
  return { text: text.normalize('NFC'), encoding };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The delimiter of the first line: the most frequent of tab, semicolon and comma outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    ['\t', 0],
    [';', 0],
    [',', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let n = 0;
  for (const [d, c] of counts)
    if (c > n) {
      best = d;
      n = c;
    }
  return best;
}

/** Cells with the line and column each starts at; a quoted cell may span lines. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): Sheet {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const n = text.length;
  let atRowStart = true;
  while (i < n || !atRowStart) {
    const cellLine = line;
    const cellColumn = column;
    let value = '';
    if (text[i] === '"') {
      i++;
      column++;
      for (;;) {
        if (i >= n) break;
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            column += 2;
            continue;
          }
          i++;
          column++;
          break;
        }
        if (ch === '\n') {
          line++;
          column = 1;
        } else column++;
        value += ch;
        i++;
      }
      // Text after the closing quote belongs to the cell (as spreadsheets read it).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i];
        i++;
        column++;
      }
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i];
        i++;
        column++;
      }
    }
    row.push({ value, row: rows.length + 1, col: row.length + 1, line: cellLine, column: cellColumn });
    atRowStart = false;
    if (i < n && text[i] === delimiter) {
      i++;
      column++;
      continue;
    }
    // End of the row: \r\n, \n, \r or the end of the text.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    column = 1;
    rows.push(row);
    row = [];
    atRowStart = true;
    if (i >= n) break;
  }
  return { rows };
}
