/**
 * The result of `thidua validate` kept between runs, so a second run with nothing changed costs
 * reading and hashing the files, not parsing them. The key is a SHA-256 of everything the result
 * follows from: the content of every record file (read in full each time), the rounds present and
 * asked for, the thidua version and the build of its rules. Any byte changed gives another key, so a
 * stale result is never returned. Kept outside the workspace (XDG_CACHE_HOME, or ~/.cache), one
 * entry per workspace; THIDUA_NO_CACHE=1 turns it off. A cache that cannot be read or written is
 * simply not used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Snapshot } from '../core/records/workspace.js';
import { ensureDir, writeFileAtomic } from './safe-write.js';

/** What validate prints: the findings, their counts, and the scope line. */
export interface ValidateResult {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  rounds: number[];
  nominations: number;
  ballots: number;
}

const FORMAT = 'thidua-validate-cache 1';

/** The compiled code of thidua (file names, sizes and times): a rebuilt rule is another key. */
let buildId: string | null = null;
function build(): string {
  if (buildId !== null) return buildId;
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
  h.update(`${FORMAT}\n${version}\n${build()}\n${JSON.stringify(years)}\n${JSON.stringify(snapshot.years)}\n${JSON.stringify(snapshot.allYears ?? null)}\n`);
  for (const path of [...snapshot.files.keys()].sort()) {
    const e = snapshot.files.get(path)!;
    h.update(`${path}\0${e.kind}\0`);
    if (e.kind === 'file') h.update(createHash('sha256').update(e.bytes).digest());
    else if (e.kind === 'too-large') h.update(String(e.size));
    else h.update(`${e.reason}\0${e.detail ?? ''}`);
    h.update('\n');
  }
  return h.digest('hex');
}

export function cacheEnabled(env: NodeJS.ProcessEnv): boolean {
  return env['THIDUA_NO_CACHE'] !== '1';
}

function cacheFile(root: string, env: NodeJS.ProcessEnv): string | null {
  if (!cacheEnabled(env)) return null;
  const base = env['XDG_CACHE_HOME'] || (env['HOME'] ? join(env['HOME'], '.cache') : join(homedir(), '.cache'));
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    /* keep root */
  }
  return join(base, 'thidua', `validate-${createHash('sha256').update(real).digest('hex').slice(0, 32)}.json`);
}

export function readCached(root: string, key: string, env: NodeJS.ProcessEnv): ValidateResult | null {
  const file = cacheFile(root, env);
  if (!file) return null;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; result?: ValidateResult };
    return entry.key === key && entry.result ? entry.result : null;
  } catch {
    return null;
  }
}

export function writeCached(root: string, key: string, result: ValidateResult, env: NodeJS.ProcessEnv): void {
  const file = cacheFile(root, env);
  if (!file) return;
  try {
    ensureDir(dirname(file));
    writeFileAtomic(file, JSON.stringify({ key, result }));
  } catch {
    /* a cache that cannot be written is not used */
  }
}
