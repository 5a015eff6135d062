/**
 * records/inbox.yaml: the province's registry of its agencies' repositories (`thidua inbox add`),
 * with what the last `inbox fetch` found in each (commit, verified or held, the upward proposals).
 */
import { z } from 'zod';
import { Id, Text, tagged } from './values.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, tagged('sha256'));
const CommitId = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);

/** One title a sound agency's council proposed upward, as its sealed records say. */
export const InboxProposalSchema = z.strictObject({
  year: z.int().min(1900).max(2999),
  /** SHA-256 of the agency's tally.yaml (the seal) at the fetched commit. */
  seal: Sha256,
  /** The agency's nomination id. */
  nomination: Id,
  kind: z.enum(['individual', 'collective']),
  /** The title proposed (an id of the agency's titles.yaml). */
  award: Id,
  /** The person's id in the agency, for an individual. */
  person: Id.optional(),
  /** The person's name (or the unit's, for a collective), post and unit, as sealed. */
  name: Text,
  post: Text.optional(),
  unit: Text,
  gender: z.enum(['nam', 'nu']).optional(),
  /** The nomination's own title line (its achievement). */
  title: Text,
});

export const InboxEntrySchema = z.strictObject({
  id: Id,
  url: Text,
  name: Text.optional(),
  /** Written by `inbox fetch`: the commit fetched, when, and what verify found there. */
  fetched: z
    .strictObject({
      commit: CommitId,
      at: Text,
      /** Why the agency is held (its proposals are not offered); absent when it verified. */
      held: Text.optional(),
      proposals: z.array(InboxProposalSchema).default([]),
    })
    .optional(),
});

export type InboxEntry = z.infer<typeof InboxEntrySchema>;
export type InboxProposal = z.infer<typeof InboxProposalSchema>;

/** Where an imported nomination came from: written by `inbox import`, checked by validate. */
export const NominationSourceSchema = z.strictObject({
  agency: Id,
  url: Text,
  commit: CommitId,
  year: z.int().min(1900).max(2999),
  seal: Sha256,
  nomination: Id,
  name: Text,
  post: Text.optional(),
  unit: Text,
});
export type NominationSource = z.infer<typeof NominationSourceSchema>;
