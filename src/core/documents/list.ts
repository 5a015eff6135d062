/** Danh sách: the recognised collectives and individuals, for the provincial board. */
import type { TemplateSpec } from './template.js';
import { line, paragraphs, sectionOr } from './template.js';
import { cell, p, type Block, type DocModel } from './model.js';
import { centered, LANDSCAPE_TEXT_MM, renumbered, ruleUnder } from './layout.js';
import {
  commonValues,
  decidedHere,
  distinctCounts,
  documentDate,
  groupsOf,
  hasTitles,
  honorific,
  nominationTitle,
  recognised,
  upper,
  type DocumentInput,
} from './context.js';
import type { TallyResult } from '../schemas/sealed.js';
import { twoDigits } from '../format/numbers.js';

export const LIST_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  attached: { fields: [], required: false },
  'collective-heading': { fields: ['collective_count'], required: true },
  'individual-heading': { fields: ['individual_count'], required: true },
  'table-columns': { fields: [], required: true },
  'new-factor-note': { fields: [], required: false },
  total: { fields: ['collective_count', 'individual_count'], required: false },
  'total-titles': {
    fields: ['collective_count', 'individual_count', 'awards_count'],
    required: false,
    fallback: 'Tổng cộng: {collective_count} tập thể, {individual_count} cá nhân ({awards_count} lượt danh hiệu).',
  },
  'subject-titles': {
    fields: [],
    required: false,
    fallback: 'Các tập thể, cá nhân được tặng danh hiệu thi đua năm {year}',
  },
};

export function listModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const withTitles = hasTitles(round, index);
  const results = withTitles ? decidedHere(round, index) : recognised(round);
  const collectives = results.filter((r) => r.kind === 'collective');
  const individuals = results.filter((r) => r.kind === 'individual');
  const counts = { collective_count: collectives.length, individual_count: individuals.length };
  // The total counts who they are: a person with two titles is one cá nhân, and two lượt.
  const who = distinctCounts(results);
  const totals = { collective_count: who.collectives, individual_count: who.individuals, awards_count: who.awards };
  const blocks: Block[] = [];
  // The decision's appendix (ND 30/2020, Mẫu 2.1): no number or header of its own; the title, what
  // it is attached to, and a short rule under that line.
  blocks.push(centered(line(template, 'title', v), { bold: true }));
  const subject = withTitles
    ? sectionOr(template, LIST_TEMPLATE_SPEC, 'subject-titles', v)
    : paragraphs(template, 'subject', v);
  for (const s of subject) blocks.push(centered(s, { bold: true }));
  const attached = paragraphs(template, 'attached', v);
  for (const s of attached) blocks.push(centered(s, { italic: true }));
  blocks.push(ruleUnder(attached.length ? attached : subject, 14, !attached.length, 0.4, LANDSCAPE_TEXT_MM));
  blocks.push(centered('', { size: 6, after: 6 }));
  const columns = line(template, 'table-columns', v)
    .split('|')
    .map((c) => c.trim());
  const widths = [5, 22, 14, 18, 31, 10];
  const head = columns.map((c, i) =>
    cell([p(c, { align: 'center', bold: true, size: 12 })], widths[i] ?? 10, { header: true, align: 'center' }),
  );
  const small = (text: string, align: 'left' | 'center' = 'left', bold = false) => [p(text, { align, size: 12, bold })];
  const noteFor = (id: string) => {
    const nom = round.nominations.find((n) => n.value.id === id)?.value;
    return nom?.new_factor ? line(template, 'new-factor-note', v) : '';
  };
  const span = (text: string) => [cell(small(text, 'left', true), 100, { span: widths.length })];
  const collectiveRow = (r: TallyResult, i: number) => [
    cell(small(String(i + 1), 'center'), widths[0]!),
    cell(small(`Tập thể ${index.departmentName(r.department)}`), widths[1]!),
    cell(small(''), widths[2]!),
    cell(small(index.departmentName(r.department)), widths[3]!),
    cell(small(nominationTitle(round, r.nomination)), widths[4]!),
    cell(small(noteFor(r.nomination)), widths[5]!),
  ];
  const individualRow = (r: TallyResult, i: number) => {
    const person = r.person ? index.people.get(r.person)?.value : undefined;
    return [
      cell(small(String(i + 1), 'center'), widths[0]!),
      cell(small(`${honorific(index, r.person)} ${person?.name ?? r.person ?? ''}`.trim()), widths[1]!),
      cell(small(person?.position ?? ''), widths[2]!),
      cell(small(index.departmentName(r.department)), widths[3]!),
      cell(small(nominationTitle(round, r.nomination)), widths[4]!),
      cell(small(noteFor(r.nomination)), widths[5]!),
    ];
  };
  const rows = [head];
  if (withTitles) {
    // Group by group, numbered I, II, …: the plan's pair under the template's headings, then each title.
    groupsOf(results, index).forEach((g, k) => {
      const count = twoDigits(g.results.length);
      const heading = g.title
        ? `${upper(g.title.name)} (${count})`
        : line(template, g.kind === 'collective' ? 'collective-heading' : 'individual-heading', {
            ...v,
            collective_count: count,
            individual_count: count,
          });
      rows.push(span(renumbered(heading, k + 1)));
      g.results.forEach((r, i) => rows.push(r.kind === 'collective' ? collectiveRow(r, i) : individualRow(r, i)));
    });
  } else {
    rows.push(span(line(template, 'collective-heading', { ...v, ...counts })));
    collectives.forEach((r, i) => rows.push(collectiveRow(r, i)));
    rows.push(span(line(template, 'individual-heading', { ...v, ...counts })));
    individuals.forEach((r, i) => rows.push(individualRow(r, i)));
  }
  blocks.push({ kind: 'table', borders: true, headerRow: true, rows });
  const total = withTitles
    ? sectionOr(template, LIST_TEMPLATE_SPEC, 'total-titles', { ...v, ...totals })
    : paragraphs(template, 'total', { ...v, ...totals });
  for (const s of total) blocks.push(p(s, { size: 13, italic: true, before: 6 }));
  return {
    title: `${line(template, 'title', v)} ${round.year}`,
    subject: line(template, 'subject', v),
    date: documentDate(round, agency),
    sections: [{ orientation: 'landscape', pageNumbers: true, blocks }],
  };
}
