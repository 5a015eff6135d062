/**
 * Reading and validating the workspace for a command. With the cache on, a workspace whose files
 * have not changed since a run that loaded the same rounds is taken from the cache, and the
 * validator (the YAML parser, zod, every rule) is not even loaded.
 */
import type { Validation } from '../core/validated.js';
import { indexValidation } from '../core/validated.js';
import type { Snapshot } from '../core/records/workspace.js';
import { readValidated } from './read-validated.js';
import { ParsePool, threadCount } from './parse-pool.js';
import {
  cacheEnabled,
  readCachedWorkspace,
  snapshotBytes,
  validationKey,
  writeCachedWorkspace,
  WORKSPACE_ENTRY_LIMIT,
} from './validate-cache.js';

export { readValidated };

export interface Loaded extends Validation {
  root: string;
  snapshot: Snapshot;
}

/** What the cache needs to know of the command: its environment and thidua's version. */
export interface CacheContext {
  env: NodeJS.ProcessEnv;
  version: string;
}

/** The validator, loaded now; what the parsing threads (if any ran) parsed is taken as it is. */
export async function validateInShell(
  snapshot: Snapshot,
  years: readonly number[] | null,
  pool: ParsePool,
): Promise<Validation> {
  const [{ validateSnapshot }, preparsed] = await Promise.all([import('../core/validate.js'), pool.finish(snapshot)]);
  return validateSnapshot(snapshot, years, preparsed ?? undefined);
}

/** The files of `years` read, a workspace of many files parsed on threads meanwhile (`threads` 0: none). */
export function readWithPool(
  root: string,
  years: readonly number[] | null,
  threads: number,
): { snapshot: Snapshot; pool: ParsePool } {
  const pool = new ParsePool(threads);
  try {
    return { snapshot: readValidated(root, years, (path, entry) => pool.add(path, entry)), pool };
  } catch (err) {
    pool.cancel();
    throw err;
  }
}

/**
 * The workspace read and validated. `fresh`: parsed from the bytes just read, never taken from a
 * cached parse (what counts or vouches for a seal: `tally`, `verify`); the result is still kept
 * for the commands after it.
 */
export async function loadAndValidate(
  root: string,
  years: readonly number[] | null,
  cache?: CacheContext,
  fresh = false,
): Promise<Loaded> {
  const { snapshot, pool } = readWithPool(root, years, threadCount(cache?.env ?? process.env));
  const key =
    cache && cacheEnabled(cache.env) && snapshotBytes(snapshot) <= WORKSPACE_ENTRY_LIMIT
      ? validationKey(snapshot, years, cache.version)
      : null;
  const hit = key && !fresh ? readCachedWorkspace(root, key, cache!.env) : null;
  if (hit) {
    pool.cancel();
    return { root, snapshot, ...indexValidation(hit.workspace, hit) };
  }
  const validation = await validateInShell(snapshot, years, pool);
  if (key) writeCachedWorkspace(root, key, validation, cache!.env);
  return { root, snapshot, ...validation };
}
