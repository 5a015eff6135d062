/**
 * What stands at the workspace's `.thidua.lock`, for `validate`: nothing when it is absent or a
 * file git does not track (the lock of a command running now); else a folder, a link, or a
 * committed file. git is asked only when something is there.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { LockEntry } from '../core/records/workspace.js';
import { LOCK_FILE } from '../core/rules/committed-lock.js';
import { git } from './git.js';

/** git tracks it; false outside a repository, or without git. */
function tracked(root: string): boolean {
  try {
    const r = git(root, ['ls-files', '-z', '--', LOCK_FILE]);
    return r.status === 0 && r.stdout.length > 0;
  } catch {
    return false;
  }
}

export function lockSeen(root: string): LockEntry | undefined {
  const path = join(root, LOCK_FILE);
  let kind: LockEntry['kind'];
  try {
    const st = lstatSync(path);
    kind = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
  const inGit = tracked(root);
  if (kind === 'file' && !inGit) return undefined;
  if (kind !== 'link') return { kind, tracked: inGit };
  let target = '?';
  try {
    target = readlinkSync(path);
  } catch {
    /* gone meanwhile: its target stays unknown */
  }
  return { kind, target, tracked: inGit };
}
