/** Temporary workspaces for tests: the base fixture or the bundled example, with overlays. */
import { cpSync, mkdtempSync, rmSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFINITIONS, type CommandName, type Input } from '../../src/commands/definitions.js';
import { toInput } from '../../src/cli/input.js';

export const PROJECT = resolve(__dirname, '..', '..');
export const FIXTURES = join(PROJECT, 'test', 'fixtures');
export const BASE = join(FIXTURES, 'base');
export const BIN = join(PROJECT, 'bin', 'thidua');

const made: string[] = [];

export function tempDir(prefix = 'thidua-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A folder holding a stand-in `git` that answers like git 2.11: its version, and `rev-parse
 * --is-shallow-repository` repeated instead of answered (git before 2.15 does not know the
 * option); anything else goes to the real git. Put it first on PATH.
 */
export function oldGitBin(): string {
  const bin = tempDir('thidua-oldgit-');
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(
    join(bin, 'git'),
    [
      '#!/bin/sh',
      'for a in "$@"; do if [ "$a" = "--version" ]; then echo "git version 2.11.0"; exit 0; fi; done',
      'for a in "$@"; do if [ "$a" = "--is-shallow-repository" ]; then echo true; echo --is-shallow-repository; exit 0; fi; done',
      `exec ${real} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return bin;
}

export function cleanupTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A copy of the base fixture (or of the example with `from: 'example'`), with overlay folders applied. */
export function workspace(options: { from?: 'base' | 'example'; overlays?: string[] } = {}): string {
  const dir = tempDir();
  if (options.from === 'example') {
    cpSync(join(PROJECT, 'records'), join(dir, 'records'), { recursive: true });
    if (existsSync(join(PROJECT, 'templates')))
      cpSync(join(PROJECT, 'templates'), join(dir, 'templates'), { recursive: true });
    if (existsSync(join(PROJECT, 'documents')))
      cpSync(join(PROJECT, 'documents'), join(dir, 'documents'), { recursive: true });
  } else {
    cpSync(BASE, dir, { recursive: true });
  }
  for (const o of options.overlays ?? []) cpSync(o, dir, { recursive: true });
  return dir;
}

export function write(root: string, rel: string, text: string | Uint8Array): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliResult {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? PROJECT,
    env: { ...process.env, NO_COLOR: '1', THIDUA_LANG: '', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

export function git(cwd: string, args: string[]): string {
  const res = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${res.stderr}`);
  return res.stdout;
}

/** A command's typed input from words as typed, the way the command line makes it. */
export function input<N extends CommandName>(
  name: N,
  args: unknown[],
  options: Record<string, unknown> = {},
): Input<N> {
  return toInput(DEFINITIONS[name], args, options) as unknown as Input<N>;
}

/**
 * The command line run in this process, as a user would type it (no spawn: the same code, its
 * modules loaded once). Output and exit code as from the binary; stdin is not a terminal.
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const { run } = await import('../../src/cli.js');
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', THIDUA_LANG: '', ...options.env };
  delete env['FORCE_COLOR'];
  const code = await run(args, env, {
    cwd: options.cwd ?? PROJECT,
    io: { write: (s) => (stdout += s), writeErr: (s) => (stderr += s), stdinIsTTY: false, stdoutIsTTY: false },
  });
  return { code, stdout, stderr };
}
