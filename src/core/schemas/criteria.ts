import { z } from 'zod';
import { Id, Text } from './values.js';

export const CriterionSchema = z.strictObject({ id: Id, text: Text });

export const CriteriaSchema = z.strictObject({
  collective: z.array(CriterionSchema),
  individual: z.array(CriterionSchema),
  leader: z.array(CriterionSchema).default([]),
});

export type Criterion = z.infer<typeof CriterionSchema>;
export type Criteria = z.infer<typeof CriteriaSchema>;
export type CriteriaGroup = keyof Criteria;
