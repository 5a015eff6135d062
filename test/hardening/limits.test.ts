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
    const base = 'id: nv1-mo-hinh\nkind: collective\ndepartment: nv1\ntitle: x\ninitiative: y\nsubmitted: 2016-11-20\ncriteria:\n  xuat-sac: true\n  sang-kien: true\n';
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
});
