/** The files of one recognition round: records/<YEAR>/... */
import { z } from 'zod';
import { Id, Text, IsoDate, tagged } from './values.js';
import { ThresholdSchema } from './agency.js';
import { NominationSourceSchema } from './inbox.js';
import { RatingSchema, RequirementSchema } from './titles.js';

export const COUNCIL_ROLES = ['chu-tich', 'pho-chu-tich', 'uy-vien', 'thu-ky'] as const;

export const CouncilSchema = z.strictObject({
  members: z.array(z.strictObject({ person: Id, role: z.enum(COUNCIL_ROLES) })),
  session: z
    .strictObject({
      date: IsoDate,
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, tagged('time'))
        .optional(),
      /** When the count ended and the minutes were closed (HH:MM). */
      ended: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, tagged('time'))
        .optional(),
      place: Text,
      chair: Id,
      secretary: Id,
      counters: z.array(Id).min(1),
      ballots_issued: z.int().min(0),
      /** Members absent from the meeting (the others were present); they may vote in writing. */
      absent: z.array(Id).optional(),
      /** At a tie on the last place of a title's quota, the nominations the chair chose. */
      chair_decides: z.array(Id).optional(),
      /** What the council said, as the meeting minutes record it: on a nomination, or in general. */
      discussion: z.array(z.strictObject({ nomination: Id.optional(), text: Text })).optional(),
    })
    .optional(),
});

const AcceptedLate = z.strictObject({ reason: Text, by: Id });
const CriteriaAnswers = z.record(Id, z.boolean());

const nominationFields = {
  id: Id,
  department: Id,
  /** The title proposed (an id of records/titles.yaml); none: the plan's recognition for the kind. */
  award: Id.optional(),
  /** The initiative's id (sáng kiến): under the 2025 rules one initiative counts for one award only. */
  initiative_id: Id.optional(),
  title: Text,
  initiative: z.string().optional(),
  /** The subject's rating (xếp loại) in the round's assessment: a person's, or the unit's. */
  rating: RatingSchema.optional(),
  /** An accepted research work (đề tài nghiên cứu khoa học đã nghiệm thu), which may stand for an initiative. */
  research: Text.optional(),
  submitted: IsoDate,
  new_factor: z.boolean().optional(),
  accepted_late: AcceptedLate.optional(),
  note: Text.optional(),
  criteria: CriteriaAnswers.optional(),
  /** Added with `nominate --force` after ballots were entered: when, and how many there were. */
  added_after_ballots: z.strictObject({ date: IsoDate, ballots: z.int().min(1), reason: Text.optional() }).optional(),
  /** A proposal taken from an agency's sealed round by `thidua inbox import` (at a province). */
  source: NominationSourceSchema.optional(),
};

export const CollectiveNominationSchema = z.strictObject({
  ...nominationFields,
  kind: z.literal('collective'),
});

export const IndividualNominationSchema = z.strictObject({
  ...nominationFields,
  kind: z.literal('individual'),
  person: Id,
});

export const NominationSchema = z.discriminatedUnion('kind', [CollectiveNominationSchema, IndividualNominationSchema]);

export const VOTE_CHOICES = ['agree', 'disagree', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const BallotSchema = z
  .strictObject({
    serial: z.int().min(1).max(99999),
    valid: z.boolean().default(true),
    written: z.boolean().default(false),
    votes: z.record(Id, z.enum(VOTE_CHOICES)).default({}),
    /** Why the counters found an invalid ballot invalid (printed in the minutes). */
    reason: Text.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.valid && b.reason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], params: { thidua: 'reason-on-valid' } });
  });

/** A recognised model named by its round and id: "2016/nv1-mo-hinh". */
export const ModelRef = z.string().regex(/^\d{4}\/[a-z0-9][a-z0-9-]{0,63}$/, tagged('model-ref'));

export const SubmissionSchema = z.strictObject({
  deadline: Id,
  department: Id,
  received: IsoDate,
  reference: Text.optional(),
  note: Text.optional(),
  /** The department answered that it has nothing to send (registers nobody): no longer overdue. */
  declined: z.boolean().optional(),
  /** On a plan or replication-plan: the recognised models this department replicates. */
  replicates: z.array(ModelRef).optional(),
});

export type Council = z.infer<typeof CouncilSchema>;
export type Nomination = z.infer<typeof NominationSchema>;
export type CollectiveNomination = z.infer<typeof CollectiveNominationSchema>;
export type IndividualNomination = z.infer<typeof IndividualNominationSchema>;
export type Ballot = z.infer<typeof BallotSchema>;
export type Submission = z.infer<typeof SubmissionSchema>;

/**
 * records/<YEAR>/ratings.yaml: the round's ratings (xếp loại) of people not nominated (a nominee's
 * rating is on the nomination), for the shares a collective title counts (100 % complete their tasks).
 */
export const RatingEntrySchema = z.strictObject({ person: Id, rating: RatingSchema });
export type RatingEntry = z.infer<typeof RatingEntrySchema>;

/** A threshold as a seal keeps it: an exact fraction, the percent it was given as, the quorum in force. */
export const CountedThresholdSchema = z.strictObject({
  numerator: z.int().min(1),
  denominator: z.int().min(1),
  of: z.enum(['members', 'ballots']),
  percent: z.number().optional(),
  quorum: z.strictObject({ numerator: z.int().min(1), denominator: z.int().min(1) }).optional(),
});

/**
 * A title as the opened seal counted it: its threshold, its quota and how a tie at the quota's
 * last place was settled, whether the council voted on it, and what it required.
 */
export const UnsealTitleSchema = z.strictObject({
  id: Id,
  threshold: CountedThresholdSchema,
  quota: z.int().min(0).optional(),
  tie_break: z.enum(['chair', 'women']).optional(),
  /** `false`: the head decided on the nominations that met the criteria, without a vote. */
  vote: z.literal(false).optional(),
  requires: z.array(RequirementSchema).optional(),
});
export type UnsealTitle = z.infer<typeof UnsealTitleSchema>;

/** records/<YEAR>/unseals.yaml: every time the round's seal was opened with `thidua unseal`. */
export const UnsealSchema = z.strictObject({
  date: IsoDate,
  by: Text,
  reason: Text,
  /** SHA-256 of the tally.yaml that was removed. */
  seal: z.string().regex(/^[0-9a-f]{64}$/, tagged('sha256')),
  /** The decision that was withdrawn with it, as printed ("05/QĐ-TTr"). */
  decision: Text.optional(),
  /** The threshold the opened seal was counted under: a seal made again under another is shown. */
  threshold: ThresholdSchema.optional(),
  /** Each title the opened seal voted on, with its own threshold (the pack's quorum in it) and quota. */
  titles: z.array(UnsealTitleSchema).optional(),
  /** Papers replaced after this opening (`thidua ballot YEAR --replace N`), each as it stood before. */
  replaced: z.array(BallotSchema).optional(),
});
export type Unseal = z.infer<typeof UnsealSchema>;
