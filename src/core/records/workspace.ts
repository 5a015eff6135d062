/** The loaded workspace: every record with where it came from, as plain data. */
import type { ParsedFile, PathSegment } from '../yaml/positions.js';
import type { Agency } from '../schemas/agency.js';
import type { Criteria } from '../schemas/criteria.js';
import type { Department, Person, DisciplineMeasure, Pending } from '../schemas/organisation.js';
import type { Ballot, Council, Nomination, RatingEntry, Submission, Unseal } from '../schemas/round.js';
import type { PackMeta } from '../schemas/pack.js';
import type { RoundSettings } from '../schemas/settings.js';
import type { RoundFileName } from './paths.js';
import type { DecisionFile, TallyFile } from '../schemas/sealed.js';
import type { HistoryEntry, Title } from '../schemas/titles.js';
import type { InboxEntry } from '../schemas/inbox.js';

/** Where a value sits: the file and the path inside it. */
export interface Loc {
  file: string;
  path: PathSegment[];
}

export interface Rec<T> {
  value: T;
  loc: Loc;
}

/** A file as read by the shell: bytes, or why it could not be read. */
export type FileEntry =
  | { kind: 'file'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | {
      kind: 'unreadable';
      reason: 'directory' | 'permission' | 'symlink-outside' | 'symlink-loop' | 'other';
      detail?: string;
    };

/**
 * What stands at the workspace's `.thidua.lock` when it is no lock of a running command: a folder,
 * a link (with where it points), or a file git tracks (committed with the records).
 */
export interface LockEntry {
  kind: 'folder' | 'link' | 'file';
  target?: string;
  /** git tracks it (a folder: any file in it). */
  tracked: boolean;
}

export interface Snapshot {
  /** Every record file under records/, by path relative to the workspace root. */
  files: Map<string, FileEntry>;
  /** `.thidua.lock` when it cannot be a lock of a running command (see LockEntry). */
  lock?: LockEntry;
  /** Round folders read (records/<YEAR>/), even empty ones. */
  years: number[];
  /** Every round folder present, read or not. */
  allYears?: number[];
}

export interface Round {
  year: number;
  dir: string;
  councilFile: string;
  councilPresent: boolean;
  council: Rec<Council> | null;
  nominations: Rec<Nomination>[];
  /** Ids of nomination files that exist but did not pass the schema (so references to them do not cascade). */
  brokenNominationIds: Set<string>;
  /** Departments of those broken nominations; null when the file could not be read at all. */
  brokenNominationDepartments: Array<string | null>;
  ballots: Rec<Ballot>[];
  /** Every ballot file of the round, parsed or not. */
  ballotFiles: string[];
  nominationFiles: string[];
  submissionsFile: string;
  submissions: Rec<Submission>[];
  tallyFile: string;
  tally: Rec<TallyFile> | null;
  /** tally.yaml exists (possibly broken). */
  tallyPresent: boolean;
  decisionFile: string;
  decision: Rec<DecisionFile> | null;
  /** records/<YEAR>/round.yaml: the round's own settings (optional). */
  settingsFile: string;
  settingsPresent: boolean;
  settings: Rec<RoundSettings> | null;
  /** records/<YEAR>/unseals.yaml: every opening of the round's seal. */
  unsealsFile: string;
  unsealsPresent: boolean;
  unseals: Rec<Unseal>[];
  /** records/<YEAR>/ratings.yaml: ratings of people not nominated in the round. */
  ratingsFile: string;
  ratingsPresent: boolean;
  ratings: Rec<RatingEntry>[];
}

export interface Workspace {
  files: Map<string, ParsedFile>;
  agency: Rec<Agency> | null;
  criteria: Rec<Criteria> | null;
  departments: Rec<Department>[];
  people: Rec<Person>[];
  discipline: Rec<DisciplineMeasure>[];
  /** records/titles.yaml (empty when there is none: the plan's pair of recognitions). */
  titles: Rec<Title>[];
  /** The rule pack's metadata when titles.yaml is a pack (a mapping): instruments, competence, settings. */
  pack: Rec<PackMeta> | null;
  /** records/history.yaml: awards before thidua. */
  history: Rec<HistoryEntry>[];
  /** records/pending.yaml: matters pending against a person or a unit. */
  pending: Rec<Pending>[];
  /** records/inbox.yaml: a province's agencies, with what the last fetch found (thidua inbox). */
  inbox: Rec<InboxEntry>[];
  /** Ids present in a file even if their item is broken: references to them are not reported again. */
  brokenIds: { departments: Set<string>; people: Set<string> };
  /** Shared files present but unreadable as a whole: references into them are not checked. */
  unavailable: { departments: boolean; people: boolean };
  rounds: Round[];
}

/** The round's files that a seal covers: council.yaml and every nomination and ballot file. */
export function sealedInputPaths(round: Round): string[] {
  const paths = [...round.nominationFiles, ...round.ballotFiles];
  if (round.councilPresent) paths.push(round.councilFile);
  if (round.settingsPresent) paths.push(round.settingsFile);
  if (round.ratingsPresent) paths.push(round.ratingsFile);
  return paths.sort();
}

/**
 * The names, inside a round folder, of the files a seal covers besides nominations and ballots.
 * (unseals.yaml is a log, not an input: each seal copies it as `reopened`, verify reads its history.)
 */
export const ROUND_INPUT_FILES = [
  'council.yaml',
  'round.yaml',
  'ratings.yaml',
] as const satisfies readonly RoundFileName[];
