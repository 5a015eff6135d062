/** Reading the workspace's git history: commits touching paths, file contents at a commit. */
import { createRequire } from 'node:module';
import { git, type GitResult } from './git.js';
import { t } from '../core/diagnostics.js';
import { environmentError, type ThiduaError } from '../errors.js';
import { reason } from './history-state.js';

/** The workspace's folder inside its repository ('' at the top, else ending in '/'). */
function showPrefix(root: string): string {
  return git(root, ['rev-parse', '--show-prefix']).stdout.trim();
}

export function isGitRepo(root: string): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree']).status === 0;
}

/**
 * Tracked files under the pathspecs that git is told not to look at (skip-worktree, assume-unchanged).
 * `ls-files` names them from the folder it runs in, the workspace's: no prefix to take off.
 */
export function hiddenFromGit(root: string, pathspecs: string[]): string[] {
  // The index alone is read: no replacement object can stand in for it.
  const res = git(root, ['ls-files', '-v', '-z', '--', ...pathspecs]);
  if (res.status !== 0) throw unreadable(res);
  const out: string[] = [];
  for (const entry of res.stdout.split('\0')) {
    if (entry.length < 3) continue;
    const tag = entry[0]!;
    // S: skip-worktree; a lower-case tag: assume-unchanged.
    if (tag !== 'S' && tag === tag.toUpperCase()) continue;
    out.push(entry.slice(2));
  }
  return out;
}

export interface CommitInfo {
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** The commit's parents (one for most commits, several for a merge, none for the first). */
  parents: string[];
  files: Array<{ status: string; path: string }>;
}

const SEP = '\u001f';
const START = '\u001e';

export function logArgs(pathspecs: string[], range?: string): string[] {
  // A merge is diffed against each of its parents: a change made in the merge itself is listed too.
  const args = [
    'log',
    `--format=${START}%H${SEP}%aI${SEP}%an${SEP}%P${SEP}%s`,
    '--name-status',
    '--no-renames',
    '--relative',
    '--diff-merges=separate',
    // Every path of the history: a merge that takes one side whole is listed, and its other side walked.
    '--full-history',
  ];
  if (range) args.push(range);
  args.push('--', ...pathspecs);
  return args;
}

/** git failed to read what it was asked (a damaged repository): no answer is better than an empty one. */
export function unreadable(res: GitResult): ThiduaError {
  const detail = reason(res);
  return environmentError(
    t(
      `git không đọc được lịch sử của kho (${detail}); kho có thể bị hỏng: kiểm tra bằng git fsck`,
      `git cannot read the repository's history (${detail}); it may be damaged: check it with git fsck`,
    ),
  );
}

/**
 * The commits of a `git log` (logArgs). A repository without a commit has none; any other failure
 * throws, so that a history git cannot read is never taken for one without changes.
 */
export function parseLog(res: GitResult, root: string): CommitInfo[] {
  if (res.status !== 0) {
    if (git(root, ['rev-parse', '--verify', '-q', 'HEAD']).status !== 0) return [];
    throw unreadable(res);
  }
  const out: CommitInfo[] = [];
  const byCommit = new Map<string, CommitInfo>();
  // The output starts with a commit's mark: what comes before the first is empty.
  for (const chunk of res.stdout.split(START).slice(1)) {
    const [head, ...rest] = chunk.split('\n');
    const [commit, date, author, parents, ...subject] = head!.split(SEP) as [
      string,
      string,
      string,
      string,
      ...string[],
    ];
    // --no-renames: each line is a status and one path.
    const files = rest
      .filter((l) => l !== '')
      .map((l) => {
        const [status, path] = l.split('\t') as [string, string];
        return { status, path };
      });
    const seen = byCommit.get(commit);
    if (seen) {
      // The same merge against another parent: its files join the first listing.
      for (const f of files)
        if (!seen.files.some((g) => g.path === f.path && g.status === f.status)) seen.files.push(f);
      continue;
    }
    const info = {
      commit,
      date,
      author,
      subject: subject.join(SEP),
      parents: parents.split(' ').filter(Boolean),
      files,
    };
    byCommit.set(commit, info);
    out.push(info);
  }
  return out;
}

/** Commits touching the pathspecs (relative to root), newest first, with their name-status. */
export function commitsTouching(root: string, pathspecs: string[], range?: string): CommitInfo[] {
  return parseLog(git(root, logArgs(pathspecs, range)), root);
}

/** The file's text at a commit (`null` when it does not exist there). */
export function fileAt(root: string, commit: string, path: string): string | null {
  const res = git(root, ['show', `${commit}:./${path}`]);
  return res.status === 0 ? res.stdout : null;
}

const requireHere = createRequire(import.meta.url);

/** Lenient YAML for history: a version that does not parse is shown as text. */
export function parseLenient(text: string | null): unknown {
  if (text === null) return undefined;
  // The YAML parser is loaded the first time a version must be parsed (a verify answered from its
  // memo never does); node keeps the module after that, so no state of this module's own holds it.
  const { parse } = requireHere('yaml') as typeof import('yaml');
  try {
    return parse(text, { schema: 'core', uniqueKeys: false, maxAliasCount: 0 }) as unknown;
  } catch {
    return text;
  }
}

/**
 * Paths with uncommitted changes (modified, added, deleted, untracked) under the pathspecs.
 * `status --porcelain` names them from the top of the repository: the workspace's folder is taken off.
 */
export function uncommitted(
  root: string,
  pathspecs: string[],
  prefix = showPrefix(root),
  env: NodeJS.ProcessEnv = {},
): Array<{ status: string; path: string }> {
  const res = git(root, ['status', '--porcelain=v1', '--untracked-files=all', '-z', '--', ...pathspecs], { env });
  if (res.status !== 0) throw unreadable(res);
  const out: Array<{ status: string; path: string }> = [];
  const parts = res.stdout.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2).trim();
    const path = entry.slice(3);
    // A rename or copy is followed by the path it came from: not a change of its own.
    if (status.startsWith('R') || status.startsWith('C')) i++;
    // Every path asked for lies in the workspace's folder.
    out.push({ status, path: path.slice(prefix.length) });
  }
  return out;
}
