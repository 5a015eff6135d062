/**
 * A validation's records with their index and each round's view: what commands read. Kept apart from
 * `validate.ts` so that a workspace taken from the cache is indexed without loading the validator.
 */
import type { Diagnostic } from './diagnostics.js';
import type { Round, Workspace } from './records/workspace.js';
import { buildIndex, type WorkspaceIndex } from './records/index.js';
import { roundIndex } from './records/basis.js';

export interface Validation {
  workspace: Workspace;
  index: WorkspaceIndex;
  /** What each round is judged from (its seal's basis when sealed). */
  view: (round: Round) => WorkspaceIndex;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

export function indexValidation(
  workspace: Workspace,
  findings: { diagnostics: Diagnostic[]; errors: number; warnings: number },
): Validation {
  const views = new Map<Round, WorkspaceIndex>();
  const view = (round: Round): WorkspaceIndex => {
    let v = views.get(round);
    if (!v) views.set(round, (v = roundIndex(workspace, round)));
    return v;
  };
  return {
    workspace,
    index: buildIndex(workspace),
    view,
    diagnostics: findings.diagnostics,
    errors: findings.errors,
    warnings: findings.warnings,
  };
}
