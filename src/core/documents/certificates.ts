/** Giấy công nhận: A4 landscape with a page border, one page per recognised nomination. */
import type { TemplateSpec } from './template.js';
import { line, paragraphs } from './template.js';
import { cell, p, type Block, type DocModel, type Para } from './model.js';
import { LANDSCAPE_TEXT_MM, placeDateLine, ruleUnder, signerLines } from './layout.js';
import { commonValues, decisionRef, honorific, recognised, nominationTitle, type DocumentInput } from './context.js';

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
};

export function certificatesModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const results = recognised(round);
  const sections = results.map((r, i) => {
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
    };
    const blocks: Block[] = [];
    const center = (text: string, o: Omit<Para, 'kind' | 'runs'> & { bold?: boolean; italic?: boolean; size?: number } = {}) => p(text, { align: 'center', ...o });
    // A certificate, not a letter: the Quốc hiệu centred at the top, then who awards it and the title.
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    blocks.push(center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 14 }));
    blocks.push(center(motto, { bold: true, size: 15 }));
    blocks.push(ruleUnder([motto], 15, true, 1, LANDSCAPE_TEXT_MM));
    for (const s of paragraphs(template, 'authority', values)) blocks.push(center(s, { bold: true, size: 16, before: 18 }));
    blocks.push(center(line(template, 'title', values), { bold: true, size: 34, before: 12, after: 12 }));
    if (r.kind === 'collective') {
      for (const s of paragraphs(template, 'collective-recipient', values)) blocks.push(center(s, { bold: true, size: 20 }));
      blocks.push(center(agency.name, { size: 15, italic: true }));
      for (const s of paragraphs(template, 'collective-honour', values)) blocks.push(center(s, { bold: true, size: 16, before: 8 }));
    } else {
      for (const s of paragraphs(template, 'individual-recipient', values)) blocks.push(center(s.trim(), { bold: true, size: 20 }));
      // The post and department, and the agency after them: the certificate leaves the office.
      for (const s of paragraphs(template, 'individual-detail', values)) blocks.push(center(`${s.replace(/^,\s*|,\s*$/g, '')}, ${agency.name}`.replace(/^,\s*/, ''), { size: 15, italic: true }));
      for (const s of paragraphs(template, 'individual-honour', values)) blocks.push(center(s, { bold: true, size: 16, before: 8 }));
    }
    for (const s of paragraphs(template, 'achievement', values)) blocks.push(center(s, { size: 15, italic: true, before: 6 }));
    const signer = round.decision?.value.signer ?? { title: agency.head.title, name: agency.head.name };
    // Bottom right: place and date, who signs, about 35 mm to sign and stamp, the name.
    const sign: Para[] = [
      p(placeDateLine(agency, String(v['decision_date_words'])), { align: 'center', size: 14, italic: true }),
      ...signerLines(signer).map((l) => p(l, { align: 'center', size: 14, bold: true })),
      ...Array.from({ length: 5 }, () => p('', { size: 14 })),
      p(signer.name, { align: 'center', size: 14, bold: true }),
    ];
    // Bottom left: the decision it follows and the register number.
    const left = [
      ...paragraphs(template, 'decision-line', values).map((s) => p(s.replace(/^\(|\)$/g, ''), { size: 13, italic: true })),
      ...paragraphs(template, 'book-number', values).map((s) => p(s, { size: 13, italic: true })),
    ];
    blocks.push(p('', { size: 6, after: 10 }));
    blocks.push({ kind: 'table', borders: false, rows: [[cell(left.length ? left : [p('')], 45, { align: 'center' }), cell(sign, 55)]] });
    return { orientation: 'landscape' as const, pageBorder: true, blocks };
  });
  return {
    title: `${line(template, 'title', v)} ${round.year}`,
    subject: `${decisionRef(agency, round)}`,
    date: round.decision?.value.date ?? `${round.year}-12-31`,
    sections,
  };
}
