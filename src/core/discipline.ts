/** Disciplinary measures: their window and whether they count against a round. */
import { addDays, addMonths } from './dates.js';
import { levelRank, type DisciplineLevel } from './discipline-levels.js';
import type { DisciplineMeasure } from './schemas/organisation.js';

export function measureUntil(m: DisciplineMeasure): string {
  return m.until ?? addDays(addMonths(m.date, 12), -1);
}

/** [date, until] overlaps the calendar year. */
export function overlapsYear(m: DisciplineMeasure, year: number): boolean {
  return m.date <= `${year}-12-31` && measureUntil(m) >= `${year}-01-01`;
}

export function atLeast(level: DisciplineLevel, threshold: DisciplineLevel): boolean {
  return levelRank(level) >= levelRank(threshold);
}
