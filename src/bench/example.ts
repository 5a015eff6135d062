/** Where the bench finds thidua, and the bundled example workspace scaled up for it. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLD, type Measure, RUNS, measureInTurns } from './measure.js';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export const BIN = join(PROJECT, 'bin', 'thidua');

export const FLOOR = join(PROJECT, 'dist', 'bench', 'parse-floor.js');

export const SINGLE = join(PROJECT, 'dist-bin', 'thidua-linux-x64');

/** The bundled example (two rounds, about 50 record files) copied with its documents into a fresh repository. */
export function exampleWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'thidua-bench-example-'));
  for (const dir of ['records', 'templates', 'documents'])
    cpSync(join(PROJECT, dir), join(root, dir), { recursive: true });
  const git = (...args: string[]) =>
    spawnSync('git', args, {
      cwd: root,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'b@example.org',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'b@example.org',
      },
    });
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'example');
  return root;
}

export interface ExampleRow {
  label: string;
  /** As the clerk runs it: the cache on, the command run before (the first run after a change pays the parse). */
  warm: Measure;
  /** With THIDUA_NO_CACHE=1: every run parses and validates everything. */
  cold: Measure;
}

/** The everyday commands on the bundled example, against a bare `node -e 0`, with the goals. */
export function exampleScale(): {
  rows: ExampleRow[];
  base: number;
  goals: Array<{ goal: string; value: number; limit: number }>;
} {
  process.stderr.write(
    'The bundled example: everyday commands against node -e 0, as the clerk runs them (cache on)…\n',
  );
  const root = exampleWorkspace();
  const out = join(root, 'out');
  const commands = [
    { label: 'node -e 0', cmd: [node, '-e', '0'] },
    { label: 'thidua --version', cmd: thidua('--version') },
    { label: 'thidua validate', cmd: thidua('validate') },
    { label: 'thidua tally 2016', cmd: thidua('tally', '2016') },
    { label: 'thidua status', cmd: thidua('status') },
    { label: 'thidua overdue', cmd: thidua('overdue') },
    { label: 'thidua awards nguyen-van-giap', cmd: thidua('awards', 'nguyen-van-giap') },
    { label: 'thidua verify', cmd: thidua('verify') },
    { label: 'thidua render all 2016', cmd: thidua('render', 'all', '2016', '--out', out, '--force') },
    // The Linux single executable of `npm run dist` (run first by `npm run bench`).
    ...(existsSync(SINGLE)
      ? [
          { label: 'thidua-linux-x64 --version', cmd: [SINGLE, '--version'] },
          { label: 'thidua-linux-x64 validate', cmd: [SINGLE, 'validate'] },
        ]
      : []),
  ];
  const cacheDir = mkdtempSync(join(tmpdir(), 'thidua-bench-cache-'));
  const warm = measureInTurns(commands, root, Math.max(11, RUNS * 2), { XDG_CACHE_HOME: cacheDir });
  process.stderr.write('…and with no cache (THIDUA_NO_CACHE=1):\n');
  const cold = measureInTurns(commands, root, Math.max(11, RUNS * 2), COLD);
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  const rows = commands.map((c, i) => ({ label: c.label, warm: warm[i]!, cold: cold[i]! }));
  const base = warm[0]!.median;
  const limit: Record<string, number> = {
    'thidua --version': 1.1,
    'thidua verify': 4,
    'thidua render all 2016': 5,
    'thidua-linux-x64 --version': 1.5,
  };
  const goals = rows.slice(1).map((r) => ({
    goal: `${r.label} ≤ ${limit[r.label] ?? 2.5}× node -e 0`,
    value: r.warm.median / base,
    limit: limit[r.label] ?? 2.5,
  }));
  return { rows, base, goals };
}

export const node = process.execPath;

export const thidua = (...args: string[]) => [node, BIN, ...args];
