/**
 * Biên bản họp Hội đồng (Mẫu 1.9): the record of the council's review meeting — when and where,
 * who took part, what was reviewed and how the vote went — distinct from the vote-count minutes.
 * What was said is left as dotted lines for the secretary to fill in.
 */
import type { TemplateSpec } from './template.js';
import { line, paragraphs, sectionOr, type Values } from './template.js';
import { cell, p, type Block, type DocModel } from './model.js';
import { body, centered, headerTable, placeDateLine, recipientList, ruleUnder } from './layout.js';
import {
  distinctCounts,
  attendanceOf,
  commonValues,
  hasTitles,
  honorific,
  recognised,
  thresholdsText,
  titledParagraphs,
  titlesCounts,
  type DocumentInput,
} from './context.js';
import { countsInWords } from './decision.js';
import { dateInWords } from '../dates.js';
import { votingOrder } from '../nomination.js';

export const MEETING_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  'time-place': { fields: ['session_time', 'session_date_words', 'session_place'], required: true },
  participants: { fields: ['chair', 'secretary', 'present', 'members', 'absent_names'], required: true },
  agenda: { fields: ['collectives', 'individuals'], required: true },
  discussion: { fields: [], required: true },
  vote: { fields: ['counters', 'counts_words', 'numerator', 'denominator', 'base_label'], required: true },
  closing: { fields: ['end_time'], required: true },
  'subject-titles': {
    fields: [],
    required: false,
    fallback: 'Họp Hội đồng Thi đua - Khen thưởng xét tặng danh hiệu thi đua năm {year}',
  },
  'vote-titles': {
    fields: ['counters', 'titles_counts', 'thresholds'],
    required: false,
    fallback:
      '3. Hội đồng bầu Ban kiểm phiếu gồm: {counters}; bỏ phiếu kín, mỗi danh hiệu theo tỷ lệ phiếu đồng ý của mình ({thresholds}). Kết quả (có biên bản kiểm phiếu kèm theo): {titles_counts}.',
  },
  'signature-secretary': { fields: [], required: true },
  'signature-chair': { fields: [], required: true },
  // Recorded with the session (council.yaml `discussion`): each opinion in place of the dotted lines.
  'discussion-heading': {
    fields: [],
    required: false,
    fallback: '2. Hội đồng thảo luận, cho ý kiến đối với từng hồ sơ:',
  },
  'discussion-item': { fields: ['name', 'text'], required: false, fallback: '- {name}: {text}' },
  'discussion-general': { fields: ['text'], required: false, fallback: '- Ý kiến chung: {text}' },
  quorum: {
    fields: ['present', 'members', 'numerator', 'denominator'],
    required: false,
    fallback:
      'Số thành viên có mặt ({present}/{members}) đạt từ {numerator}/{denominator} tổng số thành viên Hội đồng trở lên; cuộc họp đủ điều kiện tiến hành.',
  },
  'recipients-heading': { fields: [], required: false, fallback: 'Nơi nhận:' },
  recipients: { fields: [], required: false, fallback: '{head_title} (để báo cáo)\nThành viên Hội đồng' },
  'recipients-last': { fields: [], required: false, fallback: '- Lưu: VT, HĐTĐKT.' },
};

const or = (template: DocumentInput['template'], section: string, values: Values) =>
  sectionOr(template, MEETING_TEMPLATE_SPEC, section, values);

export function meetingModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const council = round.council!.value;
  const session = council.session!;
  const person = (id: string) => `${honorific(index, id)} ${index.personName(id)}`.trim();
  // Written ballots come from absent members: with none named, their number is what is known.
  const { absent, absentCount, present } = attendanceOf(round);
  const results = recognised(round);
  const th = agency.threshold;
  const values = {
    ...v,
    session_time: session.time ? `${session.time.replace(':', ' giờ ')} phút` : '…… giờ ……',
    session_date_words: dateInWords(session.date),
    session_place: session.place,
    chair: person(session.chair),
    secretary: person(session.secretary),
    present,
    members: council.members.length,
    absent_names: absent.length
      ? absent.map(person).join(', ')
      : absentCount
        ? `${absentCount} thành viên, có phiếu ý kiến bằng văn bản`
        : 'không',
    collectives: round.nominations.filter((n) => n.value.kind === 'collective').length,
    individuals: round.nominations.filter((n) => n.value.kind === 'individual').length,
    counters: session.counters.map(person).join(', '),
    counts_words:
      countsInWords(distinctCounts(results).collectives, distinctCounts(results).individuals) ||
      'không tập thể, cá nhân nào',
    numerator: th.numerator,
    denominator: th.denominator,
    base_label: th.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ',
    end_time: session.ended ? `${session.ended.replace(':', ' giờ ')} phút` : '…… giờ ……',
    titles_counts: titlesCounts(round, index, true),
    thresholds: thresholdsText(round, index, agency),
  };
  // A round of titles (titles.yaml) is a round of danh hiệu, each with its own threshold.
  const titled = hasTitles(round, index);
  const blocks: Block[] = [];
  blocks.push(
    headerTable(
      agency,
      `Số:      /BB-${agency.council.symbol}`,
      placeDateLine(agency, dateInWords(session.date)),
      agency.council.name,
    ),
  );
  blocks.push(centered(line(template, 'title', values), { bold: true, before: 18 }));
  const subject = titledParagraphs(template, MEETING_TEMPLATE_SPEC, 'subject', values, titled);
  for (const s of subject) blocks.push(centered(s, { bold: true }));
  blocks.push(ruleUnder(subject, 14, true, 0.4));
  // The quorum: the agency's, else the rule pack's setting; said only when one is set.
  const quorum = agency.threshold.quorum ?? index.pack?.settings?.quorum;
  for (const section of ['time-place', 'participants', 'agenda', 'discussion', 'vote', 'closing'] as const) {
    const texts =
      section === 'vote'
        ? titledParagraphs(template, MEETING_TEMPLATE_SPEC, 'vote', values, titled)
        : section === 'discussion' && session.discussion?.length
          ? discussion(input, values)
          : paragraphs(template, section, values);
    for (const s of texts) blocks.push(body(s, /^[IVX]+\. /.test(s) ? { bold: true } : {}));
    if (section === 'participants' && quorum && present * quorum.denominator >= quorum.numerator * values.members)
      for (const s of or(template, 'quorum', {
        ...values,
        numerator: quorum.numerator,
        denominator: quorum.denominator,
      }))
        blocks.push(body(s));
  }
  const sign = (title: string, id: string) => [
    p(title, { align: 'center', size: 14, bold: true, keepNext: true }),
    ...Array.from({ length: 5 }, () => p('', { size: 14, keepNext: true })),
    p(index.personName(id), { align: 'center', size: 14, bold: true }),
  ];
  // Nơi nhận bottom left, under the secretary's signature, in the same row: one block that never
  // breaks, kept with the last paragraph, so no page holds the signatures or the recipients alone.
  const recipients = recipientList(
    or(template, 'recipients-heading', values)[0] ?? '',
    or(template, 'recipients', values).filter(Boolean),
    or(template, 'recipients-last', values)[0] ?? '',
  );
  blocks.push(p('', { size: 6, after: 6 }));
  blocks.push({
    kind: 'table',
    borders: false,
    keepWithPrevious: true,
    rows: [
      [
        cell(
          [
            ...sign(line(template, 'signature-secretary', values), session.secretary),
            p('', { size: 6 }),
            ...recipients,
          ],
          50,
        ),
        cell(sign(line(template, 'signature-chair', values), session.chair), 50),
      ],
    ],
  });
  return {
    title: `${line(template, 'title', values)} ${round.year}`,
    subject: subject[0] ?? '',
    date: session.date,
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}

/** The discussion as recorded: each nomination's opinions in voting order, then the general ones. */
function discussion(input: DocumentInput, values: Values): string[] {
  const { round, index, template } = input;
  const said = round.council!.value.session!.discussion ?? [];
  const out = [...or(template, 'discussion-heading', values)];
  for (const n of votingOrder(
    round.nominations.map((x) => x.value),
    [...index.departments.keys()],
    [...index.titles.keys()],
  )) {
    const name =
      n.kind === 'individual'
        ? `${honorific(index, n.person)} ${index.personName(n.person)}`.trim()
        : `Tập thể ${index.departmentName(n.department)}`;
    for (const d of said.filter((x) => x.nomination === n.id))
      out.push(...or(template, 'discussion-item', { ...values, name, text: d.text }));
  }
  for (const d of said.filter((x) => x.nomination === undefined))
    out.push(...or(template, 'discussion-general', { ...values, text: d.text }));
  return out;
}
