/** Giấy công nhận: A4 landscape with a page border, one page per recognised nomination. */
import type { TemplateSpec } from './template.js';
import { line, paragraphs } from './template.js';
import { cell, p, type Block, type DocModel, type Para, type Section } from './model.js';
import { LANDSCAPE_TEXT_MM, placeDateLine, ruleUnder, signerLines, type Signer } from './layout.js';
import { sectionOr, type Values } from './template.js';
import type { BlankPositionSettings } from '../schemas/agency.js';
import { BLANK_FIELDS } from './blank-fields.js';
import { periodOf, roundEnd } from '../period.js';
import {
  commonValues,
  decidedHere,
  decisionRef,
  hasTitles,
  honorific,
  recognised,
  nominationTitle,
  titleOf,
  type DocumentInput,
  upper,
} from './context.js';
import type { Round } from '../records/workspace.js';
import type { WorkspaceIndex } from '../records/index.js';
import type { TallyResult } from '../schemas/sealed.js';

export const CERTIFICATE_TEMPLATE_SPEC: TemplateSpec = {
  authority: { fields: [], required: true },
  title: { fields: [], required: true },
  'collective-recipient': { fields: ['department'], required: true },
  'individual-recipient': { fields: ['honorific', 'name'], required: true },
  'individual-detail': { fields: ['position', 'department'], required: false },
  'collective-honour': { fields: [], required: true },
  'individual-honour': { fields: [], required: true },
  achievement: { fields: ['title'], required: true },
  'decision-line': { fields: [], required: true },
  'book-number': { fields: ['stt', 'serial'], required: false },
  'title-honour': { fields: ['title_name'], required: false, fallback: 'Đạt danh hiệu “{title_name}” năm {year}' },
  // ND 152 Điều 50: a bằng chứng nhận names the title under "TẶNG DANH HIỆU"; a Giấy khen says "TẶNG".
  'heading-title': { fields: [], required: false, fallback: 'TẶNG DANH HIỆU' },
  'heading-award': { fields: [], required: false, fallback: 'GIẤY KHEN\nTẶNG' },
};

/** The honour line of a title's certificate, when the template (written before titles) has none. */
/**
 * Where each field goes on a bought blank (A4 landscape, 297 × 210 mm), measured from the sheet's
 * top-left corner: the title, emblem and Quốc hiệu are printed on the blank already. Each can be
 * moved in agency.yaml (certificate.blank_stock) to fit the blanks the agency buys.
 */
export const BLANK_DEFAULTS: Record<
  (typeof BLANK_FIELDS)[number],
  Required<Omit<BlankPositionSettings, 'align'>> & {
    align: 'left' | 'center' | 'right';
    bold?: boolean;
    italic?: boolean;
  }
> = {
  recipient: { x: 30, y: 92, width: 237, size: 22, align: 'center', bold: true },
  detail: { x: 30, y: 106, width: 237, size: 15, align: 'center', italic: true },
  honour: { x: 30, y: 117, width: 237, size: 16, align: 'center', bold: true },
  achievement: { x: 30, y: 127, width: 237, size: 15, align: 'center', italic: true },
  decision: { x: 25, y: 168, width: 110, size: 13, align: 'left', italic: true },
  book_number: { x: 25, y: 176, width: 110, size: 13, align: 'left', italic: true },
  date: { x: 160, y: 150, width: 120, size: 14, align: 'center', italic: true },
  signer: { x: 160, y: 157, width: 120, size: 14, align: 'center', bold: true },
  name: { x: 160, y: 188, width: 120, size: 14, align: 'center', bold: true },
};

/**
 * The results that get a certificate. Titles decided above the agency get theirs from that body,
 * not from this decision; ND 152 Điều 50: a title whose decision is the award (LĐTT, TTLĐTT) none.
 */
export function certificateResults(round: Round, index: WorkspaceIndex): TallyResult[] {
  return (hasTitles(round, index) ? decidedHere(round, index) : recognised(round)).filter(
    (r) => titleOf(index, r)?.certificate !== 'none',
  );
}

/** Whether a certificate of the round is a bằng chứng nhận, which bears the Quốc huy (ND 98 Điều 104). */
export function needsEmblem(round: Round, index: WorkspaceIndex): boolean {
  return certificateResults(round, index).some((r) => titleOf(index, r)?.certificate === 'bang-chung-nhan');
}

/** The emblem's height when agency.yaml gives none (certificate.logo_height_mm). */
export const EMBLEM_HEIGHT_MM = 22;

export function certificatesModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const results = certificateResults(round, index);
  const sections = results.map((r, i) => {
    const title = titleOf(index, r);
    const person = r.person ? index.people.get(r.person)?.value : undefined;
    const values = {
      ...v,
      department: index.departmentName(r.department),
      honorific: honorific(index, r.person),
      name: person?.name ?? r.person ?? '',
      position: person?.position ?? '',
      title: nominationTitle(round, r.nomination),
      stt: i + 1,
      serial: `${String(i + 1).padStart(2, '0')}/${round.year}`,
      title_name: title?.name ?? '',
    };
    // A title's certificate names the title; the plan's pair keeps its own lines.
    // Under a heading that names the title or the award, no honour line says it again.
    const honour = (section: 'collective-honour' | 'individual-honour') =>
      title?.certificate === 'bang-chung-nhan' || title?.certificate === 'giay-khen'
        ? []
        : title
          ? sectionOr(template, CERTIFICATE_TEMPLATE_SPEC, 'title-honour', values)
          : paragraphs(template, section, values);
    const signer = round.decision?.value.signer ?? { title: agency.head.title, name: agency.head.name };
    if (input.blankStock)
      return blankStockSection(
        input,
        r.kind,
        values,
        signer,
        honour(r.kind === 'collective' ? 'collective-honour' : 'individual-honour'),
      );
    const blocks: Block[] = [];
    const center = (
      text: string,
      o: Omit<Para, 'kind' | 'runs'> & { bold?: boolean; italic?: boolean; size?: number } = {},
    ) => p(text, { align: 'center', ...o });
    // A certificate, not a letter: the Quốc hiệu centred at the top, then who awards it and the title.
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    blocks.push(center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 14 }));
    blocks.push(center(motto, { bold: true, size: 15 }));
    blocks.push(ruleUnder([motto], 15, true, 1, LANDSCAPE_TEXT_MM));
    // The emblem or the agency's logo, when agency.yaml names one, between the Quốc hiệu and the authority.
    const emblemMm = agency.certificate?.logo_height_mm ?? EMBLEM_HEIGHT_MM;
    const logo = input.logo ? logoBlock(input.logo, emblemMm) : null;
    if (logo) blocks.push(p('', { size: 4 }), logo);
    // A bằng chứng nhận bears the Quốc huy: with no picture of it in agency.yaml, its place is kept
    // empty, as high as the emblem, for a blank that has it printed or a stamp; nothing is drawn.
    const form = title?.certificate;
    const emblemSpace = !logo && form === 'bang-chung-nhan';
    if (emblemSpace) blocks.push(p('', { size: 4, before: Math.round((emblemMm * 72) / 25.4) }));
    const spaced = logo !== null || emblemSpace;
    for (const s of paragraphs(template, 'authority', values))
      blocks.push(center(s, { bold: true, size: 16, before: spaced ? 6 : 18 }));
    if (form === 'bang-chung-nhan') {
      for (const s of sectionOr(template, CERTIFICATE_TEMPLATE_SPEC, 'heading-title', values))
        blocks.push(center(s, { bold: true, size: 20, before: 12 }));
      blocks.push(center(upper(title!.name), { bold: true, size: 30, after: 12 }));
    } else if (form === 'giay-khen') {
      const [head, ...rest] = sectionOr(template, CERTIFICATE_TEMPLATE_SPEC, 'heading-award', values);
      blocks.push(center(head ?? '', { bold: true, size: 34, before: 12 }));
      for (const s of rest) blocks.push(center(s, { bold: true, size: 20, after: 12 }));
    } else blocks.push(center(line(template, 'title', values), { bold: true, size: 34, before: 12, after: 12 }));
    if (r.kind === 'collective') {
      for (const s of paragraphs(template, 'collective-recipient', values))
        blocks.push(center(s, { bold: true, size: 20 }));
      blocks.push(center(agency.name, { size: 15, italic: true }));
      for (const s of honour('collective-honour')) blocks.push(center(s, { bold: true, size: 16, before: 8 }));
    } else {
      for (const s of paragraphs(template, 'individual-recipient', values))
        blocks.push(center(s.trim(), { bold: true, size: 20 }));
      // The post and department, and the agency after them: the certificate leaves the office.
      for (const s of paragraphs(template, 'individual-detail', values))
        blocks.push(
          center(`${s.replace(/^,\s*|,\s*$/g, '')}, ${agency.name}`.replace(/^,\s*/, ''), { size: 15, italic: true }),
        );
      for (const s of honour('individual-honour')) blocks.push(center(s, { bold: true, size: 16, before: 8 }));
    }
    for (const s of paragraphs(template, 'achievement', values))
      blocks.push(center(s, { size: 15, italic: true, before: 6 }));
    // Bottom right: place and date, who signs, about 35 mm to sign and stamp, the name.
    const sign: Para[] = [
      p(placeDateLine(agency, String(v['decision_date_words'])), { align: 'center', size: 14, italic: true }),
      ...signerLines(signer).map((l) => p(l, { align: 'center', size: 14, bold: true })),
      ...Array.from({ length: 5 }, () => p('', { size: 14 })),
      p(signer.name, { align: 'center', size: 14, bold: true }),
    ];
    // Bottom left: the decision it follows and the register number.
    const left = [
      ...paragraphs(template, 'decision-line', values).map((s) =>
        p(s.replace(/^\(|\)$/g, ''), { size: 13, italic: true }),
      ),
      ...paragraphs(template, 'book-number', values).map((s) => p(s, { size: 13, italic: true })),
    ];
    blocks.push(p('', { size: 6, after: 10 }));
    blocks.push({
      kind: 'table',
      borders: false,
      rows: [[cell(left.length ? left : [p('')], 45, { align: 'center' }), cell(sign, 55)]],
    });
    return { orientation: 'landscape' as const, pageBorder: true, blocks };
  });
  return {
    title: `${line(template, 'title', v)} ${round.year}${input.blankStock ? ' (in trên phôi)' : ''}`,
    subject: `${decisionRef(agency, round)}`,
    date: round.decision?.value.date ?? roundEnd(round.year, periodOf(agency)),
    sections,
  };
}

/** The logo at the height asked, as wide as its proportions make it (at most 80 mm). */
function logoBlock(logo: NonNullable<DocumentInput['logo']>, heightMm: number): Block {
  const widthMm = Math.min(80, (heightMm * logo.width) / logo.height);
  const h = (widthMm * logo.height) / logo.width;
  return {
    kind: 'image',
    type: logo.type,
    data: logo.data,
    widthMm: Math.round(widthMm * 10) / 10,
    heightMm: Math.round(h * 10) / 10,
    align: 'center',
  };
}

/** One certificate on a bought blank: each piece of variable text in a frame at its place, nothing else. */
function blankStockSection(
  input: DocumentInput,
  kind: 'collective' | 'individual',
  values: Values,
  signer: Signer,
  honourLines: string[],
): Section {
  const { agency, template } = input;
  const settings = agency.certificate?.blank_stock ?? {};
  const text: Record<(typeof BLANK_FIELDS)[number], string[]> = {
    recipient:
      kind === 'collective'
        ? paragraphs(template, 'collective-recipient', values)
        : paragraphs(template, 'individual-recipient', values).map((s) => s.trim()),
    detail:
      kind === 'collective'
        ? [agency.name]
        : paragraphs(template, 'individual-detail', values).map((s) =>
            `${s.replace(/^,\s*|,\s*$/g, '')}, ${agency.name}`.replace(/^,\s*/, ''),
          ),
    honour: honourLines,
    achievement: paragraphs(template, 'achievement', values),
    decision: paragraphs(template, 'decision-line', values).map((s) => s.replace(/^\(|\)$/g, '')),
    book_number: paragraphs(template, 'book-number', values),
    date: [placeDateLine(agency, String(values['decision_date_words']))],
    signer: signerLines(signer),
    name: [signer.name],
  };
  const blocks: Block[] = [];
  for (const field of BLANK_FIELDS) {
    const lines = text[field].filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const d = BLANK_DEFAULTS[field];
    const at = { ...d, ...settings[field] };
    // One frame per line, each a line's height (1.25 × the size) below the last.
    lines.forEach((l, k) => {
      const y = at.y + k * at.size * (25.4 / 72) * 1.25;
      blocks.push(
        p(l, {
          bold: d.bold,
          italic: d.italic,
          size: at.size,
          align: at.align,
          frame: { xMm: at.x, yMm: Math.round(y * 10) / 10, widthMm: at.width },
        }),
      );
    });
  }
  return { orientation: 'landscape', bare: true, blocks };
}
