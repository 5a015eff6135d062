/**
 * The git part of verification, over what the shell read of the history: changes to a sealed
 * round's inputs, seals and decisions removed, seals rewritten, files hidden from git.
 */
import { t, type Localized } from './diagnostics.js';
import { ROUND_INPUT_FILES } from './records/workspace.js';
import { inRoundFolder, roundFile, roundFileNameOf } from './records/paths.js';

/** One thing verify found wrong, for a round (year 0: shared records or the repository). */
export interface VerifyFinding {
  year: number;
  check: 'records' | 'seal' | 'results' | 'git' | 'document';
  file: string;
  commit?: string;
  message: Localized;
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
