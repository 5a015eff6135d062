/** The git part of `verify`, for one sealed round. */
import type { Round } from '../core/records/workspace.js';
import { verifyHistory, type VerifyFinding } from '../core/verify.js';
import { commitsTouching, uncommitted } from './git-history.js';

export function auditRound(root: string, round: Round): VerifyFinding[] {
  const tallyFile = round.tallyFile;
  const added = commitsTouching(root, [tallyFile]).filter((c) => c.files.some((f) => f.path === tallyFile && f.status.startsWith('A')));
  const sealCommit = added[0]?.commit ?? null;
  const inputs = [`${round.dir}/council.yaml`, `${round.dir}/nominations`, `${round.dir}/ballots`];
  const later = sealCommit ? commitsTouching(root, inputs, `${sealCommit}..HEAD`) : [];
  const pending = uncommitted(root, [...inputs, tallyFile]);
  return verifyHistory(round.year, sealCommit, later, pending);
}
