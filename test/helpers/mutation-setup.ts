// For `npm run mutate` only: property tests try fewer cases per mutant (a surviving mutant is
// still found by the examples and by the cases tried; `npm test` keeps the full counts).
import fc from 'fast-check';

fc.configureGlobal({ numRuns: 25 });
