/** Verification of sealed rounds: inputs match the seal and the stored results equal a fresh count. */
import { t, type Localized } from './diagnostics.js';
import { compareSeal, inputHashes } from './seal.js';
import { tallyRound } from './tally.js';
import type { Round, Workspace } from './records/workspace.js';
import type { WorkspaceIndex } from './rules/rule.js';

export interface VerifyFinding {
  year: number;
  check: 'seal' | 'results' | 'git' | 'document';
  file: string;
  commit?: string;
  message: Localized;
}

export function verifySeal(round: Round, ws: Workspace, index: WorkspaceIndex, bytesOf: (path: string) => Uint8Array | null): VerifyFinding[] {
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
  if (out.length > 0 || !ws.agency) return out;
  const fresh = tallyRound(round, index, ws.agency.value.threshold);
  const differences: string[] = [];
  if (fresh.members !== sealed.members) differences.push('members');
  if (fresh.base !== sealed.base) differences.push('base');
  if (fresh.required !== sealed.required) differences.push('required');
  if (JSON.stringify(fresh.ballots) !== JSON.stringify(sealed.ballots)) differences.push('ballots');
  const th = sealed.threshold;
  if (th.numerator !== fresh.threshold.numerator || th.denominator !== fresh.threshold.denominator || th.of !== fresh.threshold.of) differences.push('threshold');
  const stored = new Map(sealed.results.map((r) => [r.nomination, r]));
  for (const r of fresh.results) {
    const s = stored.get(r.nomination);
    if (!s || JSON.stringify({ ...s }) !== JSON.stringify({ ...r })) differences.push(`results.${r.nomination}`);
    stored.delete(r.nomination);
  }
  for (const id of stored.keys()) differences.push(`results.${id}`);
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
  const dir = `records/${year}/`;
  if (!path.startsWith(dir)) return false;
  const rest = path.slice(dir.length);
  return rest === 'council.yaml' || /^(nominations|ballots)\/[^/]+$/.test(rest);
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
  const tallyFile = `records/${year}/tally.yaml`;
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
