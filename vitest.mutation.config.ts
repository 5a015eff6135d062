import { defineConfig } from 'vitest/config';

// What `npm run mutate` runs for each mutant: the unit tests of the fast project. Tests that spawn
// the built program (dist/) or LibreOffice cannot see a mutant of src/, and the scenario tests,
// which run git for every step, would make a run take hours; they still run in `npm test`.
//
// Stryker runs the tests that cover a mutant once per mutant. Loading the modules again for each
// of those runs (vitest's default isolation) took most of a run's time, so the test files share
// their modules (`isolate: false`): a mutant is switched on and off at run time, not when a module
// loads (static mutants are left out: `ignoreStatic`). The files that replace `node:fs` with
// `vi.mock` keep their own modules, since a module mock is only scoped to its file when isolated.
const MOCKING = ['test/unit/safe-write.test.ts', 'test/unit/lock-fs.test.ts', 'test/unit/guarantees.test.ts'];
const common = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  setupFiles: ['test/helpers/mutation-setup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: 'mutation-shared',
          isolate: false,
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/bench-generator.test.ts', 'test/unit/layers.test.ts', ...MOCKING],
        },
      },
      {
        test: { ...common, name: 'mutation-isolated', include: MOCKING },
      },
    ],
  },
});
