/**
 * Phiếu bầu: the paper each council member marks in the secret ballot (one copy, printed once per
 * member: every paper is the same), the round's nominations grouped as collectives then
 * individuals, with the threshold printed.
 */
import type { TemplateSpec } from './template.js';
import { line, paragraphs, sectionOr, type Values } from './template.js';
import { cell, p, type Block, type DocModel, type Section } from './model.js';
import { centered, headerTable, placeDateLine, roman, ruleUnder, signature } from './layout.js';
import { commonValues, honorific, type DocumentInput } from './context.js';
import { dateInWords } from '../dates.js';
import { meetingYear, periodOf, roundEnd } from '../period.js';
import { votingOrder } from '../nomination.js';
import { countedThreshold } from '../titles.js';
import { formatNumber } from '../format/numbers.js';
import { upper } from './context.js';

export const BALLOT_PAPER_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  instructions: { fields: [], required: true },
  'table-columns': { fields: [], required: true },
  'collective-heading': { fields: [], required: true },
  'individual-heading': { fields: [], required: true },
  threshold: { fields: ['numerator', 'denominator', 'base_label'], required: false },
  'written-title': { fields: [], required: false, fallback: 'PHIẾU Ý KIẾN BẰNG VĂN BẢN' },
  'written-intro': {
    fields: ['session_date_words'],
    required: false,
    fallback:
      '(Của thành viên Hội đồng vắng mặt tại phiên họp xét {session_date_words}; gửi Hội đồng trước phiên họp, được kiểm cùng các phiếu bầu)',
  },
  'written-member': {
    fields: ['name', 'position'],
    required: false,
    fallback: 'Thành viên Hội đồng: {name}, {position}.',
  },
  'written-sign': { fields: [], required: false, fallback: 'NGƯỜI CHO Ý KIẾN' },
  // A paper of titles only (titles.yaml): headed by the titles voted, not the plan's models.
  'subject-titles': { fields: [], required: false, fallback: 'Bình xét danh hiệu thi đua năm {year}' },
};

function writtenLine(template: DocumentInput['template'], section: string, values: Values): string[] {
  return sectionOr(template, BALLOT_PAPER_TEMPLATE_SPEC, section, values);
}

export function ballotPaperModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const th = agency.threshold;
  const values = {
    ...v,
    numerator: th.numerator,
    denominator: th.denominator,
    base_label: th.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ',
  };
  const ordered = votingOrder(
    round.nominations.map((n) => n.value),
    [...index.departments.keys()],
    [...index.titles.keys()],
  );
  const columns = line(template, 'table-columns', values)
    .split('|')
    .map((c) => c.trim());
  const widths = [7, 42, 27, 12, 12];
  const small = (text: string, align: 'left' | 'center' = 'left', bold = false) => [p(text, { align, size: 13, bold })];
  const span = (text: string) => [cell(small(text, 'left', true), 100, { span: widths.length })];
  const row = (n: number, name: string, unit: string) => [
    cell(small(String(n), 'center'), widths[0]!),
    cell(small(name), widths[1]!),
    cell(small(unit), widths[2]!),
    cell(small(''), widths[3]!),
    cell(small(''), widths[4]!),
  ];
  const session = round.council?.value.session?.date;
  const titlesOnly = ordered.length > 0 && ordered.every((n) => n.award !== undefined && index.titles.has(n.award));
  // The paper of an absent member who votes in writing: the same table, named and signed.
  const page = (absent?: string): Block[] => {
    const blocks: Block[] = [];
    blocks.push(
      headerTable(
        agency,
        '',
        placeDateLine(
          agency,
          session ? dateInWords(session) : `ngày      tháng      năm ${meetingYear(round.year, periodOf(agency))}`,
        ),
        agency.council.name,
      ),
    );
    const who: Values = absent
      ? {
          ...values,
          name: `${honorific(index, absent)} ${index.personName(absent)}`.trim(),
          position: index.people.get(absent)?.value.position ?? '',
          session_date_words: session ? dateInWords(session) : '',
        }
      : values;
    blocks.push(
      centered(absent ? writtenLine(template, 'written-title', who)[0]! : line(template, 'title', values), {
        bold: true,
        before: 18,
        size: 14,
      }),
    );
    const subject = titlesOnly
      ? writtenLine(template, 'subject-titles', values)
      : paragraphs(template, 'subject', values);
    for (const s of subject) blocks.push(centered(s, { bold: true }));
    blocks.push(ruleUnder(subject, 14, true, 0.4));
    if (absent) {
      for (const s of writtenLine(template, 'written-intro', who)) blocks.push(centered(s, { italic: true, size: 13 }));
      for (const s of writtenLine(template, 'written-member', who)) blocks.push(p(s, { size: 13, before: 6 }));
    }
    for (const s of paragraphs(template, 'instructions', values))
      blocks.push(p(s, { italic: true, size: 13, after: 6, align: 'justify' }));
    const rows = [
      columns.map((c, i) =>
        cell([p(c, { align: 'center', bold: true, size: 13 })], widths[i] ?? 10, { header: true, align: 'center' }),
      ),
    ];
    const plain = ordered.filter((n) => n.award === undefined || !index.titles.has(n.award));
    const collectives = plain.filter((n) => n.kind === 'collective');
    const individuals = plain.filter((n) => n.kind === 'individual');
    const nameOf = (n: (typeof ordered)[number]) =>
      n.kind === 'individual'
        ? `${honorific(index, n.person)} ${index.personName(n.person)}`.trim()
        : `Tập thể ${index.departmentName(n.department)}`;
    if (collectives.length) {
      rows.push(span(line(template, 'collective-heading', values)));
      collectives.forEach((n, i) => rows.push(row(i + 1, nameOf(n), index.departmentName(n.department))));
    }
    if (individuals.length) {
      rows.push(span(line(template, 'individual-heading', values)));
      individuals.forEach((n, i) => rows.push(row(i + 1, nameOf(n), index.departmentName(n.department))));
    }
    // Each title after the plan's pair, numbered on, its threshold printed under its name.
    let group = (collectives.length ? 1 : 0) + (individuals.length ? 1 : 0);
    for (const title of index.titles.values()) {
      const nominated = ordered.filter((n) => n.award === title.id);
      if (nominated.length === 0) continue;
      group++;
      const th = title.threshold
        ? countedThreshold(title.threshold)
        : { numerator: agency.threshold.numerator, denominator: agency.threshold.denominator, of: agency.threshold.of };
      const share = th.percent !== undefined ? `${formatNumber(th.percent)} %` : `${th.numerator}/${th.denominator}`;
      rows.push(
        span(
          `${roman(group)}. ${upper(title.name)} (đạt khi có từ ${share} ${th.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ'} trở lên đồng ý)`,
        ),
      );
      nominated.forEach((n, i) => rows.push(row(i + 1, nameOf(n), index.departmentName(n.department))));
    }
    blocks.push({ kind: 'table', borders: true, headerRow: true, rows });
    if (template.sections.has('threshold') && plain.length)
      for (const s of paragraphs(template, 'threshold', values))
        blocks.push(p(s, { italic: true, size: 13, before: 6 }));
    if (absent) blocks.push(...signature(writtenLine(template, 'written-sign', who)[0]!, String(who['name'])));
    return blocks;
  };
  const absentMembers = round.council?.value.session?.absent ?? [];
  // One paper per member who votes at the meeting (--copies), each on its own page and all alike:
  // the ballot is secret, so the papers carry no number. Then one written-opinion paper per absent member.
  const copies = Math.max(1, input.copies ?? 1);
  const sections: Section[] = [
    ...Array.from({ length: copies }, (): Section => ({ orientation: 'portrait', blocks: page() })),
    ...absentMembers.map((m): Section => ({ orientation: 'portrait', blocks: page(m) })),
  ];
  return {
    title: `${line(template, 'title', values)} ${round.year}`,
    subject:
      (titlesOnly ? writtenLine(template, 'subject-titles', values) : paragraphs(template, 'subject', values))[0] ?? '',
    date: session ?? roundEnd(round.year, periodOf(agency)),
    sections,
  };
}
