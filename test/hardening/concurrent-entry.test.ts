/**
 * Clerks entering at the same time: simultaneous `ballot` and `nominate` processes, and processes
 * killed midway, never lose or replace a paper. Every command that says it wrote a file finds it
 * there with its own content; every file there was written by exactly one command.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTemp } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';

afterAll(cleanupTemp);

function runAsync(
  root: string,
  args: string[],
  killAfterMs?: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--root', root, ...args], {
      env: { ...process.env, NO_COLOR: '1', THIDUA_LANG: '', THIDUA_TODAY: '2026-01-15', THIDUA_LOCK_WAIT_MS: '20000' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('simultaneous entry', () => {
  it('eight ballot commands at once: every paper is kept, none replaced', async () => {
    const a = generateAgency({ seed: 43, councilSize: 9, departments: 4 });
    // Each command's paper is told apart by which nomination it disagrees with.
    const papers = a.nominations.map((mark) =>
      a.nominations.flatMap((id) => ['--vote', `${id}=${id === mark ? 'disagree' : 'agree'}`]),
    );
    const results = await Promise.all(papers.map((p) => runAsync(a.root, ['ballot', String(a.year), ...p])));
    const dir = join(a.root, `records/${a.year}/ballots`);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    const ok = results.filter((r) => r.code === 0);
    expect(ok.length, results.map((r) => r.stderr).join('\n')).toBe(papers.length);
    expect(files.length).toBe(ok.length);
    results.forEach((r, i) => {
      const wrote = /Đã ghi (records\/\S+\.yaml)\./.exec(r.stdout)?.[1];
      expect(wrote, r.stdout + r.stderr).toBeDefined();
      const text = readFileSync(join(a.root, wrote!), 'utf8');
      expect(text).toContain(`${a.nominations[i]!}: disagree`);
      expect(text.match(/: disagree/g)).toHaveLength(1);
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('ballots entered at once, some killed midway: nothing written is lost or replaced', async () => {
    const a = generateAgency({ seed: 47, councilSize: 9, departments: 4 });
    const runs: Array<Promise<{ code: number | null; stdout: string; stderr: string }>> = [];
    for (let i = 0; i < 6; i++) {
      const mark = a.nominations[i % a.nominations.length]!;
      runs.push(
        runAsync(
          a.root,
          [
            'ballot',
            String(a.year),
            ...a.nominations.flatMap((id) => ['--vote', `${id}=${id === mark ? 'disagree' : 'agree'}`]),
          ],
          i % 3 === 2 ? 40 + i * 30 : undefined,
        ),
      );
    }
    const results = await Promise.all(runs);
    const dir = join(a.root, `records/${a.year}/ballots`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    // Every command that said it wrote a paper finds its own paper; no file holds two papers.
    const claimed = results.flatMap((r) => /Đã ghi (records\/\S+\.yaml)\./.exec(r.stdout)?.[1] ?? []);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const c of claimed) expect(files).toContain(c.split('/').pop());
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^serial: \d+$/m);
    expect(files.length).toBeGreaterThanOrEqual(claimed.length);
  }, 120_000);

  it('two nominations with the same id at once: one is written, the other refused, none replaced', async () => {
    const a = generateAgency({ seed: 53, councilSize: 5, departments: 3, noSession: true });
    for (const d of a.departments) rmSync(join(a.root, `records/${a.year}/nominations/${d.id}-ca-nhan.yaml`));
    const staff = a.people.filter((p) => !p.leader && !a.council.includes(p.id));
    const args = (i: number) => [
      'nominate',
      String(a.year),
      '--kind',
      'individual',
      '--department',
      staff[i]!.department,
      '--person',
      staff[i]!.id,
      '--title',
      `Thành tích số ${i}`,
      '--met',
      'all',
      '--submitted',
      `${a.year}-11-20`,
      '--id',
      'cung-ma',
    ];
    const results = await Promise.all([0, 1, 2, 3].map((i) => runAsync(a.root, args(i))));
    const ok = results.map((r, i) => ({ r, i })).filter(({ r }) => r.code === 0);
    expect(ok, results.map((r) => r.stderr).join('\n')).toHaveLength(1);
    for (const { r } of results.map((r) => ({ r })).filter(({ r }) => r.code !== 0))
      expect(r.stderr).toMatch(/đã có đề nghị “cung-ma”|vừa có đề nghị “cung-ma”/);
    expect(readFileSync(join(a.root, `records/${a.year}/nominations/cung-ma.yaml`), 'utf8')).toContain(
      `Thành tích số ${ok[0]!.i}`,
    );
  }, 120_000);
});
