/** Reading the workspace's git history: commits touching paths, file contents at a commit. */
import { parse } from 'yaml';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { git } from './git.js';

export function isGitRepo(root: string): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree']).status === 0;
}

/**
 * Whether the workspace's history can be read in full: a repository git refuses (dubious
 * ownership, a damaged .git), a shallow clone and a folder outside any repository cannot.
 */
export type HistoryState =
  | { kind: 'ok' }
  | { kind: 'none' }
  | { kind: 'shallow' }
  | { kind: 'refused'; detail: string };

function gitDirAbove(root: string): boolean {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

export function historyState(root: string): HistoryState {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') {
    const detail = inside.stderr.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
    if (/dubious ownership/.test(inside.stderr) || gitDirAbove(root)) return { kind: 'refused', detail };
    return { kind: 'none' };
  }
  const shallow = git(root, ['rev-parse', '--is-shallow-repository']);
  if (shallow.status !== 0) return { kind: 'refused', detail: shallow.stderr.trim().split('\n')[0] ?? '' };
  if (shallow.stdout.trim() === 'true') return { kind: 'shallow' };
  return { kind: 'ok' };
}

/** Tracked files under the pathspecs that git is told not to look at (skip-worktree, assume-unchanged). */
export function hiddenFromGit(root: string, pathspecs: string[]): string[] {
  const res = git(root, ['ls-files', '-v', '-z', '--', ...pathspecs]);
  if (res.status !== 0) return [];
  const prefix = git(root, ['rev-parse', '--show-prefix']).stdout.trim();
  const out: string[] = [];
  for (const entry of res.stdout.split('\0')) {
    if (entry.length < 3) continue;
    const tag = entry[0]!;
    // S: skip-worktree; a lower-case tag: assume-unchanged.
    if (tag !== 'S' && tag === tag.toUpperCase()) continue;
    let path = entry.slice(2);
    if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length);
    out.push(path);
  }
  return out;
}

export interface CommitInfo {
  commit: string;
  date: string;
  author: string;
  subject: string;
  files: Array<{ status: string; path: string; from?: string }>;
}

const SEP = '\u001f';
const START = '\u001e';

/** Commits touching the pathspecs (relative to root), newest first, with their name-status. */
export function commitsTouching(root: string, pathspecs: string[], range?: string): CommitInfo[] {
  // A merge is diffed against each of its parents: a change made in the merge itself is listed too.
  const args = ['log', `--format=${START}%H${SEP}%aI${SEP}%an${SEP}%s`, '--name-status', '--no-renames', '--relative', '--diff-merges=separate'];
  if (range) args.push(range);
  args.push('--', ...pathspecs);
  const res = git(root, args);
  if (res.status !== 0) return [];
  const out: CommitInfo[] = [];
  const byCommit = new Map<string, CommitInfo>();
  for (const chunk of res.stdout.split(START)) {
    if (!chunk.trim()) continue;
    const [head, ...rest] = chunk.split('\n');
    const [commit, date, author, subject] = (head ?? '').split(SEP) as [string, string, string, string];
    const files = rest.filter((l) => l.trim()).map((l) => {
      const [status, path, to] = l.split('\t') as [string, string, string | undefined];
      return to ? { status, path: to, from: path } : { status, path };
    });
    const seen = byCommit.get(commit);
    if (seen) {
      // The same merge against another parent: its files join the first listing.
      for (const f of files) if (!seen.files.some((g) => g.path === f.path && g.status === f.status)) seen.files.push(f);
      continue;
    }
    const info = { commit, date, author, subject, files };
    byCommit.set(commit, info);
    out.push(info);
  }
  return out;
}

/** The file's text at a commit (`null` when it does not exist there). */
export function fileAt(root: string, commit: string, path: string): string | null {
  const res = git(root, ['show', `${commit}:./${path}`]);
  return res.status === 0 ? res.stdout : null;
}

/** A commit's parents (one for most commits, several for a merge). */
export function parentsOf(root: string, commit: string): string[] {
  const res = git(root, ['rev-list', '--parents', '-n', '1', commit]);
  return res.status === 0 ? res.stdout.trim().split(' ').slice(1) : [];
}

/** Lenient YAML for history: a version that does not parse is shown as text. */
export function parseLenient(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return parse(text, { schema: 'core', uniqueKeys: false, maxAliasCount: 0 }) as unknown;
  } catch {
    return text;
  }
}

/** Paths with uncommitted changes (modified, added, deleted, untracked) under the pathspecs. */
export function uncommitted(root: string, pathspecs: string[]): Array<{ status: string; path: string }> {
  const res = git(root, ['status', '--porcelain=v1', '--untracked-files=all', '-z', '--', ...pathspecs]);
  if (res.status !== 0) return [];
  const prefix = git(root, ['rev-parse', '--show-prefix']).stdout.trim();
  const out: Array<{ status: string; path: string }> = [];
  const parts = res.stdout.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2).trim();
    let path = entry.slice(3);
    if (status.startsWith('R') || status.startsWith('C')) i++;
    if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length);
    out.push({ status, path });
  }
  return out;
}
