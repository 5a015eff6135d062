/**
 * The document model to .docx bytes with the `docx` library, then re-zipped with fixed dates so
 * the same records, templates and version give the same bytes. Loaded only by the commands that
 * render.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TableLayoutType,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  LineRuleType,
  ImageRun,
  FrameAnchorType,
  FrameWrap,
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import {
  keptTogether,
  type Block,
  type Cell,
  type DocModel,
  type Para,
  type Section,
} from '../core/documents/model.js';

const FONT = 'Times New Roman';
const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };
const MARGIN = {
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
};
/** A framed page (a certificate) is centred on the sheet: the same text width, equal side margins. */
const FRAMED_MARGIN = { ...MARGIN, left: (MARGIN.left + MARGIN.right) / 2, right: (MARGIN.left + MARGIN.right) / 2 };

/** Certificate blanks: the text is placed by frames measured from the sheet's edge. */
const BARE_MARGIN = {
  top: convertMillimetersToTwip(5),
  bottom: convertMillimetersToTwip(5),
  left: convertMillimetersToTwip(5),
  right: convertMillimetersToTwip(5),
};

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Characters XML 1.0 cannot hold (control characters from an escaped string in the records). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A paragraph in a space `width` twips wide (the text area, or a cell less its margins). */
function paragraph(x: Para, width: number): Paragraph {
  // A rule of its length, centred: the paragraph is indented equally on both sides.
  const ruleIndent =
    x.ruleMm !== undefined ? Math.max(0, Math.floor((width - convertMillimetersToTwip(x.ruleMm)) / 2)) : 0;
  return new Paragraph({
    alignment: ALIGN[x.align ?? 'left'],
    indent:
      x.ruleMm !== undefined
        ? { left: ruleIndent, right: ruleIndent }
        : x.indentFirst
          ? { firstLine: convertMillimetersToTwip(x.indentFirst) }
          : undefined,
    spacing: {
      before: Math.round((x.before ?? 0) * 20),
      after: Math.round((x.after ?? 0) * 20),
      line: Math.round((x.lineSpacing ?? 1) * 240),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: x.keepNext,
    pageBreakBefore: x.pageBreakBefore,
    ...(x.frame
      ? {
          frame: {
            type: 'absolute' as const,
            position: { x: convertMillimetersToTwip(x.frame.xMm), y: convertMillimetersToTwip(x.frame.yMm) },
            width: convertMillimetersToTwip(x.frame.widthMm),
            anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
            wrap: FrameWrap.NONE,
          },
        }
      : {}),
    border:
      x.ruleMm !== undefined
        ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }
        : undefined,
    children: x.runs.map(
      (r) =>
        new TextRun({
          // One spelling of every Vietnamese letter (NFC), marked Vietnamese so Word checks it as such.
          text: r.text.normalize('NFC').replace(NOT_XML, ''),
          language: { value: 'vi-VN' },
          bold: r.bold,
          italics: r.italic,
          underline: r.underline ? {} : undefined,
          size: Math.round((r.size ?? 14) * 2),
          font: FONT,
        }),
    ),
  });
}

/** The width of the text area between the margins, in twips: every table fits inside it. */
export function textWidth(landscape: boolean): number {
  return (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
}

/** Twips for relative widths, summing exactly to `total` (the last takes the rounding). */
function share(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((s, w) => s + w, 0) || 1;
  const out = widths.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((s, w) => s + w, 0);
  return out;
}

function tableCell(c: Cell, twips: number, borders: boolean): TableCell {
  const margin = borders ? 80 : 40;
  return new TableCell({
    width: { size: twips, type: WidthType.DXA },
    columnSpan: c.span,
    verticalAlign: c.align === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
    borders: borders
      ? { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE }
      : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: { top: borders ? 40 : 0, bottom: borders ? 40 : 0, left: margin, right: margin },
    children: c.blocks.length ? c.blocks.map((x) => paragraph(x, twips - 2 * margin)) : [new Paragraph('')],
  });
}

/**
 * A table as wide as the text area, no wider (Word and WPS honour table widths that LibreOffice
 * clamps): explicit widths in twips for the table, its grid and every cell, and a fixed layout.
 */
/** Pixels at 96 per inch, the unit `docx` sizes pictures in. */
const px = (mm: number) => Math.round((mm / 25.4) * 96);

function block(b: Block, landscape = false): Paragraph | Table {
  const width = textWidth(landscape);
  if (b.kind === 'p') return paragraph(b, width);
  if (b.kind === 'image') {
    return new Paragraph({
      alignment: ALIGN[b.align ?? 'center'],
      children: [
        new ImageRun({
          type: b.type,
          data: Buffer.from(b.data, 'base64'),
          transformation: { width: px(b.widthMm), height: px(b.heightMm) },
        }),
      ],
    });
  }
  const widest = b.rows.reduce((m, r) => (r.length > m.length ? r : m), b.rows[0] ?? []);
  const columns = share(
    widest.map((c) => c.width),
    width,
  );
  const border = b.borders ? SINGLE : NONE;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: columns,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: b.rows.map((row, i) => {
      // A cell spanning several grid columns is as wide as they are together.
      let col = 0;
      const cells = row.map((c) => {
        const span = c.span ?? 1;
        const twips = columns.slice(col, col + span).reduce((s, w) => s + w, 0);
        col += span;
        return tableCell(c, twips, b.borders);
      });
      return new TableRow({ tableHeader: b.headerRow && i === 0, cantSplit: true, children: cells });
    }),
  });
}

/** The page number, top centre, 14 pt: a PAGE field Word updates as it lays the pages out. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 28, font: FONT })],
      }),
    ],
  });
}

function section(s: Section) {
  const landscape = s.orientation === 'landscape';
  return {
    // Page 1 has its own (empty) header: numbers start on page 2.
    ...(s.pageNumbers ? { headers: { default: pageNumberHeader(), first: new Header({ children: [] }) } } : {}),
    properties: {
      ...(s.pageNumbers ? { titlePage: true } : {}),
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: s.bare ? BARE_MARGIN : s.pageBorder ? FRAMED_MARGIN : MARGIN,
        borders: s.pageBorder
          ? {
              pageBorderTop: { style: BorderStyle.DOUBLE, size: 12, color: '8B0000', space: 20 },
              pageBorderBottom: { style: BorderStyle.DOUBLE, size: 12, color: '8B0000', space: 20 },
              pageBorderLeft: { style: BorderStyle.DOUBLE, size: 12, color: '8B0000', space: 20 },
              pageBorderRight: { style: BorderStyle.DOUBLE, size: 12, color: '8B0000', space: 20 },
            }
          : undefined,
      },
    },
    children: keptTogether(s.blocks).map((b) => block(b, landscape)),
  };
}

/** Word bytes for a model, reproducible: fixed core-property dates and zip entry times. */
export async function renderDocx(model: DocModel, generator: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: generator,
    lastModifiedBy: generator,
    title: model.title,
    subject: model.subject,
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: 28, language: { value: 'vi-VN' } } } } },
    sections: model.sections.map(section),
  });
  const packed = await Packer.toBuffer(doc);
  return normalise(new Uint8Array(packed), model.date);
}

export function normalise(zip: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(zip);
  const stamp = `${isoDate}T00:00:00Z`;
  const core = files['docProps/core.xml'];
  if (core) {
    const text = new TextDecoder()
      .decode(core)
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    files['docProps/core.xml'] = new TextEncoder().encode(text);
  }
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // A local-time Date, so the DOS timestamp fflate writes is the same in every time zone.
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const out: Zippable = {};
  for (const name of names) out[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(out, { mtime });
}
