/** Resource bounds: very many files are refused quickly; a huge map completes in linear time. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli, workspace } from '../helpers/workspace.js';

afterAll(cleanupTemp);

describe('resource bounds', () => {
  it('a records folder with 100,000 files is refused with a clear message, before reading them', () => {
    const root = workspace();
    const dir = join(root, 'records/2016/ballots');
    mkdirSync(dir, { recursive: true });
    for (let i = 4; i <= 100_000; i++) writeFileSync(join(dir, `${String(i).padStart(6, '0')}.yaml`), '');
    const t0 = Date.now();
    const r = cli(['validate'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hơn 50000 tệp');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // A hang guard, not a timing test: speed is measured by `npm run bench`.
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);

  it('one nomination with 50,000 criteria answers completes, reports them, and prints a bounded list', () => {
    const root = workspace();
    const base =
      'id: nv1-mo-hinh\nkind: collective\ndepartment: nv1\ntitle: x\ninitiative: y\nsubmitted: 2016-11-20\ncriteria:\n  xuat-sac: true\n  sang-kien: true\n';
    const keys = Array.from({ length: 50_000 }, (_, i) => `  c${i}: true\n`).join('');
    writeFileSync(join(root, 'records/2016/nominations/nv1-mo-hinh.yaml'), base + keys);
    const json = cli(['validate', '--json'], { cwd: root });
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.errors).toBe(50_000);
    const human = cli(['validate'], { cwd: root });
    expect(human.stdout).toContain('còn 49950 lỗi unknown-reference nữa');
    expect(human.stdout.split('\n').length).toBeLessThan(400);
  }, 120_000);

  it('a 1 MiB ballot of 95,000 repeated keys: every repeat reported, one index of lines per file (it took 78 s)', () => {
    const root = workspace();
    let text = 'serial: 2\nvalid: true\nvotes:\n';
    while (text.length < 1024 * 1024 - 16) text += '  a: agree\n';
    writeFileSync(join(root, 'records/2016/ballots/002.yaml'), text);
    const t0 = Date.now();
    const json = cli(['validate', '2016', '--json'], { cwd: root });
    const out = JSON.parse(json.stdout) as { diagnostics: Array<{ code: string; line: number }> };
    const repeats = out.diagnostics.filter((d) => d.code === 'duplicate-key');
    expect(repeats).toHaveLength(text.split('\n').length - 5);
    expect(repeats.at(-1)!.line).toBe(text.split('\n').length - 1);
    // A hang guard, not a timing test: speed is measured by `npm run bench`.
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);

  it('a 1 MiB file nested a million deep: yaml-too-deep in Vietnamese at a stable place, in bounded memory', () => {
    const root = workspace();
    const nested = 'serial: 2\nvalid: true\nvotes: ' + '['.repeat(512 * 1024) + ']'.repeat(512 * 1024 - 64);
    writeFileSync(join(root, 'records/2016/ballots/002.yaml'), nested);
    // A tight heap: a parser recursing through the nesting would run out of it.
    const runs = [0, 1].map(() =>
      cli(['validate', '2016'], { cwd: root, env: { NODE_OPTIONS: '--max-old-space-size=96' } }),
    );
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        'records/2016/ballots/002.yaml:3:72  error[yaml-too-deep]  lồng ánh xạ, danh sách quá 64 tầng; hồ sơ chỉ cần vài tầng',
      );
      expect(r.stdout + r.stderr).not.toContain('Maximum call stack');
    }
    expect(runs[0]!.stdout).toBe(runs[1]!.stdout);
    // Deep by indentation (the scan before parsing does not count it): found on the tree.
    let block = 'serial: 2\nvalid: true\nvotes:\n';
    for (let d = 1; d <= 80; d++) block += `${' '.repeat(d * 2)}k${d}:\n`;
    writeFileSync(join(root, 'records/2016/ballots/002.yaml'), block);
    const r = cli(['validate', '2016', '--json'], { cwd: root });
    expect(
      JSON.parse(r.stdout)
        .diagnostics.filter((d: { code: string }) => d.code === 'yaml-too-deep')
        .map((d: { line: number; column: number }) => [d.line, d.column]),
    ).toEqual([[67, 129]]);
  }, 120_000);
});
