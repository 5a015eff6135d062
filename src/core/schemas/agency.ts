import { z } from 'zod';
import { BLANK_FIELDS } from '../documents/blank-fields.js';
import { Id, Text, IsoDate, DisciplineLevelSchema, isIsoDate, isMonthDay, tagged } from './values.js';
import { LevelSchema } from './pack.js';
import { DEFAULT_THRESHOLD } from '../defaults.js';

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

/** Where one field goes on a bought certificate blank: millimetres from the sheet's top-left corner. */
const BlankPosition = z.strictObject({
  x: z.number().min(0).max(297),
  y: z.number().min(0).max(297),
  width: z.number().min(10).max(297).optional(),
  size: z.number().min(8).max(40).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
});

export { BLANK_FIELDS };

export const CertificateSettingsSchema = z.strictObject({
  /** A PNG or JPEG in the workspace (the emblem or the agency's logo), printed above the title. */
  logo: z.string().min(1).optional(),
  /** Its height on the certificate, millimetres (default 22). */
  logo_height_mm: z.number().min(5).max(60).optional(),
  /** The places of the variable text on bought blanks (render certificates --blank-stock); each field defaults. */
  blank_stock: z
    .strictObject(
      Object.fromEntries(BLANK_FIELDS.map((f) => [f, BlankPosition.optional()])) as Record<
        (typeof BLANK_FIELDS)[number],
        z.ZodOptional<typeof BlankPosition>
      >,
    )
    .optional(),
});

/**
 * A change of the agency from a date: a new name after a merger, a new head, a new place. Rounds
 * and documents dated from `from` on see it; earlier ones keep what was before.
 */
export const AgencyChangeSchema = z.strictObject({
  from: IsoDate,
  name: Text.optional(),
  header: HeaderLines.optional(),
  parent: Text.optional(),
  symbol: z
    .string()
    .regex(/^[\p{L}\p{N}.-]+$/u, tagged('symbol'))
    .optional(),
  place: Text.optional(),
  head: z.strictObject({ title: Text, name: Text, full_title: Text.optional() }).optional(),
  report_to: Text.optional(),
  legal_basis: z.array(Text).optional(),
  /** Why: the act that made the change ("Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh"). */
  note: Text.optional(),
});

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
  threshold: ThresholdSchema.default({ ...DEFAULT_THRESHOLD }),
  limits: LimitsSchema.default({ collective_per_department: 1, individual_per_department: 1 }),
  discipline: DisciplineSettingsSchema.default({
    blocks_collective_from: 'canh-cao',
    blocks_individual_from: 'khien-trach',
  }),
  deadlines: z.array(DeadlineSchema).default([]),
  recipients: z.array(Text).default([]),
  /** The body the decision and list are sent to (the cover letter's Kính gửi), e.g. "Sở Nội vụ tỉnh Bình Phước". */
  report_to: Text.optional(),
  /** Who carries a decision out, named in its last article ("Chánh Văn phòng", "Trưởng các phòng"). */
  executors: z.array(Text).min(1).optional(),
  legal_basis: z.array(Text).default([]),
  /** How certificates are printed: a logo, and the places of the text on bought blanks. */
  certificate: CertificateSettingsSchema.optional(),
  /**
   * The rules for titles of titles.yaml from Nghị định 152/2025/NĐ-CP: nothing awarded while a
   * matter is pending, achievements only after a discipline period, one initiative one award,
   * maternity leave counted as work. Without it, titles follow only their own declarations.
   */
  award_rules: z.literal('nd-152-2025').optional(),
  /**
   * The agency's level, for the rule pack's competences (who decides which title): `so` a cơ quan
   * chuyên môn thuộc UBND tỉnh and equivalents (default), `xa` a UBND xã, `truong` a public school
   * under a Sở, `tinh` the province itself.
   */
  level: LevelSchema.default('so'),
  /** Titles the province has delegated to this agency's head beyond its level's (a school's LĐTT, say). */
  delegated: z.array(Id).optional(),
  /** The authority titles above the head's competence are proposed to, with its place ("Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"); default: the pack's. */
  proposes_to: Text.optional(),
  /** Changes from a date on (oldest first): the agency as a round or a document of that date sees it. */
  changes: z.array(AgencyChangeSchema).optional(),
  /** What a round's year is: the calendar year (default), or the school year ending in it (1/9 – 31/8). */
  period: z.enum(['calendar', 'school-year']).optional(),
  /** What the agency calls its units ("Phòng" by default; "Tổ" in a school, "Khoa" in a hospital). */
  unit: Text.optional(),
});

export type Agency = z.infer<typeof AgencySchema>;
export type AgencyChange = z.infer<typeof AgencyChangeSchema>;

export type BlankPositionSettings = z.infer<typeof BlankPosition>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Threshold = z.infer<typeof ThresholdSchema>;
export type Fraction = z.infer<typeof FractionSchema>;
