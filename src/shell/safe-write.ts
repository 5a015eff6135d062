/**
 * Safe writes: a temporary file in the same folder, fsync, then rename into place, so an
 * interrupted command leaves the old file or the new one, never half of one.
 */
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { t } from '../core/diagnostics.js';
import { environmentError, findingsError } from '../errors.js';
import { usesCrlf, withLineEndings } from '../core/text/line-endings.js';

// Module state: a counter that only keeps temporary names apart (npm run mutate's kept threads
// carry it from one run to the next, and it still does).
let counter = 0;

/**
 * The first part of `path` (the path itself included) that leads outside the workspace: a
 * symbolic link whose target really lies outside it, or that leads nowhere; `null` when every
 * existing part stays inside. Parts that do not exist yet cannot lead anywhere.
 */
export function linkOutside(root: string, path: string): string | null {
  let realRoot: string;
  // Stryker disable BlockStatement: a missing root has no part to lstat either, so the loop answers null too
  try {
    realRoot = realpathSync(root);
  } catch {
    return null;
  }
  // Stryker restore BlockStatement
  const rel = relative(root, path);
  if (rel.startsWith('..') || isAbsolute(rel)) return path;
  let current = root;
  // Stryker disable next-line MethodExpression,ConditionalExpression: an empty part joins to the same folder, which is no link
  for (const part of rel.split(sep).filter((p) => p !== '')) {
    current = join(current, part);
    let isLink: boolean;
    // Stryker disable BlockStatement: a part that does not exist makes every later part fail too, and the answer is null either way
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return null;
    }
    // Stryker restore BlockStatement
    // Stryker disable next-line ConditionalExpression: a part that is no link resolves inside anyway; this only saves a realpath
    if (!isLink) continue;
    let real: string;
    try {
      real = realpathSync(current);
    } catch {
      return current;
    }
    const inside = relative(realRoot, real);
    if (inside.startsWith('..') || isAbsolute(inside)) return current;
  }
  return null;
}

/**
 * Refuse a write (or a folder to create) in the workspace when any part of its path is a link
 * leading outside it. Checked before anything is created.
 */
export function assertInside(root: string, path: string): void {
  const link = linkOutside(root, path);
  if (link === null) return;
  const shown = relative(root, link) || link;
  throw findingsError(
    t(
      // Stryker disable next-line LogicalOperator,ConditionalExpression: text for people: the path is shown whole only when it is the workspace itself
      `không ghi ${relative(root, path) || path}: ${shown} là liên kết tượng trưng trỏ ra ngoài không gian làm việc`,
      // Stryker disable next-line LogicalOperator,ConditionalExpression: (the reason above)
      `not writing ${relative(root, path) || path}: ${shown} is a symbolic link that points outside the workspace`,
    ),
  );
}

/** A folder of the workspace, created when missing, after checking no link leads it outside. */
export function ensureDirInside(root: string, dir: string): void {
  assertInside(root, dir);
  ensureDir(dir);
}

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw environmentError(
      t(
        `không tạo được thư mục ${dir}: ${(err as Error).message}`,
        `cannot create the folder ${dir}: ${(err as Error).message}`,
      ),
    );
  }
}

/** Thrown by createFileExclusive when the file is already there: nothing was written. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
  }
}

function syncDir(dir: string): void {
  try {
    const dfd = openSync(dir, 'r');
    // Stryker disable BlockStatement: an open folder descriptor leaks, and no result changes
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
    // Stryker restore BlockStatement
  } catch {
    /* some file systems cannot fsync a folder */
  }
}

/** A complete, flushed temporary file beside `path`; the caller moves it into place. */
function flushedTemp(path: string, data: string | Uint8Array): string {
  // Stryker disable next-line UpdateOperator: the counter only keeps names apart; counting down does too
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    try {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: writeSync takes a string as UTF-8 too, and Buffer.from copies bytes as they are
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
      // Stryker disable BlockStatement: a descriptor left open leaks, and no result changes
    } finally {
      closeSync(fd);
    }
    // Stryker restore BlockStatement
  } catch (err) {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the temporary file was made before anything could fail; force only spares an error when it is missing
    rmSync(tmp, { force: true });
    throw err;
  }
  return tmp;
}

/**
 * Create a file that must not exist yet: the complete file is linked into place, which fails when
 * the name is taken, so no other writer's file is ever replaced (FileExistsError, nothing written).
 */
export function createFileExclusive(path: string, data: string | Uint8Array): void {
  let tmp: string | null = null;
  try {
    tmp = flushedTemp(path, data);
    try {
      linkSync(tmp, path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(path);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
      // A file system without hard links (FAT, some shares): create the name exclusively, then fill it.
      writeExclusiveInPlace(path, readFileSync(tmp));
    }
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the temporary file is there to remove; force matters only if it were not
    rmSync(tmp, { force: true });
    tmp = null;
    syncDir(dirname(path));
  } catch (err) {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: tmp is set only while its file exists; force only spares an error when it is missing
    if (tmp !== null) rmSync(tmp, { force: true });
    if (err instanceof FileExistsError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw environmentError(
      t(`không ghi được ${path}${code ? ` (${code})` : ''}`, `cannot write ${path}${code ? ` (${code})` : ''}`),
    );
  }
}

function writeExclusiveInPlace(path: string, buf: Buffer): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw err;
  }
  try {
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the file was just created here; force only spares an error when it is missing
    rmSync(path, { force: true });
    throw err;
  }
  closeSync(fd);
}

/** The bytes of a file now, or null when there is none (read under the lock before replacing it). */
export function currentBytes(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw environmentError(
      t(
        // Stryker disable next-line LogicalOperator: text for people: an error without a code is shown as EIO
        `không đọc được ${path} (${(err as NodeJS.ErrnoException).code ?? 'EIO'})`,
        // Stryker disable next-line LogicalOperator: (the reason above)
        `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'EIO'})`,
      ),
    );
  }
}

/**
 * Replace a file only if it still holds what the command read (`expected`; null: absent). Called
 * under the workspace lock, so another writer's change is never overwritten unseen. Text keeps the
 * line endings the file had (CRLF from a Windows editor stays CRLF).
 */
export function replaceFileChecked(
  path: string,
  data: string | Uint8Array,
  expected: Uint8Array | null,
  shown: string,
): void {
  const now = currentBytes(path);
  const same = now === null ? expected === null : expected !== null && Buffer.compare(now, Buffer.from(expected)) === 0;
  if (!same) {
    throw findingsError(
      t(
        `${shown} vừa bị thay đổi bởi một lệnh hoặc người khác trong lúc lệnh này chạy; không ghi gì, hãy chạy lại`,
        `${shown} was changed by another command or person while this one ran; nothing written, run it again`,
      ),
    );
  }
  writeFileAtomic(
    path,
    typeof data === 'string' && expected !== null ? withLineEndings(data, usesCrlf(expected)) : data,
  );
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  let tmp: string | null = null;
  try {
    tmp = flushedTemp(path, data);
    renameSync(tmp, path);
    tmp = null;
    syncDir(dir);
  } catch (err) {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: tmp is set only while its file exists; force only spares an error when it is missing
    if (tmp !== null) rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw environmentError(
      t(
        `không ghi được ${path}${code ? ` (${code})` : ''}; tệp cũ được giữ nguyên`,
        `cannot write ${path}${code ? ` (${code})` : ''}; the old file is kept`,
      ),
    );
  }
}

/** Remove a file only if it still holds what the command read; under the workspace lock. */
export function removeFileChecked(path: string, expected: Uint8Array | null, shown: string): void {
  const now = currentBytes(path);
  if (now === null) return;
  if (expected === null || Buffer.compare(now, Buffer.from(expected)) !== 0) {
    throw findingsError(
      t(
        `${shown} vừa bị thay đổi bởi một lệnh hoặc người khác trong lúc lệnh này chạy; không xoá, hãy chạy lại`,
        `${shown} was changed by another command or person while this one ran; not removed, run it again`,
      ),
    );
  }
  try {
    rmSync(path);
  } catch (err) {
    throw environmentError(
      t(
        // Stryker disable next-line LogicalOperator: text for people: an error without a code is shown as EIO
        `không xoá được ${shown} (${(err as NodeJS.ErrnoException).code ?? 'EIO'})`,
        // Stryker disable next-line LogicalOperator: (the reason above)
        `cannot remove ${shown} (${(err as NodeJS.ErrnoException).code ?? 'EIO'})`,
      ),
    );
  }
  syncDir(dirname(path));
}
