/**
 * Phiếu bầu: the paper each council member marks in the secret ballot (one copy, printed once per
 * member: every paper is the same), the round's nominations grouped as collectives then
 * individuals, with the threshold printed.
 */
import type { TemplateSpec } from './template.js';
import { line, paragraphs } from './template.js';
import { cell, p, type Block, type DocModel, type Section } from './model.js';
import { centered, headerTable, placeDateLine, ruleUnder } from './layout.js';
import { commonValues, honorific, type DocumentInput } from './context.js';
import { dateInWords } from '../dates.js';
import type { Nomination } from '../schemas/round.js';

export const BALLOT_PAPER_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  instructions: { fields: [], required: true },
  'table-columns': { fields: [], required: true },
  'collective-heading': { fields: [], required: true },
  'individual-heading': { fields: [], required: true },
  threshold: { fields: ['numerator', 'denominator', 'base_label'], required: false },
};

/** The nominations in the order of departments.yaml, collectives first. */
export function ballotOrder(nominations: readonly Nomination[], departmentOrder: readonly string[]): Nomination[] {
  const rank = (d: string) => {
    const i = departmentOrder.indexOf(d);
    return i < 0 ? departmentOrder.length : i;
  };
  return [...nominations].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) || rank(a.department) - rank(b.department) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function ballotPaperModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const th = agency.threshold;
  const values = { ...v, numerator: th.numerator, denominator: th.denominator, base_label: th.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ' };
  const ordered = ballotOrder(round.nominations.map((n) => n.value), [...index.departments.keys()]);
  const columns = line(template, 'table-columns', values).split('|').map((c) => c.trim());
  const widths = [7, 42, 27, 12, 12];
  const small = (text: string, align: 'left' | 'center' = 'left', bold = false) => [p(text, { align, size: 13, bold })];
  const span = (text: string) => [cell(small(text, 'left', true), 100, { span: widths.length })];
  const row = (n: number, name: string, unit: string) => [
    cell(small(String(n), 'center'), widths[0]!), cell(small(name), widths[1]!), cell(small(unit), widths[2]!),
    cell(small(''), widths[3]!), cell(small(''), widths[4]!),
  ];
  const session = round.council?.value.session?.date;
  const page = (): Block[] => {
    const blocks: Block[] = [];
    blocks.push(headerTable(agency, '', placeDateLine(agency, session ? dateInWords(session) : `ngày      tháng      năm ${round.year + 1}`), agency.council.name));
    blocks.push(centered(line(template, 'title', values), { bold: true, before: 18, size: 14 }));
    const subject = paragraphs(template, 'subject', values);
    for (const s of subject) blocks.push(centered(s, { bold: true }));
    blocks.push(ruleUnder(subject, 14, true, 0.4));
    for (const s of paragraphs(template, 'instructions', values)) blocks.push(p(s, { italic: true, size: 13, after: 6, align: 'justify' }));
    const rows = [columns.map((c, i) => cell([p(c, { align: 'center', bold: true, size: 13 })], widths[i] ?? 10, { header: true, align: 'center' }))];
    const collectives = ordered.filter((n) => n.kind === 'collective');
    const individuals = ordered.filter((n) => n.kind === 'individual');
    if (collectives.length) {
      rows.push(span(line(template, 'collective-heading', values)));
      collectives.forEach((n, i) => rows.push(row(i + 1, `Tập thể ${index.departmentName(n.department)}`, index.departmentName(n.department))));
    }
    if (individuals.length) {
      rows.push(span(line(template, 'individual-heading', values)));
      individuals.forEach((n, i) => {
        const person = n.kind === 'individual' ? n.person : null;
        rows.push(row(i + 1, `${honorific(index, person)} ${person ? index.personName(person) : ''}`.trim(), index.departmentName(n.department)));
      });
    }
    blocks.push({ kind: 'table', borders: true, headerRow: true, rows });
    if (template.sections.has('threshold')) for (const s of paragraphs(template, 'threshold', values)) blocks.push(p(s, { italic: true, size: 13, before: 6 }));
    return blocks;
  };
  const sections: Section[] = [{ orientation: 'portrait', blocks: page() }];
  return { title: `${line(template, 'title', values)} ${round.year}`, subject: line(template, 'subject', values), date: session ?? `${round.year}-12-31`, sections };
}
