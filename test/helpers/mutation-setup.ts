// For `npm run mutate` only: property tests try fewer cases per mutant (a surviving mutant is
// still found by the examples and by the cases tried; `npm test` keeps the full counts).
import fc from 'fast-check';
import { afterAll, inject } from 'vitest';

fc.configureGlobal({ numRuns: 25 });

// A kept thread (test/helpers/kept-threads.ts) collects the next run's tests with the modules of
// this one: the mutant of this run must not still be switched on while that run's test files are
// read, before Stryker's own hook switches on the next one (a fresh thread has none switched on).
afterAll(() => {
  const name = (inject as (key: string) => unknown)('globalNamespace');
  const ns = (globalThis as unknown as Record<string, { activeMutant?: unknown } | undefined>)[String(name)];
  if (ns) ns.activeMutant = undefined;
});
