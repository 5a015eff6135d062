/** Reading and validating the workspace for a command. */
import { validateSnapshot, type Validation } from '../core/validate.js';
import type { Snapshot } from '../core/records/workspace.js';
import { readValidated } from './read-validated.js';

export { readValidated };

export interface Loaded extends Validation {
  root: string;
  snapshot: Snapshot;
}

export function loadAndValidate(root: string, years: readonly number[] | null): Loaded {
  const snapshot = readValidated(root, years);
  return { root, snapshot, ...validateSnapshot(snapshot, years) };
}

