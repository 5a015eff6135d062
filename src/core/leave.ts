/** Days of leave within a year, for a title's working time. Pure. */
import type { Leave, Person } from './schemas/organisation.js';
import { addDays } from './dates.js';
import { roundSpan, type Period } from './period.js';

/** The days of a round's year: the calendar year, or the school year ending in it. */
export function daysInYearOf(year: number, period: Period = 'calendar'): number {
  const { start, end } = roundSpan(year, period);
  return daysBetween(start, end);
}

/** Leave, and the time before the person joined or after they left, as spans away from work. */
export function timeAway(person: Pick<Person, 'leave' | 'joined' | 'left'>): Leave[] {
  const out: Leave[] = [...(person.leave ?? [])];
  if (person.joined !== undefined) out.push({ from: '0001-01-01', until: addDays(person.joined, -1), kind: 'other' });
  if (person.left !== undefined) out.push({ from: addDays(person.left, 1), until: '9999-12-31', kind: 'other' });
  return out;
}

/** Whole days from one ISO date to another, both counted. */
function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Days away from work in `year`: every leave's days inside the year, overlapping leaves counted
 * once; maternity leave left out when it counts as work.
 */
export function daysAway(
  leave: readonly Leave[],
  year: number,
  maternityIsWork: boolean,
  period: Period = 'calendar',
): number {
  const { start, end } = roundSpan(year, period);
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
