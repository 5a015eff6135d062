/** departments.yaml, people.yaml, discipline.yaml: lists, each item checked on its own. */
import { z } from 'zod';
import { Id, Text, IsoDate, DisciplineLevelSchema } from './values.js';

export const DepartmentSchema = z.strictObject({ id: Id, name: Text, head: Id.optional() });

export const PersonSchema = z.strictObject({
  id: Id,
  name: Text,
  gender: z.enum(['nam', 'nu']).optional(),
  position: Text.optional(),
  department: Id.optional(),
  leader: z.boolean().default(false),
});

export const DisciplineMeasureSchema = z
  .strictObject({
    person: Id,
    level: DisciplineLevelSchema,
    date: IsoDate,
    until: IsoDate.optional(),
    decision: Text.optional(),
    note: Text.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.until !== undefined && m.until < m.date) {
      ctx.addIssue({ code: 'custom', path: ['until'], params: { thidua: 'until-before-date' } });
    }
  });

export type Department = z.infer<typeof DepartmentSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type DisciplineMeasure = z.infer<typeof DisciplineMeasureSchema>;
