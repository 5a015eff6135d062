/** Days of leave within a year, for a title's working time. Pure. */
import type { Leave } from './schemas/organisation.js';
import { isLeapYear } from './dates.js';

export function daysInYearOf(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Whole days from one ISO date to another, both counted. */
function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Days away from work in `year`: every leave's days inside the year, overlapping leaves counted
 * once; maternity leave left out when it counts as work.
 */
export function daysAway(leave: readonly Leave[], year: number, maternityIsWork: boolean): number {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const spans = leave
    .filter((l) => !(maternityIsWork && l.kind === 'maternity'))
    .map((l) => [l.from < start ? start : l.from, l.until > end ? end : l.until] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  let total = 0;
  let cur: [string, string] | null = null;
  for (const [a, b] of spans) {
    if (cur && a <= cur[1]) {
      if (b > cur[1]) cur[1] = b;
      continue;
    }
    if (cur) total += daysBetween(cur[0], cur[1]);
    cur = [a, b];
  }
  if (cur) total += daysBetween(cur[0], cur[1]);
  return total;
}
