/** Folders and files of the user's alone (the cache): made 0700 and 0600, believed only when still so. */
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A cache folder or entry is believed only when it is the user's own and no one else can write
 * it: not a link, owned by this user, not writable by group or others (made 0700, entries 0600).
 * Where there is no user id (Windows), the file system's own permissions stand.
 */
export function ownedPrivately(path: string): boolean {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return false;
  const uid = process.getuid?.();
  return (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
}

export function ownOrAbsent(path: string): boolean {
  try {
    return ownedPrivately(path) && lstatSync(path).isDirectory();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** The cache folders made (or narrowed) to 0700, the user's alone. */
export function ensurePrivateDir(dir: string): void {
  for (const d of [dirname(dir), dir]) {
    mkdirSync(d, { recursive: true, mode: 0o700 });
    chmodSync(d, 0o700);
  }
}
