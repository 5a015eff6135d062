/** Deadlines of a round: yearly rules (MM-DD) and one-off dates that replace them for one year. */
import type { Agency, Deadline } from './schemas/agency.js';
import { isLeapYear } from './dates.js';
import { periodOf, type Period } from './period.js';

export interface RoundDeadline {
  id: string;
  title: string | null;
  year: number;
  /** On time only when received on a date strictly before this one. */
  before: string;
}

export const REGISTRATION = 'registration';

/**
 * The date of a rule in a year. "Before 29/02" in a year with no 29 February means on time up to
 * and including 28/02, so it resolves to 1 March.
 */
function resolve(rule: Deadline, round: number, period: Period): string {
  if (rule.before.length !== 5) return rule.before;
  // In a school year, September to December fall in the calendar year before the round's.
  const year = period === 'school-year' && rule.before >= '09' ? round - 1 : round;
  if (rule.before === '02-29' && !isLeapYear(year)) return `${year}-03-01`;
  return `${year}-${rule.before}`;
}

/** Every deadline that a round owes, in order of date then id. */
export function roundDeadlines(agency: Agency, year: number): RoundDeadline[] {
  const byId = new Map<string, RoundDeadline>();
  const titles = new Map<string, string>();
  for (const rule of agency.deadlines) if (rule.title && !titles.has(rule.id)) titles.set(rule.id, rule.title);
  // Yearly rules first, then the one-off dates for this year replace them.
  for (const rule of agency.deadlines) {
    if (rule.year !== undefined) continue;
    byId.set(rule.id, {
      id: rule.id,
      title: rule.title ?? titles.get(rule.id) ?? null,
      year,
      before: resolve(rule, year, periodOf(agency)),
    });
  }
  for (const rule of agency.deadlines) {
    if (rule.year !== year) continue;
    byId.set(rule.id, {
      id: rule.id,
      title: rule.title ?? titles.get(rule.id) ?? null,
      year,
      before: resolve(rule, year, periodOf(agency)),
    });
  }
  return [...byId.values()].sort((a, b) => {
    if (a.before !== b.before) {
      // Stryker disable next-line EqualityOperator: the dates differ here, so "<" and "<=" agree
      return a.before < b.before ? -1 : 1;
    }
    // Stryker disable next-line EqualityOperator: ids are unique here (one deadline per id), so "<" and "<=" order them alike
    return a.id < b.id ? -1 : 1;
  });
}

export function roundDeadline(agency: Agency, year: number, id: string): RoundDeadline | null {
  return roundDeadlines(agency, year).find((d) => d.id === id) ?? null;
}

/** "trước ngày D": received on a date < D. */
export function isOnTime(received: string, before: string): boolean {
  return received < before;
}
