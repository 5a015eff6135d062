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
}

export type Block = Para | Table;

export interface Section {
  orientation: 'portrait' | 'landscape';
  pageBorder?: boolean;
  /** Page numbers at the top centre from page 2 on (ND 30/2020), none on page 1. */
  pageNumbers?: boolean;
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

