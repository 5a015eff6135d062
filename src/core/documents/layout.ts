/** The parts of Nghị định 30/2020/NĐ-CP layout shared by every document. */
import type { Agency } from '../schemas/agency.js';
import { cell, p, type Para, type Table } from './model.js';
import { upper } from './context.js';

const BODY_SIZE = 14;

/**
 * The two-column borderless header: parent and issuing body with its short rule on the left,
 * Quốc hiệu and Tiêu ngữ on the right; below them, on one row, the number and the place and date.
 */
export function headerTable(agency: Agency, numberLine: string, placeDate: string, issuer?: string): Table {
  const left: Para[] = [];
  // A council's own document names the agency above it; the agency's documents name the parent body.
  const above = issuer ? agency.name : agency.parent;
  // 12 pt (ND 30 allows 12–13): the names and the Quốc hiệu fit their columns of the text area.
  if (above) left.push(p(upper(above), { align: 'center', size: 12 }));
  left.push(p(upper(issuer ?? agency.name), { align: 'center', size: 12, bold: true }));
  left.push(p('', { align: 'center', rule: 'short', size: 6 }));
  const right: Para[] = [
    p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', size: 12, bold: true }),
    p('Độc lập - Tự do - Hạnh phúc', { align: 'center', size: 14, bold: true, underline: true }),
    p('', { size: 6 }),
  ];
  // Two rows: "Số: …" and the place and date always share a line, however the names wrap above.
  return {
    kind: 'table', borders: false,
    rows: [
      [cell(left, 44), cell(right, 56)],
      [cell([p(numberLine, { align: 'center', size: 13, before: 4 })], 44), cell([p(placeDate, { align: 'center', size: 14, italic: true, before: 4 })], 56)],
    ],
  };
}

export function placeDateLine(agency: Agency, dateWords: string): string {
  return `${agency.place}, ${dateWords}`;
}

/** A body paragraph: justified, first-line indent, 14 pt. */
export function body(text: string, options: { bold?: boolean; italic?: boolean } = {}): Para {
  return p(text, { align: 'justify', indentFirst: 10, size: BODY_SIZE, after: 6, lineSpacing: 1.1, ...options });
}

export function centered(text: string, options: { bold?: boolean; italic?: boolean; size?: number; before?: number; after?: number } = {}): Para {
  return p(text, { align: 'center', size: BODY_SIZE, ...options });
}

/** The signature block: title in bold capitals, room to sign, the name in bold. */
export function signature(title: string, name: string, above?: string): Para[] {
  const out: Para[] = [];
  if (above) out.push(p(above, { align: 'center', size: 14, bold: true }));
  out.push(p(upper(title), { align: 'center', size: 14, bold: true }));
  for (let i = 0; i < 4; i++) out.push(p('', { size: 14 }));
  out.push(p(name, { align: 'center', size: 14, bold: true }));
  return out;
}

/** Nơi nhận (12 pt bold italic heading, 11 pt items) beside the signature block. */
export function recipientsAndSignature(heading: string, recipients: readonly string[], last: string, sign: Para[]): Table {
  const items = recipients.map((r) => p(`- ${r};`, { size: 11 }));
  if (last) items.push(p(last, { size: 11 }));
  const left = [p(heading, { size: 12, bold: true, italic: true }), ...items];
  return { kind: 'table', borders: false, rows: [[cell(left, 45), cell(sign, 55)]] };
}

