/** The git part of `verify` for a round's unseal record: it only grows, and each entry's commit. */
import { join } from 'node:path';
import type { Round } from '../core/records/workspace.js';
import type { VerifyFinding } from '../core/verify.js';
import type { Localized } from '../core/diagnostics.js';
import {
  lostEntries,
  unsealEntries,
  unsealParts,
  unsealNote,
  verifyUnsealRecord,
  type UnsealLoss,
} from '../core/unseal-record.js';
import type { HistoryReader } from './history-reader.js';
import { currentBytes } from './safe-write.js';
import { sha256Hex } from '../core/seal.js';
import { openedSettings, sealSettings, type SealSettings } from '../core/reseal-note.js';
import { TallyFileSchema } from '../core/schemas/sealed.js';

export interface UnsealAudit {
  findings: VerifyFinding[];
  notes: Localized[];
}

/**
 * Every commit (merges against each parent) and the working tree checked for entries of
 * unseals.yaml that were removed or rewritten; each entry of the file now is shown with the
 * oldest commit whose version holds it. `git` null: the history is not read.
 */
export function auditUnseals(git: HistoryReader | null, round: Round): UnsealAudit {
  const file = round.unsealsFile;
  const entriesAt = (rev: string) => unsealEntries(git!.parse(git!.fileAt(rev, file)));
  const partsAt = (rev: string) => unsealParts(git!.parse(git!.fileAt(rev, file)));
  const current = round.unseals.map((u) => u.value);
  if (!git) return { findings: [], notes: current.map((u) => unsealNote(u, undefined)) };
  const commits = git.commitsTouching([file]);
  // Stryker disable next-line all: what is asked ahead only saves time: anything left out is asked of git when it is read
  git.prefetch(commits.flatMap((c) => [c.commit, ...c.parents].map((rev) => ({ rev, path: file }))));
  const losses: UnsealLoss[] = [];
  for (const c of commits) {
    const after = partsAt(c.commit);
    for (const parent of c.parents) {
      const lost = lostEntries(partsAt(parent), after);
      if (lost.length === 0) continue;
      const fileRemoved = git.fileAt(c.commit, file) === null;
      losses.push({ commit: c.commit, date: c.date, subject: c.subject, lost: lost.length, fileRemoved });
      break;
    }
  }
  const nowBytes = currentBytes(join(git.root, file));
  const nowParsed = nowBytes === null ? null : git.parse(nowBytes.toString('utf8'));
  const now = unsealEntries(nowParsed);
  const lostNow = lostEntries(partsAt('HEAD'), unsealParts(nowParsed));
  if (lostNow.length > 0)
    losses.push({ commit: null, date: '', subject: '', lost: lostNow.length, fileRemoved: nowBytes === null });
  // The oldest commit whose version holds each entry recorded it.
  const chronological = [...commits].reverse();
  const notes = current.map((u, i) => {
    const key = now[i];
    const made = key === undefined ? undefined : chronological.find((c) => entriesAt(c.commit).includes(key));
    return unsealNote(u, made?.commit ?? null);
  });
  return { findings: verifyUnsealRecord(round.year, file, losses), notes };
}

/**
 * The settings the seal replaced by the round's latest opening was counted under: read from that
 * seal as committed (the tally.yaml whose SHA-256 the opening names), else as the opening recorded
 * them. `git` null: the history is not read. Null: no opening, or none of its settings known.
 */
export function replacedSettings(git: HistoryReader | null, round: Round): SealSettings | null {
  const u = round.unseals.at(-1)?.value;
  if (!u) return null;
  if (git) {
    for (const c of git.commitsTouching([round.tallyFile])) {
      const text = git.fileAt(c.commit, round.tallyFile);
      if (text === null || sha256Hex(Buffer.from(text, 'utf8')) !== u.seal) continue;
      const seal = TallyFileSchema.safeParse(git.parse(text));
      if (seal.success) return sealSettings(seal.data);
    }
  }
  return openedSettings(u);
}
