/**
 * What a round's year covers and how an agency names its units: the one home of both. A Sở counts
 * the calendar year; a school the school year ending in the round's year (1 September – 31 August),
 * so round 2025 is "năm học 2024 - 2025".
 */
import type { Agency } from './schemas/agency.js';

export type Period = 'calendar' | 'school-year';

export function periodOf(agency: Pick<Agency, 'period'> | null | undefined): Period {
  return agency?.period ?? 'calendar';
}

/** The first and last day of round `year`, both inside it. */
export function roundSpan(year: number, period: Period): { start: string; end: string } {
  return period === 'school-year'
    ? { start: `${year - 1}-09-01`, end: `${year}-08-31` }
    : { start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * The last day of round `year` (31/12, or 31/08 for a school year): the date a document, a review or
 * a prompt falls back to before the meeting or the decision sets one.
 */
export function roundEnd(year: number, period: Period): string {
  return roundSpan(year, period).end;
}

/**
 * The year a round's council usually meets, for an undated paper's "năm …": the January after a
 * calendar year, the last months of a school year (its own year).
 */
export function meetingYear(year: number, period: Period): number {
  return period === 'school-year' ? year : year + 1;
}

/** The round whose period holds `date` (ISO): its year, or for a school year from September the next. */
export function roundContaining(date: string, period: Period): number {
  const y = Number(date.slice(0, 4));
  return period === 'school-year' && date.slice(5, 7) >= '09' ? y + 1 : y;
}

/** The round's year in a table's cell: "2025", or "2024-2025" for a school year. */
export function roundLabel(year: number, period: Period): string {
  return period === 'school-year' ? `${year - 1}-${year}` : String(year);
}

/** The round named as documents print it: "năm 2025", or "năm học 2024 - 2025" (en: "2025", "school year 2024–2025"). */
export function roundName(year: number, period: Period, lang: 'vi' | 'en' = 'vi'): string {
  if (period === 'school-year')
    return lang === 'vi' ? `năm học ${year - 1} - ${year}` : `school year ${year - 1}–${year}`;
  return lang === 'vi' ? `năm ${year}` : String(year);
}

const UNIT_EN: Record<string, string> = {
  phòng: 'department',
  tổ: 'group',
  'tổ chuyên môn': 'subject group',
  khoa: 'faculty',
  'bộ phận': 'section',
  'đơn vị': 'unit',
  ban: 'board',
};

/** The unit word, lower-case as it stands inside a sentence: { vi: "tổ", en: "group" }. */
export function unitWord(agency: Pick<Agency, 'unit'> | null | undefined): { vi: string; en: string } {
  const vi = (agency?.unit ?? 'Phòng').normalize('NFC').toLocaleLowerCase('vi');
  return { vi, en: UNIT_EN[vi] ?? 'unit' };
}

/** The unit word as a heading or at a sentence's start: "Tổ", "Phòng" (en: "Group", "Department"). */
export function unitHeading(unit: { vi: string; en: string }, lang: 'vi' | 'en'): string {
  const w = unit[lang];
  return w.charAt(0).toLocaleUpperCase(lang) + w.slice(1);
}
