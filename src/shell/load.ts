/**
 * Reading and validating the workspace for a command. With the cache on, a workspace whose files
 * have not changed since a run that loaded the same rounds is taken from the cache, and the
 * validator (the YAML parser, zod, every rule) is not even loaded.
 */
import type { Validation } from '../core/validated.js';
import { indexValidation } from '../core/validated.js';
import type { Snapshot } from '../core/records/workspace.js';
import { readValidated } from './read-validated.js';
import { poolSize } from './parse-pool.js';
import {
  cacheEnabled, readCachedWorkspace, snapshotBytes, validationKey, writeCachedWorkspace, WORKSPACE_ENTRY_LIMIT,
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

/** The validator, loaded now; a workspace of many files parsed on worker threads first. */
export async function validateInShell(snapshot: Snapshot, years: readonly number[] | null, env: NodeJS.ProcessEnv): Promise<Validation> {
  const threads = poolSize(snapshot.files.size, env);
  const [{ validateSnapshot }, preparsed] = await Promise.all([
    import('../core/validate.js'),
    threads > 0 ? import('./parse-pool.js').then((m) => m.parseOnThreads(snapshot, threads)) : null,
  ]);
  return validateSnapshot(snapshot, years, preparsed ?? undefined);
}

export async function loadAndValidate(root: string, years: readonly number[] | null, cache?: CacheContext): Promise<Loaded> {
  const snapshot = readValidated(root, years);
  const key = cache && cacheEnabled(cache.env) && snapshotBytes(snapshot) <= WORKSPACE_ENTRY_LIMIT
    ? validationKey(snapshot, years, cache.version)
    : null;
  const hit = key ? readCachedWorkspace(root, key, cache!.env) : null;
  if (hit) return { root, snapshot, ...indexValidation(hit.workspace, hit) };
  const validation = await validateInShell(snapshot, years, cache?.env ?? process.env);
  if (key) writeCachedWorkspace(root, key, validation, cache!.env);
  return { root, snapshot, ...validation };
}
