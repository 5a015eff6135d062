/** Reading records/ from disk into a snapshot of bytes. The only place that reads record files. */
import { lockSeen } from './lock-seen.js';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileEntry, Snapshot } from '../core/records/workspace.js';
import { t } from '../core/diagnostics.js';
import { findingsError } from '../errors.js';
import { MAX_FILE_BYTES } from '../core/yaml/limits.js';
import { roundFile } from '../core/records/paths.js';

const YEAR = /^\d{4}$/;

/** More record files than this and the workspace is refused before anything is read. */
export const MAX_RECORD_FILES = 50_000;

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function errorEntry(err: unknown): FileEntry {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', reason: 'permission' };
  if (code === 'ELOOP') return { kind: 'unreadable', reason: 'symlink-loop' };
  if (code === 'EISDIR') return { kind: 'unreadable', reason: 'directory' };
  return { kind: 'unreadable', reason: 'other', detail: code ?? String(err) };
}

function within(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/**
 * A file that is itself a link: read only when its real path lies inside the workspace, and then
 * from that path, opened as a plain file is (a link put in its place meanwhile is not followed).
 */
function readLinked(realRoot: string, abs: string): FileEntry {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (err) {
    return errorEntry(err);
  }
  if (!within(realRoot, real)) return { kind: 'unreadable', reason: 'symlink-outside' };
  try {
    return readOpened(openSync(real, OPEN_PLAIN ?? constants.O_RDONLY));
  } catch (err) {
    return errorEntry(err);
  }
}

/**
 * The bytes of an open file of `size` bytes, as readFileSync reads them: up to its measured size, or
 * to its end when it measures 0 (then `null` once past the limit: it is refused by its size).
 */
function readAll(fd: number, size: number): Buffer | null {
  if (size > 0) {
    const buf = Buffer.allocUnsafe(size);
    let total = 0;
    for (let n = -1; total < size && n !== 0; total += n) n = readSync(fd, buf, total, size - total, null);
    return total === size ? buf : buf.subarray(0, total);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(8192);
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(buf.subarray(0, n));
    total += n;
    if (total > MAX_FILE_BYTES) return null;
  }
}

/**
 * Opened without following a link, and without waiting on a pipe: a plain file is measured and
 * read through one descriptor, and a link (ELOOP) has its real path checked first. Its folder was
 * already found to lie inside the workspace.
 */
const OPEN_PLAIN =
  constants.O_NOFOLLOW === undefined ? null : constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** One file's bytes, or why it cannot be read. */
export function readEntry(realRoot: string, abs: string): FileEntry {
  if (OPEN_PLAIN === null) {
    // No O_NOFOLLOW (Windows): ask first whether it is a link.
    try {
      if (lstatSync(abs).isSymbolicLink()) return readLinked(realRoot, abs);
    } catch (err) {
      return errorEntry(err);
    }
  }
  let fd: number;
  try {
    fd = openSync(abs, OPEN_PLAIN ?? constants.O_RDONLY);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ELOOP' ? readLinked(realRoot, abs) : errorEntry(err);
  }
  return readOpened(fd);
}

/** An opened record file measured and read through its descriptor, which is then closed. */
function readOpened(fd: number): FileEntry {
  try {
    const s = fstatSync(fd);
    if (s.isDirectory()) return { kind: 'unreadable', reason: 'directory' };
    if (!s.isFile()) return { kind: 'unreadable', reason: 'other', detail: 'not a regular file' };
    // Do not read a huge file into memory: it is refused by its size alone.
    if (s.size > MAX_FILE_BYTES) return { kind: 'too-large', size: s.size };
    const bytes = readAll(fd, s.size);
    return bytes ? { kind: 'file', bytes } : { kind: 'too-large', size: MAX_FILE_BYTES + 1 };
  } catch (err) {
    return errorEntry(err);
  } finally {
    closeSync(fd);
  }
}

function listDir(abs: string): string[] {
  try {
    return readdirSync(abs).sort();
  } catch {
    return [];
  }
}

function isDir(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/** Round folders present under records/. */
export function listYears(root: string): number[] {
  const records = join(root, 'records');
  return listDir(records)
    .filter((n) => YEAR.test(n) && isDir(join(records, n)))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Every *.yaml of records/ (top level, round folders, their nominations/ and ballots/); with
 * `only`, the round folders of those years alone (the shared files are always read).
 */
/**
 * Every record file of the workspace (or of the rounds in `only`, with the shared files). `onFile`
 * sees each file as soon as it is read (the parsing threads start on them while the rest is read).
 */
export function readSnapshot(
  root: string,
  only: readonly number[] | null = null,
  onFile?: (path: string, entry: FileEntry) => void,
): Snapshot {
  const files = new Map<string, FileEntry>();
  const years: number[] = [];
  const allYears: number[] = [];
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    /* keep root */
  }
  const records = join(root, 'records');
  const add = (abs: string) => {
    const path = toPosix(relative(root, abs));
    const entry = readEntry(realRoot, abs);
    files.set(path, entry);
    onFile?.(path, entry);
  };
  /** Every file of a folder that really lies outside the workspace is refused, unread. */
  const folderInside = (dir: string) => {
    try {
      return within(realRoot, realpathSync(dir));
    } catch {
      return true;
    }
  };
  const refuseAll = (dir: string, names: string[]) => {
    for (const n of names)
      if (n.endsWith('.yaml'))
        files.set(toPosix(relative(root, join(dir, n))), { kind: 'unreadable', reason: 'symlink-outside' });
  };
  const recordsInside = folderInside(records);
  let listed = 0;
  const count = (n: number) => {
    listed += n;
    if (listed > MAX_RECORD_FILES) {
      throw findingsError(
        t(
          `records/ có hơn ${MAX_RECORD_FILES} tệp; thidua không đọc một không gian làm việc lớn như vậy (hãy tách các đợt cũ sang kho lưu trữ khác)`,
          `records/ holds more than ${MAX_RECORD_FILES} files; thidua does not read a workspace that large (move old rounds to an archive repository)`,
        ),
      );
    }
  };
  for (const name of listDir(records)) {
    const abs = join(records, name);
    if (YEAR.test(name) && isDir(abs)) {
      allYears.push(Number(name));
      if (only && !only.includes(Number(name))) continue;
      years.push(Number(name));
      const roundInside = recordsInside && folderInside(abs);
      for (const inner of listDir(abs)) {
        const innerAbs = join(abs, inner);
        if ((inner === 'nominations' || inner === 'ballots') && isDir(innerAbs)) {
          const leaves = listDir(innerAbs);
          count(leaves.length);
          if (roundInside && folderInside(innerAbs)) {
            for (const leaf of leaves) if (leaf.endsWith('.yaml')) add(join(innerAbs, leaf));
          } else refuseAll(innerAbs, leaves);
        } else if (inner.endsWith('.yaml')) {
          if (roundInside) add(innerAbs);
          else refuseAll(abs, [inner]);
        }
      }
    } else if (name.endsWith('.yaml')) {
      if (recordsInside) add(abs);
      else refuseAll(records, [name]);
    }
  }
  const lock = lockSeen(root);
  return { files, years, allYears, ...(lock ? { lock } : {}) };
}

/** The *.yaml names in a folder of records/ as they are now (read again under the lock before a write). */
export function recordNames(root: string, rel: string): string[] {
  return listDir(join(root, rel)).filter((n) => n.endsWith('.yaml'));
}

/** Round folders with no seal yet. */
export function unsealedYears(root: string): number[] {
  return listYears(root).filter((y) => !existsSync(join(root, roundFile(y, 'tally.yaml'))));
}

/** A text file the user names on the command line (not a record), or why it cannot be read. */
export function readUserText(path: string): string | { code: string } {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    return { code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  }
}

/** A regular file the user names (a signed decision), or null when it is not one or cannot be read. */
export function readUserBytes(path: string): Buffer | null {
  try {
    return statSync(path).isFile() ? readFileSync(path) : null;
  } catch {
    return null;
  }
}
