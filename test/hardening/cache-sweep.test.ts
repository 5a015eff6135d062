/**
 * The cache of every reading command, swept: one byte changed in each kind of record file, five
 * commands run with the cache and without. The quick checks of the cache are in
 * test/e2e/validate-cache.test.ts; this sweep (about 20 s) runs in the hardening project.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir, workspace } from '../helpers/workspace.js';
import { entries, KINDS, oneByteEdited } from '../helpers/cache.js';

afterAll(cleanupTemp);

describe('the cache of the reading commands', () => {
  it('every other command reads the records from the cache and never gets them stale: after one byte changed in any kind of file, its output is the one without a cache', async () => {
    const root = workspace({ from: 'example' });
    const cache = tempDir();
    const cached = { XDG_CACHE_HOME: cache };
    const uncached = { XDG_CACHE_HOME: cache, THIDUA_NO_CACHE: '1' };
    const commands = [
      ['tally', '2016', '--json'],
      ['status', '--json'],
      ['awards', 'nguyen-van-giap', '--json'],
      ['overdue', '--as-of', '2017-12-31', '--json'],
      ['verify', '--no-history', '--json'],
    ];
    const outputs = async (env: NodeJS.ProcessEnv) => Promise.all(commands.map((c) => runCli(c, { cwd: root, env })));
    const fresh = await outputs(uncached);
    expect(entries(cache, 'workspace')).toEqual([]);
    expect(fresh.map((r) => r.code)).toEqual([0, 0, 0, 1, 0]);
    expect(await outputs(cached)).toEqual(fresh);
    expect(entries(cache, 'workspace').length).toBeGreaterThan(0);
    // The second run is served from the cache, and gives the same.
    expect(await outputs(cached)).toEqual(fresh);
    for (const rel of KINDS) {
      const path = join(root, rel);
      const before = readFileSync(path);
      const edited = oneByteEdited(before)!;
      writeFileSync(path, edited);
      const want = await outputs(uncached);
      expect(want, rel).not.toEqual(fresh);
      expect(await outputs(cached), rel).toEqual(want);
      writeFileSync(path, before);
      expect(await outputs(cached), rel).toEqual(fresh);
    }
    // Each kind of entry is pruned to the most recent few.
    expect(entries(cache, 'workspace').length).toBeLessThanOrEqual(8);
  });
});
