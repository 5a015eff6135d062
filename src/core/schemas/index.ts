/** Every record kind with its schema: the single list used by `schema`, the vocabulary and docs. */
import { z } from 'zod';
import {
  AGENCY_FILE,
  CRITERIA_FILE,
  DEPARTMENTS_FILE,
  DISCIPLINE_FILE,
  HISTORY_FILE,
  PEOPLE_FILE,
  roundFileGlob,
  TITLES_FILE,
} from '../records/paths.js';
import { AgencySchema } from './agency.js';
import { CriteriaSchema } from './criteria.js';
import { DepartmentSchema, PersonSchema, DisciplineMeasureSchema } from './organisation.js';
import {
  BallotSchema,
  CouncilSchema,
  NominationSchema,
  RatingEntrySchema,
  SubmissionSchema,
  UnsealSchema,
} from './round.js';
import { RoundSettingsSchema } from './settings.js';
import { DecisionFileSchema, TallyFileSchema } from './sealed.js';
import { HistoryEntrySchema, TitlesFileSchema } from './titles.js';

export interface RecordKind {
  /** Name of the JSON Schema file: `<name>.schema.json`. */
  name: string;
  /** Where files of this kind live (a glob, for editors). */
  glob: string;
  schema: z.ZodType;
}

export const RECORD_KINDS: readonly RecordKind[] = [
  { name: 'agency', glob: AGENCY_FILE, schema: AgencySchema },
  { name: 'criteria', glob: CRITERIA_FILE, schema: CriteriaSchema },
  { name: 'departments', glob: DEPARTMENTS_FILE, schema: z.array(DepartmentSchema) },
  { name: 'people', glob: PEOPLE_FILE, schema: z.array(PersonSchema) },
  { name: 'discipline', glob: DISCIPLINE_FILE, schema: z.array(DisciplineMeasureSchema) },
  { name: 'titles', glob: TITLES_FILE, schema: TitlesFileSchema },
  { name: 'history', glob: HISTORY_FILE, schema: z.array(HistoryEntrySchema) },
  { name: 'round', glob: roundFileGlob('round.yaml'), schema: RoundSettingsSchema },
  { name: 'ratings', glob: roundFileGlob('ratings.yaml'), schema: z.array(RatingEntrySchema) },
  { name: 'council', glob: roundFileGlob('council.yaml'), schema: CouncilSchema },
  { name: 'nomination', glob: roundFileGlob('nominations/*.yaml'), schema: NominationSchema },
  { name: 'ballot', glob: roundFileGlob('ballots/*.yaml'), schema: BallotSchema },
  { name: 'submissions', glob: roundFileGlob('submissions.yaml'), schema: z.array(SubmissionSchema) },
  { name: 'tally', glob: roundFileGlob('tally.yaml'), schema: TallyFileSchema },
  { name: 'decision', glob: roundFileGlob('decision.yaml'), schema: DecisionFileSchema },
  { name: 'unseals', glob: roundFileGlob('unseals.yaml'), schema: z.array(UnsealSchema) },
];
