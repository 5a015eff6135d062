/**
 * validate keeps its result between runs and can never return a stale one: one byte changed in
 * any kind of record file gives the fresh finding, and the same bytes again give the same result.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir, workspace } from '../helpers/workspace.js';
import { entries, KINDS, oneByteEdited } from '../helpers/cache.js';

afterAll(cleanupTemp);

describe('the validate cache', () => {
  it('a second run with nothing changed gives the same output from the cache; one byte changed in any kind of file gives the fresh finding', async () => {
    const root = workspace({ from: 'example' });
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    const first = await runCli(['validate'], { cwd: root, env });
    expect(first.code, first.stdout).toBe(0);
    expect(entries(cache, 'validate')).toHaveLength(1);
    const again = await runCli(['validate'], { cwd: root, env });
    expect(again).toEqual(first);
    // The second run is served from the cache: a result planted under the same key is what it prints.
    const file = entries(cache, 'validate')[0]!;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key: string; result: { nominations: number } };
    writeFileSync(file, JSON.stringify({ ...entry, result: { ...entry.result, nominations: 999 } }));
    expect((await runCli(['validate'], { cwd: root, env })).stdout).toContain('999 đề nghị');
    writeFileSync(file, JSON.stringify(entry));
    for (const rel of KINDS) {
      const path = join(root, rel);
      expect(existsSync(path), rel).toBe(true);
      const before = readFileSync(path);
      const edited = oneByteEdited(before);
      expect(edited, rel).not.toBeNull();
      writeFileSync(path, edited!);
      const changed = await runCli(['validate', '--json'], { cwd: root, env });
      expect(changed.code, rel).toBe(1);
      expect(
        JSON.parse(changed.stdout).diagnostics.some((d: { file: string }) => d.file === rel),
        rel,
      ).toBe(true);
      writeFileSync(path, before);
      expect(await runCli(['validate'], { cwd: root, env }), rel).toEqual(first);
    }
  });

  it('THIDUA_NO_CACHE=1 writes no cache; the years asked for are part of the key', async () => {
    const root = workspace({ from: 'example' });
    const cache = tempDir();
    await runCli(['validate'], { cwd: root, env: { XDG_CACHE_HOME: cache, THIDUA_NO_CACHE: '1' } });
    expect(existsSync(join(cache, 'thidua'))).toBe(false);
    const all = await runCli(['validate'], { cwd: root, env: { XDG_CACHE_HOME: cache } });
    const one = await runCli(['validate', '2016'], { cwd: root, env: { XDG_CACHE_HOME: cache } });
    expect(all.stdout).toContain('3 đợt (2016, 2017, 2025)');
    expect(one.stdout).toContain('1 đợt (2016)');
  });

  it('the single entry an older thidua kept for the workspace is removed once a new one is written; other workspaces’ are left', async () => {
    const root = workspace({ from: 'example' });
    const cache = tempDir();
    await runCli(['validate'], { cwd: root, env: { XDG_CACHE_HOME: cache } });
    const folders = readdirSync(join(cache, 'thidua'));
    expect(folders).toHaveLength(1);
    const legacy = join(cache, 'thidua', `validate-${folders[0]!}.json`);
    const other = join(cache, 'thidua', `validate-${'0'.repeat(32)}.json`);
    writeFileSync(legacy, '{}');
    writeFileSync(other, '{}');
    writeFileSync(
      join(root, 'records', '2016', 'council.yaml'),
      readFileSync(join(root, 'records', '2016', 'council.yaml'), 'utf8') + '# sửa\n',
    );
    await runCli(['validate'], { cwd: root, env: { XDG_CACHE_HOME: cache } });
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });
});
