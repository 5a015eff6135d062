/** Staging the workspace's folders for `thidua commit`, and what git then has staged. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from '../core/commit-message.js';
import { git, gitOk } from './git.js';

/** The folders thidua commits: those of them that exist. */
export function committedFolders(root: string, names: readonly string[]): string[] {
  return names.filter((f) => existsSync(join(root, f)));
}

/** `git add --all` the folders, then the staged changes under them (status letter and path). */
/** Leftovers of a killed command are never committed: temporary files and lock files. */
const LEFTOVERS = [':(exclude,glob)**/*.tmp', ':(exclude,glob)**/*.stale', ':(exclude,glob)**/.thidua.lock*'];

export function stageFolders(root: string, folders: readonly string[]): Change[] {
  gitOk(root, ['add', '--all', '--', ...folders, ...LEFTOVERS]);
  return git(root, ['diff', '--cached', '--name-status', '--no-renames', '--relative', '--', ...folders, ...LEFTOVERS])
    .stdout.split('\n')
    .filter(Boolean)
    .map((l) => {
      const [status, path] = l.split('\t') as [string, string];
      return { status, path };
    });
}
