import { Worker } from 'node:worker_threads';
import type { PoolRunnerInitializer, PoolWorker, PoolOptions, WorkerRequest } from 'vitest/node';

// A vitest pool for `npm run mutate` only: vitest's thread pool, except that a thread whose run
// ended cleanly is kept and started again for the next run of the same project, with the modules
// it has evaluated. Stryker makes one vitest run per mutant, and vitest ends each run by ending its
// threads, so every mutant paid for evaluating src/ again (most of a run's time). A mutant is
// switched on at run time (`ignoreStatic`), so keeping a module does not keep a mutant; test files
// themselves are evaluated again in each run (vitest invalidates them), with their tests.
//
// A thread is kept only after it answered "stopped" to vitest's stop, without an error, and did not
// exit; otherwise it is ended as vitest's pool would. Kept threads are ended when vitest closes
// (`endKeptThreads`).
const ENTRY = new URL('./kept-worker.mjs', import.meta.url);
const kept = new Map<string, Worker[]>();
// Stops under way, per project: vitest does not wait for a run's threads to stop before the next
// run starts its own, so a start waits (a bounded time) for the stops it could take a thread from.
const stopping = new Map<string, Set<Promise<void>>>();
const STOP_WAIT_MS = 20_000;

type Listener = (arg: unknown) => void;

class KeptThreadsWorker implements PoolWorker {
  readonly name = 'kept-threads';
  private thread: Worker | undefined;
  private readonly listeners: [string, Listener][] = [];
  private stopped = false;
  private exited = false;

  constructor(private readonly options: PoolOptions) {}

  private get key(): string {
    return this.options.project.name;
  }

  on(event: string, callback: Listener): void {
    this.listeners.push([event, callback]);
    this.live().on(event, callback);
  }

  off(event: string, callback: Listener): void {
    const i = this.listeners.findIndex(([e, c]) => e === event && c === callback);
    if (i !== -1) this.listeners.splice(i, 1);
    this.live().off(event, callback);
  }

  send(message: WorkerRequest): void {
    if (message.type === 'stop') {
      this.stopped = false;
      this.beginStop();
    }
    this.live().postMessage(message);
  }

  private endStop: (() => void) | undefined;

  /** Marks this thread's stop as under way until `stop` keeps or ends it (or the thread exits). */
  private beginStop(): void {
    if (this.endStop) return;
    const set = stopping.get(this.key) ?? new Set<Promise<void>>();
    stopping.set(this.key, set);
    let done!: () => void;
    const pending = new Promise<void>((resolve) => (done = resolve));
    set.add(pending);
    this.endStop = () => {
      set.delete(pending);
      this.endStop = undefined;
      done();
    };
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  async start(): Promise<void> {
    if (this.thread) return;
    const pending = [...(stopping.get(this.key) ?? [])];
    if (pending.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
      await Promise.race([Promise.all(pending), timeout]);
      clearTimeout(timer);
    }
    if (this.thread) return;
    const thread = kept.get(this.key)?.pop() ?? this.create();
    thread.on('message', this.onMessage);
    thread.once('exit', this.onExit);
    const logger = this.options.project.vitest.logger;
    thread.stdout.pipe(logger.outputStream);
    thread.stderr.pipe(logger.errorStream);
    this.thread = thread;
  }

  async stop(): Promise<void> {
    const thread = this.live();
    this.thread = undefined;
    for (const [event, callback] of this.listeners.splice(0)) thread.off(event, callback);
    thread.off('message', this.onMessage);
    thread.off('exit', this.onExit);
    const logger = this.options.project.vitest.logger;
    thread.stdout.unpipe(logger.outputStream);
    thread.stderr.unpipe(logger.errorStream);
    try {
      if (this.stopped && !this.exited) kept.set(this.key, [...(kept.get(this.key) ?? []), thread]);
      else await thread.terminate();
    } finally {
      this.endStop?.();
    }
  }

  private create(): Worker {
    const thread = new Worker(ENTRY, {
      env: this.options.env,
      execArgv: this.options.execArgv,
      stdout: true,
      stderr: true,
    });
    // A kept thread that ends on its own is no longer kept.
    thread.once('exit', () => {
      const list = kept.get(this.key);
      if (list?.includes(thread))
        kept.set(
          this.key,
          list.filter((t) => t !== thread),
        );
    });
    return thread;
  }

  // A stop that reported an error (a teardown that failed) leaves a thread not worth keeping.
  private readonly onMessage = (message: {
    type?: string;
    error?: unknown;
    __vitest_worker_response__?: boolean;
  }): void => {
    if (message?.__vitest_worker_response__ && message.type === 'stopped') this.stopped = message.error === undefined;
  };

  private readonly onExit = (): void => {
    this.exited = true;
    this.endStop?.();
  };

  private live(): Worker {
    if (!this.thread) throw new Error('kept-threads: the thread was stopped or never started');
    return this.thread;
  }
}

export const keptThreads: PoolRunnerInitializer = {
  name: 'kept-threads',
  createPoolWorker: (options) => new KeptThreadsWorker(options),
};

/**
 * A vite plugin for a project of the mutation config: Stryker's runner sets `pool: 'threads'`, which
 * vitest applies to every project, so the project is given the kept-threads pool back once it is
 * made. `THIDUA_MUTATE_THREADS=plain` leaves vitest's own pool (to compare the two).
 */
export function keepThreads(projectName: string) {
  return {
    name: 'thidua:kept-threads',
    configureVitest({
      project,
      vitest,
    }: {
      project: { name: string; config: { pool: string; poolRunner?: unknown } };
      vitest: { onClose(fn: () => Promise<void>): void };
    }) {
      if (project.name !== projectName || process.env.THIDUA_MUTATE_THREADS === 'plain') return;
      project.config.pool = keptThreads.name;
      project.config.poolRunner = keptThreads;
      vitest.onClose(endKeptThreads);
    },
  };
}

/** Ends every kept thread: vitest's close, for which a kept thread would otherwise wait. */
export async function endKeptThreads(): Promise<void> {
  const threads = [...kept.values()].flat();
  kept.clear();
  await Promise.all(threads.map((t) => t.terminate()));
}
