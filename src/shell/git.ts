/** git, called as the `git` program with argument arrays (never through a shell). */
import { dirname, join, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { t, type Localized } from '../core/diagnostics.js';
import { environmentError, EXIT, ThiduaError } from '../errors.js';

/** Where to get git: Git for Windows on a Windows PC, the system's package elsewhere. */
function gitDownload(platform: NodeJS.Platform): Localized {
  return platform === 'win32'
    ? t(
        'cài Git for Windows (https://git-scm.com/download/win) rồi mở cửa sổ lệnh mới',
        'install Git for Windows (https://git-scm.com/download/win) and open a new command window',
      )
    : t(
        'hãy cài git (https://git-scm.com/downloads; Debian, Ubuntu: apt-get install git)',
        'install git (https://git-scm.com/downloads; Debian, Ubuntu: apt-get install git)',
      );
}

/** git is not installed (not on PATH): one line saying what to download, and what else `hint` offers. */
export class GitMissingError extends ThiduaError {
  constructor(hint?: Localized, platform: NodeJS.Platform = process.platform) {
    const get = gitDownload(platform);
    super(
      EXIT.environment,
      t(
        `không tìm thấy chương trình git; ${get.vi}${hint ? `, ${hint.vi}` : ''}`,
        `the git program was not found; ${get.en}${hint ? `, ${hint.en}` : ''}`,
      ),
    );
  }
}

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
  /** The signal that ended git, if one did (killed). */
  signal: string | null;
}

/**
 * Settings of the repository that name a program git would run (a workspace arrives as a zip from
 * another office, its .git/config included): every one is turned off on every call. Hooks stay
 * only for `commit` (the clerk's own checks before a commit); a filter, diff or merge driver
 * defined in any configuration is emptied by name, since its name is the repository's choice.
 */
const FIXED = [
  'core.fsmonitor=false',
  'diff.external=',
  'core.pager=cat',
  'log.showSignature=false',
  'core.sshCommand=false',
  'credential.helper=',
  // The grafts file is never read (GIT_GRAFT_FILE, below): git need not say it is deprecated.
  'advice.graftFileDeprecated=false',
];
const DRIVER_SETTING = /^((?:filter|diff|merge)\..+\.(?:clean|smudge|process|textconv|command|driver)) /;
/** Commands that may produce a diff or show a blob: told never to run an external diff or a text conversion. */
const DIFFING = new Set(['log', 'show', 'diff']);
const drivers = new Map<string, string[]>();

/**
 * What the drivers asked of git stay true for: the folder, and the size and time of the
 * repository's own config file (found as .git/config above the folder); null when there is no
 * such file to watch (a .git file, no repository): then git is asked every time.
 */
function configStamp(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const config = join(dir, '.git', 'config');
    try {
      const st = statSync(config);
      return `${cwd}\0${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return null;
    }
  }
}

function neutralArgs(cwd: string, args: readonly string[]): string[] {
  const base = ['--no-pager', ...FIXED.flatMap((c) => ['-c', c])];
  if (args[0] !== 'commit') base.push('-c', 'core.hooksPath=/dev/null');
  const stamp = configStamp(cwd);
  let named = stamp === null ? undefined : drivers.get(stamp);
  if (!named) {
    // Reading configuration runs nothing.
    const res = spawnSync('git', [...base, 'config', '--get-regexp', '^(filter|diff|merge)\\..*\\.'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    named = (res.stdout ?? '')
      .split('\n')
      .map((l) => DRIVER_SETTING.exec(l)?.[1])
      .filter((k): k is string => k !== undefined)
      .flatMap((k) => ['-c', `${k}=`]);
    if (stamp !== null) drivers.set(stamp, named);
  }
  const [command, ...rest] = args;
  const safe = command !== undefined && DIFFING.has(command) ? ['--no-ext-diff', '--no-textconv'] : [];
  return [...base, ...named, ...(command === undefined ? [] : [command, ...safe]), ...rest];
}

/**
 * git's environment: no prompt, no pager, C messages (read by thidua), and the history as
 * committed: no grafts file and no replacement object stands in for a commit.
 */
function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_GRAFT_FILE: process.platform === 'win32' ? 'NUL' : '/dev/null',
  };
}

function spawnGit(
  cwd: string,
  args: readonly string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv },
  encoding: 'utf8' | 'buffer',
) {
  const res = spawnSync('git', neutralArgs(cwd, args), {
    cwd,
    encoding,
    input: options.input,
    env: gitEnv(options.env),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitMissingError();
    throw environmentError(t(`không chạy được git: ${res.error.message}`, `cannot run git: ${res.error.message}`));
  }
  return res;
}

export function git(
  cwd: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): GitResult {
  const res = spawnGit(cwd, args, options, 'utf8');
  return {
    status: res.status ?? 1,
    stdout: (res.stdout as string | null) ?? '',
    stderr: (res.stderr as string | null) ?? '',
    signal: res.signal ?? null,
  };
}

/** git's output as bytes (file contents of any encoding and size); `null` when git exits non-zero. */
export function gitBytes(
  cwd: string,
  args: readonly string[],
  input?: string,
  env: NodeJS.ProcessEnv = {},
): Buffer | null {
  const res = spawnGit(cwd, args, input === undefined ? { env } : { input: Buffer.from(input, 'utf8'), env }, 'buffer');
  return res.status === 0 ? (res.stdout as Buffer) : null;
}

/** git without waiting for it: independent questions to git are asked side by side. */
export function gitAsync(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', neutralArgs(cwd, args), {
      cwd,
      env: gitEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new GitMissingError()
          : environmentError(t(`không chạy được git: ${e.message}`, `cannot run git: ${e.message}`)),
      );
    });
    child.on('close', (code, signal) => {
      resolve({
        status: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        signal: signal ?? null,
      });
    });
  });
}

/** git, failing with an environment error when it exits non-zero. */
export function gitOk(
  cwd: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  const res = git(cwd, args, options);
  if (res.status !== 0) {
    const first = res.stderr.trim().split('\n')[0] ?? '';
    throw environmentError(t(`git ${args[0] ?? ''} thất bại: ${first}`, `git ${args[0] ?? ''} failed: ${first}`));
  }
  return res.stdout;
}

/** Whether git has an author for a commit made in `dir` (which may not exist yet: its nearest existing parent is asked). */
export function gitKnowsWhoCommits(dir: string): boolean {
  let probe = dir;
  while (!existsSync(probe) && probe !== dirname(probe)) probe = dirname(probe);
  // useConfigOnly: an identity git would make up from the login and the host name is not one.
  return git(probe, ['-c', 'user.useConfigOnly=true', 'var', 'GIT_AUTHOR_IDENT']).status === 0;
}
