/** Reading records/ from disk into a snapshot of bytes. The only place that reads record files. */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileEntry, Snapshot } from '../core/records/workspace.js';
import { MAX_FILE_BYTES } from '../core/yaml/parse-yaml-file.js';

const YEAR = /^\d{4}$/;

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

export function readEntry(root: string, realRoot: string, abs: string): FileEntry {
  try {
    lstatSync(abs);
    // The file, or a folder above it, may be a link: what counts is where it really is.
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (err) {
      return errorEntry(err);
    }
    if (!within(realRoot, real)) return { kind: 'unreadable', reason: 'symlink-outside' };
    const s = statSync(abs);
    if (s.isDirectory()) return { kind: 'unreadable', reason: 'directory' };
    if (!s.isFile()) return { kind: 'unreadable', reason: 'other', detail: 'not a regular file' };
    // Do not read a huge file into memory: it is refused by its size alone.
    if (s.size > MAX_FILE_BYTES) return { kind: 'too-large', size: s.size };
    return { kind: 'file', bytes: readFileSync(abs) };
  } catch (err) {
    return errorEntry(err);
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

/** Every *.yaml of records/ (top level, round folders, their nominations/ and ballots/). */
export function readSnapshot(root: string): Snapshot {
  const files = new Map<string, FileEntry>();
  const years: number[] = [];
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    /* keep root */
  }
  const records = join(root, 'records');
  const add = (abs: string) => files.set(toPosix(relative(root, abs)), readEntry(root, realRoot, abs));
  for (const name of listDir(records)) {
    const abs = join(records, name);
    if (YEAR.test(name) && isDir(abs)) {
      years.push(Number(name));
      for (const inner of listDir(abs)) {
        const innerAbs = join(abs, inner);
        if ((inner === 'nominations' || inner === 'ballots') && isDir(innerAbs)) {
          for (const leaf of listDir(innerAbs)) if (leaf.endsWith('.yaml')) add(join(innerAbs, leaf));
        } else if (inner.endsWith('.yaml')) {
          add(innerAbs);
        }
      }
    } else if (name.endsWith('.yaml')) {
      add(abs);
    }
  }
  return { files, years };
}
