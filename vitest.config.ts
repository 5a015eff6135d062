import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// `fast` and `fast-isolated` are what `npm test` runs (unit, end-to-end, scenario and document
// tests); `hardening` adds the slow campaigns (writers killed at random points, a full disk,
// simultaneous writers, limits, fuzzing, the hostile-input corpus, sweeps of the cache and of the
// parsing threads over every kind of file); `install` and `mutation-canary` below. `npm run test:all`
// and CI run every project.
const HARDENING = [
  'test/hardening/no-loss.test.ts',
  'test/hardening/kill-writes.test.ts',
  'test/hardening/limits.test.ts',
  'test/hardening/concurrent-entry.test.ts',
  'test/hardening/lock-race.test.ts',
  'test/hardening/rollup-scale.test.ts',
  'test/hardening/corpus.test.ts',
  'test/hardening/parse-threads.test.ts',
  'test/hardening/cache-sweep.test.ts',
  'test/hardening/import-scale.test.ts',
  'test/hardening/ballots-scale.test.ts',
  'test/hardening/spreadsheet-bombs.test.ts',
  'test/fuzz/**/*.test.ts',
];

// Test files that replace a module (vi.mock, vi.hoisted, vi.spyOn): each runs with a fresh module
// graph (`fast-isolated`); every other file of `fast` shares its worker's modules with the files
// before it (`isolate: false`), which spares loading src/, zod, yaml and docx again per file. Found
// by their text, so that a new one cannot land among the shared files.
function mockingFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'corpus' ? [] : mockingFiles(path);
    return e.name.endsWith('.test.ts') && /\bvi\.(mock|doMock|hoisted|spyOn)\(/.test(readFileSync(path, 'utf8'))
      ? [path]
      : [];
  });
}
const MOCKING = mockingFiles(join(import.meta.dirname, 'test')).map((f) => relative(import.meta.dirname, f));

// The canary of the mutation run's kept threads: it starts vitest inside vitest, and says whether
// `npm run mutate` can keep its threads; it runs before Stryker (`npm run mutate`) and in test:all.
const MUTATION_CANARY = ['test/unit/mutation-threads.test.ts'];
// The packed tarball installed with npm, and the README's first section run on it: about 40 s of
// CPU (npm pack, npm install -g), a sixth of the fast project's; it runs in test:all and CI.
const INSTALL = ['test/e2e/new-agency.test.ts'];
// The single executables of `npm run dist`, run alone and under wine (`npm run test:dist` builds them first).
const DIST = ['test/executables/**/*.test.ts'];

// The heaviest files of `fast` first, longest first (measured on two idle cores: LibreOffice, git
// servers, the built program), so that the two workers finish together; vitest orders by the last
// run's durations only when it has them (not in a clean copy), else by file size. Then its order.
const HEAVY = [
  'test/e2e/documents.test.ts',
  'test/scenario/security-3.test.ts',
  'test/e2e/rollup.test.ts',
  'test/scenario/import-export.test.ts',
  'test/e2e/cli.test.ts',
  'test/e2e/git.test.ts',
  'test/scenario/titles.test.ts',
  'test/scenario/lifecycle.test.ts',
  'test/e2e/signed-layout.test.ts',
  'test/scenario/school-year.test.ts',
  'test/e2e/entry.test.ts',
  'test/unit/git-audit.test.ts',
];
class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = HEAVY.indexOf(relative(import.meta.dirname, f.moduleId));
      return i === -1 ? HEAVY.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default on two cores is one worker, which runs the files one after another: most of
    // them wait on git, LibreOffice or the built program, so two files at once use both cores.
    maxWorkers: 2,
    sequence: { sequencer: HeavyFirst },
    // validate's cache (src/shell/validate-cache.ts) goes to a folder of its own, not the user's ~/.cache.
    env: { XDG_CACHE_HOME: join(tmpdir(), 'thidua-test-cache') },
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: [...HARDENING, ...DIST, ...MUTATION_CANARY, ...INSTALL, ...MOCKING],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'fast-isolated',
          include: MOCKING,
          exclude: [...HARDENING, ...DIST, ...MUTATION_CANARY, ...INSTALL],
        },
      },
      { extends: true, test: { name: 'hardening', include: HARDENING } },
      { extends: true, test: { name: 'dist', include: DIST, testTimeout: 240_000 } },
      { extends: true, test: { name: 'mutation-canary', include: MUTATION_CANARY } },
      { extends: true, test: { name: 'install', include: INSTALL } },
    ],
  },
});
