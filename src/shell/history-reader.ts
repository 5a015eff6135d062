/** The history as one `verify` reads it, answering from what it already asked git. */
import { createHash } from 'node:crypto';
import { git, gitAsync, gitBytes } from './git.js';
import {
  hiddenFromGit,
  logArgs,
  parseLenient,
  parseLog,
  uncommitted,
  unreadable,
  type CommitInfo,
} from './git-history.js';

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

/** The memo's key for a history: the paths and the range both (a range is another history). */
function logKey(pathspecs: string[], range: string | undefined): string {
  return JSON.stringify([pathspecs, range ?? null]);
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

  /** Asks git for several histories side by side; `commitsTouching` then answers from them. */
  async preload(queries: Array<{ pathspecs: string[]; range?: string }>): Promise<void> {
    // Stryker disable next-line all: a memo: asking again what is known gives the same answer more slowly
    const todo = queries.filter((q) => !this.logs.has(logKey(q.pathspecs, q.range)));
    const results = await Promise.all(
      todo.map((q) => gitAsync(this.root, logArgs(q.pathspecs, q.range), asCommitted())),
    );
    todo.forEach((q, i) => this.logs.set(logKey(q.pathspecs, q.range), parseLog(results[i]!, this.root)));
  }

  commitsTouching(pathspecs: string[], range?: string): CommitInfo[] {
    const key = logKey(pathspecs, range);
    let out = this.logs.get(key);
    // Stryker disable next-line ConditionalExpression: a memo: asking again gives the same answer more slowly
    if (!out)
      this.logs.set(
        key,
        (out = parseLog(git(this.root, logArgs(pathspecs, range), { env: asCommitted() }), this.root)),
      );
    return out;
  }

  /** What changed under the pathspecs from `parent` to `commit` (the diff of a merge against one of its parents). */
  changes(parent: string, commit: string, pathspecs: string[]): Array<{ status: string; path: string }> {
    const key = JSON.stringify(['diff', parent, commit, pathspecs]);
    let out = this.logs.get(key);
    if (!out) {
      const res = git(
        this.root,
        ['diff', '--name-status', '--no-renames', '--relative', parent, commit, '--', ...pathspecs],
        {
          env: asCommitted(),
        },
      );
      if (res.status !== 0) throw unreadable(res);
      const files = res.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => {
          const [status, path] = l.split('\t') as [string, string];
          return { status, path };
        });
      out = [{ commit, date: '', author: '', subject: '', parents: [parent], files }];
      this.logs.set(key, out);
    }
    return out[0]!.files;
  }

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
