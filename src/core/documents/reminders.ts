/**
 * Công văn đôn đốc: one letter to each department that has not sent a document due, naming every
 * such document (from the same facts as `thidua overdue`). The number is left for the văn thư.
 */
import type { TemplateSpec, Template } from './template.js';
import { fill, line, paragraphs } from './template.js';
import type { Block, DocModel, Section } from './model.js';
import { body, centered, headerTable, placeDateLine, recipientsAndSignature, signature } from './layout.js';
import { upper } from './context.js';
import { dateInWords, shortDate } from '../dates.js';
import type { Agency } from '../schemas/agency.js';
import type { OverdueItem } from '../overdue.js';
import type { WorkspaceIndex } from '../records/index.js';

export const REMINDER_TEMPLATE_SPEC: TemplateSpec = {
  subject: { fields: [], required: true },
  to: { fields: ['department'], required: true },
  intro: { fields: ['department', 'as_of_words'], required: true },
  item: { fields: ['title', 'year', 'before', 'days_late'], required: true },
  closing: { fields: ['department'], required: true },
  'recipients-heading': { fields: [], required: true },
  recipients: { fields: [], required: false },
  'recipients-last': { fields: [], required: false },
};

export const REMINDER_FIELDS = ['agency', 'agency_upper', 'place', 'symbol', 'head_title', 'head_name'] as const;

export function remindersModel(
  agency: Agency,
  items: readonly OverdueItem[],
  index: WorkspaceIndex,
  template: Template,
  asOf: string,
  date: string,
): DocModel {
  const common = {
    agency: agency.name,
    agency_upper: upper(agency.name),
    place: agency.place,
    symbol: agency.symbol,
    head_title: agency.head.title,
    head_name: agency.head.name,
  };
  const byDepartment = new Map<string, OverdueItem[]>();
  for (const i of items)
    if (i.status === 'missing') byDepartment.set(i.department, [...(byDepartment.get(i.department) ?? []), i]);
  const subject = line(template, 'subject', common);
  const sections: Section[] = [...byDepartment].map(([department, list]) => {
    const values = { ...common, department: index.departmentName(department), as_of_words: dateInWords(asOf) };
    const blocks: Block[] = [];
    blocks.push(
      headerTable(agency, `Số:      /${agency.symbol}`, placeDateLine(agency, dateInWords(date)), undefined, subject),
    );
    for (const s of paragraphs(template, 'to', values)) blocks.push(centered(s, { before: 18, after: 12 }));
    for (const s of paragraphs(template, 'intro', values)) blocks.push(body(s));
    for (const i of list) {
      for (const s of paragraphs(template, 'item', {
        ...values,
        title: i.title ?? i.deadline,
        year: i.year,
        before: shortDate(i.before),
        days_late: i.days_late,
      }))
        blocks.push(body(s));
    }
    for (const s of paragraphs(template, 'closing', values)) blocks.push(body(s));
    blocks.push(centered('', { size: 6, after: 6 }));
    blocks.push(
      recipientsAndSignature(
        line(template, 'recipients-heading', values),
        paragraphs(template, 'recipients', values),
        line(template, 'recipients-last', values),
        signature({ title: agency.head.title, name: agency.head.name }),
      ),
    );
    return { orientation: 'portrait', pageNumbers: true, blocks };
  });
  return { title: fill('Công văn đôn đốc', common), subject, date, sections };
}
