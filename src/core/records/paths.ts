/** Where every record lives: the one home of record paths and file-name patterns. */

export const RECORDS_DIR = 'records';
export const AGENCY_FILE = 'records/agency.yaml';
export const CRITERIA_FILE = 'records/criteria.yaml';
export const DEPARTMENTS_FILE = 'records/departments.yaml';
export const PEOPLE_FILE = 'records/people.yaml';
export const DISCIPLINE_FILE = 'records/discipline.yaml';
/** The titles a workspace runs, or the rule pack (optional): see schemas/titles.ts and schemas/pack.ts. */
export const TITLES_FILE = 'records/titles.yaml';
/** Matters pending against a person or a unit (optional). */
export const PENDING_FILE = 'records/pending.yaml';
/** Awards made before the agency used thidua (optional). */
export const HISTORY_FILE = 'records/history.yaml';

/** A round's own files, inside records/<YEAR>/. */
export const ROUND_FILE_NAMES = [
  'council.yaml',
  'round.yaml',
  'ratings.yaml',
  'submissions.yaml',
  'tally.yaml',
  'decision.yaml',
  'unseals.yaml',
] as const;
export type RoundFileName = (typeof ROUND_FILE_NAMES)[number];

export function roundDir(year: number): string {
  return `records/${year}`;
}

export function roundFile(year: number, name: RoundFileName): string {
  return `${roundDir(year)}/${name}`;
}

/** A round file of any round, as a glob (records, any year, then the name). */
export function roundFileGlob(name: RoundFileName | 'nominations/*.yaml' | 'ballots/*.yaml'): string {
  return `${RECORDS_DIR}/*/${name}`;
}

/** Which round file a path is (records/2016/tally.yaml → 'tally.yaml'), or null for any other. */
export function roundFileNameOf(path: string): RoundFileName | null {
  const year = yearOfPath(path);
  if (year === null) return null;
  return ROUND_FILE_NAMES.find((name) => path === roundFile(year, name)) ?? null;
}

export function nominationsDir(year: number): string {
  return `${roundDir(year)}/nominations`;
}

export function ballotsDir(year: number): string {
  return `${roundDir(year)}/ballots`;
}

export function nominationPath(year: number, id: string): string {
  return `${nominationsDir(year)}/${id}.yaml`;
}

/** A git pathspec for a nomination of any round. */
export function nominationInAnyRound(id: string): string {
  return `records/*/nominations/${id}.yaml`;
}

/** A ballot's file name is its zero-padded serial: 7 → 007.yaml. */
export function ballotFileName(serial: number): string {
  return `${String(serial).padStart(3, '0')}.yaml`;
}

/** The serial after the highest one used, from ballot file names (001.yaml → 1). */
export function nextBallotSerial(fileNames: readonly string[]): number {
  const used = fileNames.map((f) => Number(/(\d+)\.yaml$/.exec(f)?.[1] ?? 0));
  return Math.max(0, ...used) + 1;
}

export function ballotPath(year: number, serial: number): string {
  return `${ballotsDir(year)}/${ballotFileName(serial)}`;
}

/** The round (year) a record path belongs to, or null for a shared file. */
export function yearOfPath(path: string): number | null {
  const m = /^records\/(\d{4})\//.exec(path);
  return m ? Number(m[1]) : null;
}

/** A record file directly in a round's nominations/ or ballots/ folder. */
export function inRoundFolder(path: string, year: number, folder: 'nominations' | 'ballots'): boolean {
  const dir = `${roundDir(year)}/${folder}/`;
  return path.startsWith(dir) && path.endsWith('.yaml') && !path.slice(dir.length).includes('/');
}

/** Where a round keeps the templates its decision was issued with (frozen by `decide`). */
export function roundTemplatePath(year: number, template: string): string {
  return `${roundDir(year)}/templates/${template}`;
}

/** The rendered documents of a round. */
export function documentsDir(year: number): string {
  return `documents/${year}`;
}
