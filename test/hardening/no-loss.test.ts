/** Nothing is ever lost: write commands killed at random points, and a full disk. */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTemp, cli, tempDir, workspace } from '../helpers/workspace.js';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';

afterAll(cleanupTemp);

/** The base fixture, sealed (and decided, with `decided`), as a template to copy. */
function prepared(decided: boolean): string {
  const root = workspace();
  expect(cli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root }).code).toBe(0);
  if (decided) expect(cli(['decide', '2016', '--number', '3', '--date', '2016-12-20'], { cwd: root }).code).toBe(0);
  return root;
}

async function killAt(root: string, args: string[], delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const exited = new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
}

function assertWhole(root: string): void {
  // Every record parses and the workspace is valid: a file is there whole, or not there.
  const v = validateSnapshot(readSnapshot(root));
  expect(v.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([]);
  const docs = join(root, 'documents/2016');
  if (existsSync(docs)) {
    for (const f of readdirSync(docs).filter((n) => n.endsWith('.docx'))) {
      expect(() => unzipSync(readFileSync(join(docs, f))), f).not.toThrow();
    }
  }
}

const KILLS = Number(process.env['KILLS'] ?? 25);

const COMMANDS: Array<{ name: string; args: string[]; decided: boolean }> = [
  { name: 'decide', args: ['decide', '2016', '--number', '7', '--date', '2016-12-21', '--force'], decided: true },
  { name: 'render all', args: ['render', 'all', '2016', '--force'], decided: true },
  { name: 'ballot', args: ['ballot', '2016', '--vote', 'nv1-mo-hinh=agree'], decided: false },
  {
    name: 'nominate',
    args: [
      'nominate',
      '2017',
      '--kind',
      'collective',
      '--department',
      'nv2',
      '--title',
      'Mô hình',
      '--initiative',
      'Mô tả',
      '--met',
      'all',
      '--submitted',
      '2017-11-20',
    ],
    decided: false,
  },
];

describe('killed at random points', () => {
  for (const c of COMMANDS) {
    it(`${c.name}: ${KILLS} kills leave every file old or new, and the workspace valid`, async () => {
      const template = prepared(c.decided);
      if (c.name === 'ballot') {
        // Room for one more ballot: unseal, and take the third paper out.
        rmSync(join(template, 'records/2016/tally.yaml'));
        rmSync(join(template, 'records/2016/ballots/003.yaml'));
        expect(cli(['validate'], { cwd: template }).code).toBe(0);
      }
      for (let i = 0; i < KILLS; i++) {
        const root = tempDir();
        cpSync(template, root, { recursive: true });
        await killAt(root, c.args, 30 + ((i * 53) % 300));
        assertWhole(root);
        // A lock left by the killed process is cleared by the next writer, with a warning.
        const again = cli(c.args, { cwd: root });
        expect([0, 1]).toContain(again.code);
        expect(again.stderr).not.toMatch(/đang được một lệnh thidua khác ghi/);
        assertWhole(root);
      }
    }, 300_000);
  }
});

describe('a full disk', () => {
  it('a write that fails gives one line and leaves the old file', () => {
    const root = prepared(true);
    expect(cli(['render', 'decision', '2016'], { cwd: root }).code).toBe(0);
    const path = join(root, 'documents/2016/quyet-dinh-2016.docx');
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('edited')]));
    const before = readFileSync(path);
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -f 4; exec "${process.execPath}" "${BIN}" render decision 2016 --force`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('tệp cũ được giữ nguyên');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(join(root, 'documents/2016')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
