/** Disciplinary measures: their window and whether they count against a round. */
import { addDays, addMonths } from './dates.js';
import { levelRank, type DisciplineLevel } from './discipline-levels.js';
import type { DisciplineMeasure } from './schemas/organisation.js';
import { roundSpan, type Period } from './period.js';

export function measureUntil(m: DisciplineMeasure): string {
  return m.until ?? addDays(addMonths(m.date, 12), -1);
}

/** [date, until] overlaps the round's year: the calendar year, or the school year ending in it. */
export function overlapsYear(m: DisciplineMeasure, year: number, period: Period = 'calendar'): boolean {
  const { start, end } = roundSpan(year, period);
  return m.date <= end && measureUntil(m) >= start;
}

export function atLeast(level: DisciplineLevel, threshold: DisciplineLevel): boolean {
  return levelRank(level) >= levelRank(threshold);
}
