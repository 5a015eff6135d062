/**
 * Tờ trình lên cấp trên: a title decided above the agency (Chiến sĩ thi đua cấp tỉnh, Bằng khen)
 * is not in the agency's decision; the agency proposes it, with the list, to the body that decides.
 * One Tờ trình per body, each on its own pages.
 */
import type { TemplateSpec } from './template.js';
import { line, paragraphs, sectionOr, type Values } from './template.js';
import { cell, p, type Block, type DocModel, type Section } from './model.js';
import {
  body,
  centered,
  headerTable,
  placeDateLine,
  recipientsAndSignature,
  renumbered,
  ruleUnder,
  signature,
} from './layout.js';
import {
  distinctCounts,
  commonValues,
  decidedAbove,
  documentDate,
  honorific,
  nominationTitle,
  recognised,
  titleOf,
  upper,
  type DocumentInput,
} from './context.js';
import { countsInWords } from './decision.js';
import { dateInWords } from '../dates.js';
import { countedThreshold } from '../titles.js';
import { formatNumber, twoDigits } from '../format/numbers.js';
import type { Round } from '../records/workspace.js';
import type { WorkspaceIndex } from '../records/index.js';

export const UPWARD_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: ['title_names'], required: true },
  to: { fields: ['body_name'], required: true },
  body: { fields: ['body_name', 'session_date_words', 'counts_words', 'title_names', 'thresholds'], required: true },
  'table-columns': { fields: [], required: true },
  'recipients-heading': { fields: [], required: true },
  recipients: { fields: ['body_name'], required: false, fallback: 'Như trên' },
  'recipients-last': { fields: [], required: false },
};

/** The bodies above the agency that decide a recognised title of the round, in titles.yaml's order. */
export function upwardBodies(round: Round, index: WorkspaceIndex): string[] {
  const bodies: string[] = [];
  for (const r of recognised(round)) {
    const title = titleOf(index, r);
    if (decidedAbove(title) && !bodies.includes(title.decided_by.body)) bodies.push(title.decided_by.body);
  }
  return bodies;
}

export function upwardModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const session = round.council?.value.session;
  const date = documentDate(round, agency);
  const sections: Section[] = upwardBodies(round, index).map((bodyName) => {
    const results = recognised(round).filter((r) => {
      const title = titleOf(index, r);
      return decidedAbove(title) && title.decided_by.body === bodyName;
    });
    const titles = [...index.titles.values()].filter((x) => results.some((r) => r.award === x.id));
    const thresholds = titles
      .map((x) => {
        const th = x.threshold ? countedThreshold(x.threshold) : null;
        const share = th
          ? th.percent !== undefined
            ? `${formatNumber(th.percent)} %`
            : `${th.numerator}/${th.denominator}`
          : `${agency.threshold.numerator}/${agency.threshold.denominator}`;
        return `“${x.name}”: từ ${share} ${(th?.of ?? agency.threshold.of) === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ'} trở lên đồng ý`;
      })
      .join('; ');
    const values: Values = {
      ...v,
      body_name: bodyName,
      session_date_words: session ? dateInWords(session.date) : '',
      counts_words: countsInWords(distinctCounts(results).collectives, distinctCounts(results).individuals),
      title_names: titles.map((x) => `“${x.name}”`).join(', '),
      thresholds,
    };
    const blocks: Block[] = [];
    blocks.push(headerTable(agency, `Số:      /TTr-${agency.symbol}`, placeDateLine(agency, dateInWords(date))));
    blocks.push(centered(line(template, 'title', values), { bold: true, before: 18 }));
    const subject = paragraphs(template, 'subject', values);
    for (const s of subject) blocks.push(centered(s, { bold: true }));
    blocks.push(ruleUnder(subject, 14, true, 0.4));
    for (const s of paragraphs(template, 'to', values)) blocks.push(centered(s, { before: 12, after: 12 }));
    for (const s of paragraphs(template, 'body', values)) blocks.push(body(s));
    // The list, title by title, as the body's own forms ask: who, their post and unit, the achievement.
    const columns = line(template, 'table-columns', values)
      .split('|')
      .map((c) => c.trim());
    const widths = [7, 28, 20, 20, 25];
    const small = (text: string, align: 'left' | 'center' = 'left', bold = false) => [
      p(text, { align, size: 12, bold }),
    ];
    const rows = [
      columns.map((c, i) =>
        cell([p(c, { align: 'center', bold: true, size: 12 })], widths[i] ?? 10, { header: true, align: 'center' }),
      ),
    ];
    titles.forEach((x, k) => {
      const group = results.filter((r) => r.award === x.id);
      rows.push([
        cell(small(renumbered(`${upper(x.name)} (${twoDigits(group.length)})`, k + 1), 'left', true), 100, {
          span: widths.length,
        }),
      ]);
      group.forEach((r, i) => {
        const person = r.person ? index.people.get(r.person)?.value : undefined;
        rows.push([
          cell(small(String(i + 1), 'center'), widths[0]!),
          cell(
            small(
              r.person
                ? `${honorific(index, r.person)} ${person?.name ?? r.person}`.trim()
                : `Tập thể ${index.departmentName(r.department)}`,
            ),
            widths[1]!,
          ),
          cell(small(person?.position ?? ''), widths[2]!),
          cell(small(index.departmentName(r.department)), widths[3]!),
          cell(small(nominationTitle(round, r.nomination)), widths[4]!),
        ]);
      });
    });
    blocks.push({ kind: 'table', borders: true, headerRow: true, rows });
    blocks.push(centered('', { size: 6, after: 6 }));
    const signer = round.decision?.value.signer ?? { title: agency.head.title, name: agency.head.name };
    const recipients = sectionOr(template, UPWARD_TEMPLATE_SPEC, 'recipients', values);
    blocks.push(
      recipientsAndSignature(
        line(template, 'recipients-heading', values),
        recipients,
        line(template, 'recipients-last', values),
        signature(signer),
      ),
    );
    return { orientation: 'portrait', pageNumbers: true, blocks };
  });
  return {
    title: `${line(template, 'title', v)} ${round.year}`,
    subject: `Đề nghị cấp trên ${round.year}`,
    date,
    sections,
  };
}
