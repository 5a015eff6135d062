/** The git part of `verify`, for one round: changes after its seal, and seals removed. */
import { ROUND_INPUT_FILES, type Round } from '../core/records/workspace.js';
import { sha256Hex } from '../core/seal.js';
import type { VerifyFinding } from '../core/verify.js';
import {
  isSealedInputPath,
  sameSeal,
  verifyHidden,
  verifyHistory,
  verifyRemovals,
  verifyRewrites,
  type HistoryCommit,
  type Removal,
  type SealRewrite,
} from '../core/verify-history.js';
import type { HistoryReader } from './history-reader.js';
import { currentBytes } from './safe-write.js';
import { join } from 'node:path';

function inputSpecs(round: Round): string[] {
  return [...ROUND_INPUT_FILES.map((f) => `${round.dir}/${f}`), `${round.dir}/nominations`, `${round.dir}/ballots`];
}

function sealCommitOf(git: HistoryReader, round: Round): string | null {
  // A commit's statuses are one letter each (the log is read without rename detection).
  // Stryker disable next-line ArrayDeclaration: the log asked for the seal's path lists that file alone
  const touching = git.commitsTouching([round.tallyFile]);
  // Stryker disable next-line MethodExpression,ConditionalExpression: (as above; a merge lists it once per status)
  const added = touching.filter((c) => c.files.some((f) => f.path === round.tallyFile && f.status === 'A'));
  return added[0]?.commit ?? null;
}

/**
 * Asks git, side by side, every history `auditRound` and `removalsOf` will read for these rounds:
 * each round's inputs with its seal, its seal and decision, and its unseal record.
 */
// Stryker disable all: what is asked ahead only saves time: anything left out is asked of git when it is read
export async function preloadAudit(git: HistoryReader, rounds: readonly Round[]): Promise<void> {
  await git.preload(
    rounds.flatMap((r) => [
      { pathspecs: [r.tallyFile] },
      { pathspecs: [r.tallyFile, r.decisionFile] },
      { pathspecs: [r.unsealsFile] },
      ...(r.tallyPresent ? [{ pathspecs: [...inputSpecs(r), r.tallyFile] }] : []),
    ]),
  );
}
// Stryker restore all

/**
 * Every commit, merges included, that changed a sealed round's inputs or rewrote its seal against
 * a parent in which the round was sealed, without recording that parent's seal as opened
 * (`thidua unseal`) in the commit itself (or, for a seal taken away or rewritten over the same
 * inputs, in unseals.yaml later). Every path of the history is walked (`--full-history`),
 * so a merge that takes a side branch's ballots is compared with the sealed parent too.
 */
function sealedChanges(git: HistoryReader, round: Round): { later: HistoryCommit[]; rewrites: SealRewrite[] } {
  const specs = [...inputSpecs(round), round.tallyFile];
  const commits = git.commitsTouching(specs);
  // Stryker disable all: what is asked ahead only saves time: anything left out is asked of git when it is read
  git.prefetch(
    commits.flatMap((c) => [
      { rev: c.commit, path: round.tallyFile },
      { rev: c.commit, path: round.unsealsFile },
      ...c.parents.map((p) => ({ rev: p, path: round.tallyFile })),
    ]),
  );
  // Stryker restore all
  const later: HistoryCommit[] = [];
  const rewrites: SealRewrite[] = [];
  // The openings recorded today: unseals.yaml only grows (unseal-audit.ts reports any entry removed).
  const recordedNow = recordedSeals(git, currentBytes(join(git.root, round.unsealsFile))?.toString('utf8') ?? null);
  for (const c of commits) {
    const after = git.fileAt(c.commit, round.tallyFile);
    for (const parent of c.parents) {
      const before = git.fileAt(parent, round.tallyFile);
      // Nothing was sealed at that parent: nothing to guard against it.
      if (before === null) continue;
      const beforeHash = sha256Hex(Buffer.from(before, 'utf8'));
      // Opened through thidua unseal in this very commit (a correction committed at once).
      if (recordedSeals(git, git.fileAt(c.commit, round.unsealsFile)).has(beforeHash)) continue;
      // The seal taken away in this commit, an opening unseals.yaml records (then or later, as for
      // a removal): what changed with it is that opening's.
      if (after === null && recordedNow.has(beforeHash)) continue;
      // A merge is compared with this parent alone; any other commit's listing is its one diff.
      const changed = c.parents.length === 1 ? c.files : git.changes(parent, c.commit, specs);
      const files = changed.filter((f) => isSealedInputPath(round.year, f.path));
      const rewritten = after !== null && !sameSeal(git.parse(before), git.parse(after));
      // A seal rewritten in place over the same inputs, the seal it replaced recorded in unseals.yaml
      // later (a past opening written up afterwards): that opening's, shown under the round. Over
      // changed inputs it stays a finding, recorded or not.
      if (rewritten && files.length === 0 && recordedNow.has(beforeHash)) continue;
      if (files.length > 0) later.push({ ...c, files });
      if (rewritten) rewrites.push(c);
      // One finding per commit and file: the first sealed parent it departs from is named.
      if (files.length > 0 || rewritten) break;
    }
  }
  return { later, rewrites };
}

export function auditRound(git: HistoryReader, round: Round): VerifyFinding[] {
  const { later, rewrites } = sealedChanges(git, round);
  const pending = git.uncommitted([...inputSpecs(round), round.tallyFile, round.decisionFile]);
  const hidden = git.hidden([...inputSpecs(round), round.tallyFile, round.decisionFile]);
  return [
    ...verifyHistory(round.year, sealCommitOf(git, round), later, pending),
    ...verifyRewrites(round.year, rewrites),
    ...verifyHidden(round.year, hidden),
  ];
}

export function recordedSeals(git: HistoryReader, text: string | null): Set<string> {
  const data = git.parse(text);
  const out = new Set<string>();
  if (!Array.isArray(data)) return out;
  for (const e of data as unknown[]) {
    // An entry written by hand may be empty (null), a word or a mapping: only a mapping's seal counts.
    const seal = (e as { seal?: unknown } | null)?.seal;
    // Stryker disable next-line ConditionalExpression: only a SHA-256 (a string) is ever looked up in the set, so another value in it is never found
    if (typeof seal === 'string') out.add(seal);
  }
  return out;
}

/** Every removal of the round's seal or decision, in its history and in the working tree. */
export function removalsOf(git: HistoryReader, round: Round): VerifyFinding[] {
  const paths = [round.tallyFile, round.decisionFile];
  const history = git.commitsTouching(paths);
  // A removal is recorded when unseals.yaml names its seal: then, or later (a past opening written up afterwards).
  const recordedNow = recordedSeals(git, currentBytes(join(git.root, round.unsealsFile))?.toString('utf8') ?? null);
  const pending = git.uncommitted(paths).filter((p) => p.status.includes('D'));
  // Stryker disable all: what is asked ahead only saves time: anything left out is asked of git when it is read
  git.prefetch([
    ...history.flatMap((c) =>
      c.files
        .filter((f) => f.status === 'D')
        .flatMap((f) => [
          { rev: `${c.commit}^`, path: f.path },
          { rev: c.commit, path: round.unsealsFile },
          { rev: `${c.commit}^`, path: round.tallyFile },
        ]),
    ),
    ...(pending.length > 0
      ? [round.tallyFile, ...pending.map((p) => p.path)].map((path) => ({ rev: 'HEAD', path }))
      : []),
  ]);
  // Stryker restore all
  const removals: Removal[] = [];
  // Oldest first, so each removal knows the add before it.
  const chronological = [...history].reverse();
  const lastAdd = new Map<string, string>();
  for (const c of chronological) {
    // The seal opened in this commit: removed, or sealed again (`thidua unseal`, then `tally --seal`, then one commit).
    // Stryker disable next-line ConditionalExpression: a seal added in this commit had none before it, and the hash of nothing is in no unseal
    const sealOpenedHere = c.files.some((f) => f.path === round.tallyFile && (f.status === 'D' || f.status === 'M'));
    for (const f of c.files) {
      if (f.status === 'A') lastAdd.set(f.path, c.commit);
      if (f.status !== 'D') continue;
      const before = git.fileAt(`${c.commit}^`, f.path);
      const recorded = new Set([...recordedSeals(git, git.fileAt(c.commit, round.unsealsFile)), ...recordedNow]);
      const sealHash = sealOpenedHere
        ? sha256Hex(Buffer.from(git.fileAt(`${c.commit}^`, round.tallyFile) ?? '', 'utf8'))
        : '';
      removals.push({
        path: f.path,
        commit: c.commit,
        date: c.date,
        subject: c.subject,
        addedIn: lastAdd.get(f.path) ?? null,
        hash: sha256Hex(Buffer.from(before ?? '', 'utf8')),
        recorded,
        // Stryker disable next-line LogicalOperator: sealHash is '' when the seal stays, and an unseal records a SHA-256
        withRecordedSeal: sealOpenedHere && recorded.has(sealHash),
      });
    }
  }
  // Removed in the working tree, not committed yet.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with nothing removed the loop below adds nothing
  if (pending.length > 0) {
    const recorded = recordedNow;
    const headSeal = git.fileAt('HEAD', round.tallyFile);
    // The seal opened since HEAD: removed, or sealed again.
    const sealNow = currentBytes(join(git.root, round.tallyFile));
    const sealOpened = sealNow === null || sealNow.toString('utf8') !== headSeal;
    for (const p of pending) {
      const before = git.fileAt('HEAD', p.path);
      removals.push({
        path: p.path,
        commit: null,
        date: '',
        subject: '',
        addedIn: lastAdd.get(p.path) ?? null,
        hash: sha256Hex(Buffer.from(before ?? '', 'utf8')),
        recorded,
        withRecordedSeal: sealOpened && recorded.has(sha256Hex(Buffer.from(headSeal ?? '', 'utf8'))),
      });
    }
  }
  return verifyRemovals(round.year, removals);
}
