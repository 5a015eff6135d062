/** What every document needs from the records: the agency, the round, its seal and decision, names. */
import { periodOf, roundEnd, roundName, unitWord } from '../period.js';
import type { Agency } from '../schemas/agency.js';
import type { Round } from '../records/workspace.js';
import type { Title } from '../schemas/titles.js';
import type { WorkspaceIndex } from '../records/index.js';
import type { TallyResult } from '../schemas/sealed.js';
import { paragraphs, sectionOr, type Template, type TemplateSpec, type Values } from './template.js';
import { countedThreshold } from '../titles.js';
import { formatNumber } from '../format/numbers.js';
import { dateInWords, shortDate } from '../dates.js';
import { twoDigits } from '../format/numbers.js';

export interface DocumentInput {
  agency: Agency;
  round: Round;
  index: WorkspaceIndex;
  template: Template;
  /** How many identical papers the document holds (the ballot paper, `render ballots --copies N`). */
  copies?: number;
  /** The certificate's logo (agency.certificate.logo), read by the shell: its kind, pixels and bytes in base64. */
  logo?: { type: 'png' | 'jpg'; width: number; height: number; data: string };
  /** Certificates on bought blanks: only the variable text, at agency.certificate.blank_stock's places. */
  blankStock?: boolean;
}

/** Fields every template may use. */
export const COMMON_FIELDS = [
  'year',
  'agency',
  'agency_upper',
  'parent',
  'parent_upper',
  'symbol',
  'place',
  'head_title',
  'head_name',
  'council',
  'council_upper',
  'authority',
  'authority_name',
  'decision_number',
  'decision_ref',
  'decision_date_words',
  'decision_date_short',
  'executors',
  'unit',
  'unit_word',
] as const;

/** Those who carry a decision out: agency.yaml's `executors`, or the general wording. */
export const DEFAULT_EXECUTORS = 'Thủ trưởng các phòng, đơn vị có liên quan';

export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

export function decisionRef(agency: Agency, round: Round): string {
  const d = round.decision?.value;
  return d ? `${twoDigits(d.number)}/QĐ-${agency.symbol}` : `      /QĐ-${agency.symbol}`;
}

export function commonValues(agency: Agency, round: Round): Values {
  const d = round.decision?.value;
  return {
    year: round.year,
    ...(agency.period === 'school-year' ? { year_name: roundName(round.year, 'school-year') } : {}),
    agency: agency.name,
    agency_upper: upper(agency.name),
    parent: agency.parent ?? '',
    parent_upper: upper(agency.parent ?? ''),
    symbol: agency.symbol,
    place: agency.place,
    head_title: agency.head.title,
    head_name: agency.head.name,
    council: agency.council.name,
    council_upper: upper(agency.council.name),
    authority: upper(agency.head.full_title ?? `${agency.head.title} ${agency.name}`),
    // The same inside a sentence: as written in agency.yaml, not in capitals.
    authority_name: agency.head.full_title ?? `${agency.head.title} ${agency.name}`,
    decision_number: d ? twoDigits(d.number) : '      ',
    decision_ref: decisionRef(agency, round),
    // A draft is dated in the year the council meets (the 2016 round met in January 2017), else
    // the year its period ends.
    decision_date_words: d
      ? dateInWords(d.date)
      : `ngày      tháng      năm ${documentDate(round, agency).slice(0, 4)}`,
    decision_date_short: d ? shortDate(d.date) : '…/…/…',
    executors: agency.executors?.join(', ') ?? DEFAULT_EXECUTORS,
    // What the agency calls its units (agency.yaml `unit`): a table's column ("Đơn vị" when it says
    // nothing), and inside a sentence ("phòng", "tổ").
    unit: agency.unit ?? 'Đơn vị',
    unit_word: unitWord(agency).vi,
  };
}

/** The recognised results, collectives first (the seal's order). */
export function recognised(round: Round): TallyResult[] {
  return (round.tally?.value.results ?? []).filter((r) => r.recognised);
}

/** The title a result was voted for, when it names one of the round's titles. */
export function titleOf(index: WorkspaceIndex, r: Pick<TallyResult, 'award'>): Title | undefined {
  return r.award !== undefined ? index.titles.get(r.award) : undefined;
}

/** A title decided by a body above the agency: the council's vote is a proposal to it. */
export function decidedAbove(title: Title | undefined): title is Title & { decided_by: { body: string } } {
  return title !== undefined && typeof title.decided_by === 'object';
}

/** The recognitions the agency's own decision makes: every recognised result but those proposed upward. */
export function decidedHere(round: Round, index: WorkspaceIndex): TallyResult[] {
  return recognised(round).filter((r) => !decidedAbove(titleOf(index, r)));
}

/** A round whose recognitions name titles: its documents are laid out title by title. */
export function hasTitles(round: Round, index: WorkspaceIndex): boolean {
  return recognised(round).some((r) => titleOf(index, r) !== undefined);
}

export interface RecognitionGroup {
  /** The title, or null for the plan's pair (then `kind` says which). */
  title: Title | null;
  kind: 'collective' | 'individual';
  results: TallyResult[];
}

/**
 * Results in the groups a decision and its list give them: the plan's collectives, the plan's
 * individuals, then each title in titles.yaml's order. Empty groups are left out.
 */
export function groupsOf(results: readonly TallyResult[], index: WorkspaceIndex): RecognitionGroup[] {
  const plain = results.filter((r) => titleOf(index, r) === undefined);
  const groups: RecognitionGroup[] = [
    { title: null, kind: 'collective', results: plain.filter((r) => r.kind === 'collective') },
    { title: null, kind: 'individual', results: plain.filter((r) => r.kind === 'individual') },
    ...[...index.titles.values()].map((x) => ({
      title: x,
      kind: x.kind,
      results: results.filter((r) => r.award === x.id),
    })),
  ];
  return groups.filter((g) => g.results.length > 0);
}

/**
 * Who attended the council's meeting, one source for the Tờ trình and both minutes: the absent
 * members the session names; with none named, one per written ballot (absent members vote in writing).
 */
export function attendanceOf(round: Round): {
  members: number;
  absent: string[];
  absentCount: number;
  present: number;
} {
  const council = round.council?.value;
  const members = council?.members.length ?? 0;
  const absent = [...new Set(council?.session?.absent ?? [])];
  const written = round.ballots.filter((b) => b.value.valid && b.value.written).length;
  const absentCount = absent.length || written;
  return { members, absent, absentCount, present: members - absentCount };
}

/** "Ông" / "Bà" from people.yaml (`gender`), or nothing when it is not recorded. */
export function honorific(index: WorkspaceIndex, person: string | null): string {
  if (!person) return '';
  const g = index.people.get(person)?.value.gender;
  return g === 'nam' ? 'Ông' : g === 'nu' ? 'Bà' : '';
}

/** The document's own date: the decision's, else the meeting's, else the last day of the round's period. */
export function documentDate(round: Round, agency: Pick<Agency, 'period'>): string {
  return round.decision?.value.date ?? round.council?.value.session?.date ?? roundEnd(round.year, periodOf(agency));
}

export function nominationTitle(round: Round, id: string): string {
  return round.nominations.find((n) => n.value.id === id)?.value.title ?? '';
}

/**
 * A section of a document in a round of titles: the template's `SECTION-titles` when it has one,
 * else the spec's fallback wording of it; in a round of the plan's pair, the section itself.
 */
export function titledParagraphs(
  template: Template,
  spec: TemplateSpec,
  section: string,
  values: Values,
  titled: boolean,
): string[] {
  return titled ? sectionOr(template, spec, `${section}-titles`, values) : paragraphs(template, section, values);
}

/**
 * "“Lao động tiên tiến”: 07 cá nhân; “Tập thể lao động xuất sắc”: 01 tập thể": the recognitions of
 * a round title by title; with `upward`, the titles proposed above the agency too, marked as such.
 */
export function titlesCounts(round: Round, index: WorkspaceIndex, upward: boolean): string {
  const rec = recognised(round);
  const parts: string[] = [];
  const plain = rec.filter((r) => titleOf(index, r) === undefined);
  const two = (n: number) => String(n).padStart(2, '0');
  if (plain.length) parts.push(`mô hình tiêu biểu, gương điển hình tiên tiến: ${countWords(plain)}`);
  for (const x of index.titles.values()) {
    const group = rec.filter((r) => r.award === x.id);
    if (group.length === 0 || (!upward && decidedAbove(x))) continue;
    parts.push(`“${x.name}”: ${countWords(group)}${decidedAbove(x) ? ` (đề nghị ${x.decided_by.body})` : ''}`);
  }
  return parts.join('; ') || 'không tập thể, cá nhân nào';
  function countWords(list: TallyResult[]): string {
    const c = list.filter((r) => r.kind === 'collective').length;
    const i = list.length - c;
    return [c ? `${two(c)} tập thể` : '', i ? `${two(i)} cá nhân` : ''].filter(Boolean).join(' và ');
  }
}

/** "“Lao động tiên tiến” từ 50 % tổng số thành viên Hội đồng; …": each title's threshold in words. */
export function thresholdsText(round: Round, index: WorkspaceIndex, agency: Agency): string {
  const named = new Set(
    (round.tally?.value.results ?? round.nominations.map((n) => ({ award: n.value.award }))).map((r) => r.award),
  );
  return [...index.titles.values()]
    .filter((x) => named.has(x.id))
    .map((x) => {
      const th = x.threshold
        ? countedThreshold(x.threshold)
        : { numerator: agency.threshold.numerator, denominator: agency.threshold.denominator, of: agency.threshold.of };
      const share = th.percent !== undefined ? `${formatNumber(th.percent)} %` : `${th.numerator}/${th.denominator}`;
      return `“${x.name}” từ ${share} ${th.of === 'members' ? 'tổng số thành viên Hội đồng' : 'số phiếu hợp lệ'}`;
    })
    .join('; ');
}

/**
 * Who the results are, not how many awards: one person with two titles is one "cá nhân", one
 * department with two titles one "tập thể". `awards` counts the lượt.
 */
export function distinctCounts(results: readonly Pick<TallyResult, 'kind' | 'department' | 'person'>[]): {
  collectives: number;
  individuals: number;
  awards: number;
} {
  const collectives = new Set(results.filter((r) => r.kind === 'collective').map((r) => r.department));
  const individuals = new Set(
    results.filter((r) => r.kind === 'individual').map((r, i) => r.person ?? `\u0000${String(i)}`),
  );
  return { collectives: collectives.size, individuals: individuals.size, awards: results.length };
}

/** A line left for the văn thư to fill, where the records do not say. */
export const BLANK_ADDRESSEE = '……………………………………';

/** What the cover letter of a round sealed from an agency.yaml naming no addressee printed, kept so. */
export const SEALED_DEFAULT_ADDRESSEE = 'Ban Thi đua - Khen thưởng tỉnh';

/**
 * Whom the agency's letters and reports go to: agency.yaml's `report_to`, else the authority it
 * proposes to (`proposes_to`); with neither, a dotted line for the văn thư, never a guess. A sealed
 * round whose agency named neither keeps the wording it was printed with (its documents re-render
 * byte for byte).
 */
export function addresseeOf(agency: Pick<Agency, 'report_to' | 'proposes_to'>, sealed = false): string {
  return agency.report_to ?? agency.proposes_to ?? (sealed ? SEALED_DEFAULT_ADDRESSEE : BLANK_ADDRESSEE);
}
