/** git, called as the `git` program with argument arrays (never through a shell). */
import { dirname } from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { t } from '../core/diagnostics.js';
import { environmentError } from '../errors.js';

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
  /** The signal that ended git, if one did (killed). */
  signal: string | null;
}

export function git(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): GitResult {
  const res = spawnSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw environmentError(t('không tìm thấy chương trình git; hãy cài git', 'the git program is not installed'));
    }
    throw environmentError(t(`không chạy được git: ${res.error.message}`, `cannot run git: ${res.error.message}`));
  }
  return { status: res.status ?? 1, stdout: res.stdout ?? '', stderr: res.stderr ?? '', signal: res.signal ?? null };
}

/** git, failing with an environment error when it exits non-zero. */
export function gitOk(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): string {
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
