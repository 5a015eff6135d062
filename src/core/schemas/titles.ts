/**
 * records/titles.yaml: the titles (danh hiệu) and forms of commendation (hình thức khen thưởng) a
 * workspace runs, each with its own criteria, vote threshold and prerequisites. Optional: without
 * it, and for a nomination that names no title, a round is the plan's pair of recognitions (a
 * collective's model, an individual's example) under agency.yaml's threshold.
 */
import { z } from 'zod';
import { Id, Text, DisciplineLevelSchema } from './values.js';
import { FractionSchema } from './agency.js';
import { RATINGS } from '../ratings.js';
import { PackMetaSchema, SourceSchema } from './pack.js';

export const RatingSchema = z.enum(RATINGS);

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
    source: SourceSchema.optional(),
  })
  .superRefine((th, ctx) => {
    const fraction = th.numerator !== undefined || th.denominator !== undefined;
    if (fraction && th.percent !== undefined)
      ctx.addIssue({ code: 'custom', path: ['percent'], params: { thidua: 'fraction-or-percent' } });
    else if (!fraction && th.percent === undefined)
      ctx.addIssue({ code: 'custom', path: [], params: { thidua: 'fraction-or-percent' } });
    else if (fraction && (th.numerator === undefined || th.denominator === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [th.numerator === undefined ? 'numerator' : 'denominator'],
        params: { thidua: 'fraction-or-percent' },
      });
    else if (fraction && th.numerator! > th.denominator!)
      ctx.addIssue({ code: 'custom', path: ['numerator'], params: { thidua: 'fraction' } });
  });

/** What a title needs besides its own vote. */
export const RequirementSchema = z.union([
  /** The same subject is recognised with `title` in the same round (Chiến sĩ thi đua cơ sở needs Lao động tiên tiến). */
  z.strictObject({ title: Id, same_round: z.literal(true), source: SourceSchema.optional() }),
  /** The same subject held `title` in each of the `years` rounds before (a provincial title needs N years of another). */
  z.strictObject({ title: Id, years: z.int().min(1).max(10), source: SourceSchema.optional() }),
  /** For a collective: at least this share of the department's people recognised with `title` in the round (Tập thể lao động xuất sắc: 70 % Lao động tiên tiến). */
  z.strictObject({ title: Id, members_percent: z.number().gt(0).max(100), source: SourceSchema.optional() }),
  /** For a collective: at least `members_at_least` of the department's people recognised with `title` (one Chiến sĩ thi đua cơ sở). */
  z.strictObject({ title: Id, members_at_least: z.int().min(1), source: SourceSchema.optional() }),
]);

export const TitleSchema = z.strictObject({
  id: Id,
  name: Text,
  kind: z.enum(['collective', 'individual']),
  /** A title (danh hiệu thi đua), or a form of award (hình thức khen thưởng: Giấy khen). */
  form: z.enum(['title', 'award']).default('title'),
  /**
   * What the award gives beside the decision (ND 152/2025 Điều 50): `bang-chung-nhan` (a bằng chứng
   * nhận, "TẶNG DANH HIỆU"), `giay-khen` ("TẶNG"), or `none` (the decision is the award). Absent:
   * a Giấy công nhận, as the plan's recognitions have.
   */
  certificate: z.enum(['bang-chung-nhan', 'giay-khen', 'none']).optional(),
  /** Where the title's standard stands. */
  source: SourceSchema.optional(),
  /** The council votes on it (default); `false`: the head decides on the nominations that meet the criteria. */
  vote: z.boolean().default(true),
  /** The rating (xếp loại) the subject needs in the round, or better. */
  rating: z.strictObject({ at_least: RatingSchema, source: SourceSchema.optional() }).optional(),
  /** Criterion ids of criteria.yaml the nomination must meet (default: its kind's whole group). */
  criteria: z.array(Id).optional(),
  threshold: TitleThresholdSchema.optional(),
  requires: z.array(RequirementSchema).default([]),
  /** Nominations per department per round, and in the whole round. */
  per_department: z.int().min(0).optional(),
  quota: z.int().min(0).optional(),
  /** A tie on the quota's last place: the chair decides (council.yaml session.chair_decides), or women first at equal merit. */
  tie_break: z.enum(['chair', 'women']).optional(),
  /**
   * The lowest disciplinary measure that blocks the title (default: agency.yaml's for the kind); for
   * a collective, a measure of any member. `none`: no measure blocks it (TTLĐXS has no such clause).
   */
  blocked_from: z.union([DisciplineLevelSchema, z.literal('none')]).optional(),
  blocked_source: SourceSchema.optional(),
  /**
   * A nomination must describe an initiative (sáng kiến): `true`; `{ unless: CRITERION }` when
   * meeting that criterion does instead; `{ unless_rating: xuat-sac, or_research: true }` when the
   * rating "hoàn thành xuất sắc nhiệm vụ", or an accepted research work, does instead (Law Điều 23).
   */
  initiative: z
    .union([
      z.boolean(),
      z.strictObject({
        unless: Id.optional(),
        unless_rating: RatingSchema.optional(),
        or_research: z.boolean().optional(),
        source: SourceSchema.optional(),
      }),
    ])
    .default(false),
  /** For a collective: at least `percent` of the department's people rated `rating` or better in the round (TTLĐXS: 100 % complete their tasks). */
  members_rated: z
    .strictObject({ rating: RatingSchema, percent: z.number().gt(0).max(100), source: SourceSchema.optional() })
    .optional(),
  /** For `initiative: true` titles: the initiative must have effect across the province (or ministry). */
  initiative_scope: z.enum(['unit', 'province', 'nation']).optional(),
  /** Months of the year a person must have worked (leave taken off; under the 2025 rules maternity leave counts as work). */
  min_months: z.number().gt(0).max(12).optional(),
  /** Where `quota`, `tie_break` and `min_months` come from (an agency's or a province's setting). */
  settings_source: SourceSchema.optional(),
  /**
   * Who decides: the head of the agency, or a body above, to which the council proposes it. In a
   * pack with `competence`, the agency's level says it instead (see core/pack/competence.ts).
   */
  decided_by: z.union([z.literal('head'), z.strictObject({ body: Text })]).default('head'),
});

/** titles.yaml as a rule pack: its metadata and its titles. */
export const PackSchema = PackMetaSchema.extend({ titles: z.array(TitleSchema) });
export type Pack = z.infer<typeof PackSchema>;

/** titles.yaml: a list of titles (a workspace of thidua 0.1), or a rule pack. */
export const TitlesFileSchema = z.union([z.array(TitleSchema), PackSchema]);

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
  })
  .superRefine((h, ctx) => {
    if ((h.person === undefined) === (h.department === undefined))
      ctx.addIssue({ code: 'custom', path: [], params: { thidua: 'person-or-department' } });
  });
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
