import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { keepThreads } from './test/helpers/kept-threads.ts';

// What `npm run mutate` runs for each mutant: the unit tests of the fast project. Tests that spawn
// the built program (dist/) or LibreOffice cannot see a mutant of src/, and the scenario tests,
// which run git for every step, would make a run take hours; they still run in `npm test`.
//
// Stryker runs the tests that cover a mutant once per mutant. Loading the modules again for each
// of those runs (vitest's default isolation) took most of a run's time, so the test files share
// their modules (`isolate: false`), and the thread that holds them is kept from one mutant's run to
// the next (test/helpers/kept-threads.ts): a mutant is switched on and off at run time, not when a
// module loads (static mutants are left out: `ignoreStatic`). The files that replace `node:fs` with
// `vi.mock` keep their own modules, since a module mock is only scoped to its file when isolated.
const MOCKING = ['test/unit/safe-write.test.ts', 'test/unit/lock-fs.test.ts', 'test/unit/guarantees.test.ts'];
const common = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  setupFiles: ['test/helpers/mutation-setup.ts'],
};

// The order the files run in for a mutant. A mutant is killed by the first test that fails, and a
// mutant of a rule is covered by every test that validates a workspace, so the cheap tests that
// usually kill it (the rule fixtures) go first and the whole-workspace and git tests last. vitest's
// own order is the other way round (the slowest file first, and the isolated project before the
// shared one). From the slowest file last, as measured in one run of this configuration (ms):
// git-audit 10,300, docx-geometry 5,800, guarantees 4,300, loader 2,200, emit 860, prompts 750,
// lock 690; every other file under 500. A file not listed runs first.
const LAST = ['lock', 'prompts', 'emit', 'loader', 'guarantees', 'docx-geometry', 'git-audit'].map(
  (n) => `test/unit/${n}.test.ts`,
);
// The quick YAML reader is covered by every test that reads a record file; its own tests, which
// compare it with the `yaml` package case by case, go before all of them.
const FIRST = ['test/unit/yaml-fast-path.test.ts'];

class CheapFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) =>
      FIRST.some((l) => f.moduleId.endsWith(l)) ? -2 : LAST.findIndex((l) => f.moduleId.endsWith(l));
    return [...files].sort(
      (a, b) => rank(a) - rank(b) || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0),
    );
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: CheapFirst },
    projects: [
      {
        // Its threads are kept from one run to the next (test/helpers/kept-threads.ts).
        plugins: [keepThreads('mutation-shared')],
        test: {
          ...common,
          name: 'mutation-shared',
          isolate: false,
          include: ['test/unit/**/*.test.ts'],
          exclude: [
            'test/unit/bench-generator.test.ts',
            'test/unit/layers.test.ts',
            'test/unit/mutation-threads.test.ts',
            ...MOCKING,
          ],
        },
      },
      {
        test: { ...common, name: 'mutation-isolated', include: MOCKING },
      },
    ],
  },
});
