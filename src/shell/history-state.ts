/** Whether the workspace's history can be read, and read as committed (no grafts, no replace refs). */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { git, type GitResult } from './git.js';
import { t, type Localized } from '../core/diagnostics.js';
import type { VerifyFinding } from '../core/verify.js';

/**
 * Whether the workspace's history can be read in full: a repository git refuses (dubious
 * ownership, a damaged .git), a shallow clone and a folder outside any repository cannot.
 */
export type HistoryState =
  { kind: 'ok' } | { kind: 'none' } | { kind: 'shallow' } | { kind: 'refused'; detail: Localized };

function gitDirAbove(root: string): boolean {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** git's reason for a refusal: the first line it wrote, without its "fatal: ". */
export function reason(res: GitResult): string {
  // Stryker disable next-line MethodExpression,Regex: git writes its reason from the first character of its first line
  return res.stderr
    .trim()
    .split('\n')[0]!
    .replace(/^fatal: /, '');
}

/**
 * git's reason for refusing a repository, said in both languages: the refusals an office meets
 * are told in Vietnamese with git's own words after them, and with what to do when there is
 * something to do; any other reason is git's text in both.
 */
export function explainRefusal(why: string): Localized {
  const owner = /^detected dubious ownership in repository at '(.*)'$/.exec(why);
  if (owner) {
    const fix = `git config --global --add safe.directory ${owner[1]!}`;
    return t(
      `kho ở ${owner[1]!} thuộc người dùng khác nên git không tin (${why}); nếu tin kho này, chạy ${fix}`,
      `${why}; if you trust this repository, run ${fix}`,
    );
  }
  // `why` is one line (git's first): the path runs to its end.
  const pointer = /^not a git repository: (.+)/.exec(why);
  if (pointer) return t(`tệp .git trỏ tới ${pointer[1]!}, nơi không có kho git (${why})`, why);
  if (why.startsWith('not a git repository (or any of the parent directories)'))
    return t(`thư mục .git bị hỏng, git không nhận ra kho (${why})`, why);
  return t(why, why);
}

export function historyState(root: string): HistoryState {
  // One question for both: inside a work tree, and a shallow clone or not.
  const res = git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  const [inside, shallow] = res.stdout.split('\n');
  // git that fails prints nothing on stdout: "inside" is then not "true" either.
  if (inside !== 'true') {
    // A repository git will not read (owned by another user, a damaged .git) still has its .git.
    if (gitDirAbove(root)) {
      // Inside .git itself git answers "false" without a reason: say where it was asked.
      const why = reason(res);
      return {
        kind: 'refused',
        detail: why
          ? explainRefusal(why)
          : t(`${root} không thuộc cây làm việc của kho`, `${root} is not inside the repository's work tree`),
      };
    }
    return { kind: 'none' };
  }
  if (shallow === 'true') return { kind: 'shallow' };
  // A git too old to know the question repeats it ("--is-shallow-repository"): the history cannot be vouched for.
  if (shallow !== 'false') {
    const version = gitVersion(root);
    return {
      kind: 'refused',
      detail: t(
        `git ${version} không cho biết kho có phải bản sao nông không`,
        `git ${version} cannot tell whether the clone is shallow`,
      ),
    };
  }
  return { kind: 'ok' };
}

function gitVersion(root: string): string {
  // Stryker disable next-line Regex: "git version " begins the line git prints
  return git(root, ['--version'])
    .stdout.trim()
    .replace(/^git version /, '');
}

/** The repository's own folder (.git, or the common one of a linked work tree). */
function commonDir(root: string): string | null {
  const res = git(root, ['rev-parse', '--git-common-dir']);
  return res.status === 0 ? resolve(root, res.stdout.trim()) : null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** What makes git show another history than the one committed: a grafts file with a line, and replace refs. */
function alterations(root: string): { grafts: string | null; graftsText: string; replaced: string[] } {
  const dir = commonDir(root);
  const graftsPath = dir ? join(dir, 'info', 'grafts') : null;
  const graftsText = graftsPath ? (readOrNull(graftsPath) ?? '') : '';
  const grafted = graftsText.split('\n').some((l) => l.trim() !== '' && !l.startsWith('#'));
  const refs = git(root, ['for-each-ref', '--format=%(refname)', 'refs/replace/']);
  return {
    grafts: grafted && graftsPath ? relative(root, graftsPath) || graftsPath : null,
    graftsText,
    replaced: refs.stdout.split('\n').filter((l) => l !== ''),
  };
}

/**
 * A history git would show otherwise than committed is not vouched for: each grafts file and
 * replace ref is a finding naming it and how to remove it. thidua itself reads the history as
 * committed whatever they say (GIT_GRAFT_FILE and GIT_NO_REPLACE_OBJECTS, in src/shell/git.ts).
 */
export function verifyAlterations(root: string): VerifyFinding[] {
  const { grafts, replaced } = alterations(root);
  const out: VerifyFinding[] = [];
  if (grafts)
    out.push({
      year: 0,
      check: 'git',
      file: grafts,
      message: t(
        `có tệp ${grafts} (grafts) làm git hiện lịch sử khác với lịch sử đã commit; verify không bảo đảm cho lịch sử như vậy; nếu không cần, xoá tệp đó`,
        `${grafts} (grafts) makes git show another history than the one committed; verify does not vouch for such a history; if it is not needed, remove that file`,
      ),
    });
  for (const ref of replaced) {
    const id = ref.slice('refs/replace/'.length);
    out.push({
      year: 0,
      check: 'git',
      file: '.git',
      message: t(
        `có ${ref} (git replace) thay một commit bằng commit khác; verify không bảo đảm cho lịch sử như vậy; nếu không cần: git replace -d ${id}`,
        `${ref} (git replace) stands another commit in for one; verify does not vouch for such a history; if it is not needed: git replace -d ${id}`,
      ),
    });
  }
  return out;
}

/**
 * Everything besides HEAD that changes what git shows of the history: the grafts file, the
 * replace refs and the repository's own configuration; the history memo is kept under it too.
 */
export function historyFingerprint(root: string): string {
  const { graftsText, replaced } = alterations(root);
  const dir = commonDir(root);
  const config = dir ? (readOrNull(join(dir, 'config')) ?? '') : '';
  const refs = replaced.map((r) => `${r} ${git(root, ['rev-parse', '-q', '--verify', r]).stdout.trim()}`);
  return createHash('sha256')
    .update(`${graftsText}\0${refs.join('\n')}\0${config}`)
    .digest('hex');
}

/** Why verify cannot vouch for a history it cannot read in full, and what to do. */
export function historyUnreadable(state: Exclude<HistoryState, { kind: 'ok' }>): Localized {
  const escape = t(
    'hoặc chạy lại với --no-history để chỉ kiểm tra phần còn lại',
    'or run again with --no-history to check only the rest',
  );
  switch (state.kind) {
    case 'none':
      return t(
        `không phải kho git, nên không kiểm tra được lịch sử; mở bản sao có lịch sử (git clone), ${escape.vi}`,
        `not a git repository, so the history cannot be checked; use a copy with its history (git clone), ${escape.en}`,
      );
    case 'shallow':
      return t(
        `bản sao nông (shallow clone), thiếu phần đầu lịch sử nên không kiểm tra được; chạy git fetch --unshallow, ${escape.vi}`,
        `a shallow clone lacks the start of the history, so it cannot be checked; run git fetch --unshallow, ${escape.en}`,
      );
    case 'refused':
      return t(
        `git từ chối đọc kho (${state.detail.vi}), nên không kiểm tra được lịch sử; ${escape.vi}`,
        `git refuses to read the repository (${state.detail.en}), so the history cannot be checked; ${escape.en}`,
      );
  }
}
