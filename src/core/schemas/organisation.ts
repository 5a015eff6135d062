/** departments.yaml, people.yaml, discipline.yaml: lists, each item checked on its own. */
import { z } from 'zod';
import { Id, Text, IsoDate, DisciplineLevelSchema } from './values.js';

export const DepartmentSchema = z.strictObject({ id: Id, name: Text, head: Id.optional() });

/** A change to a person from a date on: a new post, department or name (a promotion, a transfer). */
export const PersonChangeSchema = z.strictObject({
  from: IsoDate,
  name: Text.optional(),
  position: Text.optional(),
  department: Id.optional(),
  leader: z.boolean().optional(),
});

/** Time away from work in a year: maternity leave counts as working time under the 2025 rules. */
export const LeaveSchema = z
  .strictObject({
    from: IsoDate,
    until: IsoDate,
    kind: z.enum(['maternity', 'sick', 'unpaid', 'other']),
    note: Text.optional(),
  })
  .superRefine((l, ctx) => {
    if (l.until < l.from) ctx.addIssue({ code: 'custom', path: ['until'], params: { thidua: 'until-before-date' } });
  });

export const PersonSchema = z.strictObject({
  id: Id,
  name: Text,
  gender: z.enum(['nam', 'nu']).optional(),
  position: Text.optional(),
  department: Id.optional(),
  leader: z.boolean().default(false),
  /** Dated changes, oldest first; a round sees the person as they were on 31/12 of its year. */
  changes: z.array(PersonChangeSchema).optional(),
  /** The day the person joined the agency and the day they left (or moved away): working time counts between. */
  joined: IsoDate.optional(),
  left: IsoDate.optional(),
  /** Leave taken, for a title's working-time requirement (`min_months` in titles.yaml). */
  leave: z.array(LeaveSchema).optional(),
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
export type PersonChange = z.infer<typeof PersonChangeSchema>;
export type DisciplineMeasure = z.infer<typeof DisciplineMeasureSchema>;

/**
 * records/pending.yaml: a person or a unit under disciplinary consideration, investigation or an
 * unresolved complaint, from a date (until it is settled). Under the 2025 rules no title is awarded meanwhile.
 */
export const PendingSchema = z
  .strictObject({
    person: Id.optional(),
    department: Id.optional(),
    kind: z.enum(['discipline', 'investigation', 'complaint']),
    from: IsoDate,
    until: IsoDate.optional(),
    note: Text.optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.person === undefined) === (m.department === undefined))
      ctx.addIssue({ code: 'custom', path: [], params: { thidua: 'person-or-department' } });
    if (m.until !== undefined && m.until < m.from)
      ctx.addIssue({ code: 'custom', path: ['until'], params: { thidua: 'until-before-date' } });
  });
export type Pending = z.infer<typeof PendingSchema>;
export type Leave = z.infer<typeof LeaveSchema>;
