/** Value types shared by every record kind: ids, dates, month-days, discipline levels. */
import { z } from 'zod';
import { DISCIPLINE_LEVELS, levelRank, type DisciplineLevel } from '../discipline-levels.js';
import { ID_PATTERN } from '../ids.js';
import { isIsoDate } from '../dates.js';

export { isIsoDate, isLeapYear, daysInMonth, isMonthDay } from '../dates.js';
export { ID_PATTERN } from '../ids.js';

/**
 * What a format check means, carried by the issue it raises (zod keeps no params on a regex check,
 * so the tag rides in the message); schema-diagnostics words the finding from the tag.
 */
export const TAG = 'thidua:';
export type FormatTag = 'id' | 'model-ref' | 'symbol' | 'time' | 'sha256';
export const tagged = (tag: FormatTag) => ({ error: `${TAG}${tag}` });

export const Id = z.string().regex(ID_PATTERN, tagged('id'));

export const IsoDate = z
  .string()
  .refine(isIsoDate, { params: { thidua: 'date' } })
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export { DISCIPLINE_LEVELS, levelRank, type DisciplineLevel };
export const DisciplineLevelSchema = z.enum(DISCIPLINE_LEVELS);

export const Text = z.string().min(1);
