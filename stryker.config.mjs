// Mutation testing of the pure core and the safety code (npm run mutate; docs/mutation.md keeps the
// score). Incremental: a second run retests only mutants whose code or tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-text-ignorer.mjs'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: [],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/tally.ts',
    'src/core/title-order.ts',
    'src/core/seal.ts',
    'src/core/tally-file.ts',
    'src/core/verify.ts',
    'src/core/verify-history.ts',
    'src/core/discipline.ts',
    'src/core/deadlines.ts',
    'src/core/dates.ts',
    'src/core/yaml/fast-path.ts',
    'src/core/yaml/fast-path-inline.ts',
    'src/core/rules/*.ts',
    '!src/core/rules/index.ts',
    'src/core/documents/model.ts',
    'src/shell/safe-write.ts',
    'src/shell/lock.ts',
    'src/shell/git-history.ts',
    'src/shell/history-reader.ts',
    'src/shell/history-state.ts',
    'src/shell/git-audit.ts',
    'src/shell/unseal-audit.ts',
  ],
  // Strings are mutated where they are logic (comparisons, paths, dates, git's arguments). Messages
  // and a rule's description are text for people, a changed word no changed guarantee: the ignorer
  // in scripts/stryker-text-ignorer.mjs leaves them out.
  ignorers: ['text-for-people'],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  concurrency: 2,
  // A mutant that loops is stopped after 1.5 × its tests' own time + 10 s + the dry run's overhead (a
  // timeout counts as killed).
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
