import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import { keepThreads } from '../helpers/kept-threads.js';

// `npm run mutate` keeps the thread of the shared test project from one mutant's run to the next
// (test/helpers/kept-threads.ts). These runs are made as Stryker's vitest runner makes them
// (VitestTestRunner.init and mutantRun: `pool: 'threads'`, one worker, `bail: 1`, its setup file
// and values), on a probe whose log says what each run evaluated and which mutant was switched on.
const FIXTURE = resolve('test/fixtures/kept-threads');
const STRYKER_SETUP = join(
  dirname(createRequire(import.meta.url).resolve('@stryker-mutator/vitest-runner')),
  'stryker-setup.js',
);

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  delete process.env.THIDUA_MUTATE_THREADS;
});

/** Runs the probe once per entry of `fails` (true: its test fails); the log and each run's result. */
async function runs(threads: 'kept' | 'plain', fails: boolean[], environment = 'node') {
  dir = mkdtempSync(join(tmpdir(), 'thidua-kept-'));
  writeFileSync(join(dir, 'log'), '');
  process.env.THIDUA_MUTATE_THREADS = threads;
  const ctx = await createVitest(
    'test',
    {
      root: FIXTURE,
      config: false,
      name: 'probe',
      include: ['probe.check.ts'],
      environment,
      isolate: false,
      setupFiles: [STRYKER_SETUP, resolve('test/helpers/mutation-setup.ts')],
      env: { PROBE_DIR: dir },
      pool: 'threads',
      maxWorkers: 1,
      maxConcurrency: 1,
      watch: false,
      bail: 1,
      reporters: [{}],
    },
    { plugins: [keepThreads('probe')] },
  );
  const results: string[] = [];
  try {
    ctx.provide('globalNamespace' as never, '__stryker__' as never);
    ctx.provide('isGreaterThanVitest4Point1' as never, true as never);
    ctx.provide('mode' as never, 'mutant' as never);
    ctx.provide('mutantActivation' as never, 'runtime' as never);
    ctx.provide('hitLimit' as never, undefined as never);
    for (const [i, fail] of fails.entries()) {
      ctx.provide('activeMutant' as never, String(i + 1) as never);
      if (fail) writeFileSync(join(dir, 'fail'), '');
      ctx.state.filesMap.clear();
      await ctx.start();
      rmSync(join(dir, 'fail'), { force: true });
      results.push(
        ctx.state
          .getFiles()
          .map((f) => f.result?.state)
          .join(),
      );
    }
  } finally {
    await ctx.close();
  }
  return { log: readFileSync(join(dir, 'log'), 'utf8').trim().split('\n'), results };
}

describe('the kept threads of npm run mutate', () => {
  it('a thread is evaluated once and reused run after run, a failing run included; each run reads its tests afresh with no mutant on, and runs them with its own', async () => {
    const { log, results } = await runs('kept', [false, false, true, false]);
    expect(results).toEqual(['pass', 'pass', 'fail', 'pass']);
    expect(log).toEqual([
      'module',
      'collect none',
      'test 1',
      'collect none',
      'test 2',
      'collect none',
      'test 3',
      'collect none',
      'test 4',
    ]);
  }, 60_000);

  it('a thread whose stop is slow is still kept: the next run waits for it rather than evaluating again', async () => {
    const { log, results } = await runs('kept', [false, false], join(FIXTURE, 'slow-stop-env.ts'));
    expect(results).toEqual(['pass', 'pass']);
    expect(log).toEqual(['module', 'collect none', 'test 1', 'collect none', 'test 2']);
  }, 60_000);

  it("vitest's own pool evaluates the modules again in every run (what the kept threads save)", async () => {
    const { log, results } = await runs('plain', [false, false]);
    expect(results).toEqual(['pass', 'pass']);
    expect(log).toEqual(['module', 'collect none', 'test 1', 'module', 'collect none', 'test 2']);
  }, 60_000);
});

/** The files `npm run mutate` mutates: stryker.config.mjs's patterns (a file, or `*` in a file name). */
async function mutatedFiles(): Promise<string[]> {
  const { default: config } = (await import(pathToFileURL(resolve('stryker.config.mjs')).href)) as {
    default: { mutate: string[] };
  };
  const expand = (p: string) =>
    p.includes('*')
      ? readdirSync(dirname(p))
          .filter((f) =>
            new RegExp(
              `^${p
                .slice(dirname(p).length + 1)
                .replace('.', '\\.')
                .replace('*', '.*')}$`,
            ).test(f),
          )
          .map((f) => `${dirname(p)}/${f}`)
      : [p];
  const out = config.mutate.filter((p) => !p.startsWith('!')).flatMap(expand);
  const left = new Set(config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  return out.filter((f) => !left.has(f));
}

describe('the mutated modules and the kept threads', () => {
  it('no mutated module keeps a variable of its own from one run to the next, unless it says why that is harmless', async () => {
    // A kept thread keeps each module's variables: a mutant that sets one (a parser loaded once,
    // a memo) would find it already set by an earlier run and survive. A test of a fresh module
    // would kill it; so such state lives in functions or objects, not in the module.
    const files = await mutatedFiles();
    expect(files).toContain('src/core/tally.ts');
    expect(files).toContain('src/core/rules/award-kind.ts');
    expect(files).not.toContain('src/core/rules/index.ts');
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!/^(export )?(let|var) /.test(line)) return;
        const said = lines.slice(Math.max(0, i - 3), i).some((l) => l.startsWith('// Module state: '));
        if (!said) found.push(`${file}:${i + 1}: ${line}`);
      });
    }
    expect(found).toEqual([]);
  });
});
