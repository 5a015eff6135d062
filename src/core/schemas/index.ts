/** Every record kind with its schema: the single list used by `schema`, the vocabulary and docs. */
import { z } from 'zod';
import { AgencySchema } from './agency.js';
import { CriteriaSchema } from './criteria.js';
import { DepartmentSchema, PersonSchema, DisciplineMeasureSchema } from './organisation.js';
import { BallotSchema, CouncilSchema, NominationSchema, SubmissionSchema, UnsealSchema } from './round.js';
import { RoundSettingsSchema } from './settings.js';
import { DecisionFileSchema, TallyFileSchema } from './sealed.js';
import { HistoryEntrySchema, TitlesFileSchema } from './titles.js';
import { InboxEntrySchema } from './inbox.js';

export interface RecordKind {
  /** Name of the JSON Schema file: `<name>.schema.json`. */
  name: string;
  /** Where files of this kind live (a glob, for editors). */
  glob: string;
  schema: z.ZodType;
}

export const RECORD_KINDS: readonly RecordKind[] = [
  { name: 'agency', glob: 'records/agency.yaml', schema: AgencySchema },
  { name: 'criteria', glob: 'records/criteria.yaml', schema: CriteriaSchema },
  { name: 'departments', glob: 'records/departments.yaml', schema: z.array(DepartmentSchema) },
  { name: 'people', glob: 'records/people.yaml', schema: z.array(PersonSchema) },
  { name: 'discipline', glob: 'records/discipline.yaml', schema: z.array(DisciplineMeasureSchema) },
  { name: 'titles', glob: 'records/titles.yaml', schema: TitlesFileSchema },
  { name: 'history', glob: 'records/history.yaml', schema: z.array(HistoryEntrySchema) },
  { name: 'inbox', glob: 'records/inbox.yaml', schema: z.array(InboxEntrySchema) },
  { name: 'round', glob: 'records/*/round.yaml', schema: RoundSettingsSchema },
  { name: 'council', glob: 'records/*/council.yaml', schema: CouncilSchema },
  { name: 'nomination', glob: 'records/*/nominations/*.yaml', schema: NominationSchema },
  { name: 'ballot', glob: 'records/*/ballots/*.yaml', schema: BallotSchema },
  { name: 'submissions', glob: 'records/*/submissions.yaml', schema: z.array(SubmissionSchema) },
  { name: 'tally', glob: 'records/*/tally.yaml', schema: TallyFileSchema },
  { name: 'decision', glob: 'records/*/decision.yaml', schema: DecisionFileSchema },
  { name: 'unseals', glob: 'records/*/unseals.yaml', schema: z.array(UnsealSchema) },
];
