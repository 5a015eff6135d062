/** The git part of `verify`, for one round: changes after its seal, and seals removed. */
import { ROUND_INPUT_FILES, type Round } from '../core/records/workspace.js';
import { sha256Hex } from '../core/seal.js';
import { sameSeal, verifyHidden, verifyHistory, verifyRemovals, verifyRewrites, type Removal, type SealRewrite, type VerifyFinding } from '../core/verify.js';
import { commitsTouching, fileAt, hiddenFromGit, parentsOf, parseLenient, uncommitted } from './git-history.js';
import { currentBytes } from './safe-write.js';
import { join } from 'node:path';

function inputSpecs(round: Round): string[] {
  return [...ROUND_INPUT_FILES.map((f) => `${round.dir}/${f}`), `${round.dir}/nominations`, `${round.dir}/ballots`];
}

export function auditRound(root: string, round: Round): VerifyFinding[] {
  const tallyFile = round.tallyFile;
  const added = commitsTouching(root, [tallyFile]).filter((c) => c.files.some((f) => f.path === tallyFile && f.status.startsWith('A')));
  const sealCommit = added[0]?.commit ?? null;
  const later = sealCommit ? commitsTouching(root, inputSpecs(round), `${sealCommit}..HEAD`) : [];
  const pending = uncommitted(root, [...inputSpecs(round), tallyFile, round.decisionFile]);
  const rewrites: SealRewrite[] = [];
  if (sealCommit) {
    for (const c of commitsTouching(root, [tallyFile], `${sealCommit}..HEAD`)) {
      if (!c.files.some((f) => f.path === tallyFile && f.status.startsWith('M'))) continue;
      // Opened with thidua unseal and sealed again in one commit: the seal it replaced is recorded.
      const recorded = recordedSeals(fileAt(root, c.commit, round.unsealsFile));
      const after = parseLenient(fileAt(root, c.commit, tallyFile));
      for (const parent of parentsOf(root, c.commit)) {
        const beforeText = fileAt(root, parent, tallyFile);
        if (beforeText !== null && recorded.has(sha256Hex(Buffer.from(beforeText, 'utf8')))) continue;
        if (!sameSeal(parseLenient(beforeText), after)) {
          rewrites.push({ commit: c.commit, date: c.date, subject: c.subject });
          break;
        }
      }
    }
  }
  const hidden = hiddenFromGit(root, [...inputSpecs(round), tallyFile, round.decisionFile]);
  return [...verifyHistory(round.year, sealCommit, later, pending), ...verifyRewrites(round.year, rewrites), ...verifyHidden(round.year, hidden)];
}

function recordedSeals(text: string | null): Set<string> {
  const data = parseLenient(text);
  const out = new Set<string>();
  if (Array.isArray(data)) for (const e of data) if (e && typeof e === 'object' && typeof (e as { seal?: unknown }).seal === 'string') out.add((e as { seal: string }).seal);
  return out;
}

/** Every removal of the round's seal or decision, in its history and in the working tree. */
export function removalsOf(root: string, round: Round): VerifyFinding[] {
  const paths = [round.tallyFile, round.decisionFile];
  const history = commitsTouching(root, paths);
  // A removal is recorded when unseals.yaml names its seal: then, or later (a past opening written up afterwards).
  const recordedNow = recordedSeals(currentBytes(join(root, round.unsealsFile))?.toString('utf8') ?? null);
  const removals: Removal[] = [];
  // Oldest first, so each removal knows the add before it.
  const chronological = [...history].reverse();
  const lastAdd = new Map<string, string>();
  for (const c of chronological) {
    const sealRemovedHere = c.files.some((f) => f.path === round.tallyFile && f.status.startsWith('D'));
    for (const f of c.files) {
      if (f.status.startsWith('A')) lastAdd.set(f.path, c.commit);
      if (!f.status.startsWith('D')) continue;
      const before = fileAt(root, `${c.commit}^`, f.path);
      const recorded = new Set([...recordedSeals(fileAt(root, c.commit, round.unsealsFile)), ...recordedNow]);
      const sealHash = sealRemovedHere ? sha256Hex(Buffer.from(fileAt(root, `${c.commit}^`, round.tallyFile) ?? '', 'utf8')) : '';
      removals.push({
        path: f.path, commit: c.commit, date: c.date, subject: c.subject, addedIn: lastAdd.get(f.path) ?? null,
        hash: sha256Hex(Buffer.from(before ?? '', 'utf8')), recorded,
        withRecordedSeal: sealRemovedHere && recorded.has(sealHash),
      });
    }
  }
  // Removed in the working tree, not committed yet.
  const pending = uncommitted(root, paths).filter((p) => p.status.includes('D'));
  if (pending.length > 0) {
    const recorded = recordedNow;
    const headSeal = fileAt(root, 'HEAD', round.tallyFile);
    const sealGone = pending.some((p) => p.path === round.tallyFile);
    for (const p of pending) {
      const before = fileAt(root, 'HEAD', p.path);
      removals.push({
        path: p.path, commit: null, date: '', subject: '', addedIn: lastAdd.get(p.path) ?? null,
        hash: sha256Hex(Buffer.from(before ?? '', 'utf8')), recorded,
        withRecordedSeal: sealGone && headSeal !== null && recorded.has(sha256Hex(Buffer.from(headSeal, 'utf8'))),
      });
    }
  }
  return verifyRemovals(round.year, removals);
}
