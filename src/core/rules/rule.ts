/** What a rule is: a code, a severity, a description, and (for record rules) a check. */
import type { Localized, Severity } from '../diagnostics.js';
import type { LockEntry, Loc, Round, Workspace } from '../records/workspace.js';
import type { WorkspaceIndex } from '../records/index.js';

export interface Finding {
  loc: Loc;
  /** Point at the value (default), the key of the last path segment, or the parent (for a missing key). */
  at?: 'value' | 'key' | 'parent';
  message: Localized;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
}

export interface RuleContext {
  ws: Workspace;
  /** The rounds being validated. */
  rounds: Round[];
  /** The shared files as they are now. */
  index: WorkspaceIndex;
  /** What a round is judged from: its seal's basis when sealed, else the records as they hold for its year. */
  view(round: Round): WorkspaceIndex;
  /** Bytes of a file as they are now (for the seal check), or null when absent. */
  currentBytes(path: string): Uint8Array | null;
  /** Every path present in the snapshot. */
  paths: ReadonlySet<string>;
  /** Every round folder of the workspace, loaded or not. */
  allYears: ReadonlySet<number>;
  /** `.thidua.lock` when it is no lock of a running command, else null. */
  lock: LockEntry | null;
}

export interface Rule {
  code: string;
  severity: Severity;
  description: Localized;
  /** How to put it right, for `thidua explain`. */
  fix: Localized;
  /** A record that raises it (with its file name), for `thidua explain`. */
  example: string;
  /** `file`: raised while reading files (no check here); `records`: a check over the loaded records. */
  stage: 'file' | 'records';
  check?(ctx: RuleContext): Finding[];
}

/** A rule with its code kept as a literal type, so the registry types every code. */
export function defineRule<const C extends string>(rule: Rule & { code: C }): Rule & { code: C } {
  return rule;
}
