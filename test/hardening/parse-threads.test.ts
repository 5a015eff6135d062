/**
 * A workspace of many files is parsed on worker threads. What validate reports is the same as when
 * the main thread parses alone: every finding, its place and its source line, also for files that
 * are not YAML at all, have a schema error deep inside, or are UTF-16.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/bench/generate.js';
import { BIN, PROJECT, cleanupTemp, tempDir } from '../helpers/workspace.js';

afterAll(cleanupTemp);

function validate(
  root: string,
  env: NodeJS.ProcessEnv,
  nodeOptions: string[] = [],
  json = true,
): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [...nodeOptions, BIN, 'validate', ...(json ? ['--json'] : [])], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', THIDUA_NO_CACHE: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout };
}

describe('parsing on worker threads', () => {
  it('gives exactly the findings of the main thread alone, broken files included', () => {
    const root = tempDir();
    // Another agency than the example: 40 departments, 900 people, six rounds.
    const g = generateWorkspace({
      root,
      seed: 7,
      departments: 40,
      people: 900,
      rounds: 6,
      ballots: 15,
      criteriaFile: join(PROJECT, 'records', 'criteria.yaml'),
    });
    expect(g.files).toBeGreaterThan(400);
    const year = g.years[1]!;
    const noms = readdirSync(join(root, 'records', String(year), 'nominations')).sort();
    // Not YAML; a schema error on line 3; UTF-16; a stray control character.
    writeFileSync(join(root, 'records', String(year), 'nominations', noms[0]!), 'id: [unclosed\nkind: tap-the\n');
    writeFileSync(
      join(root, 'records', String(year), 'nominations', noms[1]!),
      `id: ${noms[1]!.replace(/\.yaml$/, '')}\nkind: collective\ndepartment: 42\n`,
    );
    writeFileSync(
      join(root, 'records', String(year), 'nominations', noms[2]!),
      Buffer.from('\ufeffid: x\n', 'utf16le'),
    );
    writeFileSync(join(root, 'records', String(year), 'ballots', '001.yaml'), 'serial: 1\u0007\n');

    const alone = validate(root, { THIDUA_THREADS: '0' });
    const threaded = validate(root, { THIDUA_THREADS: '2' });
    expect(alone.code).toBe(1);
    const findings = JSON.parse(alone.stdout).diagnostics as Array<{
      file: string;
      line: number;
      code: string;
      source?: string;
    }>;
    for (const n of noms.slice(0, 3))
      expect(
        findings.some((d) => d.file.endsWith(n)),
        n,
      ).toBe(true);
    expect(
      findings.some((d) => d.file.endsWith(noms[1]!) && d.line === 3),
      'department: 42 on line 3',
    ).toBe(true);
    expect(threaded).toEqual(alone);
    // As people read it, with each finding's source line (the threads send no text back: it is the bytes decoded).
    const text = validate(root, { THIDUA_THREADS: '0' }, [], false);
    expect(text.stdout).toContain('department: 42');
    expect(validate(root, { THIDUA_THREADS: '2' }, [], false)).toEqual(text);
    // With the cache on: a first run, then one after an edit (a kept result exists, but not for these
    // bytes, so the threads start after the read), each gives what a run without cache gives.
    const cache = { XDG_CACHE_HOME: tempDir(), THIDUA_NO_CACHE: '', THIDUA_THREADS: '2' };
    expect(validate(root, cache)).toEqual(alone);
    writeFileSync(join(root, 'records', String(year), 'ballots', '001.yaml'), 'serial: 1\n');
    const fixed = validate(root, { THIDUA_THREADS: '0' });
    expect(fixed).not.toEqual(alone);
    expect(validate(root, cache)).toEqual(fixed);
  });

  it('starts its threads only for a workspace of many files', () => {
    const profiles = (root: string) => {
      const dir = tempDir();
      validate(root, { THIDUA_THREADS: '2' }, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).length;
    };
    const big = tempDir();
    generateWorkspace({
      root: big,
      seed: 11,
      departments: 30,
      people: 600,
      rounds: 7,
      ballots: 12,
      criteriaFile: join(PROJECT, 'records', 'criteria.yaml'),
    });
    const small = tempDir();
    generateWorkspace({
      root: small,
      seed: 11,
      departments: 5,
      people: 60,
      rounds: 1,
      ballots: 5,
      criteriaFile: join(PROJECT, 'records', 'criteria.yaml'),
    });
    // One profile per thread that ran JavaScript: the main thread and its two parsing threads.
    expect(profiles(big)).toBe(3);
    expect(profiles(small)).toBe(1);
  });
});
