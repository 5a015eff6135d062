/** The parts of Nghị định 30/2020/NĐ-CP layout shared by every document. */
import type { Agency } from '../schemas/agency.js';
import { cell, p, type Para, type Table } from './model.js';
import { upper } from './context.js';

const BODY_SIZE = 14;
/** The text area of A4 with ND 30's margins (30 mm left, 15 mm right), portrait and landscape. */
export const PORTRAIT_TEXT_MM = 165;
export const LANDSCAPE_TEXT_MM = 252;

/**
 * About how wide a line of Times New Roman is, in millimetres: half an em per character, two
 * thirds of one for capitals (bold a little wider). Enough to size the rules ND 30 draws under a
 * line as a share of its length.
 */
export function textWidthMm(text: string, sizePt: number, bold = false): number {
  let ems = 0;
  for (const ch of text.normalize('NFC')) ems += ch === ' ' ? 0.25 : ch !== ch.toLowerCase() ? 0.68 : 0.48;
  return ems * sizePt * (bold ? 1.05 : 1) * (25.4 / 72);
}

/** The rule under a line of text: `share` of its length (ND 30: 1/3–1/2 under names and trích yếu, all of it under the Tiêu ngữ). */
export function ruleUnder(
  lines: readonly string[],
  sizePt: number,
  bold: boolean,
  share: number,
  lineMm = PORTRAIT_TEXT_MM,
): Para {
  // A line longer than the space it is set in wraps: its longest line is then the space's width.
  const longest = Math.min(lineMm, Math.max(0, ...lines.map((l) => textWidthMm(l, sizePt, bold))));
  return p('', { align: 'center', size: 4, ruleMm: Math.round(longest * share * 10) / 10 });
}

/** The left column of the header, less the cell's margins. */
const HEADER_NAME_MM = PORTRAIT_TEXT_MM * 0.44 - 4;
/** A name's phrase never broken across lines: "KHEN / THƯỞNG" is no way to print the council's name. */
const UNBROKEN = /Thi đua\s*-\s*Khen thưởng/iu;

/**
 * A name in header lines (12 pt bold capitals) that fit `widthMm`, broken between words but never
 * inside "Thi đua - Khen thưởng"; what follows that phrase ("Sở Tư pháp") kept on one line when it fits.
 */
export function nameLines(name: string, widthMm: number): string[] {
  const fits = (s: string) => textWidthMm(upper(s), 12, true) <= widthMm;
  const m = UNBROKEN.exec(name);
  const words = (s: string) => s.split(/\s+/u).filter(Boolean);
  const tail = m ? name.slice(m.index + m[0].length).trim() : '';
  const tokens = m
    ? [...words(name.slice(0, m.index)), m[0], ...(tail && fits(tail) ? [tail] : words(tail))]
    : words(name);
  const lines: string[] = [];
  for (const tok of tokens) {
    const last = lines.length ? `${lines[lines.length - 1]!} ${tok}` : '';
    if (last && fits(last)) lines[lines.length - 1] = last;
    else lines.push(tok);
  }
  return lines;
}

/**
 * The two-column borderless header: parent and issuing body with its short rule on the left,
 * Quốc hiệu and Tiêu ngữ on the right; below them, on one row, the number and the place and date.
 */
export function headerTable(
  agency: Agency,
  numberLine: string,
  placeDate: string,
  issuer?: string,
  subjectLine?: string,
): Table {
  const left: Para[] = [];
  // A council's own document names the agency above it; the agency's documents name the parent body.
  // Each name is printed as agency.yaml breaks it (`header`), or as one paragraph Word wraps.
  const above = issuer ? (agency.header ?? [agency.name]) : agency.parent ? [agency.parent] : [];
  const name = issuer ? (agency.council.header ?? nameLines(issuer, HEADER_NAME_MM)) : (agency.header ?? [agency.name]);
  // 12 pt (ND 30 allows 12–13): the names and the Quốc hiệu fit their columns of the text area.
  for (const l of above) left.push(p(upper(l), { align: 'center', size: 12 }));
  for (const l of name) left.push(p(upper(l), { align: 'center', size: 12, bold: true }));
  left.push(ruleUnder(name.map(upper), 12, true, 0.4, PORTRAIT_TEXT_MM * 0.44));
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: Para[] = [
    p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', size: 12, bold: true }),
    // Not an underline, which cuts the dots under ộ, ậ, ự, ạ: a separate line as long as the text.
    p(motto, { align: 'center', size: 14, bold: true }),
    ruleUnder([motto], 14, true, 1),
  ];
  // Two rows: "Số: …" and the place and date always share a line, however the names wrap above.
  return {
    kind: 'table',
    borders: false,
    rows: [
      [cell(left, 44), cell(right, 56)],
      // A công văn's trích yếu ("V/v …", 12 pt) sits under its number (ND 30/2020).
      [
        cell(
          [
            p(numberLine, { align: 'center', size: 13, before: 4 }),
            ...(subjectLine ? [p(subjectLine, { align: 'center', size: 12 })] : []),
          ],
          44,
        ),
        cell([p(placeDate, { align: 'center', size: 14, italic: true, before: 4 })], 56),
      ],
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

/** An article of a decision: its "Điều N." in bold, the rest plain. */
export function article(text: string): Para {
  const m = /^(Điều \d+\.)(\s.*)$/su.exec(text);
  if (!m) return body(text);
  return {
    ...body(''),
    runs: [
      { text: m[1]!, bold: true, size: BODY_SIZE },
      { text: m[2]!, size: BODY_SIZE },
    ],
  };
}

/** The number of the last article in these paragraphs (the one naming who carries the decision out). */
export function lastArticle(texts: readonly string[]): number | null {
  let n: number | null = null;
  for (const s of texts) {
    const m = /^Điều (\d+)\./u.exec(s);
    if (m) n = Number(m[1]);
  }
  return n;
}

export function centered(
  text: string,
  options: { bold?: boolean; italic?: boolean; size?: number; before?: number; after?: number } = {},
): Para {
  return p(text, { align: 'center', size: BODY_SIZE, ...options });
}

/** How a signer signs (decision.yaml's `signer`): the form and the post or body signed for. */
export interface Signer {
  title: string;
  name: string;
  form?: 'KT' | 'Q' | 'TM' | 'TL' | 'TUQ';
  for?: string;
}

/** The lines above the room to sign (ND 30/2020): "KT. CHÁNH THANH TRA" over "PHÓ CHÁNH THANH TRA", "Q. CHÁNH THANH TRA". */
export function signerLines(s: Signer): string[] {
  if (!s.form) return [upper(s.title)];
  if (s.form === 'Q') return [`Q. ${upper(s.for ?? s.title)}`];
  return [`${s.form}. ${upper(s.for ?? '')}`.trim(), upper(s.title)];
}

/**
 * The signature block: the signing lines in bold capitals, about 34 mm to sign and stamp, the name
 * in bold; kept together on one page.
 */
export function signature(title: string | Signer, name?: string, above?: string): Para[] {
  const signer: Signer = typeof title === 'string' ? { title, name: name ?? '' } : title;
  const out: Para[] = [];
  if (above) out.push(p(above, { align: 'center', size: 14, bold: true, keepNext: true }));
  for (const l of signerLines(signer)) out.push(p(l, { align: 'center', size: 14, bold: true, keepNext: true }));
  for (let i = 0; i < 6; i++) out.push(p('', { size: 14, keepNext: true }));
  out.push(p(signer.name, { align: 'center', size: 14, bold: true }));
  return out;
}

/** Nơi nhận: the heading 12 pt bold italic, each recipient 11 pt after a dash, the last ("Lưu: VT, …") as written. */
export function recipientList(heading: string, recipients: readonly string[], last: string, first?: string): Para[] {
  // "Lưu" once: one the agency lists itself (agency.yaml `recipients`) stands for the template's.
  const own = recipients.filter((r) => /^-?\s*Lưu\b/u.test(r));
  const others = recipients.filter((r) => !own.includes(r));
  const items = [...(first ? [first] : []), ...others].map((r) => p(`- ${r};`, { size: 11 }));
  if (own.length) last = `- ${own.map((r) => r.replace(/^-?\s*|[;.,\s]+$/gu, '')).join('; ')}.`;
  if (last) items.push(p(last, { size: 11 }));
  return [p(heading, { size: 12, bold: true, italic: true }), ...items];
}

/** Nơi nhận beside the signature block. */
export function recipientsAndSignature(
  heading: string,
  recipients: readonly string[],
  last: string,
  sign: Para[],
  first?: string,
): Table {
  return {
    kind: 'table',
    borders: false,
    keepWithPrevious: true,
    rows: [[cell(recipientList(heading, recipients, last, first), 45), cell(sign, 55)]],
  };
}

/** I, II, III, … for the groups of a list or a paper. */
export function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, r] of table)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}

/** A group's heading renumbered: "II. CÁ NHÂN (05)" as the third group is "III. CÁ NHÂN (05)". */
export function renumbered(heading: string, n: number): string {
  return `${roman(n)}. ${heading.replace(/^[IVXLC]+\.\s*/u, '')}`;
}
