/** Báo cáo tổng kết: the period report for the closing conference, in the same layout. */
import type { Agency } from '../schemas/agency.js';
import type { Report } from '../report.js';
import type { WorkspaceIndex } from '../records/index.js';
import { line, paragraphs, sectionOr, type Template, type TemplateSpec } from './template.js';
import { cell, p, type Block, type DocModel } from './model.js';
import { body, centered, headerTable, placeDateLine, recipientsAndSignature, signature, ruleUnder } from './layout.js';
import { addresseeOf, upper } from './context.js';
import { dateInWords, shortDate } from '../dates.js';
import { formatPercent } from '../format/numbers.js';
import { periodOf, roundLabel, roundName } from '../period.js';

export const REPORT_FIELDS = [
  'agency',
  'agency_upper',
  'parent_upper',
  'symbol',
  'place',
  'head_title',
  'head_name',
  'authority',
  'from',
  'to',
] as const;

/** A model named in a sentence: “mô hình “…”” is wrong, so its own quotation marks are the only level. */
export function quotedOnce(title: string): string {
  // Inside the sentence "… nhân rộng mô hình …", a title that begins "Mô hình" keeps a small m.
  const inSentence = title.replace(/^Mô hình /u, 'mô hình ');
  return /[“”"]/.test(title) ? inSentence : `mô hình “${title}”`;
}

export const REPORT_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  to: { fields: ['report_to'], required: false, fallback: 'Kính gửi: {report_to}' },
  intro: { fields: [], required: false },
  'section-rounds': { fields: [], required: true },
  'rounds-summary': {
    fields: [
      'nominations',
      'recognised',
      'recognised_collective',
      'recognised_individual',
      'collectives',
      'people',
      'pass_rate',
    ],
    required: false,
  },
  'models-summary': {
    fields: ['models_collective', 'models_individual'],
    required: false,
    fallback:
      'Trong đó: {models_collective} lượt mô hình tiêu biểu, {models_individual} lượt gương điển hình tiên tiến xuất sắc.',
  },
  'titles-summary': {
    fields: ['titles_counts'],
    required: false,
    fallback: 'Danh hiệu thi đua đã tặng: {titles_counts}.',
  },
  'upward-summary': {
    fields: ['titles_counts'],
    required: false,
    fallback: 'Đề nghị cấp trên xét tặng: {titles_counts}.',
  },
  'table-rounds': { fields: [], required: true },
  'section-departments': { fields: [], required: true },
  'table-departments': { fields: [], required: true },
  'section-new-factors': { fields: [], required: true },
  'new-factor-item': { fields: ['name', 'year', 'outcome', 'later'], required: true },
  'no-new-factors': { fields: [], required: false },
  'section-replication': { fields: [], required: true },
  'replication-item': {
    fields: ['department', 'reference', 'model', 'model_quoted', 'model_department', 'model_year', 'year'],
    required: true,
  },
  'no-replication': { fields: [], required: false },
  closing: { fields: [], required: false },
  'recipients-heading': { fields: [], required: true },
  'recipients-last': { fields: [], required: false },
};

const OUTCOME = {
  recognised: 'được công nhận',
  'not-recognised': 'không được công nhận',
  pending: 'chưa bình xét',
} as const;

export function reportModel(
  agency: Agency,
  report: Report,
  index: WorkspaceIndex,
  template: Template,
  date: string,
): DocModel {
  const v = {
    agency: agency.name,
    agency_upper: upper(agency.name),
    parent_upper: upper(agency.parent ?? ''),
    symbol: agency.symbol,
    place: agency.place,
    head_title: agency.head.title,
    head_name: agency.head.name,
    authority: upper(agency.head.full_title ?? `${agency.head.title} ${agency.name}`),
    from: report.from,
    to: report.to,
    report_to: addresseeOf(agency),
  };
  // A school's rounds are school years: "năm {year}" of an item reads "năm học 2023 - 2024".
  const period = periodOf(agency);
  const named = (field: string, year: number) =>
    period === 'school-year' ? { [`${field}_name`]: roundName(year, period) } : {};
  const pct = (x: number | null) => (x === null ? '—' : formatPercent(x));
  const blocks: Block[] = [];
  blocks.push(headerTable(agency, `Số:      /BC-${agency.symbol}`, placeDateLine(agency, dateInWords(date))));
  blocks.push(centered(line(template, 'title', v), { bold: true, before: 18 }));
  for (const s of paragraphs(template, 'subject', v)) blocks.push(centered(s, { bold: true }));
  blocks.push(ruleUnder(paragraphs(template, 'subject', v), 14, true, 0.4));
  for (const s of sectionOr(template, REPORT_TEMPLATE_SPEC, 'to', v))
    blocks.push(centered(s, { before: 12, after: 6 }));
  blocks.push(centered('', { size: 6 }));
  for (const s of paragraphs(template, 'intro', v)) blocks.push(body(s));
  const small = (text: string, align: 'left' | 'center' | 'right' = 'center', bold = false) => [
    p(text, { align, size: 12, bold }),
  ];
  const grid = (columns: string, rows: string[][], widths: number[]) => {
    const head = columns
      .split('|')
      .map((c, i) => cell(small(c.trim(), 'center', true), widths[i] ?? 10, { header: true, align: 'center' }));
    blocks.push({
      kind: 'table',
      borders: true,
      headerRow: true,
      rows: [head, ...rows.map((r) => r.map((c, i) => cell(small(c, i === 0 ? 'left' : 'center'), widths[i] ?? 10)))],
    });
    blocks.push(p('', { size: 6, after: 6 }));
  };
  const t = report.totals;
  blocks.push(body(line(template, 'section-rounds', v), { bold: true }));
  for (const s of paragraphs(template, 'rounds-summary', {
    ...v,
    nominations: t.nominations,
    recognised: t.recognised,
    recognised_collective: t.recognised_collective,
    recognised_individual: t.recognised_individual,
    collectives: t.collectives,
    people: t.people,
    pass_rate: pct(t.pass_rate),
  }))
    blocks.push(body(s));
  // The plan's pair and the titles each in their own words, when the period has them.
  if (t.models.collective + t.models.individual > 0)
    for (const s of sectionOr(template, REPORT_TEMPLATE_SPEC, 'models-summary', {
      ...v,
      models_collective: t.models.collective,
      models_individual: t.models.individual,
    }))
      blocks.push(body(s));
  const counted = (list: Report['totals']['titles']) =>
    list.map((x) => `“${x.name}” ${x.collective + x.individual} lượt`).join(', ');
  for (const [section, list] of [
    ['titles-summary', t.titles],
    ['upward-summary', t.upward],
  ] as const)
    if (list.length > 0)
      for (const s of sectionOr(template, REPORT_TEMPLATE_SPEC, section, { ...v, titles_counts: counted(list) }))
        blocks.push(body(s));
  grid(
    line(template, 'table-rounds', v),
    report.rounds.map((r) => [
      roundLabel(r.year, period),
      `${r.nominations.collective}/${r.nominations.individual}`,
      r.sealed ? `${r.recognised.collective}/${r.recognised.individual}` : 'chưa bình xét',
      pct(r.pass_rate),
      `${r.deadlines.on_time}/${r.deadlines.late}/${r.deadlines.missing}`,
    ]),
    [10, 22, 22, 12, 24],
  );
  blocks.push(body(line(template, 'section-departments', v), { bold: true }));
  grid(
    line(template, 'table-departments', v),
    report.departments.map((d) => [
      d.name,
      String(d.nominations),
      String(d.recognised_collective),
      String(d.recognised_individual),
      String(d.replications),
      `${d.deadlines.on_time}/${d.deadlines.late}/${d.deadlines.missing}`,
    ]),
    [30, 11, 15, 15, 12, 17],
  );
  blocks.push(body(line(template, 'section-new-factors', v), { bold: true }));
  if (report.new_factors.length === 0) for (const s of paragraphs(template, 'no-new-factors', v)) blocks.push(body(s));
  for (const f of report.new_factors) {
    const name = f.kind === 'collective' ? `Tập thể ${f.name}` : `${f.name} (${index.departmentName(f.department)})`;
    const later = f.later.length
      ? `; ${f.later.map((s) => `${roundName(s.year, period)} được đề nghị lại, ${OUTCOME[s.outcome]}`).join('; ')}`
      : '; chưa được đề nghị lại';
    for (const s of paragraphs(template, 'new-factor-item', {
      ...v,
      name,
      year: f.year,
      ...named('year', f.year),
      outcome: OUTCOME[f.outcome],
      later,
    }))
      blocks.push(body(s));
  }
  blocks.push(body(line(template, 'section-replication', v), { bold: true }));
  if (report.replications.length === 0) for (const s of paragraphs(template, 'no-replication', v)) blocks.push(body(s));
  for (const r of report.replications) {
    const ref = r.reference ? `${r.reference}, ${shortDate(r.received)}` : shortDate(r.received);
    for (const s of paragraphs(template, 'replication-item', {
      ...v,
      department: index.departmentName(r.department),
      reference: ref,
      model: r.model.title,
      model_quoted: quotedOnce(r.model.title),
      model_department: index.departmentName(r.model.department),
      model_year: r.model.year,
      ...named('model_year', r.model.year),
      year: r.year,
      ...named('year', r.year),
    }))
      blocks.push(body(s));
  }
  for (const s of paragraphs(template, 'closing', v)) blocks.push(body(s));
  blocks.push(p('', { size: 6, after: 6 }));
  blocks.push(
    recipientsAndSignature(
      line(template, 'recipients-heading', v),
      agency.recipients,
      line(template, 'recipients-last', v),
      signature(agency.head.title, agency.head.name),
    ),
  );
  return {
    title: `${line(template, 'title', v)} ${report.from}-${report.to}`,
    subject: line(template, 'subject', v),
    date,
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}
