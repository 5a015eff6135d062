/** Reading the workspace's git history: commits touching paths, file contents at a commit. */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { git, gitAsync, gitBytes, type GitResult } from './git.js';
import { t, type Localized } from '../core/diagnostics.js';
import { environmentError, type ThiduaError } from '../errors.js';

/** The workspace's folder inside its repository ('' at the top, else ending in '/'). */
function showPrefix(root: string): string {
  return git(root, ['rev-parse', '--show-prefix']).stdout.trim();
}

export function isGitRepo(root: string): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree']).status === 0;
}

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
function reason(res: GitResult): string {
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

function logArgs(pathspecs: string[], range?: string): string[] {
  // A merge is diffed against each of its parents: a change made in the merge itself is listed too.
  const args = [
    'log',
    `--format=${START}%H${SEP}%aI${SEP}%an${SEP}%P${SEP}%s`,
    '--name-status',
    '--no-renames',
    '--relative',
    '--diff-merges=separate',
  ];
  if (range) args.push(range);
  args.push('--', ...pathspecs);
  return args;
}

/** git failed to read what it was asked (a damaged repository): no answer is better than an empty one. */
function unreadable(res: GitResult): ThiduaError {
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
function parseLog(res: GitResult, root: string): CommitInfo[] {
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

/** Whether `path` is one of the pathspecs or lies under one (pathspecs here are plain paths). */
function underSpecs(path: string, pathspecs: readonly string[]): boolean {
  return pathspecs.some((spec) => path === spec || path.startsWith(`${spec.replace(/\/$/, '')}/`));
}

/**
 * History as committed: replacement objects (`git replace`) cannot hide or stand in for a commit.
 * Made per call, not once when the module loads, so that a mutation run sees it changed.
 */
function asCommitted(): NodeJS.ProcessEnv {
  return { GIT_NO_REPLACE_OBJECTS: '1' };
}

/** What a reader learnt from git that stays true while HEAD is the same commit (kept between runs). */
export interface HistoryMemo {
  logs: Map<string, CommitInfo[]>;
  blobs: Map<string, string | null>;
  /** Lenient parses, by the SHA-256 of the text parsed. */
  values: Map<string, unknown>;
}

/**
 * The history as one `verify` reads it: the working tree's state asked of git once for all of
 * records/ and filtered here, histories asked side by side (`preload`), and file contents at commits
 * fetched together through one `git cat-file --batch` (`prefetch`). Nothing is written while it
 * lives, so what git said stays true. Every commit id names its whole history, so what was learnt
 * of the history up to HEAD (`memo`) can be kept for a later run at the same HEAD; the working
 * tree's state is asked afresh each run.
 */
export class HistoryReader {
  private prefixMemo: string | null = null;
  private statusMemo: Array<{ status: string; path: string }> | null = null;
  private hiddenMemo: string[] | null = null;
  private headMemo: string | null | undefined = undefined;
  private blobs = new Map<string, string | null>();
  private logs = new Map<string, CommitInfo[]>();
  private values = new Map<string, unknown>();
  private adopted = 0;

  constructor(
    readonly root: string,
    private readonly scope: string,
  ) {}

  /** Takes what an earlier run learnt at the same HEAD (the caller checks that it is the same). */
  adopt(memo: HistoryMemo): void {
    this.logs = new Map([...memo.logs, ...this.logs]);
    this.blobs = new Map([...memo.blobs, ...this.blobs]);
    this.values = new Map([...memo.values, ...this.values]);
    this.adopted = this.logs.size + this.blobs.size + this.values.size;
  }

  /** Whether this run learnt anything an adopted memo did not hold. */
  learnt(): boolean {
    return this.logs.size + this.blobs.size + this.values.size > this.adopted;
  }

  /** `parseLenient`, each text parsed once (and, through the memo, once across runs). */
  parse(text: string | null): unknown {
    if (text === null) return undefined;
    const key = createHash('sha256').update(text).digest('hex');
    // Stryker disable next-line ConditionalExpression: a memo: leaving it out, or asking again, gives the same answer more slowly
    if (this.values.has(key)) return this.values.get(key);
    const value = parseLenient(text);
    this.values.set(key, value);
    return value;
  }

  /** The commit HEAD names (null in a repository without commits): what `memo` holds true for. */
  head(): string | null {
    // Stryker disable next-line ConditionalExpression: a memo: asking again gives the same answer more slowly
    if (this.headMemo === undefined) {
      // A replacement object cannot move a branch: HEAD names the same commit either way.
      const res = git(this.root, ['rev-parse', '--show-prefix', '--verify', '-q', 'HEAD']);
      // The prefix first ('' at the top), then the commit, when there is one.
      const lines = res.stdout.split('\n');
      this.prefixMemo = lines[0] ?? '';
      this.headMemo = res.status === 0 ? lines[1]! : null;
    }
    return this.headMemo;
  }

  memo(): HistoryMemo {
    return { logs: this.logs, blobs: this.blobs, values: this.values };
  }

  // Stryker disable next-line BlockStatement: without a prefix given, `uncommitted` asks git for it
  private prefix(): string {
    this.head();
    return this.prefixMemo ?? '';
  }

  // Stryker disable all: a memo: leaving it out, or asking again, gives the same answer more slowly
  /** Asks git for several histories side by side; `commitsTouching` then answers from them. */
  async preload(queries: Array<{ pathspecs: string[]; range?: string }>): Promise<void> {
    const todo = queries.filter((q) => !this.logs.has(JSON.stringify([q.pathspecs, q.range ?? null])));
    const results = await Promise.all(
      todo.map((q) => gitAsync(this.root, logArgs(q.pathspecs, q.range), asCommitted())),
    );
    todo.forEach((q, i) =>
      this.logs.set(JSON.stringify([q.pathspecs, q.range ?? null]), parseLog(results[i]!, this.root)),
    );
  }

  commitsTouching(pathspecs: string[], range?: string): CommitInfo[] {
    const key = JSON.stringify([pathspecs, range ?? null]);
    let out = this.logs.get(key);
    if (!out)
      this.logs.set(
        key,
        (out = parseLog(git(this.root, logArgs(pathspecs, range), { env: asCommitted() }), this.root)),
      );
    return out;
  }
  // Stryker restore all

  uncommitted(pathspecs: string[]): Array<{ status: string; path: string }> {
    // Stryker disable next-line ArrayDeclaration: without a pathspec git lists the whole repository, which the filter then narrows
    this.statusMemo ??= uncommitted(this.root, [this.scope], this.prefix(), asCommitted());
    return this.statusMemo.filter((e) => underSpecs(e.path, pathspecs));
  }

  hidden(pathspecs: string[]): string[] {
    // Stryker disable next-line ArrayDeclaration: without a pathspec git lists the whole repository, which the filter then narrows
    this.hiddenMemo ??= hiddenFromGit(this.root, [this.scope]);
    return this.hiddenMemo.filter((p) => underSpecs(p, pathspecs));
  }

  // Stryker disable all: a memo: leaving it out, or asking again, gives the same answer more slowly; a file not read here is asked of git by `fileAt`
  /** Reads the files at the given commits in one git process, for `fileAt` to answer from. */
  prefetch(wanted: Array<{ rev: string; path: string }>): void {
    const names = [...new Set(wanted.map((w) => `${w.rev}:./${w.path}`))].filter(
      (n) => !this.blobs.has(n) && !/[\n\r]/.test(n),
    );
    if (names.length === 0) return;
    const res = gitBytes(this.root, ['cat-file', '--batch'], `${names.join('\n')}\n`, asCommitted());
    if (res === null) return; // fileAt asks git one file at a time
    let at = 0;
    for (const name of names) {
      const eol = res.indexOf(0x0a, at);
      if (eol < 0) return;
      const head = res.subarray(at, eol).toString('utf8');
      at = eol + 1;
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(head);
      if (!m) {
        // "<name> missing" (or ambiguous): not there at that commit, as `git show` would fail.
        if (head.endsWith(' missing')) this.blobs.set(name, null);
        continue;
      }
      const size = Number(m[2]);
      if (m[1] === 'blob') this.blobs.set(name, res.subarray(at, at + size).toString('utf8'));
      at += size + 1;
    }
  }

  // Stryker restore all
  /** The file's text at a commit (`null` when it does not exist there). */
  fileAt(rev: string, path: string): string | null {
    const name = `${rev}:./${path}`;
    // Stryker disable next-line ConditionalExpression: a memo: leaving it out, or asking again, gives the same answer more slowly
    if (this.blobs.has(name)) return this.blobs.get(name)!;
    const res = git(this.root, ['show', `${rev}:./${path}`], { env: asCommitted() });
    const text = res.status === 0 ? res.stdout : null;
    this.blobs.set(name, text);
    return text;
  }
}
