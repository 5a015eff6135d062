import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: `fast` is what `npm test` runs (unit, end-to-end, scenario and document tests, the
// hostile-input corpus); `hardening` adds the slow campaigns (writers killed at random points, a
// full disk, simultaneous writers, limits, fuzzing), which `npm run test:all` and CI run too.
const HARDENING = [
  'test/hardening/no-loss.test.ts',
  'test/hardening/kill-writes.test.ts',
  'test/hardening/limits.test.ts',
  'test/hardening/concurrent-entry.test.ts',
  'test/hardening/lock-race.test.ts',
  'test/fuzz/**/*.test.ts',
];

// The single executables of `npm run dist`, run alone and under wine (`npm run test:dist` builds them first).
const DIST = ['test/dist/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // validate's cache (src/shell/validate-cache.ts) goes to a folder of its own, not the user's ~/.cache.
    env: { XDG_CACHE_HOME: join(tmpdir(), 'thidua-test-cache') },
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...HARDENING, ...DIST] } },
      { extends: true, test: { name: 'hardening', include: HARDENING } },
      { extends: true, test: { name: 'dist', include: DIST, testTimeout: 240_000 } },
    ],
  },
});
