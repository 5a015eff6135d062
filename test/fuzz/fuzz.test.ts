/**
 * Fuzzing the loader, the rules and the seal with mutated records. Short in `npm test`; long with
 * `npm run fuzz` (FUZZ_RUNS), which prints how many cases it tried.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import { tallyRound } from '../../src/core/tally.js';
import { renderTallyFile } from '../../src/core/tally-file.js';
import { basisForSeal } from '../../src/core/records/basis.js';
import { inputHashes, compareSeal } from '../../src/core/seal.js';
import type { FileEntry, Snapshot } from '../../src/core/records/workspace.js';
import { applyMutation, mutation } from './mutate.js';
import { cleanupTemp, workspace } from '../helpers/workspace.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
/** A fresh seed each run, printed so a failure can be replayed with FUZZ_SEED. */
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
process.stdout.write(`fuzz: seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)\n`);
/** A hang guard, not a timing test (speed is measured by `npm run bench`): a blow-up trips it. */
const BOUND_MS = 15_000;
let tried = 0;

afterAll(() => {
  cleanupTemp();
  if (process.env['FUZZ_RUNS'])
    process.stdout.write(
      `\nfuzz: ${tried} cases tried with seed ${SEED} (failures, if any, are reported by vitest below; replay with FUZZ_SEED=${SEED})\n`,
    );
});

const example = readSnapshot(workspace({ from: 'example' }));
const base = readSnapshot(workspace());
const bytes = (s: Snapshot, p: string) => (s.files.get(p) as Extract<FileEntry, { kind: 'file' }>).bytes;

describe('fuzz', () => {
  for (const [name, snap] of [
    ['example', example],
    ['base', base],
  ] as const) {
    it(
      `${name}: validate returns findings or success, never throws, within a bound, for any mutation of any record`,
      () => {
        const paths = [...snap.files.keys()].filter((p) => snap.files.get(p)!.kind === 'file');
        fc.assert(
          fc.property(fc.constantFrom(...paths), fc.array(mutation, { minLength: 1, maxLength: 3 }), (path, ms) => {
            tried++;
            let b = bytes(snap, path);
            for (const m of ms) b = applyMutation(b, m);
            const files = new Map(snap.files);
            files.set(path, { kind: 'file', bytes: b });
            const t0 = performance.now();
            const v = validateSnapshot({ files, years: snap.years });
            expect(performance.now() - t0).toBeLessThan(BOUND_MS);
            expect(v.errors + v.warnings).toBe(v.diagnostics.length);
            for (const d of v.diagnostics) expect(d.line >= 1 && d.column >= 1 && d.message.vi !== '').toBe(true);
            expect(Object.prototype).not.toHaveProperty('polluted');
          }),
          { numRuns: RUNS, seed: SEED },
        );
      },
      60_000 + RUNS * 200,
    );
  }

  it(
    'a seal detects every mutation of a sealed input',
    () => {
      const v = validateSnapshot(base);
      const round = v.workspace.rounds[0]!;
      const sealed = inputHashes(round, (p) => bytes(base, p));
      const tallyText = renderTallyFile(tallyRound(round, v.view(round), v.view(round).agency!.threshold), {
        sealedBy: 'fuzz',
        sealedOn: '2016-12-10',
        inputs: sealed,
        basis: basisForSeal(v.view(round), round),
      });
      const inputs = Object.keys(sealed);
      fc.assert(
        fc.property(fc.constantFrom(...inputs), mutation, (path, m) => {
          tried++;
          const before = bytes(base, path);
          const after = applyMutation(before, m);
          fc.pre(!Buffer.from(after).equals(Buffer.from(before)));
          const files = new Map(base.files);
          files.set(path, { kind: 'file', bytes: after });
          files.set('records/2016/tally.yaml', { kind: 'file', bytes: Buffer.from(tallyText) });
          const snap: Snapshot = { files, years: base.years };
          const r = validateSnapshot(snap).workspace.rounds[0]!;
          const changes = compareSeal(
            sealed,
            inputHashes(r, (p) => bytes(snap, p)),
          );
          expect(changes).toContainEqual({ path, change: 'changed' });
          const diags = validateSnapshot(snap).diagnostics.filter((d) => d.code === 'sealed-input-changed');
          expect(diags.map((d) => d.file)).toContain(path);
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 3)), seed: SEED },
      );
    },
    60_000 + RUNS * 200,
  );
});
