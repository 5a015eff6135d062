/** Quyết định công nhận: the decision (a draft with the number and date blank before `decide`). */
import type { TemplateSpec } from './template.js';
import { line, paragraphs, sectionOr, type Values } from './template.js';
import type { DocModel, Block } from './model.js';
import {
  article,
  body,
  centered,
  lastArticle,
  headerTable,
  placeDateLine,
  recipientsAndSignature,
  signature,
  ruleUnder,
} from './layout.js';
import {
  commonValues,
  decidedHere,
  documentDate,
  groupsOf,
  hasTitles,
  honorific,
  recognised,
  nominationTitle,
  type DocumentInput,
  type RecognitionGroup,
} from './context.js';
import { dateInWords } from '../dates.js';
import { basisLines } from './basis.js';

export const DECISION_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  authority: { fields: [], required: true },
  basis: { fields: ['session_date_words'], required: false },
  decides: { fields: [], required: true },
  'article-1': { fields: ['recognised_count', 'collective_count', 'individual_count', 'counts_words'], required: true },
  // The recognitions listed in Điều 1 itself (a template may instead attach the list: “có danh sách kèm theo”).
  'collective-heading': { fields: ['collective_count'], required: false },
  'collective-item': { fields: ['stt', 'department', 'title'], required: false },
  'individual-heading': { fields: ['individual_count'], required: false },
  'individual-item': { fields: ['stt', 'honorific', 'name', 'position', 'department', 'title'], required: false },
  'article-2': { fields: [], required: true },
  'article-3': { fields: [], required: true },
  'article-4': { fields: [], required: false },
  'recipients-heading': { fields: [], required: true },
  'recipients-last': { fields: [], required: false },
  // Never left off a draft: an empty or missing [draft] prints the shipped mark.
  draft: { fields: [], required: false, fallback: 'DỰ THẢO' },
  // A round whose nominations name titles (titles.yaml): one article per title.
  // A template written before titles prints the shipped wording of these.
  'subject-titles': { fields: [], required: false, fallback: 'Về việc tặng danh hiệu thi đua năm {year}' },
  'article-title': {
    fields: ['n', 'title_name', 'counts_words'],
    required: false,
    fallback: 'Điều {n}. Tặng danh hiệu “{title_name}” năm {year} cho {counts_words} (có danh sách kèm theo).',
  },
  'article-effective': {
    fields: ['n'],
    required: false,
    fallback: 'Điều {n}. Quyết định này có hiệu lực kể từ ngày ký.',
  },
  'article-executors': {
    fields: ['n', 'articles'],
    required: false,
    fallback:
      'Điều {n}. {executors} và các tập thể, cá nhân có tên tại {articles} chịu trách nhiệm thi hành Quyết định này./.',
  },
};

function titled(template: DocumentInput['template'], section: string, values: Values): string[] {
  return sectionOr(template, DECISION_TEMPLATE_SPEC, section, values);
}

function draftMark(template: DocumentInput['template'], values: Values): string {
  return line(template, 'draft', values) || DECISION_TEMPLATE_SPEC['draft']!.fallback!;
}

/** "06 tập thể và 05 cá nhân": counts below 10 with a leading zero, as decisions write them. */
export function countsInWords(collectives: number, individuals: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const parts = [
    collectives ? `${two(collectives)} tập thể` : '',
    individuals ? `${two(individuals)} cá nhân` : '',
  ].filter(Boolean);
  return parts.join(' và ');
}

export function decisionModel(input: DocumentInput): DocModel {
  if (hasTitles(input.round, input.index)) return titledDecisionModel(input);
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const results = recognised(round);
  const collectives = results.filter((r) => r.kind === 'collective');
  const individuals = results.filter((r) => r.kind === 'individual');
  const counts = {
    recognised_count: results.length,
    collective_count: collectives.length,
    individual_count: individuals.length,
    counts_words: countsInWords(collectives.length, individuals.length),
  };
  const session = round.council?.value.session;
  const blocks: Block[] = [];
  blocks.push(
    headerTable(agency, `Số: ${String(v['decision_ref'])}`, placeDateLine(agency, String(v['decision_date_words']))),
  );
  if (!round.decision) blocks.push(centered(draftMark(template, v), { bold: true, size: 12, before: 6 }));
  blocks.push(centered(line(template, 'title', v), { bold: true, before: 18 }));
  for (const s of paragraphs(template, 'subject', v)) blocks.push(centered(s, { bold: true }));
  blocks.push(ruleUnder(paragraphs(template, 'subject', v), 14, true, 0.4));
  blocks.push(centered('', { size: 6 }));
  for (const s of paragraphs(template, 'authority', v)) blocks.push(centered(s, { bold: true, before: 12, after: 12 }));
  for (const s of basisLines(agency, index.pack, documentDate(round, agency))) blocks.push(body(s, { italic: true }));
  for (const s of paragraphs(template, 'basis', { ...v, session_date_words: session ? dateInWords(session.date) : '' }))
    blocks.push(body(s, { italic: true }));
  blocks.push(centered(line(template, 'decides', v), { bold: true, before: 6, after: 6 }));
  for (const s of paragraphs(template, 'article-1', { ...v, ...counts })) blocks.push(article(s));
  if (collectives.length && template.sections.has('collective-item')) {
    for (const s of paragraphs(template, 'collective-heading', { ...v, ...counts })) blocks.push(body(s));
    collectives.forEach((r, i) => {
      for (const s of paragraphs(template, 'collective-item', {
        ...v,
        stt: i + 1,
        department: index.departmentName(r.department),
        title: nominationTitle(round, r.nomination),
      }))
        blocks.push(body(s));
    });
  }
  if (individuals.length && template.sections.has('individual-item')) {
    for (const s of paragraphs(template, 'individual-heading', { ...v, ...counts })) blocks.push(body(s));
    individuals.forEach((r, i) => {
      const person = r.person ? index.people.get(r.person)?.value : undefined;
      for (const s of paragraphs(template, 'individual-item', {
        ...v,
        stt: i + 1,
        honorific: honorific(index, r.person),
        name: person?.name ?? r.person ?? '',
        position: person?.position ?? '',
        department: index.departmentName(r.department),
        title: nominationTitle(round, r.nomination),
      }))
        blocks.push(body(s.replace(/\s+,/g, ',').replace(/\s{2,}/g, ' ')));
    });
  }
  const closing = [
    ...paragraphs(template, 'article-2', v),
    ...paragraphs(template, 'article-3', v),
    ...paragraphs(template, 'article-4', v),
  ];
  for (const s of closing) blocks.push(article(s));
  blocks.push(centered('', { size: 6, after: 6 }));
  // Those named in the last article, who carry the decision out, receive it first (ND 30).
  const executors = lastArticle(closing);
  blocks.push(
    recipientsAndSignature(
      line(template, 'recipients-heading', v),
      agency.recipients,
      line(template, 'recipients-last', v),
      signature(round.decision?.value.signer ?? { title: agency.head.title, name: agency.head.name }),
      executors ? `Như Điều ${executors}` : undefined,
    ),
  );
  return {
    title: `${line(template, 'title', v)} ${String(v['decision_ref'])}`.trim(),
    subject: line(template, 'subject', v),
    date: documentDate(round, agency),
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}

/**
 * The decision of a round whose nominations name titles: an article per group (the plan's pair,
 * then each title the agency decides, "Tặng danh hiệu “Lao động tiên tiến” … cho 07 cá nhân"), the
 * effective date, then who carries it out. Titles decided above the agency are left to its Tờ trình.
 */
function titledDecisionModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const session = round.council?.value.session;
  // The plan's collectives and individuals are one article, worded as in a round without titles
  // ("Công nhận 01 tập thể và 02 cá nhân đạt mô hình tiêu biểu, gương điển hình …"): a collective
  // alone is no "gương điển hình", nor a person alone a "mô hình".
  const all = groupsOf(decidedHere(round, index), index);
  const plan = all.filter((g) => g.title === null);
  const groups: RecognitionGroup[] = [
    ...(plan.length ? [{ ...plan[0]!, results: plan.flatMap((g) => g.results) }] : []),
    ...all.filter((g) => g.title !== null),
  ];
  const blocks: Block[] = [];
  blocks.push(
    headerTable(agency, `Số: ${String(v['decision_ref'])}`, placeDateLine(agency, String(v['decision_date_words']))),
  );
  if (!round.decision) blocks.push(centered(draftMark(template, v), { bold: true, size: 12, before: 6 }));
  blocks.push(centered(line(template, 'title', v), { bold: true, before: 18 }));
  const subject = titled(template, 'subject-titles', v);
  for (const s of subject) blocks.push(centered(s, { bold: true }));
  blocks.push(ruleUnder(subject, 14, true, 0.4));
  blocks.push(centered('', { size: 6 }));
  for (const s of paragraphs(template, 'authority', v)) blocks.push(centered(s, { bold: true, before: 12, after: 12 }));
  for (const s of basisLines(agency, index.pack, documentDate(round, agency))) blocks.push(body(s, { italic: true }));
  for (const s of paragraphs(template, 'basis', { ...v, session_date_words: session ? dateInWords(session.date) : '' }))
    blocks.push(body(s, { italic: true }));
  blocks.push(centered(line(template, 'decides', v), { bold: true, before: 6, after: 6 }));
  let n = 0;
  for (const g of groups) {
    n++;
    const collectives = g.results.filter((r) => r.kind === 'collective').length;
    const individuals = g.results.length - collectives;
    const counts = { n, counts_words: countsInWords(collectives, individuals) };
    // The plan's pair keeps its own wording; each title has its article.
    const texts = g.title
      ? titled(template, 'article-title', { ...v, ...counts, title_name: g.title.name })
      : paragraphs(template, 'article-1', {
          ...v,
          recognised_count: g.results.length,
          collective_count: collectives,
          individual_count: individuals,
          counts_words: counts.counts_words,
        }).map((s) => s.replace(/^Điều 1\./u, `Điều ${n}.`));
    for (const s of texts) blocks.push(article(s));
  }
  const articles = n <= 1 ? 'Điều 1' : n === 2 ? 'Điều 1 và Điều 2' : `các Điều 1 đến Điều ${n}`;
  const closing = [
    ...titled(template, 'article-effective', { ...v, n: n + 1 }),
    ...titled(template, 'article-executors', { ...v, n: n + 2, articles }),
  ];
  for (const s of closing) blocks.push(article(s));
  blocks.push(centered('', { size: 6, after: 6 }));
  blocks.push(
    recipientsAndSignature(
      line(template, 'recipients-heading', v),
      agency.recipients,
      line(template, 'recipients-last', v),
      signature(round.decision?.value.signer ?? { title: agency.head.title, name: agency.head.name }),
      `Như Điều ${n + 2}`,
    ),
  );
  return {
    title: `${line(template, 'title', v)} ${String(v['decision_ref'])}`.trim(),
    subject: subject[0] ?? '',
    date: documentDate(round, agency),
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}
