/** Reading and validating the workspace for a command. */
import { t } from '../core/diagnostics.js';
import { validateSnapshot, type Validation } from '../core/validate.js';
import type { Snapshot } from '../core/records/workspace.js';
import { usageError } from '../errors.js';
import { readSnapshot } from './read-snapshot.js';

export interface Loaded extends Validation {
  root: string;
  snapshot: Snapshot;
}

export function loadAndValidate(root: string, years: readonly number[] | null): Loaded {
  const snapshot = readSnapshot(root, years);
  if (years) {
    const known = new Set(snapshot.allYears ?? snapshot.years);
    for (const y of years) {
      if (!known.has(y)) {
        const list = [...known].sort().join(', ') || '—';
        throw usageError(t(`không có đợt ${y} (records/${y}/); các đợt hiện có: ${list}`, `there is no round ${y} (records/${y}/); rounds present: ${list}`));
      }
    }
  }
  return { root, snapshot, ...validateSnapshot(snapshot, years) };
}
