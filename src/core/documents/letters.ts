/**
 * The letters of a round: the council's Tờ trình proposing the recognitions to the head, and the
 * agency's Công văn sending the signed decision and its list to the province. Numbers are left
 * blank for the văn thư, as on a draft.
 */
import type { TemplateSpec } from './template.js';
import { line, paragraphs } from './template.js';
import type { Block, DocModel } from './model.js';
import { body, centered, headerTable, placeDateLine, recipientsAndSignature, ruleUnder, signature } from './layout.js';
import {
  attendanceOf,
  commonValues,
  addresseeOf,
  decidedHere,
  distinctCounts,
  documentDate,
  hasTitles,
  thresholdsText,
  titledParagraphs,
  titlesCounts,
  type DocumentInput,
} from './context.js';
import { countsInWords } from './decision.js';
import { dateInWords } from '../dates.js';

export const PROPOSAL_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  to: { fields: [], required: true },
  body: {
    fields: ['session_date_words', 'members', 'present', 'counts_words', 'numerator', 'denominator', 'base_label'],
    required: true,
  },
  'recipients-heading': { fields: [], required: true },
  recipients: { fields: [], required: false },
  'recipients-last': { fields: [], required: false },
  'sign-above': { fields: [], required: true },
  'sign-title': { fields: [], required: true },
  'subject-titles': { fields: [], required: false, fallback: 'Về việc đề nghị tặng danh hiệu thi đua năm {year}' },
  'body-titles': {
    fields: ['session_date_words', 'members', 'present', 'titles_counts', 'thresholds'],
    required: false,
    fallback:
      'Căn cứ Luật Thi đua, khen thưởng và Quy chế hoạt động của Hội đồng;\nVào {session_date_words}, {council} đã họp xét (có mặt {present}/{members} thành viên) và bỏ phiếu kín đối với các tập thể, cá nhân được đề nghị; mỗi danh hiệu đạt khi đủ tỷ lệ phiếu đồng ý của mình ({thresholds}).\nKết quả: {titles_counts} (có danh sách và biên bản kiểm phiếu kèm theo).\n{council} kính trình {authority_name} xem xét, quyết định tặng danh hiệu thi đua năm {year} cho các tập thể, cá nhân nêu trên và đề nghị cấp trên khen thưởng theo thẩm quyền./.',
  },
};

export const COVER_TEMPLATE_SPEC: TemplateSpec = {
  subject: { fields: [], required: true },
  to: { fields: ['report_to'], required: true },
  body: { fields: ['counts_words', 'report_to'], required: true },
  'recipients-heading': { fields: [], required: true },
  recipients: { fields: ['report_to'], required: false },
  'recipients-last': { fields: [], required: false },
  'subject-titles': {
    fields: [],
    required: false,
    fallback: 'V/v gửi Quyết định và Danh sách tặng danh hiệu thi đua năm {year}',
  },
  'body-titles': {
    fields: ['titles_counts', 'report_to'],
    required: false,
    fallback:
      '{agency} gửi {report_to} Quyết định số {decision_ref} {decision_date_words} của {authority_name} về việc tặng danh hiệu thi đua năm {year} và Danh sách kèm theo ({titles_counts}).\nTrân trọng./.',
  },
};

function countsOf(input: DocumentInput): string {
  // What the agency decides itself: titles decided above it go to them in their own Tờ trình.
  // Who they are: a person with two titles is one cá nhân.
  const who = distinctCounts(decidedHere(input.round, input.index));
  return countsInWords(who.collectives, who.individuals) || '0 tập thể, cá nhân';
}

/** Tờ trình: the council proposes to the head the recognitions its vote passed. */
export function proposalModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const v = commonValues(agency, round);
  const council = round.council!.value;
  const session = council.session!;
  const th = agency.threshold;
  const values = {
    ...v,
    session_date_words: dateInWords(session.date),
    members: council.members.length,
    present: attendanceOf(round).present,
    counts_words: countsOf(input),
    numerator: th.numerator,
    denominator: th.denominator,
    base_label: th.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ',
    titles_counts: titlesCounts(round, index, true),
    thresholds: thresholdsText(round, index, agency),
  };
  const titled = hasTitles(round, index);
  const blocks: Block[] = [];
  blocks.push(
    headerTable(
      agency,
      `Số:      /TTr-${agency.council.symbol}`,
      placeDateLine(agency, dateInWords(session.date)),
      agency.council.name,
    ),
  );
  blocks.push(centered(line(template, 'title', values), { bold: true, before: 18 }));
  const subject = titledParagraphs(template, PROPOSAL_TEMPLATE_SPEC, 'subject', values, titled);
  for (const s of subject) blocks.push(centered(s, { bold: true }));
  blocks.push(ruleUnder(subject, 14, true, 0.4));
  for (const s of paragraphs(template, 'to', values)) blocks.push(centered(s, { before: 12, after: 12 }));
  for (const s of titledParagraphs(template, PROPOSAL_TEMPLATE_SPEC, 'body', values, titled)) blocks.push(body(s));
  blocks.push(centered('', { size: 6, after: 6 }));
  const chair = session.chair;
  blocks.push(
    recipientsAndSignature(
      line(template, 'recipients-heading', values),
      paragraphs(template, 'recipients', values),
      line(template, 'recipients-last', values),
      signature(
        { title: line(template, 'sign-title', values), name: index.personName(chair) },
        undefined,
        line(template, 'sign-above', values),
      ),
    ),
  );
  return {
    title: `${line(template, 'title', values)} ${round.year}`,
    subject: subject[0] ?? '',
    date: session.date,
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}

/** Công văn: the agency sends the signed decision and its list to the province. */
export function coverLetterModel(input: DocumentInput): DocModel {
  const { agency, round, template } = input;
  const v = commonValues(agency, round);
  const values = {
    ...v,
    counts_words: countsOf(input),
    report_to: addresseeOf(agency, round.tally !== null),
    titles_counts: titlesCounts(round, input.index, false),
  };
  const titled = hasTitles(round, input.index);
  const blocks: Block[] = [];
  const subject = titledParagraphs(template, COVER_TEMPLATE_SPEC, 'subject', values, titled)[0] ?? '';
  blocks.push(
    headerTable(
      agency,
      `Số:      /${agency.symbol}`,
      placeDateLine(agency, String(v['decision_date_words'])),
      undefined,
      subject,
    ),
  );
  for (const s of paragraphs(template, 'to', values)) blocks.push(centered(s, { before: 18, after: 12 }));
  for (const s of titledParagraphs(template, COVER_TEMPLATE_SPEC, 'body', values, titled)) blocks.push(body(s));
  blocks.push(centered('', { size: 6, after: 6 }));
  const signer = round.decision?.value.signer ?? { title: agency.head.title, name: agency.head.name };
  blocks.push(
    recipientsAndSignature(
      line(template, 'recipients-heading', values),
      paragraphs(template, 'recipients', values),
      line(template, 'recipients-last', values),
      signature(signer),
    ),
  );
  return {
    title: `Công văn ${round.year}`,
    subject,
    date: documentDate(round, agency),
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}
