/**
 * `inbox fetch`: each agency's repository fetched into a bare mirror kept out of the records
 * (.thidua/inbox/, git-ignored), then checked out at the fetched commit and verified there by
 * `thidua verify` itself, with that commit as the tip. Nothing the fetched repository's own
 * configuration names can run: its config is never fetched (only objects and one ref are), the
 * mirror's config is thidua's, and git is called only through shell/git.ts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { t, type Lang, type Localized } from '../core/diagnostics.js';
import type { FetchOutcome } from '../core/inbox.js';
import { proposalsOf } from '../core/inbox-proposals.js';

export type { FetchOutcome };
import type { InboxEntry, InboxProposal } from '../core/schemas/inbox.js';
import { gitAsync } from './git.js';
import { ensureDirInside } from './safe-write.js';
import { loadAndValidate } from './load.js';

/** The folder, inside the workspace, holding the mirrors and the check-outs (ignored by git). */
export const INBOX_CACHE = '.thidua';

function firstLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}

function cacheDirs(root: string, id: string) {
  ensureCache(root);
  const base = join(root, INBOX_CACHE);
  return { base, mirror: join(base, 'inbox', `${id}.git`), work: join(base, 'work', id) };
}

/** The folder made on first use, with a .gitignore that keeps all of it out of the records' repository. */
function ensureCache(root: string): void {
  const base = join(root, INBOX_CACHE);
  ensureDirInside(root, join(base, 'inbox'));
  ensureDirInside(root, join(base, 'work'));
  const ignore = join(base, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# thidua inbox: mirrors and check-outs, never committed\n*\n');
}

/**
 * An ssh URL is the clerk's own registration, not a repository's setting: ssh runs for it (the git
 * helper turns core.sshCommand off for every call; GIT_SSH_COMMAND, when set, still wins).
 */
const REMOTE_ENV: NodeJS.ProcessEnv = { GIT_SSH_COMMAND: process.env['GIT_SSH_COMMAND'] || 'ssh' };

/** The remote's HEAD as ls-remote tells it, or why it cannot be read. */
async function remoteHead(root: string, url: string): Promise<{ commit: string } | { error: string }> {
  const res = await gitAsync(root, ['ls-remote', '--', url, 'HEAD'], REMOTE_ENV);
  const commit = /^([0-9a-f]{40,64})\tHEAD$/m.exec(res.stdout)?.[1];
  if (res.status !== 0 || !commit) return { error: firstLine(res.stderr) || 'no HEAD' };
  return { commit };
}

/** The thidua program itself, to run `verify` exactly as a clerk would in the agency's repository. */
function thiduaCommand(): string[] {
  const bin = fileURLToPath(new URL('../../bin/thidua', import.meta.url));
  return existsSync(bin) ? [process.execPath, bin] : [process.execPath];
}

interface VerifyJson {
  ok: boolean;
  shared: Array<{ file: string; message: string }>;
  rounds: Array<{ year: number; findings: Array<{ file: string; message: string }> }>;
}

/** `thidua verify --json` in the check-out: null when it passed, else the reason kept. */
function runVerify(work: string, lang: Lang, env: NodeJS.ProcessEnv): Promise<string | null> {
  const [cmd, ...pre] = thiduaCommand();
  return new Promise((resolve) => {
    const child = spawn(cmd!, [...pre, '--root', work, '--lang', lang, 'verify', '--json'], {
      cwd: work,
      env: { ...env, NO_COLOR: '1', THIDUA_LANG: lang },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve(`verify: ${e.message}`));
    child.on('close', (code) => {
      let report: VerifyJson | null;
      try {
        report = JSON.parse(Buffer.concat(out).toString('utf8')) as VerifyJson;
      } catch {
        report = null;
      }
      if (!report || (code !== 0 && code !== 1))
        return resolve(`verify: ${firstLine(Buffer.concat(err).toString('utf8')) || `exit ${String(code)}`}`);
      if (report.ok && code === 0) return resolve(null);
      const findings = [...report.shared, ...report.rounds.flatMap((r) => r.findings)];
      const shown = findings.slice(0, 3).map((f) => `${f.file}: ${f.message}`);
      if (findings.length > 3) shown.push(`(+${findings.length - 3})`);
      resolve(shown.join('; ') || 'verify failed');
    });
  });
}

/** The upward proposals of every sealed round at the check-out, each with its seal's hash. */
async function proposalsAt(work: string): Promise<InboxProposal[]> {
  const loaded = await loadAndValidate(work, null);
  const out: InboxProposal[] = [];
  for (const round of loaded.workspace.rounds) {
    const entry = loaded.snapshot.files.get(round.tallyFile);
    if (!round.tally || !entry || entry.kind !== 'file') continue;
    const seal = createHash('sha256').update(entry.bytes).digest('hex');
    out.push(...proposalsOf(round, loaded.view(round), seal));
  }
  return out;
}

async function ok(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const res = await gitAsync(cwd, args, env);
  if (res.status !== 0) throw new Error(`git ${args[0] ?? ''}: ${firstLine(res.stderr)}`);
  return res.stdout.trim();
}

/**
 * A new head that does not descend from the commit fetched last: the agency's history was
 * rewritten (a force-push), so what the province verified before may be gone. Null when it descends
 * (or no earlier commit is known to the mirror).
 */
async function rewrittenSince(mirror: string, previous: string | undefined, commit: string): Promise<Localized | null> {
  if (!previous || previous === commit) return null;
  if ((await gitAsync(mirror, ['cat-file', '-e', `${previous}^{commit}`])).status !== 0) return null;
  const res = await gitAsync(mirror, ['merge-base', '--is-ancestor', previous, commit]);
  if (res.status !== 1) return null;
  return t(
    `lịch sử đã bị viết lại: commit ${previous.slice(0, 12)} tải lần trước không còn là tổ tiên của ${commit.slice(0, 12)}`,
    `the history was rewritten: the commit ${previous.slice(0, 12)} fetched last time is no ancestor of ${commit.slice(0, 12)}`,
  );
}

const heldText = (lang: Lang, why: Localized) => why[lang];

export type Verified<T> =
  | { kind: 'unchanged' }
  | { kind: 'fetched'; commit: string; held: string | null; value: T | null }
  | { kind: 'unreachable'; held: string };

/**
 * Fetch one repository into its mirror and verify it at the fetched commit; `inspect` reads the
 * check-out when verify passed. Never throws for what the remote holds: that is a held result.
 */
export async function fetchVerified<T>(
  root: string,
  key: string,
  url: string,
  previous: string | undefined,
  options: { lang: Lang; env: NodeJS.ProcessEnv; force: boolean },
  inspect: (work: string) => Promise<T>,
): Promise<Verified<T>> {
  const { mirror, work } = cacheDirs(root, key);
  const head = await remoteHead(root, url);
  if ('error' in head)
    return {
      kind: 'unreachable',
      held: heldText(
        options.lang,
        t(`không đọc được kho: ${head.error}`, `the repository cannot be read: ${head.error}`),
      ),
    };
  if (!options.force && previous === head.commit && existsSync(mirror)) return { kind: 'unchanged' };
  try {
    if (!existsSync(mirror)) await ok(root, ['init', '--bare', '--quiet', mirror]);
    // A shallow remote makes a shallow mirror (not a silently refused ref): verify then holds it as shallow.
    await ok(
      mirror,
      ['fetch', '--quiet', '--no-tags', '--update-shallow', '--', url, '+HEAD:refs/thidua/head'],
      REMOTE_ENV,
    );
    const commit = await ok(mirror, ['rev-parse', '--verify', 'refs/thidua/head^{commit}']);
    const rewritten = options.force ? null : await rewrittenSince(mirror, previous, commit);
    if (rewritten) return { kind: 'fetched', commit, held: rewritten[options.lang], value: null };
    await gitAsync(mirror, ['worktree', 'remove', '--force', work]);
    rmSync(work, { recursive: true, force: true });
    await gitAsync(mirror, ['worktree', 'prune']);
    await ok(mirror, ['worktree', 'add', '--quiet', '--detach', '--force', work, commit]);
    try {
      const held = await runVerify(work, options.lang, options.env);
      return { kind: 'fetched', commit, held, value: held === null ? await inspect(work) : null };
    } finally {
      await gitAsync(mirror, ['worktree', 'remove', '--force', work]);
      rmSync(work, { recursive: true, force: true });
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      kind: 'unreachable',
      held: heldText(options.lang, t(`không tải được kho: ${why}`, `the repository cannot be fetched: ${why}`)),
    };
  }
}

/** Fetch one agency and verify it: its upward proposals when sound. */
export async function fetchAgency(
  root: string,
  entry: InboxEntry,
  options: { lang: Lang; env: NodeJS.ProcessEnv; force: boolean },
): Promise<FetchOutcome> {
  const r = await fetchVerified(root, entry.id, entry.url, entry.fetched?.commit, options, proposalsAt);
  if (r.kind !== 'fetched') return { ...r, id: entry.id };
  return { kind: 'fetched', id: entry.id, commit: r.commit, held: r.held, proposals: r.value ?? [] };
}

/** Every agency fetched, `width` at a time; `onDone` hears each as it ends (progress). */
export async function fetchAll(
  root: string,
  entries: readonly InboxEntry[],
  options: { lang: Lang; env: NodeJS.ProcessEnv; force: boolean; width?: number; onDone?: (o: FetchOutcome) => void },
): Promise<FetchOutcome[]> {
  ensureCache(root);
  const results: FetchOutcome[] = new Array<FetchOutcome>(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const i = next++;
      results[i] = await fetchAgency(root, entries[i]!, options);
      options.onDone?.(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.width ?? 2, entries.length) }, worker));
  return results;
}

/** When this fetch happened: THIDUA_TODAY (scripts, tests) fixes the day; else the clock. */
export function fetchTime(env: NodeJS.ProcessEnv): string {
  const fixed = env['THIDUA_TODAY'];
  return fixed ? `${fixed}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
