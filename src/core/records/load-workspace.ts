/**
 * From a snapshot of file bytes to the workspace model and the file-level diagnostics
 * (YAML, schema, unknown fields, id and file-name agreement). Pure: no I/O.
 */
import { t, type Diagnostic } from '../diagnostics.js';
import { type ParsedFile } from '../yaml/positions.js';
import { AgencySchema } from '../schemas/agency.js';
import { CriteriaSchema } from '../schemas/criteria.js';
import { DepartmentSchema, PersonSchema, DisciplineMeasureSchema, PendingSchema } from '../schemas/organisation.js';
import {
  BallotSchema,
  CouncilSchema,
  NominationSchema,
  RatingEntrySchema,
  SubmissionSchema,
  UnsealSchema,
} from '../schemas/round.js';
import { PackMetaSchema, type PackMeta } from '../schemas/pack.js';
import { RoundSettingsSchema } from '../schemas/settings.js';
import { DecisionFileSchema, TallyFileSchema } from '../schemas/sealed.js';
import { ID_PATTERN } from '../ids.js';
import { HistoryEntrySchema, PackSchema, TitleSchema, type Title } from '../schemas/titles.js';
import { InboxEntrySchema } from '../schemas/inbox.js';
import {
  AGENCY_FILE,
  CRITERIA_FILE,
  DEPARTMENTS_FILE,
  DISCIPLINE_FILE,
  HISTORY_FILE,
  INBOX_FILE,
  PENDING_FILE,
  PEOPLE_FILE,
  TITLES_FILE,
  inRoundFolder,
  roundDir,
  roundFile,
} from './paths.js';
import { type Rec, type Round, type Snapshot, type Workspace } from './workspace.js';
import { Loader, baseName } from './loader.js';

export interface LoadResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
}

function loadRound(loader: Loader, snapshot: Snapshot, year: number): Round {
  const dir = roundDir(year);
  const nominationFiles: string[] = [];
  const ballotFiles: string[] = [];
  for (const path of snapshot.files.keys()) {
    if (inRoundFolder(path, year, 'nominations')) nominationFiles.push(path);
    else if (inRoundFolder(path, year, 'ballots')) ballotFiles.push(path);
  }
  nominationFiles.sort();
  ballotFiles.sort();

  const round: Round = {
    year,
    dir,
    councilFile: roundFile(year, 'council.yaml'),
    councilPresent: loader.has(roundFile(year, 'council.yaml')),
    council: loader.single(roundFile(year, 'council.yaml'), CouncilSchema, false),
    nominations: [],
    brokenNominationIds: new Set(),
    brokenNominationDepartments: [],
    ballots: [],
    ballotFiles,
    nominationFiles,
    submissionsFile: roundFile(year, 'submissions.yaml'),
    submissions: loader.list(roundFile(year, 'submissions.yaml'), SubmissionSchema, false),
    tallyFile: roundFile(year, 'tally.yaml'),
    tally: loader.single(roundFile(year, 'tally.yaml'), TallyFileSchema, false),
    tallyPresent: loader.has(roundFile(year, 'tally.yaml')),
    decisionFile: roundFile(year, 'decision.yaml'),
    decision: loader.single(roundFile(year, 'decision.yaml'), DecisionFileSchema, false),
    settingsFile: roundFile(year, 'round.yaml'),
    settingsPresent: loader.has(roundFile(year, 'round.yaml')),
    settings: loader.single(roundFile(year, 'round.yaml'), RoundSettingsSchema, false),
    unsealsFile: roundFile(year, 'unseals.yaml'),
    unsealsPresent: loader.has(roundFile(year, 'unseals.yaml')),
    unseals: loader.list(roundFile(year, 'unseals.yaml'), UnsealSchema, false),
    ratingsFile: roundFile(year, 'ratings.yaml'),
    ratingsPresent: loader.has(roundFile(year, 'ratings.yaml')),
    ratings: loader.list(roundFile(year, 'ratings.yaml'), RatingEntrySchema, false),
  };

  for (const path of nominationFiles) {
    const name = baseName(path);
    const file = loader.parse(path);
    if (!file) {
      if (ID_PATTERN.test(name)) round.brokenNominationIds.add(name);
      round.brokenNominationDepartments.push(null);
      continue;
    }
    const data = loader.check(file, NominationSchema, file.value, []);
    if (!data) {
      const raw = file.value !== null && typeof file.value === 'object' ? (file.value as Record<string, unknown>) : {};
      round.brokenNominationIds.add(typeof raw['id'] === 'string' ? raw['id'] : name);
      round.brokenNominationDepartments.push(typeof raw['department'] === 'string' ? raw['department'] : null);
      continue;
    }
    if (data.id !== name) {
      loader.idMismatch(
        file,
        ['id'],
        t(
          `mã “${data.id}” khác tên tệp “${name}.yaml”; đổi tên tệp thành “${data.id}.yaml” hoặc sửa mã`,
          `the id “${data.id}” differs from the file name “${name}.yaml”; rename the file to “${data.id}.yaml” or fix the id`,
        ),
      );
    }
    round.nominations.push({ value: data, loc: { file: path, path: [] } });
  }

  for (const path of ballotFiles) {
    const name = baseName(path);
    const file = loader.parse(path);
    if (!file) continue;
    const data = loader.check(file, BallotSchema, file.value, []);
    if (!data) continue;
    const expected = String(data.serial).padStart(3, '0');
    if (name !== expected) {
      loader.idMismatch(
        file,
        ['serial'],
        t(
          `số phiếu ${data.serial} không khớp tên tệp “${name}.yaml”; tệp phải tên “${expected}.yaml”`,
          `the serial ${data.serial} does not match the file name “${name}.yaml”; the file must be named “${expected}.yaml”`,
        ),
      );
    }
    round.ballots.push({ value: data, loc: { file: path, path: [] } });
  }
  return round;
}

/**
 * records/titles.yaml: a list of titles, or a rule pack (a mapping: its metadata, and `titles`
 * checked item by item so one bad title keeps the others).
 */
function loadTitles(loader: Loader): { titles: Rec<Title>[]; pack: Rec<PackMeta> | null } {
  if (!loader.has(TITLES_FILE)) return { titles: [], pack: null };
  const file = loader.parse(TITLES_FILE);
  const value = file?.value;
  if (!file || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { titles: loader.list(TITLES_FILE, TitleSchema, false), pack: null };
  }
  const { titles: items, ...meta } = value as Record<string, unknown>;
  const titles: Rec<Title>[] = [];
  if (!Array.isArray(items)) {
    loader.check(file, PackSchema.pick({ titles: true }), { titles: items }, []);
  } else {
    items.forEach((item: unknown, i: number) => {
      const title = loader.check(file, TitleSchema, item, ['titles', i]);
      if (title !== null) titles.push({ value: title, loc: { file: TITLES_FILE, path: ['titles', i] } });
    });
  }
  // Checked last: a clean check of the whole file releases its tree, which the titles' findings need.
  const data = loader.check(file, PackMetaSchema, meta, []);
  return { titles, pack: data === null ? null : { value: data, loc: { file: TITLES_FILE, path: [] } } };
}

/**
 * `preparsed`: files already parsed by `parseYamlFile` elsewhere (on worker threads), used as they
 * are; any file not in it is parsed here.
 */
export function loadWorkspace(snapshot: Snapshot, preparsed?: ReadonlyMap<string, ParsedFile>): LoadResult {
  const loader = new Loader(snapshot, preparsed);
  const brokenIds = { departments: new Set<string>(), people: new Set<string>() };
  const workspace: Workspace = {
    files: loader.files,
    agency: loader.single(AGENCY_FILE, AgencySchema, true),
    criteria: loader.single(CRITERIA_FILE, CriteriaSchema, true),
    departments: loader.list(DEPARTMENTS_FILE, DepartmentSchema, true, { key: 'id', into: brokenIds.departments }),
    people: loader.list(PEOPLE_FILE, PersonSchema, true, { key: 'id', into: brokenIds.people }),
    discipline: loader.list(DISCIPLINE_FILE, DisciplineMeasureSchema, false),
    ...loadTitles(loader),
    history: loader.list(HISTORY_FILE, HistoryEntrySchema, false),
    pending: loader.list(PENDING_FILE, PendingSchema, false),
    inbox: loader.list(INBOX_FILE, InboxEntrySchema, false),
    brokenIds,
    unavailable: {
      departments: loader.has(DEPARTMENTS_FILE) && !loader.readable(DEPARTMENTS_FILE),
      people: loader.has(PEOPLE_FILE) && !loader.readable(PEOPLE_FILE),
    },
    rounds: [],
  };
  const years = [...new Set(snapshot.years)].sort((a, b) => a - b);
  workspace.rounds = years.map((year) => loadRound(loader, snapshot, year));
  return { workspace, diagnostics: loader.diagnostics };
}
