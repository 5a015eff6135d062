/**
 * The guarantees mutation testing found no test for (docs/mutation.md): each one-line change to
 * src/ that the whole suite let through now fails a test named after the behaviour.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTemp, git, tempDir } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { all, ballots, decidedAgency, ok, run } from '../helpers/round.js';
import { createHash } from 'node:crypto';

/** The order of the file system calls that matter for a safe write. */
const calls: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fsyncSync: (fd: number) => {
      calls.push('fsync');
      fs.fsyncSync(fd);
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename ${to.split('/').pop()!}`);
      fs.renameSync(from, to);
    },
  };
});
const { writeFileAtomic } = await import('../../src/shell/safe-write.js');

afterAll(cleanupTemp);

describe('a disciplinary measure blocks every round it touches, both ends included', () => {
  async function disciplineFindings(date: string, until: string | null) {
    const a = generateAgency({ seed: 91, year: 2025, noSession: true });
    const person = readFileSync(
      join(a.root, `records/2025/nominations/${a.departments[0]!.id}-ca-nhan.yaml`),
      'utf8',
    ).match(/person: (\S+)/)![1]!;
    writeFileSync(
      join(a.root, 'records/discipline.yaml'),
      `- { person: ${person}, level: khien-trach, date: ${date}${until ? `, until: ${until}` : ''}, decision: 01/QĐ-STP }\n`,
    );
    const r = await run(a, 'validate', '2025', '--json');
    return (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.filter(
      (d) => d.code === 'discipline-person',
    ).length;
  }

  it('a measure dated 31/12 of the round’s year blocks the nomination', async () => {
    expect(await disciplineFindings('2025-12-31', null)).toBe(1);
    expect(await disciplineFindings('2026-01-01', null)).toBe(0);
  });

  it('a measure that ends on 01/01 of the round’s year still blocks it', async () => {
    expect(await disciplineFindings('2024-03-01', '2025-01-01')).toBe(1);
    expect(await disciplineFindings('2024-03-01', '2024-12-31')).toBe(0);
  });
});

describe('verify', () => {
  it('reports a council changed after the seal in a later commit, even with the seal’s hash edited to match', async () => {
    const a = await decidedAgency({ seed: 92 });
    const rel = `records/${a.year}/council.yaml`;
    const p = join(a.root, rel);
    writeFileSync(p, readFileSync(p, 'utf8').replace('place: Phòng họp Sở', 'place: Hội trường'));
    const tally = join(a.root, `records/${a.year}/tally.yaml`);
    const hash = createHash('sha256').update(readFileSync(p)).digest('hex');
    writeFileSync(
      tally,
      readFileSync(tally, 'utf8').replace(new RegExp(`(${rel.replace(/[./]/g, '\\$&')}: )[0-9a-f]{64}`), `$1${hash}`),
    );
    git(a.root, ['commit', '-qam', 'Sửa địa điểm họp']);
    const r = JSON.parse((await run(a, 'verify', '--json')).stdout) as {
      ok: boolean;
      rounds: Array<{ findings: Array<{ check: string; file: string }> }>;
    };
    expect(r.ok).toBe(false);
    expect(r.rounds[0]!.findings).toContainEqual(expect.objectContaining({ check: 'git', file: rel }));
  });

  it('recounts: stored results that differ from a fresh count are reported, the inputs untouched', async () => {
    const a = generateAgency({ seed: 93, councilSize: 5, threshold: { numerator: 1, denominator: 2, of: 'members' } });
    await ballots(a, a.year, Array(5).fill(all(a.nominations)));
    await ok(a, 'tally', String(a.year), '--seal');
    const tally = join(a.root, `records/${a.year}/tally.yaml`);
    const text = readFileSync(tally, 'utf8');
    writeFileSync(tally, text.replace(/agree: 5/, 'agree: 4'));
    const r = await run(a, 'verify', '--no-history');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `kết quả lưu trong tệp niêm phong khác kết quả kiểm phiếu lại (results.${a.nominations[0]!})`,
    );
    writeFileSync(tally, text);
    expect((await run(a, 'verify', '--no-history')).code).toBe(0);
  });
});

describe('a safe write', () => {
  it('flushes the new file to disk before it replaces the old one', () => {
    const dir = tempDir();
    const path = join(dir, 'phieu.yaml');
    writeFileSync(path, 'cũ\n');
    calls.length = 0;
    writeFileAtomic(path, 'mới\n');
    expect(readFileSync(path, 'utf8')).toBe('mới\n');
    expect(calls.slice(0, 2)).toEqual(['fsync', 'rename phieu.yaml']);
  });
});
