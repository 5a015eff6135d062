/** The benchmark's generated workspace is a valid one (so the bench measures real work, not errors). */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/bench/generate.js';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import { cleanupTemp, PROJECT, tempDir } from '../helpers/workspace.js';

afterAll(cleanupTemp);

describe('bench generator', () => {
  it('writes a deterministic workspace that validates with no error', () => {
    const a = tempDir();
    const b = tempDir();
    const opts = {
      departments: 6,
      people: 80,
      discipline: 10,
      rounds: 2,
      ballots: 7,
      criteriaFile: join(PROJECT, 'records/criteria.yaml'),
    };
    const ga = generateWorkspace({ root: a, ...opts });
    generateWorkspace({ root: b, ...opts });
    expect(ga.files).toBe(5 + 2 * (1 + 12 + 7 + 1));
    const v = validateSnapshot(readSnapshot(a));
    expect(v.diagnostics).toEqual([]);
    const sa = readSnapshot(a);
    const sb = readSnapshot(b);
    for (const [path, e] of sa.files)
      expect(
        Buffer.from((e as { bytes: Uint8Array }).bytes).equals(
          Buffer.from((sb.files.get(path) as { bytes: Uint8Array }).bytes),
        ),
        path,
      ).toBe(true);
  });
});
