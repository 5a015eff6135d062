import { defineConfig } from 'vitest/config';

// What `npm run mutate` runs for each mutant: the unit tests of the fast project. Tests that spawn
// the built program (dist/) or LibreOffice cannot see a mutant of src/, and the scenario tests,
// which run git for every step, would make a run take hours; they still run in `npm test`.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/helpers/mutation-setup.ts'],
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/bench-generator.test.ts', 'test/unit/layers.test.ts'],
  },
});
