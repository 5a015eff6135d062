/**
 * records/titles.yaml: the titles (danh hiệu) and forms of commendation (hình thức khen thưởng) a
 * workspace runs, each with its own criteria, vote threshold and prerequisites. Optional: without
 * it, and for a nomination that names no title, a round is the plan's pair of recognitions (a
 * collective's model, an individual's example) under agency.yaml's threshold.
 */
import { z } from 'zod';
import { Id, Text, DisciplineLevelSchema } from './values.js';
import { FractionSchema } from './agency.js';

/**
 * A title's vote threshold: a fraction (`numerator`/`denominator`) or a `percent`, of all council
 * members or of the valid ballots; `quorum` as in agency.yaml.
 */
export const TitleThresholdSchema = z
  .strictObject({
    numerator: z.int().min(1).optional(),
    denominator: z.int().min(1).optional(),
    percent: z.number().gt(0).max(100).optional(),
    of: z.enum(['members', 'ballots']).default('members'),
    quorum: FractionSchema.optional(),
  })
  .superRefine((th, ctx) => {
    const fraction = th.numerator !== undefined || th.denominator !== undefined;
    if (fraction && th.percent !== undefined) ctx.addIssue({ code: 'custom', path: ['percent'], params: { thidua: 'fraction-or-percent' } });
    else if (!fraction && th.percent === undefined) ctx.addIssue({ code: 'custom', path: [], params: { thidua: 'fraction-or-percent' } });
    else if (fraction && (th.numerator === undefined || th.denominator === undefined)) ctx.addIssue({ code: 'custom', path: [th.numerator === undefined ? 'numerator' : 'denominator'], params: { thidua: 'fraction-or-percent' } });
    else if (fraction && th.numerator! > th.denominator!) ctx.addIssue({ code: 'custom', path: ['numerator'], params: { thidua: 'fraction' } });
  });

/** What a title needs besides its own vote. */
export const RequirementSchema = z.union([
  /** The same subject is recognised with `title` in the same round (Chiến sĩ thi đua cơ sở needs Lao động tiên tiến). */
  z.strictObject({ title: Id, same_round: z.literal(true) }),
  /** The same subject held `title` in each of the `years` rounds before (a provincial title needs N years of another). */
  z.strictObject({ title: Id, years: z.int().min(1).max(10) }),
  /** For a collective: at least this share of the department's people recognised with `title` in the round (Tập thể lao động xuất sắc: 70 % Lao động tiên tiến). */
  z.strictObject({ title: Id, members_percent: z.number().gt(0).max(100) }),
  /** For a collective: at least `members_at_least` of the department's people recognised with `title` (one Chiến sĩ thi đua cơ sở). */
  z.strictObject({ title: Id, members_at_least: z.int().min(1) }),
]);

export const TitleSchema = z.strictObject({
  id: Id,
  name: Text,
  kind: z.enum(['collective', 'individual']),
  /** Criterion ids of criteria.yaml the nomination must meet (default: its kind's whole group). */
  criteria: z.array(Id).optional(),
  threshold: TitleThresholdSchema.optional(),
  requires: z.array(RequirementSchema).default([]),
  /** Nominations per department per round, and in the whole round. */
  per_department: z.int().min(0).optional(),
  quota: z.int().min(0).optional(),
  /** A tie on the quota's last place: the chair decides (council.yaml session.chair_decides), or women first at equal merit. */
  tie_break: z.enum(['chair', 'women']).optional(),
  /** The lowest disciplinary measure that blocks the title (default: agency.yaml's for the kind). */
  blocked_from: DisciplineLevelSchema.optional(),
  /**
   * A nomination must describe an initiative (sáng kiến): `true`, or `{ unless: CRITERION }` when
   * meeting that criterion ("hoàn thành xuất sắc nhiệm vụ") does instead.
   */
  initiative: z.union([z.boolean(), z.strictObject({ unless: Id })]).default(false),
  /** Months of the year a person must have worked (leave taken off; under the 2025 rules maternity leave counts as work). */
  min_months: z.number().gt(0).max(12).optional(),
  /** Who decides: the head of the agency, or a body above, to which the council proposes it. */
  decided_by: z.union([z.literal('head'), z.strictObject({ body: Text })]).default('head'),
});

export const TitlesFileSchema = z.array(TitleSchema);

export type Title = z.infer<typeof TitleSchema>;
export type TitleThreshold = z.infer<typeof TitleThresholdSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;

/** records/history.yaml: awards made before the agency used thidua, for the years-of requirements. */
export const HistoryEntrySchema = z
  .strictObject({
    year: z.int().min(1900).max(2999),
    title: Id,
    person: Id.optional(),
    department: Id.optional(),
    /** The decision it was awarded by ("12/QĐ-TTr ngày 20/01/2015"). */
    decision: Text.optional(),
    /** The province's commit it was read from (`thidua history pull`). */
    commit: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/).optional(),
  })
  .superRefine((h, ctx) => {
    if ((h.person === undefined) === (h.department === undefined)) ctx.addIssue({ code: 'custom', path: [], params: { thidua: 'person-or-department' } });
  });
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
