import { defineConfig } from 'vitest/config';

// What `npm run mutate` runs for each mutant: the fast project's tests that run thidua in this
// process. Tests that spawn the built program (dist/) or LibreOffice cannot see a mutant of src/
// and only cost time, so they are left out here (they still run in `npm test`).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    include: ['test/unit/**/*.test.ts', 'test/scenario/**/*.test.ts', 'test/e2e/cli.test.ts', 'test/e2e/git.test.ts', 'test/e2e/later-stages.test.ts'],
    exclude: ['test/unit/bench-generator.test.ts', 'test/unit/layers.test.ts'],
  },
});
