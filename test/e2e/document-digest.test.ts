/**
 * status and verify know a document is current from what it was rendered from (its hash and an
 * inputs digest in the render manifest) without rendering it again; a changed input or version, or
 * verify --full, renders and compares byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp } from '../helpers/workspace.js';
import { decidedAgency, ok, run } from '../helpers/round.js';
import { sha256Hex } from '../../src/core/seal.js';

afterAll(cleanupTemp);

type Status = { rounds: Array<{ year: number; documents: Array<{ kind: string; state: string }> }> };
const states = async (root: string, year: number) =>
  Object.fromEntries(
    (JSON.parse((await run(root, 'status', '--json')).stdout) as Status).rounds
      .find((r) => r.year === year)!
      .documents.map((d) => [d.kind, d.state]),
  );

describe('documents known current from their render manifest', () => {
  it('records a digest per document; a template edit makes it outdated; a forged file with a forged hash is caught by verify --full', async () => {
    const a = await decidedAgency({ seed: 141, departments: 3, councilSize: 5 });
    await ok(a, 'render', 'all', String(a.year));
    await ok(a, 'render', 'ballots', String(a.year));
    const dir = join(a.root, 'documents', String(a.year));
    const manifest = JSON.parse(readFileSync(join(dir, '.thidua-rendered.json'), 'utf8')) as Record<string, string>;
    expect(
      Object.keys(manifest)
        .filter((k) => k.endsWith('#inputs'))
        .sort(),
    ).toEqual([
      `bien-ban-hop-${a.year}.docx#inputs`,
      `bien-ban-kiem-phieu-${a.year}.docx#inputs`,
      `cong-van-gui-${a.year}.docx#inputs`,
      `danh-sach-${a.year}.docx#inputs`,
      `giay-cong-nhan-${a.year}.docx#inputs`,
      `phieu-bau-${a.year}.docx#inputs`,
      `quyet-dinh-${a.year}.docx#inputs`,
      `to-trinh-${a.year}.docx#inputs`,
    ]);
    expect(await states(a.root, a.year)).toEqual({
      decision: 'current',
      certificates: 'current',
      minutes: 'current',
      list: 'current',
      meeting: 'current',
      proposal: 'current',
      cover: 'current',
      ballots: 'current',
    });

    // The list's template edited in the round's frozen copy: its inputs changed, it is rendered and differs.
    const frozen = join(a.root, `records/${a.year}/templates/danh-sach.txt`);
    writeFileSync(
      frozen,
      readFileSync(frozen, 'utf8').replace('[title]\nDANH SÁCH', '[title]\nDANH SÁCH TẬP THỂ, CÁ NHÂN'),
    );
    expect((await states(a.root, a.year))['list']).toBe('outdated');
    await ok(a, 'render', 'list', String(a.year));
    expect((await states(a.root, a.year))['list']).toBe('current');

    // A file changed by hand with its manifest hash forged to match: the manifest is trusted by
    // default; verify --full renders every document again and finds it.
    const file = join(dir, `quyet-dinh-${a.year}.docx`);
    const forged = Buffer.concat([readFileSync(file), Buffer.from('x')]);
    writeFileSync(file, forged);
    const m = JSON.parse(readFileSync(join(dir, '.thidua-rendered.json'), 'utf8')) as Record<string, string>;
    m[`quyet-dinh-${a.year}.docx`] = sha256Hex(forged);
    writeFileSync(join(dir, '.thidua-rendered.json'), JSON.stringify(m, null, 2) + '\n');
    expect((await states(a.root, a.year))['decision']).toBe('current');
    const full = await run(a, 'verify', String(a.year), '--full', '--no-history');
    expect(full.code).toBe(1);
    expect(full.stdout + full.stderr).toContain(`documents/${a.year}/quyet-dinh-${a.year}.docx`);
    // Without the forged hash, the hash differs: rendered and compared, outdated.
    writeFileSync(file, Buffer.concat([forged, Buffer.from('y')]));
    expect((await states(a.root, a.year))['decision']).toBe('outdated');
  });
});
