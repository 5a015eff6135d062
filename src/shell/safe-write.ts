/**
 * Safe writes: a temporary file in the same folder, fsync, then rename into place, so an
 * interrupted command leaves the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { t } from '../core/diagnostics.js';
import { environmentError, findingsError } from '../errors.js';

let counter = 0;

/** Refuse a write into the workspace whose folder really lies outside it (through a symbolic link). */
export function assertInside(root: string, path: string): void {
  let realRoot = root;
  let realDir = dirname(path);
  try {
    realRoot = realpathSync(root);
    realDir = realpathSync(dirname(path));
  } catch {
    return;
  }
  const rel = relative(realRoot, realDir);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw findingsError(t(
      `không ghi ${path}: thư mục của nó trỏ ra ngoài không gian làm việc (liên kết tượng trưng)`,
      `not writing ${path}: its folder points outside the workspace (a symbolic link)`,
    ));
  }
}

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw environmentError(t(`không tạo được thư mục ${dir}: ${(err as Error).message}`, `cannot create the folder ${dir}: ${(err as Error).message}`));
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
    try {
      const dfd = openSync(dir, 'r');
      try {
        fsyncSync(dfd);
      } finally {
        closeSync(dfd);
      }
    } catch {
      /* some file systems cannot fsync a folder */
    }
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* ignore */
      }
    }
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw environmentError(t(
      `không ghi được ${path}${code ? ` (${code})` : ''}; tệp cũ được giữ nguyên`,
      `cannot write ${path}${code ? ` (${code})` : ''}; the old file is kept`,
    ));
  }
}
