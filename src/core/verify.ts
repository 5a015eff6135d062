/** Verification of sealed rounds: inputs match the seal and the stored results equal a fresh count. */
import { thresholdRecord } from './titles.js';
import { t, type Localized } from './diagnostics.js';
import { compareSeal, inputHashes } from './seal.js';
import { tallyRound, type Tally } from './tally.js';
import { ROUND_INPUT_FILES, type Round } from './records/workspace.js';
import { inRoundFolder, roundFile, roundFileNameOf } from './records/paths.js';
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
  if (
    th.numerator !== fresh.threshold.numerator ||
    th.denominator !== fresh.threshold.denominator ||
    th.of !== fresh.threshold.of ||
    JSON.stringify(th.quorum ?? null) !== JSON.stringify(fq ?? null)
  )
    differences.push('threshold');
  const freshTitles = fresh.titles?.map((c) => ({
    id: c.id,
    threshold: thresholdRecord(c.threshold),
    base: c.base,
    required: c.required,
  }));
  if (
    JSON.stringify(freshTitles ?? null) !==
    JSON.stringify(
      sealed.titles?.map((c) => ({
        id: c.id,
        threshold: thresholdRecord(c.threshold),
        base: c.base,
        required: c.required,
      })) ?? null,
    )
  )
    differences.push('titles');
  const stored = new Map(sealed.results.map((r) => [r.nomination, r]));
  for (const r of fresh.results) {
    const s = stored.get(r.nomination);
    if (!s || JSON.stringify({ ...s }) !== JSON.stringify({ ...r })) differences.push(`results.${r.nomination}`);
    stored.delete(r.nomination);
  }
  for (const id of stored.keys()) differences.push(`results.${id}`);
  return differences;
}

export function verifySeal(
  round: Round,
  index: WorkspaceIndex,
  bytesOf: (path: string) => Uint8Array | null,
): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  if (!round.tally) {
    if (round.tallyPresent) {
      out.push({
        year: round.year,
        check: 'seal',
        file: round.tallyFile,
        message: t(
          `${round.tallyFile} không đọc được hoặc sai cấu trúc (xem “thidua validate ${round.year}”)`,
          `${round.tallyFile} is unreadable or malformed (see “thidua validate ${round.year}”)`,
        ),
      });
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
      year: round.year,
      check: 'results',
      file: round.tallyFile,
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
  return (
    ROUND_INPUT_FILES.some((f) => path === roundFile(year, f)) ||
    inRoundFolder(path, year, 'nominations') ||
    inRoundFolder(path, year, 'ballots')
  );
}

/**
 * The git part of verify: every commit that changed, added or removed a sealed input against a
 * sealed parent without a recorded unseal (`later`), and every uncommitted change to the sealed round.
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
    out.push({
      year,
      check: 'git',
      file: tallyFile,
      message: t(
        'tệp niêm phong chưa được commit vào git (thidua commit)',
        'the seal is not committed to git (thidua commit)',
      ),
    });
  }
  for (const c of later) {
    for (const f of c.files) {
      if (!isSealedInputPath(year, f.path)) continue;
      // A commit's statuses are one letter each (the log is read without rename detection).
      const what =
        f.status === 'A' ? t('được thêm', 'added') : f.status === 'D' ? t('bị xoá', 'removed') : t('bị sửa', 'changed');
      out.push({
        year,
        check: 'git',
        file: f.path,
        commit: c.commit,
        message: t(
          `${what.vi} trong commit ${c.commit.slice(0, 12)} (${c.date.slice(0, 10)}: ${c.subject}), sau khi niêm phong, mà không qua “thidua unseal”`,
          `${what.en} in commit ${c.commit.slice(0, 12)} (${c.date.slice(0, 10)}: ${c.subject}), after the seal, without “thidua unseal”`,
        ),
      });
    }
  }
  for (const p of pending) {
    if (!isSealedInputPath(year, p.path) && p.path !== tallyFile) continue;
    if (p.path === tallyFile && sealCommit === null) continue;
    out.push({
      year,
      check: 'git',
      file: p.path,
      message: t(
        `có thay đổi chưa commit (${p.status}) trong đợt đã niêm phong`,
        `an uncommitted change (${p.status}) in a sealed round`,
      ),
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
    const isSeal = roundFileNameOf(r.path) === 'tally.yaml';
    if (isSeal ? r.recorded.has(r.hash) : r.withRecordedSeal) continue;
    const what = isSeal ? t('đã niêm phong', 'sealed') : t('đã ghi quyết định', 'decided');
    const since = r.addedIn
      ? t(` từ commit ${r.addedIn.slice(0, 12)}`, ` since commit ${r.addedIn.slice(0, 12)}`)
      : t('', '');
    const where = r.commit
      ? t(
          `bị xoá trong commit ${r.commit.slice(0, 12)} (${r.date.slice(0, 10)}: ${r.subject})`,
          `removed in commit ${r.commit.slice(0, 12)} (${r.date.slice(0, 10)}: ${r.subject})`,
        )
      : t('bị xoá (chưa commit)', 'removed (not committed yet)');
    out.push({
      year,
      check: 'git',
      file: r.path,
      ...(r.commit ? { commit: r.commit } : {}),
      message: t(
        `${what.vi}${since.vi}, ${where.vi} mà không qua “thidua unseal”`,
        `${what.en}${since.en}, ${where.en} without “thidua unseal”`,
      ),
    });
  }
  return out;
}

/** A commit after the seal that rewrote tally.yaml with other content than the seal it replaced. */
export interface SealRewrite {
  commit: string;
  date: string;
  subject: string;
}

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

/**
 * Two versions of a seal say the same: every field equal, except that a basis may be added to a
 * seal that had none (a seal written before thidua kept one, given its basis by `tally --seal`).
 * Spelling (quotes, flow or block style, comments) does not count.
 */
export function sameSeal(before: unknown, after: unknown): boolean {
  // Stryker disable next-line LogicalOperator: a mapping compared with a word or a number differs from it anyway
  if (!isMapping(before) || !isMapping(after)) return false;
  const a = { ...(before as Record<string, unknown>) };
  const b = { ...(after as Record<string, unknown>) };
  if (a['basis'] === undefined) delete b['basis'];
  return JSON.stringify(sortKeys(plain(a))) === JSON.stringify(sortKeys(plain(b)));
}

/** A parsed YAML mapping or list (what a seal file holds when it parses at all). */
function isMapping(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function sortKeys(value: unknown): unknown {
  // Stryker disable next-line ConditionalExpression: a list taken as a mapping of its indexes is changed alike on both sides compared
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function verifyRewrites(year: number, rewrites: readonly SealRewrite[]): VerifyFinding[] {
  const tallyFile = roundFile(year, 'tally.yaml');
  return rewrites.map((c) => ({
    year,
    check: 'git' as const,
    file: tallyFile,
    commit: c.commit,
    message: t(
      `tệp niêm phong bị viết lại trong commit ${c.commit.slice(0, 12)} (${c.date.slice(0, 10)}: ${c.subject}) mà không qua “thidua unseal”`,
      `the seal was rewritten in commit ${c.commit.slice(0, 12)} (${c.date.slice(0, 10)}: ${c.subject}) without “thidua unseal”`,
    ),
  }));
}

/** Files of a sealed round that git was told to stop looking at: their changes cannot be seen. */
export function verifyHidden(year: number, paths: readonly string[]): VerifyFinding[] {
  return paths.map((path) => ({
    year,
    check: 'git' as const,
    file: path,
    message: t(
      `git được đặt để bỏ qua thay đổi của tệp này (skip-worktree hoặc assume-unchanged), nên không kiểm tra được; bỏ bằng: git update-index --no-skip-worktree --no-assume-unchanged ${path}`,
      `git is set to ignore changes to this file (skip-worktree or assume-unchanged), so it cannot be checked; clear it with: git update-index --no-skip-worktree --no-assume-unchanged ${path}`,
    ),
  }));
}

/**
 * The signed decision recognises exactly whom the seal recognised: a name added to or dropped
 * from decision.yaml is a finding.
 */
export function verifyDecision(year: number, decided: readonly string[], sealed: TallyFile): VerifyFinding[] {
  const recognised = new Set(sealed.results.filter((r) => r.recognised).map((r) => r.nomination));
  const named = new Set(decided);
  const extra = [...named].filter((id) => !recognised.has(id));
  const missing = [...recognised].filter((id) => !named.has(id));
  if (extra.length === 0 && missing.length === 0) return [];
  const parts: Localized[] = [];
  if (extra.length)
    parts.push(
      t(
        `ghi công nhận ${extra.join(', ')} mà kết quả niêm phong không công nhận`,
        `recognises ${extra.join(', ')}, which the seal does not`,
      ),
    );
  if (missing.length)
    parts.push(
      t(
        `thiếu ${missing.join(', ')} mà kết quả niêm phong công nhận`,
        `leaves out ${missing.join(', ')}, which the seal recognises`,
      ),
    );
  return [
    {
      year,
      check: 'results',
      file: roundFile(year, 'decision.yaml'),
      message: t(
        `quyết định ${parts.map((p) => p.vi).join('; ')}`,
        `the decision ${parts.map((p) => p.en).join('; ')}`,
      ),
    },
  ];
}

function thresholdText(th: TallyFile['threshold']): Localized {
  const q = th.quorum
    ? t(
        `, túc số ${th.quorum.numerator}/${th.quorum.denominator}`,
        `, quorum ${th.quorum.numerator}/${th.quorum.denominator}`,
      )
    : t('', '');
  return th.of === 'members'
    ? t(
        `${th.numerator}/${th.denominator} tổng số thành viên${q.vi}`,
        `${th.numerator}/${th.denominator} of the members${q.en}`,
      )
    : t(
        `${th.numerator}/${th.denominator} số phiếu hợp lệ${q.vi}`,
        `${th.numerator}/${th.denominator} of the valid ballots${q.en}`,
      );
}

/** A seal made again after `thidua unseal` under another threshold than the one it replaced. */
export function resealThresholdNote(
  opened: TallyFile['threshold'] | undefined,
  now: TallyFile['threshold'],
): Localized | null {
  if (!opened) return null;
  const same =
    opened.numerator === now.numerator &&
    opened.denominator === now.denominator &&
    opened.of === now.of &&
    JSON.stringify(opened.quorum ?? null) === JSON.stringify(now.quorum ?? null);
  if (same) return null;
  const a = thresholdText(opened);
  const b = thresholdText(now);
  return t(
    `niêm phong lại theo ngưỡng khác: trước ${a.vi}, nay ${b.vi}`,
    `sealed again under another threshold: before ${a.en}, now ${b.en}`,
  );
}
