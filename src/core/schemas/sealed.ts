/** Files thidua writes itself: tally.yaml (the seal) and decision.yaml. */
import { z } from 'zod';
import { Id, IsoDate, Text } from './values.js';
import { ThresholdSchema } from './agency.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const TallyResultSchema = z.strictObject({
  nomination: Id,
  kind: z.enum(['collective', 'individual']),
  department: Id,
  person: Id.nullable(),
  agree: z.int().min(0),
  disagree: z.int().min(0),
  abstain: z.int().min(0),
  passed: z.boolean(),
  recognised: z.boolean(),
  reason: z.enum(['below-threshold', 'department-not-recognised']).nullable(),
});

export const TallyFileSchema = z.strictObject({
  year: z.int(),
  sealed_by: z.string(),
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
  results: z.array(TallyResultSchema),
});

export const DecisionFileSchema = z.strictObject({
  year: z.int(),
  number: z.int().min(1),
  date: IsoDate,
  signer: z.strictObject({ title: Text, name: Text }),
  recognised: z.array(Id),
});

export type TallyFile = z.infer<typeof TallyFileSchema>;
export type TallyResult = z.infer<typeof TallyResultSchema>;
export type DecisionFile = z.infer<typeof DecisionFileSchema>;
