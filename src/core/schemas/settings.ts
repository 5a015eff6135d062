/**
 * records/<YEAR>/round.yaml: the round's own settings, fixed when the round is created. Each key
 * given here holds for this round whatever `agency.yaml` or `criteria.yaml` say later; a key left
 * out falls back to them until the round is sealed (the seal then keeps what was used).
 */
import { z } from 'zod';
import { DisciplineSettingsSchema, LimitsSchema, ThresholdSchema } from './agency.js';
import { CriteriaSchema } from './criteria.js';

export const RoundSettingsSchema = z.strictObject({
  threshold: ThresholdSchema.optional(),
  limits: LimitsSchema.optional(),
  discipline: DisciplineSettingsSchema.optional(),
  criteria: CriteriaSchema.optional(),
});

export type RoundSettings = z.infer<typeof RoundSettingsSchema>;
