/** Files thidua writes itself: tally.yaml (the seal) and decision.yaml. */
import { z } from 'zod';
import { Id, IsoDate, Text, tagged } from './values.js';
import { AgencySchema, ThresholdSchema } from './agency.js';
import { CountedThresholdSchema, UnsealSchema } from './round.js';
import { CriteriaSchema } from './criteria.js';
import { DepartmentSchema, DisciplineMeasureSchema, PersonSchema } from './organisation.js';
import { TitleSchema } from './titles.js';
import { PackMetaSchema } from './pack.js';

/**
 * What a sealed round was judged, tallied and rendered from: the agency and its settings, the
 * criteria, every department, and the people and disciplinary measures the round concerns, as
 * they stood at the seal. Later edits of the shared files do not reach a sealed round.
 */
export const BasisSchema = z.strictObject({
  agency: AgencySchema,
  criteria: CriteriaSchema,
  departments: z.array(DepartmentSchema),
  people: z.array(PersonSchema),
  discipline: z.array(DisciplineMeasureSchema),
  /** The titles in force, when the round's nominations name any. */
  titles: z.array(TitleSchema).optional(),
  /** The rule pack the round was judged under (its titles are `titles`): a newer pack does not reach a sealed round. */
  pack: PackMetaSchema.optional(),
});
export type Basis = z.infer<typeof BasisSchema>;

/** The issuing body as printed on a signed decision, kept with it. */
export const IssuerSchema = AgencySchema.pick({
  name: true,
  header: true,
  parent: true,
  symbol: true,
  place: true,
  head: true,
  council: true,
  legal_basis: true,
  recipients: true,
});
export type Issuer = z.infer<typeof IssuerSchema>;

export const DOCUMENT_KINDS = [
  'decision',
  'certificates',
  'minutes',
  'list',
  'ballots',
  'proposal',
  'cover',
  'meeting',
  'upward',
] as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, tagged('sha256'));

export const TallyResultSchema = z.strictObject({
  nomination: Id,
  kind: z.enum(['collective', 'individual']),
  department: Id,
  person: Id.nullable(),
  /** The title voted on (absent for the plan's pair of recognitions). */
  award: Id.optional(),
  agree: z.int().min(0),
  disagree: z.int().min(0),
  abstain: z.int().min(0),
  passed: z.boolean(),
  recognised: z.boolean(),
  reason: z
    .enum([
      'below-threshold',
      'department-not-recognised',
      'no-quorum',
      'prerequisite-not-recognised',
      'over-quota',
      'tie-unresolved',
    ])
    .nullable(),
  /** Recognised at a tie on the last place of its title's quota: by the chair's choice, or as a woman at equal merit. */
  tie_break: z.enum(['chair', 'women']).optional(),
});

export const TallyFileSchema = z.strictObject({
  year: z.int(),
  sealed_by: z.string(),
  /** The day the seal was written (absent in seals written by thidua 0.1). */
  sealed_on: IsoDate.optional(),
  /** Why the round was sealed with fewer ballots received than issued (`tally --seal --incomplete`). */
  incomplete: Text.optional(),
  /** The earlier openings of this round's seal (thidua unseal), as they stood at this seal. */
  reopened: z.array(UnsealSchema).optional(),
  threshold: ThresholdSchema,
  members: z.int().min(0),
  base: z.int().min(0),
  required: z.int().min(0),
  ballots: z.strictObject({
    issued: z.int().min(0),
    received: z.int().min(0),
    valid: z.int().min(0),
    invalid: z.int().min(0),
  }),
  inputs: z.record(z.string(), Sha256),
  /** Each title voted on with its own threshold (absent when the round names no title). */
  titles: z
    .array(
      z.strictObject({
        id: Id,
        threshold: CountedThresholdSchema,
        base: z.int().min(0),
        required: z.int().min(0),
      }),
    )
    .optional(),
  results: z.array(TallyResultSchema),
  basis: BasisSchema.optional(),
});

export const DecisionFileSchema = z.strictObject({
  year: z.int(),
  number: z.int().min(1),
  date: IsoDate,
  /**
   * Who signed, and how (ND 30/2020): `form` KT. (ký thay), Q. (quyền), TM. (thay mặt), TL. (thừa
   * lệnh), TUQ. (thừa ủy quyền), with `for` the post or body signed for ("Chánh Thanh tra").
   */
  signer: z.strictObject({
    title: Text,
    name: Text,
    form: z.enum(['KT', 'Q', 'TM', 'TL', 'TUQ']).optional(),
    for: Text.optional(),
  }),
  recognised: z.array(Id),
  /** The issuing body as it stood at the decision (absent in decisions recorded by thidua 0.1). */
  issuer: IssuerSchema.optional(),
  /** Final files registered with `thidua issue`: verify checks their hash instead of a fresh render. */
  issued: z
    .array(z.strictObject({ kind: z.enum(DOCUMENT_KINDS), file: z.string(), sha256: Sha256, date: IsoDate }))
    .optional(),
});

export type TallyFile = z.infer<typeof TallyFileSchema>;
export type TallyResult = z.infer<typeof TallyResultSchema>;
export type DecisionFile = z.infer<typeof DecisionFileSchema>;
