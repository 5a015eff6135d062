/** A document as plain data: sections of paragraphs and tables. The docx writer turns it into bytes. */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
}

export interface Para {
  kind: 'p';
  runs: Run[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent, millimetres. */
  indentFirst?: number;
  /** Points before and after. */
  before?: number;
  after?: number;
  /** Line spacing as a multiple (1 = single). */
  lineSpacing?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /**
   * A centred solid rule of this length (millimetres) drawn under an empty paragraph: the lines
   * under the issuing body, the Tiêu ngữ and the trích yếu (ND 30/2020).
   */
  ruleMm?: number;
  /**
   * Set at a fixed place on the sheet (millimetres from its top-left corner, this wide): the
   * variable text printed on bought certificate blanks.
   */
  frame?: { xMm: number; yMm: number; widthMm: number };
}

export interface Cell {
  blocks: Para[];
  /** Relative width. */
  width: number;
  align?: 'top' | 'center';
  header?: boolean;
  /** Columns this cell spans. */
  span?: number;
}

export interface Table {
  kind: 'table';
  rows: Cell[][];
  borders: boolean;
  /** The first row repeats on each page. */
  headerRow?: boolean;
  /** A signature block: never alone on a page, the last paragraph with text before it goes with it. */
  keepWithPrevious?: boolean;
}

/** A picture on its own line (the emblem or logo of a certificate), its bytes in base64. */
export interface Image {
  kind: 'image';
  type: 'png' | 'jpg';
  data: string;
  widthMm: number;
  heightMm: number;
  align?: 'left' | 'center' | 'right';
}

export type Block = Para | Table | Image;

export interface Section {
  orientation: 'portrait' | 'landscape';
  pageBorder?: boolean;
  /** Page numbers at the top centre from page 2 on (ND 30/2020), none on page 1. */
  pageNumbers?: boolean;
  /** No margins to speak of: every paragraph has its own `frame` (certificate blanks). */
  bare?: boolean;
  blocks: Block[];
}

export interface DocModel {
  title: string;
  subject: string;
  /** The document's own date (ISO): used for the file's fixed timestamps. */
  date: string;
  sections: Section[];
}

export function p(text: string | Run[], options: Omit<Para, 'kind' | 'runs'> & Omit<Run, 'text'> = {}): Para {
  const { bold, italic, underline, size, ...para } = options;
  const runs = typeof text === 'string' ? [{ text, bold, italic, underline, size }] : text;
  return { kind: 'p', runs, ...para };
}

export function cell(blocks: Para[] | string, width: number, options: Omit<Cell, 'blocks' | 'width'> = {}): Cell {
  return { blocks: typeof blocks === 'string' ? [p(blocks)] : blocks, width, ...options };
}

/**
 * Blocks as the page breaks them: the paragraphs before a `keepWithPrevious` table, up to and with
 * the last one that has text, kept with it (a signature block is never alone on the last page).
 */
export function keptTogether(blocks: readonly Block[]): Block[] {
  const out = [...blocks];
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if (b.kind !== 'table' || !b.keepWithPrevious) continue;
    for (let k = i - 1; k >= 0; k--) {
      const before = out[k]!;
      if (before.kind !== 'p') break;
      out[k] = { ...before, keepNext: true };
      if (before.runs.some((r) => r.text.trim() !== '')) break;
    }
  }
  return out;
}
