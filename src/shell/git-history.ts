/** Reading the workspace's git history: commits touching paths, file contents at a commit. */
import { parse } from 'yaml';
import { git } from './git.js';

export function isGitRepo(root: string): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree']).status === 0;
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
  const args = ['log', `--format=${START}%H${SEP}%aI${SEP}%an${SEP}%s`, '--name-status', '--no-renames', '--relative'];
  if (range) args.push(range);
  args.push('--', ...pathspecs);
  const res = git(root, args);
  if (res.status !== 0) return [];
  const out: CommitInfo[] = [];
  for (const chunk of res.stdout.split(START)) {
    if (!chunk.trim()) continue;
    const [head, ...rest] = chunk.split('\n');
    const [commit, date, author, subject] = (head ?? '').split(SEP) as [string, string, string, string];
    const files = rest.filter((l) => l.trim()).map((l) => {
      const [status, path, to] = l.split('\t') as [string, string, string | undefined];
      return to ? { status, path: to, from: path } : { status, path };
    });
    out.push({ commit, date, author, subject, files });
  }
  return out;
}

/** The file's text at a commit (`null` when it does not exist there). */
export function fileAt(root: string, commit: string, path: string): string | null {
  const res = git(root, ['show', `${commit}:./${path}`]);
  return res.status === 0 ? res.stdout : null;
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
