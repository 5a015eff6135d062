/**
 * What a validation computed, kept between runs, so a second run with nothing changed costs reading
 * and hashing the files, not parsing them. Two kinds of entry share one key:
 *
 * - `validate`: what `thidua validate` prints (the findings, their counts, the scope line), as JSON;
 * - `workspace`: the loaded records and their findings, for every other command (`tally`, `status`,
 *   `verify`, `render`…), in V8's serialisation. Kept only for a workspace of at most
 *   WORKSPACE_ENTRY_LIMIT bytes of records (an agency's, not a province's: writing hundreds of
 *   megabytes would cost more than it saves).
 *
 * The key is a SHA-256 of everything the result follows from: the content of every record file
 * (read in full each time), the rounds present and asked for, the thidua version and the build of
 * its rules. Any byte changed gives another key, so a stale result is never returned. Kept outside
 * the workspace (XDG_CACHE_HOME, or LOCALAPPDATA on Windows, or ~/.cache), in one folder per workspace holding the
 * ENTRIES_KEPT most recent entries of each kind; THIDUA_NO_CACHE=1 turns it off. A cache that
 * cannot be read or written is simply not used.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Snapshot, Workspace } from '../core/records/workspace.js';
import type { ParsedFile } from '../core/yaml/positions.js';
import type { HistoryMemo } from './history-reader.js';
import { writeFileAtomic } from './safe-write.js';
import { ensurePrivateDir, ownedPrivately, ownOrAbsent } from './private-dir.js';
import { embeddedBuild } from './package-files.js';

/** What validate prints: the findings, their counts, and the scope line. */
export interface ValidateResult {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  rounds: number[];
  nominations: number;
  ballots: number;
}

/** What a command loads: the records and every finding about them. */
export interface LoadedEntry {
  workspace: Workspace;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

const FORMAT = 'thidua-validate-cache 2';
/** Entries of each kind kept per workspace: `validate`, `validate 2016`, `tally 2016`… each have one. */
export const ENTRIES_KEPT = 8;
/** Records larger than this (in bytes, all files together) keep no `workspace` entry. */
export const WORKSPACE_ENTRY_LIMIT = 4 * 1024 * 1024;

type Kind = 'validate' | 'workspace' | 'history';

/** The compiled code of thidua (file names, sizes and times): a rebuilt rule is another key. */
let buildId: string | null = null;
function build(): string {
  if (buildId !== null) return buildId;
  // The single executable names its own build (a hash of its bundle).
  const own = embeddedBuild();
  if (own !== null) return (buildId = own);
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) {
        const s = statSync(p);
        h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  try {
    walk(root);
  } catch {
    h.update('unlisted');
  }
  return (buildId = h.digest('hex'));
}

/** The key of a validation: every file's content, the rounds, the years asked for, the version and build. */
export function validationKey(snapshot: Snapshot, years: readonly number[] | null, version: string): string {
  const h = createHash('sha256');
  h.update(
    `${FORMAT}\n${version}\n${build()}\n${JSON.stringify(years)}\n${JSON.stringify(snapshot.years)}\n${JSON.stringify(snapshot.allYears ?? null)}\n${JSON.stringify(snapshot.lock ?? null)}\n`,
  );
  for (const path of [...snapshot.files.keys()].sort()) {
    const e = snapshot.files.get(path)!;
    h.update(`${path}\0${e.kind}\0`);
    // The bytes themselves, after their length (so that where one file ends is never in doubt).
    if (e.kind === 'file') h.update(`${e.bytes.length}\0`).update(e.bytes);
    else if (e.kind === 'too-large') h.update(String(e.size));
    else h.update(`${e.reason}\0${e.detail ?? ''}`);
    h.update('\n');
  }
  return h.digest('hex');
}

export function cacheEnabled(env: NodeJS.ProcessEnv): boolean {
  return env['THIDUA_NO_CACHE'] !== '1';
}

/** The cache folder of the workspace at `root`. */
function cacheDir(root: string, env: NodeJS.ProcessEnv): string | null {
  if (!cacheEnabled(env)) return null;
  const base =
    env['XDG_CACHE_HOME'] ||
    (process.platform === 'win32' && env['LOCALAPPDATA']) ||
    (env['HOME'] ? join(env['HOME'], '.cache') : join(homedir(), '.cache'));
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    /* keep root */
  }
  const dir = join(base, 'thidua', createHash('sha256').update(real).digest('hex').slice(0, 32));
  // What another user could have written is not believed: the cache is then not used at all.
  return ownOrAbsent(join(base, 'thidua')) && ownOrAbsent(dir) ? dir : null;
}

function entryFile(dir: string, kind: Kind, key: string): string {
  return join(dir, `${kind}-${key.slice(0, 32)}.${kind === 'validate' ? 'json' : 'bin'}`);
}

/** Marks an entry as just used, so pruning keeps it. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* not kept as recent: harmless */
  }
}

/** Removes all but the ENTRIES_KEPT most recently used entries of `kind`. */
function prune(dir: string, kind: Kind): void {
  try {
    const entries = readdirSync(dir)
      .filter((f) => f.startsWith(`${kind}-`))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1));
    for (const { f } of entries.slice(ENTRIES_KEPT)) unlinkSync(join(dir, f));
  } catch {
    /* a cache that cannot be pruned is still correct */
  }
}

function store(root: string, kind: Kind, bytes: Uint8Array | string, env: NodeJS.ProcessEnv, key: string): void {
  const dir = cacheDir(root, env);
  if (!dir) return;
  try {
    ensurePrivateDir(dir);
    const file = entryFile(dir, kind, key);
    writeFileAtomic(file, bytes);
    chmodSync(file, 0o600);
    prune(dir, kind);
    // thidua 0.1's single entry for this workspace, beside the folder: never read again.
    rmSync(join(dirname(dir), `validate-${basename(dir)}.json`), { force: true });
  } catch {
    /* a cache that cannot be written is not used */
  }
}

/** Whether any `validate` result is kept for this workspace (then one may answer this run). */
export function hasCachedResults(root: string, env: NodeJS.ProcessEnv): boolean {
  const dir = cacheDir(root, env);
  if (!dir) return false;
  try {
    return readdirSync(dir).some((f) => f.startsWith('validate-'));
  } catch {
    return false;
  }
}

export function readCached(root: string, key: string, env: NodeJS.ProcessEnv): ValidateResult | null {
  const dir = cacheDir(root, env);
  if (!dir) return null;
  const file = entryFile(dir, 'validate', key);
  try {
    if (!ownedPrivately(file)) return null;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; result?: ValidateResult };
    if (entry.key !== key || !entry.result) return null;
    touch(file);
    return entry.result;
  } catch {
    return null;
  }
}

export function writeCached(root: string, key: string, result: ValidateResult, env: NodeJS.ProcessEnv): void {
  store(root, 'validate', JSON.stringify({ key, result }), env, key);
}

/** The size of the records a snapshot holds. */
export function snapshotBytes(snapshot: Snapshot): number {
  let n = 0;
  for (const e of snapshot.files.values()) if (e.kind === 'file') n += e.bytes.byteLength;
  return n;
}

/**
 * The loaded workspace kept under `key`, or null. A file's syntax tree is not kept (it is parsed
 * again from its text on the rare occasion a position is asked for, as after `releaseDocument`).
 */
export function readCachedWorkspace(root: string, key: string, env: NodeJS.ProcessEnv): LoadedEntry | null {
  return readBinary(root, 'workspace', key, env, (entry) =>
    entry['loaded'] ? (entry['loaded'] as LoadedEntry) : null,
  );
}

/**
 * A binary entry of `kind` kept under `key`: its format and key checked, then what `take` finds in
 * it (null: not usable). An entry that cannot be read or deserialized is no entry.
 */
function readBinary<T>(
  root: string,
  kind: 'workspace' | 'history',
  key: string,
  env: NodeJS.ProcessEnv,
  take: (entry: Record<string, unknown>) => T | null,
): T | null {
  const dir = cacheDir(root, env);
  if (!dir) return null;
  const file = entryFile(dir, kind, key);
  try {
    if (!ownedPrivately(file)) return null;
    const entry = deserialize(readFileSync(file)) as Record<string, unknown>;
    const value = entry['format'] === FORMAT && entry['key'] === key ? take(entry) : null;
    if (value !== null) touch(file);
    return value;
  } catch {
    return null;
  }
}

export function writeCachedWorkspace(root: string, key: string, loaded: LoadedEntry, env: NodeJS.ProcessEnv): void {
  if (!cacheDir(root, env)) return;
  const files = new Map<string, ParsedFile>();
  for (const [path, f] of loaded.workspace.files) {
    // The tree and its line counter are parser objects (with functions): the text and value suffice.
    files.set(path, { ...f, doc: null, lineCounter: null as unknown as ParsedFile['lineCounter'] });
  }
  let bytes: Uint8Array;
  try {
    const entry: LoadedEntry = {
      workspace: { ...loaded.workspace, files },
      diagnostics: loaded.diagnostics,
      errors: loaded.errors,
      warnings: loaded.warnings,
    };
    bytes = serialize({ format: FORMAT, key, loaded: entry });
  } catch {
    return; // something in the records V8 cannot copy: no entry, the next run parses again
  }
  store(root, 'workspace', bytes, env, key);
}

/** The key of what was learnt of a repository's history up to the commit `head`, read from `scope`. */
export function historyKey(head: string, scope: string, version: string): string {
  return createHash('sha256').update(`${FORMAT}\nhistory\n${version}\n${build()}\n${scope}\n${head}\n`).digest('hex');
}

export function readCachedHistory(root: string, key: string, env: NodeJS.ProcessEnv): HistoryMemo | null {
  return readBinary(root, 'history', key, env, (entry) => {
    const memo = entry['memo'] as Partial<HistoryMemo> | undefined;
    return memo?.logs instanceof Map && memo.blobs instanceof Map && memo.values instanceof Map
      ? (memo as HistoryMemo)
      : null;
  });
}

export function writeCachedHistory(root: string, key: string, memo: HistoryMemo, env: NodeJS.ProcessEnv): void {
  if (!cacheDir(root, env)) return;
  store(root, 'history', serialize({ format: FORMAT, key, memo }), env, key);
}
