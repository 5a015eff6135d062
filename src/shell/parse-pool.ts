/**
 * Parsing many record files on worker threads: a province's workspace (thousands of files) is parsed
 * on every core, while an agency's (tens of files) is parsed in the main thread, where starting
 * threads would cost more than it saves. What comes back is exactly what `parseYamlFile` returns,
 * without the syntax tree.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Snapshot } from '../core/records/workspace.js';
import type { ParsedFile } from '../core/yaml/positions.js';
import type { ParsedPlain } from './parse-worker.js';
import { decodeUtf8 } from '../core/yaml/decode.js';

/** Below this many files, the main thread parses alone. */
export const POOL_THRESHOLD = 400;
/**
 * A thread's heap: a batch's syntax trees are garbage once parsed, so a small young generation
 * keeps the process near 180 MB at a province's size instead of 230 MB, at no cost in time
 * (measured in docs/benchmarks.md). A thread that runs out fails, and the main thread parses instead.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };
/** Files sent to a thread at a time: small enough to share the work evenly, large enough to be cheap. */
const BATCH = 48;

export function poolSize(files: number, env: NodeJS.ProcessEnv): number {
  const asked = Number(env['THIDUA_THREADS']);
  const cores = Number.isInteger(asked) && asked >= 0 ? asked : availableParallelism();
  if (files < POOL_THRESHOLD) return 0;
  return Math.max(0, Math.min(cores, 8, Math.ceil(files / (BATCH * 4))));
}

function bytesOf(snapshot: Snapshot, path: string): Uint8Array {
  const e = snapshot.files.get(path);
  return e?.kind === 'file' ? e.bytes : new Uint8Array();
}

/**
 * A parsed file whose text is its bytes decoded when first asked for (for a finding's source line),
 * as `parseYamlFile` decodes them: a province's text is not held twice, as bytes and as a string.
 */
function withText(r: ParsedPlain, bytes: Uint8Array): ParsedFile {
  const file = { path: r.path, value: r.value, diagnostics: r.diagnostics, doc: null, lineCounter: null as unknown as ParsedFile['lineCounter'] } as Omit<ParsedFile, 'text'>;
  let text = r.text;
  Object.defineProperty(file, 'text', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= decodeUtf8(bytes).text),
    set: (v: string) => (text = v),
  });
  return file as ParsedFile;
}

/**
 * The snapshot's readable files parsed on `threads` workers, or null when they cannot run (a
 * source checkout without its build): then the main thread parses, as for a small workspace.
 */
export async function parseOnThreads(snapshot: Snapshot, threads: number): Promise<Map<string, ParsedFile> | null> {
  const script = new URL('./parse-worker.js', import.meta.url);
  if (threads === 0 || !existsSync(fileURLToPath(script))) return null;
  const queue: Array<Array<{ path: string; bytes: Uint8Array }>> = [];
  let batch: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const [path, e] of snapshot.files) {
    if (e.kind !== 'file') continue;
    batch.push({ path, bytes: e.bytes });
    if (batch.length === BATCH) {
      queue.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) queue.push(batch);
  const out = new Map<string, ParsedFile>();
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => new Worker(script, { resourceLimits: LIMITS }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      // Two batches in flight per thread: it starts the next while its last results are taken in.
      let inFlight = 0;
      const next = () => {
        const b = queue.shift();
        if (b) {
          inFlight++;
          w.postMessage(b);
        } else if (inFlight === 0) resolve();
      };
      w.on('message', (results: ParsedPlain[]) => {
        inFlight--;
        for (const r of results) out.set(r.path, withText(r, bytesOf(snapshot, r.path)));
        next();
      });
      w.on('error', reject);
      w.on('exit', (code) => (code !== 0 ? reject(new Error(`parse thread exited with ${code}`)) : undefined));
      next();
      next();
    })));
  } catch {
    return null; // a thread failed (out of memory, …): the main thread parses everything instead
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
