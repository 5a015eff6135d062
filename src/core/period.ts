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

/** The round whose period holds `date` (a school year is named by the year it ends in). */
export function roundOfDate(date: string, period: Period): number {
  const year = Number(date.slice(0, 4));
  return period === 'school-year' && date.slice(5) >= '09-01' ? year + 1 : year;
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
