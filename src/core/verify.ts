/** Verification of sealed rounds: inputs match the seal and the stored results equal a fresh count. */
import { t, type Localized } from './diagnostics.js';
import { compareSeal, inputHashes } from './seal.js';
import { tallyRound, type Tally } from './tally.js';
import { ROUND_INPUT_FILES, type Round } from './records/workspace.js';
import { inRoundFolder, roundFile } from './records/paths.js';
import type { WorkspaceIndex } from './records/index.js';
import type { TallyFile } from './schemas/sealed.js';

export interface VerifyFinding {
  year: number;
  check: 'records' | 'seal' | 'results' | 'git' | 'document';
  file: string;
  commit?: string;
  message: Localized;
}

/** What differs between a seal's stored count and a fresh one: field names, empty when equal. */
export function compareWithSeal(sealed: TallyFile, fresh: Tally): string[] {
  const differences: string[] = [];
  if (fresh.members !== sealed.members) differences.push('members');
  if (fresh.base !== sealed.base) differences.push('base');
  if (fresh.required !== sealed.required) differences.push('required');
  if (JSON.stringify(fresh.ballots) !== JSON.stringify(sealed.ballots)) differences.push('ballots');
  const th = sealed.threshold;
  const fq = fresh.threshold.quorum;
  if (th.numerator !== fresh.threshold.numerator || th.denominator !== fresh.threshold.denominator || th.of !== fresh.threshold.of
    || JSON.stringify(th.quorum ?? null) !== JSON.stringify(fq ?? null)) differences.push('threshold');
  const stored = new Map(sealed.results.map((r) => [r.nomination, r]));
  for (const r of fresh.results) {
    const s = stored.get(r.nomination);
    if (!s || JSON.stringify({ ...s }) !== JSON.stringify({ ...r })) differences.push(`results.${r.nomination}`);
    stored.delete(r.nomination);
  }
  for (const id of stored.keys()) differences.push(`results.${id}`);
  return differences;
}

export function verifySeal(round: Round, index: WorkspaceIndex, bytesOf: (path: string) => Uint8Array | null): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  if (!round.tally) {
    if (round.tallyPresent) {
      out.push({ year: round.year, check: 'seal', file: round.tallyFile, message: t(`${round.tallyFile} không đọc được hoặc sai cấu trúc (xem “thidua validate ${round.year}”)`, `${round.tallyFile} is unreadable or malformed (see “thidua validate ${round.year}”)`) });
    }
    return out;
  }
  const sealed = round.tally.value;
  for (const c of compareSeal(sealed.inputs, inputHashes(round, bytesOf))) {
    const message = {
      changed: t(`đã bị sửa sau khi niêm phong`, `changed after the seal`),
      added: t(`được thêm sau khi niêm phong`, `added after the seal`),
      removed: t(`bị xoá sau khi niêm phong`, `removed after the seal`),
    }[c.change];
    out.push({ year: round.year, check: 'seal', file: c.path, message });
  }
  if (out.length > 0 || !index.agency) return out;
  const differences = compareWithSeal(sealed, tallyRound(round, index, index.agency.threshold));
  if (differences.length > 0) {
    out.push({
      year: round.year, check: 'results', file: round.tallyFile,
      message: t(
        `kết quả lưu trong tệp niêm phong khác kết quả kiểm phiếu lại (${differences.join(', ')})`,
        `the stored results differ from a fresh count (${differences.join(', ')})`,
      ),
    });
  }
  return out;
}

export interface HistoryCommit {
  commit: string;
  date: string;
  subject: string;
  files: Array<{ status: string; path: string }>;
}

/** A sealed input is the round's council.yaml, or a nomination or ballot file of the round. */
export function isSealedInputPath(year: number, path: string): boolean {
  return ROUND_INPUT_FILES.some((f) => path === roundFile(year, f)) || inRoundFolder(path, year, 'nominations') || inRoundFolder(path, year, 'ballots');
}

/**
 * The git part of verify: every commit after the one that introduced the seal that changed,
 * added or removed a sealed input, and every uncommitted change to the sealed round.
 */
export function verifyHistory(
  year: number,
  sealCommit: string | null,
  later: readonly HistoryCommit[],
  pending: ReadonlyArray<{ status: string; path: string }>,
): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  const tallyFile = roundFile(year, 'tally.yaml');
  if (sealCommit === null) {
    out.push({ year, check: 'git', file: tallyFile, message: t('tệp niêm phong chưa được commit vào git (thidua commit)', 'the seal is not committed to git (thidua commit)') });
  }
  for (const c of later) {
    for (const f of c.files) {
      if (!isSealedInputPath(year, f.path)) continue;
      const what = f.status.startsWith('A') ? t('được thêm', 'added') : f.status.startsWith('D') ? t('bị xoá', 'removed') : t('bị sửa', 'changed');
      out.push({
        year, check: 'git', file: f.path, commit: c.commit,
        message: t(
          `${what.vi} trong commit ${c.commit.slice(0, 12)} (${c.date.slice(0, 10)}: ${c.subject}), sau khi niêm phong`,
          `${what.en} in commit ${c.commit.slice(0, 12)} (${c.date.slice(0, 10)}: ${c.subject}), after the seal`,
        ),
      });
    }
  }
  for (const p of pending) {
    if (!isSealedInputPath(year, p.path) && p.path !== tallyFile) continue;
    if (p.path === tallyFile && sealCommit === null) continue;
    out.push({
      year, check: 'git', file: p.path,
      message: t(`có thay đổi chưa commit (${p.status}) trong đợt đã niêm phong`, `an uncommitted change (${p.status}) in a sealed round`),
    });
  }
  return out;
}

/** A seal or decision that was removed: in a commit, or in the working tree (commit null). */
export interface Removal {
  path: string;
  commit: string | null;
  date: string;
  subject: string;
  /** The commit that had added the file last before it was removed. */
  addedIn: string | null;
  /** SHA-256 of the removed file's bytes. */
  hash: string;
  /** Seal hashes recorded in the round's unseals.yaml as it stood after the removal. */
  recorded: ReadonlySet<string>;
  /** The seal was removed in the same commit (or also in the working tree), through a recorded unseal. */
  withRecordedSeal: boolean;
}

/**
 * Every seal (tally.yaml) or decision removed without `thidua unseal` is a finding: a sealed
 * round that is sealed no more must never look like one that was never sealed.
 */
export function verifyRemovals(year: number, removals: readonly Removal[]): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  for (const r of removals) {
    const isSeal = r.path.endsWith('/tally.yaml');
    if (isSeal ? r.recorded.has(r.hash) : r.withRecordedSeal) continue;
    const what = isSeal ? t('đã niêm phong', 'sealed') : t('đã ghi quyết định', 'decided');
    const since = r.addedIn ? t(` từ commit ${r.addedIn.slice(0, 12)}`, ` since commit ${r.addedIn.slice(0, 12)}`) : t('', '');
    const where = r.commit
      ? t(`bị xoá trong commit ${r.commit.slice(0, 12)} (${r.date.slice(0, 10)}: ${r.subject})`, `removed in commit ${r.commit.slice(0, 12)} (${r.date.slice(0, 10)}: ${r.subject})`)
      : t('bị xoá (chưa commit)', 'removed (not committed yet)');
    out.push({
      year, check: 'git', file: r.path, ...(r.commit ? { commit: r.commit } : {}),
      message: t(
        `${what.vi}${since.vi}, ${where.vi} mà không qua “thidua unseal”`,
        `${what.en}${since.en}, ${where.en} without “thidua unseal”`,
      ),
    });
  }
  return out;
}
