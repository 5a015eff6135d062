/** Writers killed at random points: a record is always the old file or the new one, a seal whole or absent. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli, workspace, PROJECT } from '../helpers/workspace.js';

afterAll(cleanupTemp);

describe('killed writers', () => {
  it('a write killed at random points leaves the old file or the new one, never half', async () => {
    const root = workspace();
    const target = join(root, 'records/2016/submissions.yaml');
    const a = '- { deadline: plan, department: nv1, received: 2016-12-10 }\n'.repeat(2000);
    const b = '- { deadline: plan, department: nv2, received: 2016-12-11 }\n'.repeat(3000);
    writeFileSync(target, a);
    writeFileSync(join(root, 'a.txt'), a);
    writeFileSync(join(root, 'b.txt'), b);
    const script = `
      import('${join(PROJECT, 'dist/shell/safe-write.js')}').then(({ writeFileAtomic }) => {
        const fs = require('node:fs');
        const [a, b] = [fs.readFileSync(${JSON.stringify(join(root, 'a.txt'))}), fs.readFileSync(${JSON.stringify(join(root, 'b.txt'))})];
        process.stdout.write('ready\\n');
        for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(target)}, i % 2 ? a : b);
      });`;
    let seen = 0;
    for (let i = 0; i < 200; i++) {
      const child = spawn(process.execPath, ['-e', script]);
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => child.stdout.once('data', r));
      await new Promise((r) => setTimeout(r, (i * 7) % 25));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(target, 'utf8');
      expect(now === a || now === b, `iteration ${i}`).toBe(true);
      if (now === b) seen++;
    }
    expect(seen).toBeGreaterThan(0);
    // Killed writers leave only their temporary files behind, which validate ignores.
    expect(cli(['validate'], { cwd: root }).code).toBe(0);
  }, 120_000);

  it('tally --seal killed at random points leaves no seal or a whole one', async () => {
    for (let i = 0; i < 25; i++) {
      const root = workspace();
      const child = spawn(process.execPath, [join(PROJECT, 'bin/thidua'), 'tally', '2016', '--seal'], { cwd: root });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, (i * 13) % 250));
      child.kill('SIGKILL');
      await exited;
      const tally = join(root, 'records/2016/tally.yaml');
      if (existsSync(tally)) expect(readFileSync(tally, 'utf8')).toMatch(/\n$/);
      const v = spawnSync(process.execPath, [join(PROJECT, 'bin/thidua'), 'validate'], { cwd: root, encoding: 'utf8' });
      expect(v.status, v.stdout).toBe(0);
    }
  }, 120_000);
});
