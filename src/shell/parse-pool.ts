/**
 * Parsing many record files on worker threads: a province's workspace (thousands of files) is parsed
 * on every core, while an agency's (tens of files) is parsed in the main thread, where starting
 * threads would cost more than it saves. The threads start once POOL_THRESHOLD files have been read
 * and take each file as soon as it is read, so parsing runs while the rest is still being read.
 * What comes back is exactly what `parseYamlFile` returns, without the syntax tree.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { FileEntry, Snapshot } from '../core/records/workspace.js';
import type { ParsedFile } from '../core/yaml/positions.js';
import type { ParsedPlain } from './parse-worker.js';
import { decodeUtf8 } from '../core/yaml/decode.js';
import { isSingleExecutable, packageFile } from './package-files.js';

/** Below this many files, the main thread parses alone. */
export const POOL_THRESHOLD = 400;
/** Files sent to a thread at a time: small enough to share the work evenly, large enough to be cheap. */
const BATCH = 48;
/**
 * A thread's heap: a batch's syntax trees are garbage once parsed, so a small young generation
 * keeps the process near 180 MB at a province's size instead of 230 MB, at no cost in time
 * (measured in docs/benchmarks.md). A thread that runs out fails, and the main thread parses instead.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/** How many parsing threads: one per core, or THIDUA_THREADS (0: none). */
export function threadCount(env: NodeJS.ProcessEnv): number {
  const asked = Number(env['THIDUA_THREADS']);
  const cores =
    env['THIDUA_THREADS'] !== undefined && Number.isInteger(asked) && asked >= 0 ? asked : availableParallelism();
  return Math.min(cores, 8);
}

/**
 * A parsed file whose text is its bytes decoded when first asked for (for a finding's source line),
 * as `parseYamlFile` decodes them: a province's text is not held twice, as bytes and as a string.
 */
function withText(r: ParsedPlain, bytes: Uint8Array): ParsedFile {
  const file = {
    path: r.path,
    value: r.value,
    diagnostics: r.diagnostics,
    doc: null,
    lineCounter: null as unknown as ParsedFile['lineCounter'],
  } as Omit<ParsedFile, 'text'>;
  let text = r.text;
  Object.defineProperty(file, 'text', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= decodeUtf8(bytes).text),
    set: (v: string) => (text = v),
  });
  return file as ParsedFile;
}

export class ParsePool {
  private workers: Worker[] | null = null;
  private batch: Array<{ path: string; bytes: Uint8Array }> = [];
  /** Each file sent, with the very bytes sent (a file read again later is parsed in the main thread if they differ). */
  private readonly sent = new Map<string, Uint8Array>();
  private readonly results = new Map<string, ParsedPlain>();
  private outstanding = 0;
  private turn = 0;
  private failed = false;
  private settle: (() => void) | null = null;
  private readonly script = new URL('./parse-worker.js', import.meta.url);

  /** `threads` 0: the pool does nothing, and the main thread parses. */
  constructor(private readonly threads: number) {}

  /** A file just read. */
  add(path: string, entry: FileEntry): void {
    if (this.threads === 0 || this.failed || entry.kind !== 'file' || this.sent.has(path)) return;
    this.sent.set(path, entry.bytes);
    this.batch.push({ path, bytes: entry.bytes });
    if (!this.workers && this.sent.size >= POOL_THRESHOLD) this.start();
    if (this.workers && this.batch.length >= BATCH) this.flush();
  }

  private start(): void {
    // The single executable carries the script as an asset (run as code); a source checkout without
    // its build has no worker script: the main thread parses.
    const code = isSingleExecutable() ? packageFile('parse-worker.js').toString('utf8') : null;
    if (code === null && !existsSync(fileURLToPath(this.script))) {
      this.failed = true;
      return;
    }
    // Loaded here, not at start-up: most commands on an agency's records never start a thread.
    const { Worker: WorkerThread } = createRequire(import.meta.url)(
      'node:worker_threads',
    ) as typeof import('node:worker_threads');
    this.workers = Array.from({ length: this.threads }, () => {
      const w =
        code === null
          ? new WorkerThread(this.script, { resourceLimits: LIMITS })
          : new WorkerThread(code, { eval: true, resourceLimits: LIMITS });
      // Not keeping the process alive on their own: a command that stops early (an error while
      // reading, an answer from the cache) ends without waiting for them.
      w.unref();
      w.on('message', (results: ParsedPlain[]) => {
        for (const r of results) this.results.set(r.path, r);
        this.outstanding--;
        if (this.outstanding === 0) this.settle?.();
      });
      w.on('error', () => this.fail());
      w.on('exit', (code) => (code !== 0 ? this.fail() : undefined));
      return w;
    });
  }

  private fail(): void {
    this.failed = true;
    this.settle?.();
  }

  private flush(): void {
    if (!this.workers || this.batch.length === 0) return;
    const w = this.workers[this.turn++ % this.workers.length]!;
    this.outstanding++;
    w.postMessage(this.batch);
    this.batch = [];
  }

  /**
   * Every file the threads parsed, for the snapshot that was read: only files whose bytes are the
   * ones sent. Null when no thread ran or one failed: then the main thread parses everything.
   */
  async finish(snapshot: Snapshot): Promise<Map<string, ParsedFile> | null> {
    if (!this.workers) return null;
    this.flush();
    for (const w of this.workers) w.ref();
    try {
      if (this.outstanding > 0 && !this.failed) await new Promise<void>((resolve) => (this.settle = resolve));
    } finally {
      this.cancel();
    }
    if (this.failed) return null;
    const out = new Map<string, ParsedFile>();
    for (const [path, r] of this.results) {
      const e = snapshot.files.get(path);
      if (e?.kind === 'file' && e.bytes === this.sent.get(path)) out.set(path, withText(r, e.bytes));
    }
    return out;
  }

  /** Stops the threads (the answer came from the cache, or everything is parsed). */
  cancel(): void {
    for (const w of this.workers ?? []) void w.terminate();
    this.workers = null;
  }
}
