import { z } from 'zod';
import { Id, Text, DisciplineLevelSchema, isIsoDate, isMonthDay, tagged } from './values.js';

export const DeadlineSchema = z
  .strictObject({
    id: Id,
    title: Text.optional(),
    before: z.string(),
    year: z.int().min(1900).max(2999).optional(),
  })
  .superRefine((d, ctx) => {
    if (isMonthDay(d.before)) return;
    if (isIsoDate(d.before)) {
      if (d.year === undefined) {
        ctx.addIssue({ code: 'custom', path: ['before'], params: { thidua: 'full-date-needs-year' } });
      }
      return;
    }
    ctx.addIssue({ code: 'custom', path: ['before'], params: { thidua: 'before' } });
  });

/** A fraction of the council: at most one (numerator ≤ denominator), never zero. */
export const FractionSchema = z
  .strictObject({ numerator: z.int().min(1), denominator: z.int().min(1) })
  .superRefine((f, ctx) => {
    if (f.numerator > f.denominator) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], params: { thidua: 'fraction' } });
    }
  });

export const ThresholdSchema = z
  .strictObject({
    numerator: z.int().min(1),
    denominator: z.int().min(1),
    of: z.enum(['members', 'ballots']).default('members'),
    /**
     * Ballots that must be received (written ballots of absent members included), as a fraction
     * of the members, before the vote counts. Default: 2/3 when `of: ballots`, none otherwise.
     */
    quorum: FractionSchema.optional(),
  })
  .superRefine((th, ctx) => {
    if (th.numerator > th.denominator) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], params: { thidua: 'fraction' } });
    }
  });

export const LimitsSchema = z.strictObject({
  collective_per_department: z.int().min(0),
  individual_per_department: z.int().min(0),
});

export const DisciplineSettingsSchema = z.strictObject({
  blocks_collective_from: DisciplineLevelSchema,
  blocks_individual_from: DisciplineLevelSchema,
});

/** A name as the header prints it, line by line (ND 30/2020: the issuing body over one or two lines). */
const HeaderLines = z.array(Text).min(1).max(4);

export const AgencySchema = z.strictObject({
  name: Text,
  /** The name's lines in the document header, when the automatic wrap breaks it badly. */
  header: HeaderLines.optional(),
  parent: Text.optional(),
  symbol: z.string().regex(/^[\p{L}\p{N}.-]+$/u, tagged('symbol')),
  place: Text,
  head: z.strictObject({ title: Text, name: Text, full_title: Text.optional() }),
  council: z.strictObject({
    name: Text,
    symbol: z.string().regex(/^[\p{L}\p{N}.-]+$/u, tagged('symbol')),
    /** The council's name in the header of its own documents, line by line. */
    header: HeaderLines.optional(),
    /** A nominated council member does not vote on their own nomination; the minutes say so. */
    recusal: z.boolean().optional(),
  }),
  threshold: ThresholdSchema.default({ numerator: 2, denominator: 3, of: 'members' }),
  limits: LimitsSchema.default({ collective_per_department: 1, individual_per_department: 1 }),
  discipline: DisciplineSettingsSchema.default({ blocks_collective_from: 'canh-cao', blocks_individual_from: 'khien-trach' }),
  deadlines: z.array(DeadlineSchema).default([]),
  recipients: z.array(Text).default([]),
  /** The body the decision and list are sent to (the cover letter's Kính gửi), e.g. "Sở Nội vụ tỉnh Bình Phước". */
  report_to: Text.optional(),
  /** Who carries a decision out, named in its last article ("Chánh Văn phòng", "Trưởng các phòng"). */
  executors: z.array(Text).min(1).optional(),
  legal_basis: z.array(Text).default([]),
});

export type Agency = z.infer<typeof AgencySchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Threshold = z.infer<typeof ThresholdSchema>;
export type Fraction = z.infer<typeof FractionSchema>;
