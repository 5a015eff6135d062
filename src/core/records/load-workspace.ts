/**
 * From a snapshot of file bytes to the workspace model and the file-level diagnostics
 * (YAML, schema, unknown fields, id and file-name agreement). Pure: no I/O.
 */
import type { z } from 'zod';
import { t, type Diagnostic } from '../diagnostics.js';
import { parseYamlFile } from '../yaml/parse-yaml-file.js';
import { lineText, releaseDocument, type ParsedFile, type PathSegment } from '../yaml/positions.js';
import { tooLargeDiagnostic } from '../yaml/syntax-errors.js';
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
import { findingToDiagnostic, issueToFindings } from './schema-diagnostics.js';
import { FIELD_VOCABULARY } from '../schemas/vocabulary.js';
import { HistoryEntrySchema, PackSchema, TitleSchema, type Title } from '../schemas/titles.js';
import {
  AGENCY_FILE,
  CRITERIA_FILE,
  DEPARTMENTS_FILE,
  DISCIPLINE_FILE,
  HISTORY_FILE,
  PENDING_FILE,
  PEOPLE_FILE,
  TITLES_FILE,
  inRoundFolder,
  roundDir,
  roundFile,
} from './paths.js';
import { type FileEntry, type Rec, type Round, type Snapshot, type Workspace } from './workspace.js';

export interface LoadResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
}

function unreadableDiagnostic(path: string, entry: Extract<FileEntry, { kind: 'unreadable' }>): Diagnostic {
  const why = {
    directory: t('đây là một thư mục, không phải tệp', 'this is a folder, not a file'),
    permission: t('không có quyền đọc tệp', 'no permission to read the file'),
    'symlink-outside': t(
      'liên kết tượng trưng trỏ ra ngoài không gian làm việc',
      'a symbolic link that points outside the workspace',
    ),
    'symlink-loop': t('liên kết tượng trưng tạo thành vòng lặp', 'a symbolic link loop'),
    other: t(
      `không đọc được tệp${entry.detail ? ` (${entry.detail})` : ''}`,
      `cannot read the file${entry.detail ? ` (${entry.detail})` : ''}`,
    ),
  }[entry.reason];
  return { severity: 'error', code: 'schema', file: path, line: 1, column: 1, message: why };
}

function missingFileDiagnostic(path: string): Diagnostic {
  return {
    severity: 'error',
    code: 'schema',
    file: path,
    line: 1,
    column: 1,
    message: t(`thiếu tệp bắt buộc ${path}`, `the required file ${path} is missing`),
  };
}

class Loader {
  readonly files = new Map<string, ParsedFile>();
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly snapshot: Snapshot,
    private readonly preparsed?: ReadonlyMap<string, ParsedFile>,
  ) {}

  has(path: string): boolean {
    return this.snapshot.files.has(path);
  }

  /** The file was read as YAML (whatever its schema findings). */
  readable(path: string): boolean {
    const f = this.files.get(path);
    return f !== undefined && f.value !== undefined;
  }

  /** Parse a file; `null` when it is absent, unreadable or not YAML. */
  parse(path: string): ParsedFile | null {
    const cached = this.files.get(path);
    if (cached) return cached;
    const entry = this.snapshot.files.get(path);
    if (!entry) return null;
    if (entry.kind === 'unreadable') {
      this.diagnostics.push(unreadableDiagnostic(path, entry));
      return null;
    }
    if (entry.kind === 'too-large') {
      this.diagnostics.push(tooLargeDiagnostic(path, entry.size));
      return null;
    }
    const parsed = this.preparsed?.get(path) ?? parseYamlFile(path, entry.bytes);
    this.files.set(path, parsed);
    this.diagnostics.push(...parsed.diagnostics);
    return parsed.value === undefined ? null : parsed;
  }

  check<S extends z.ZodType>(file: ParsedFile, schema: S, value: unknown, basePath: PathSegment[]): z.infer<S> | null {
    const res = schema.safeParse(value, { reportInput: true });
    if (res.success) {
      // List files are checked item by item: release the tree only after the whole file.
      if (basePath.length === 0) releaseDocument(file);
      return res.data;
    }
    for (const issue of res.error.issues) {
      for (const f of issueToFindings(issue, basePath, FIELD_VOCABULARY)) {
        this.diagnostics.push(findingToDiagnostic(file, f));
      }
    }
    return null;
  }

  single<S extends z.ZodType>(path: string, schema: S, required: boolean): Rec<z.infer<S>> | null {
    if (!this.has(path)) {
      if (required) this.diagnostics.push(missingFileDiagnostic(path));
      return null;
    }
    const file = this.parse(path);
    if (!file) return null;
    const data = this.check(file, schema, file.value, []);
    return data === null ? null : { value: data, loc: { file: path, path: [] } };
  }

  /** A file holding a list; each item is checked on its own so one bad item keeps the others. */
  list<S extends z.ZodType>(
    path: string,
    schema: S,
    required: boolean,
    brokenIds?: { key: string; into: Set<string> },
  ): Rec<z.infer<S>>[] {
    if (!this.has(path)) {
      if (required) this.diagnostics.push(missingFileDiagnostic(path));
      return [];
    }
    const file = this.parse(path);
    if (!file) return [];
    if (file.value === null) return [];
    if (!Array.isArray(file.value)) {
      const pos = { line: 1, column: 1 };
      this.diagnostics.push({
        severity: 'error',
        code: 'schema',
        file: path,
        ...pos,
        message: t(
          'tệp phải là một danh sách (mỗi mục bắt đầu bằng “- ”)',
          'the file must be a list (each item starting with “- ”)',
        ),
        source: lineText(file.text, 1),
      });
      return [];
    }
    const out: Rec<z.infer<S>>[] = [];
    const items = file.value as unknown[];
    items.forEach((item: unknown, i: number) => {
      const data = this.check(file, schema, item, [i]);
      if (data !== null) out.push({ value: data, loc: { file: path, path: [i] } });
      else if (brokenIds && item && typeof item === 'object') {
        const id = (item as Record<string, unknown>)[brokenIds.key];
        if (typeof id === 'string') brokenIds.into.add(id);
      }
    });
    if (out.length === items.length) releaseDocument(file);
    return out;
  }

  idMismatch(file: ParsedFile, path: PathSegment[], message: Diagnostic['message']): void {
    const d = findingToDiagnostic(file, { code: 'schema', path, at: 'value', message });
    this.diagnostics.push({ ...d, code: 'id-mismatch' });
  }
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return path.slice(slash + 1).replace(/\.yaml$/, '');
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
