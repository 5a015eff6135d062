/** Biên bản kiểm phiếu: the vote-count minutes, from the seal. */
import { line, paragraphs, sectionOr, type Values } from './template.js';
import { cell, p, type Block, type Cell, type DocModel, type Para } from './model.js';
import { body, centered, headerTable, placeDateLine, recipientList, renumbered, ruleUnder } from './layout.js';
import { commonValues, groupsOf, honorific, titleOf, upper, type DocumentInput } from './context.js';
import { dateInWords } from '../dates.js';
import { formatNumber, formatPercent } from '../format/numbers.js';
import { percentOfBase } from '../tally.js';
import { MINUTES_TEMPLATE_SPEC } from './minutes-template.js';
export { MINUTES_TEMPLATE_SPEC } from './minutes-template.js';

/** An optional section's paragraphs, or its fallback wording when the template has no such section. */
function optional(template: DocumentInput['template'], section: string, values: Values): string[] {
  return sectionOr(template, MINUTES_TEMPLATE_SPEC, section, values);
}

/** "08:00" as the minutes say it: "08 giờ 00 phút". */
function timeWords(time: string): string {
  return `${time.replace(':', ' giờ ')} phút`;
}

const ROLE_NAMES: Record<string, string> = {
  'chu-tich': 'Chủ tịch Hội đồng',
  'pho-chu-tich': 'Phó Chủ tịch Hội đồng',
  'uy-vien': 'Ủy viên',
  'thu-ky': 'Thư ký Hội đồng',
};

export function minutesModel(input: DocumentInput): DocModel {
  const { agency, round, index, template } = input;
  const tally = round.tally!.value;
  const session = round.council!.value.session!;
  const v = commonValues(agency, round);
  const person = (id: string) => `${honorific(index, id)} ${index.personName(id)}`.trim();
  const written = round.ballots.filter((b) => b.value.valid && b.value.written).length;
  const recognisedResults = tally.results.filter((r) => r.recognised);
  const values = {
    ...v,
    session_time: session.time ? timeWords(session.time) : '',
    session_date_words: dateInWords(session.date),
    session_place: session.place,
    members: tally.members,
    chair: person(session.chair),
    secretary: person(session.secretary),
    counters: session.counters.map((c, i) => `${person(c)} (${i === 0 ? 'Trưởng ban' : 'thành viên'})`).join(', '),
    issued: tally.ballots.issued,
    received: tally.ballots.received,
    valid: tally.ballots.valid,
    invalid: tally.ballots.invalid,
    written,
    numerator: tally.threshold.numerator,
    denominator: tally.threshold.denominator,
    required: tally.required,
    base: tally.base,
    base_label: tally.threshold.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ',
    recognised_collectives: recognisedResults.filter((r) => r.kind === 'collective').length,
    recognised_individuals: recognisedResults.filter((r) => r.kind === 'individual').length,
    recognised_count: recognisedResults.length,
  };
  // A round that counts titles says so in its subject, opening and conclusion. A template written
  // before those sections (one frozen with an issued decision) keeps its own wording, so that the
  // minutes it printed are printed again byte for byte.
  const titledRound = (tally.titles ?? []).length > 0;
  const worded = (section: string) =>
    titledRound && template.sections.has(`${section}-titles`) ? `${section}-titles` : section;
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
  const subject = paragraphs(template, worded('subject'), values);
  for (const s of subject) blocks.push(centered(s, { bold: true }));
  blocks.push(ruleUnder(subject, 14, true, 0.4));
  blocks.push(centered('', { size: 6 }));
  for (const s of paragraphs(template, worded('opening'), values)) blocks.push(body(s.replace(/^Vào lúc\s+,/, 'Vào')));
  for (const s of paragraphs(template, 'members-heading', values)) blocks.push(body(s));
  // Each member with their post, then their role in the council.
  round.council!.value.members.forEach((m, i) => {
    const post = index.people.get(m.person)?.value.position;
    blocks.push(body(`${i + 1}. ${person(m.person)}${post ? `, ${post}` : ''} — ${ROLE_NAMES[m.role] ?? m.role}.`));
  });
  for (const s of paragraphs(template, 'counters', values)) blocks.push(body(s));
  // Attendance, always: the quorum is judged on it.
  const absent = [...new Set(session.absent ?? [])];
  const memberCount = round.council!.value.members.length;
  const attendance = {
    ...values,
    present: memberCount - absent.length,
    members: memberCount,
    absent: absent.length,
    absent_names: absent.length ? absent.map(person).join(', ') : 'không',
  };
  // With no absence recorded, "all present" is said only when no written ballot says otherwise.
  const said = absent.length
    ? optional(template, 'attendance', attendance)
    : written === 0
      ? optional(template, 'attendance-full', attendance)
      : [];
  for (const s of said) blocks.push(body(s));
  for (const s of paragraphs(template, 'ballots', values)) blocks.push(body(s));
  // Why each invalid paper was set aside, as the counters recorded it (ballot --invalid --reason).
  for (const b of round.ballots) {
    if (b.value.valid || !b.value.reason) continue;
    for (const s of optional(template, 'invalid-reason', { ...values, serial: b.value.serial, reason: b.value.reason }))
      blocks.push(body(s));
  }
  if (tally.incomplete) {
    for (const s of optional(template, 'incomplete', { ...values, reason: tally.incomplete })) blocks.push(body(s));
  }
  if (agency.council.recusal) {
    const members = new Set(round.council!.value.members.map((m) => m.person));
    for (const r of tally.results) {
      if (!r.person || !members.has(r.person)) continue;
      for (const s of optional(template, 'recusal', { ...values, name: person(r.person), nomination: r.nomination }))
        blocks.push(body(s));
    }
  }
  // An unsealing is the records' history (unseals.yaml, verify), not the council's words: the
  // minutes of a count corrected later stay as the council signed them.
  // Each title with its own threshold; the round's threshold for the plan's pair, if any.
  const titleCounts = tally.titles ?? [];
  const plainResults = tally.results.filter((r) => titleOf(index, r) === undefined);
  if (titleCounts.length === 0 || plainResults.length > 0)
    for (const s of paragraphs(template, 'threshold', values)) blocks.push(body(s));
  for (const c of titleCounts) {
    const name = index.titles.get(c.id)?.name ?? c.id;
    const share =
      c.threshold.percent !== undefined
        ? `${formatNumber(c.threshold.percent)} %`
        : `${c.threshold.numerator}/${c.threshold.denominator}`;
    for (const s of optional(template, 'title-threshold', {
      ...values,
      title_name: name,
      share,
      required: c.required,
      base: c.base,
      base_label: c.threshold.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ',
    }))
      blocks.push(body(s));
  }
  for (const s of paragraphs(template, 'results-heading', values)) blocks.push(body(s, { bold: true }));

  const columns = line(template, 'table-columns', values)
    .split('|')
    .map((c) => c.trim());
  const widths = [7, 33, 15, 13, 13, 19];
  const head = columns.map((c, i) =>
    cell([p(c, { align: 'center', bold: true, size: 12 })], widths[i] ?? 10, { header: true, align: 'center' }),
  );
  const small = (text: string, align: Para['align'] = 'center', bold = false) => [p(text, { align, size: 12, bold })];
  const rowOf = (r: (typeof tally.results)[number], i: number) => {
    const name =
      r.kind === 'collective'
        ? `Tập thể ${index.departmentName(r.department)}`
        : `${person(r.person!)} (${index.departmentName(r.department)})`;
    const verdict = r.recognised
      ? `${line(template, 'passed', values)}${r.tie_break ? ` ${optional(template, r.tie_break === 'chair' ? 'tie-chair' : 'tie-women', values)[0] ?? ''}` : ''}`
      : r.reason === 'prerequisite-not-recognised'
        ? (optional(template, 'not-eligible', values)[0] ?? '')
        : r.reason === 'over-quota'
          ? (optional(template, 'over-quota', values)[0] ?? '')
          : r.passed
            ? line(template, 'not-recognised', values)
            : line(template, 'failed', values);
    const base = titleCounts.find((c) => c.id === r.award)?.base ?? tally.base;
    return [
      cell(small(String(i + 1)), widths[0]!),
      cell(small(name, 'left'), widths[1]!),
      cell(small(`${r.agree} (${formatPercent(percentOfBase(r.agree, base))})`), widths[2]!),
      cell(small(String(r.disagree)), widths[3]!),
      cell(small(String(r.abstain)), widths[4]!),
      cell(small(verdict, 'center', r.recognised), widths[5]!),
    ];
  };
  // I. Tập thể, II. Cá nhân: each group numbered from 1 under its heading row.
  const rows = [head];
  if (titleCounts.length > 0) {
    // Title by title, numbered I, II, …, the plan's pair first under the template's headings.
    groupsOf(tally.results, index).forEach((g, k) => {
      const heading = g.title
        ? upper(g.title.name)
        : (optional(template, g.kind === 'collective' ? 'collective-heading' : 'individual-heading', values)[0] ?? '');
      rows.push([cell(small(renumbered(heading, k + 1), 'left', true), 100, { span: widths.length })]);
      g.results.forEach((r, i) => rows.push(rowOf(r, i)));
    });
  } else {
    for (const [kind, section] of [
      ['collective', 'collective-heading'],
      ['individual', 'individual-heading'],
    ] as const) {
      const group = tally.results.filter((r) => r.kind === kind);
      if (group.length === 0) continue;
      rows.push([
        cell(small(optional(template, section, values)[0] ?? '', 'left', true), 100, { span: widths.length }),
      ]);
      group.forEach((r, i) => rows.push(rowOf(r, i)));
    }
  }
  blocks.push({ kind: 'table', borders: true, headerRow: true, rows });
  blocks.push(p('', { size: 6, after: 6 }));
  for (const s of paragraphs(template, worded('conclusion'), values)) blocks.push(body(s));
  if (session.ended)
    for (const s of optional(template, 'ended', { ...values, ended_time: timeWords(session.ended) }))
      blocks.push(body(s));
  for (const s of paragraphs(template, 'closing', values)) blocks.push(body(s));
  // Who signs, three to a row: the titles on one row, the room to sign on the next, the names on a
  // third, so the names stay level however the titles wrap. Every counter signs.
  const signers: Array<[string, string]> = [
    [line(template, 'signature-secretary', values), session.secretary],
    [line(template, 'signature-counters', values), session.counters[0]!],
    [line(template, 'signature-chair', values), session.chair],
    ...session.counters
      .slice(1)
      .map((c): [string, string] => [optional(template, 'signature-counter', values)[0] ?? '', c]),
  ];
  const signRows: Cell[][] = [];
  for (let k = 0; k < signers.length; k += 3) {
    const group = signers.slice(k, k + 3);
    while (group.length < 3) group.push(['', '']);
    const titled = (title: string) => [
      p(title, { align: 'center', size: 13, bold: true, keepNext: true, ...(k > 0 ? { before: 18 } : {}) }),
    ];
    signRows.push(group.map(([title]) => cell(titled(title), 33)));
    signRows.push(
      group.map(() =>
        cell(
          Array.from({ length: 5 }, () => p('', { size: 14, keepNext: true })),
          33,
        ),
      ),
    );
    signRows.push(
      group.map(([, id]) =>
        cell(
          [
            p(id ? index.personName(id) : '', {
              align: 'center',
              size: 14,
              bold: true,
              ...(k + 3 < signers.length ? { keepNext: true } : {}),
            }),
          ],
          33,
        ),
      ),
    );
  }
  blocks.push({ kind: 'table', borders: false, keepWithPrevious: true, rows: signRows });
  // Nơi nhận under the signatures, bottom left: who receives the minutes, the copy kept.
  blocks.push(p('', { size: 6 }));
  blocks.push(
    ...recipientList(
      optional(template, 'recipients-heading', values)[0] ?? '',
      optional(template, 'recipients', values).filter(Boolean),
      optional(template, 'recipients-last', values)[0] ?? '',
    ),
  );
  return {
    title: `${line(template, 'title', values)} ${round.year}`,
    subject: upper(agency.council.name),
    date: session.date,
    sections: [{ orientation: 'portrait', pageNumbers: true, blocks }],
  };
}
