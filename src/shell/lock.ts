/** The workspace lock: one writer at a time; a lock left by a dead process is cleared with a warning. */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { t, type Localized } from '../core/diagnostics.js';
import { EXIT, ThiduaError, findingsError, environmentError } from '../errors.js';

export const LOCK_FILE = '.thidua.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + '\n');
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw environmentError(t(`không tạo được khoá ${path} (${code ?? '?'})`, `cannot create the lock ${path} (${code ?? '?'})`));
  }
}

/** The lock is held by a live process: the caller may wait and try again. */
export class LockBusyError extends ThiduaError {
  constructor(text: Localized) {
    super(EXIT.findings, text);
  }
}

/** How long a writer waits for another to finish before it gives up (THIDUA_LOCK_WAIT_MS, default 3 s). */
function waitLimitMs(): number {
  const raw = Number(process.env['THIDUA_LOCK_WAIT_MS']);
  return Number.isFinite(raw) && raw >= 0 ? raw : 3000;
}

export interface Lock {
  release(): void;
}

export function acquireLock(root: string, warn: (text: Localized) => void): Lock {
  const path = join(root, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    }
    let holder: { pid?: number; host?: string; since?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
    } catch {
      /* unreadable or half-written lock: treated as stale below if its writer is gone */
    }
    const sameHost = holder.host === undefined || holder.host === hostname();
    if (typeof holder.pid === 'number' && sameHost && alive(holder.pid)) {
      throw new LockBusyError(t(
        `không gian làm việc đang được một lệnh thidua khác ghi (tiến trình ${holder.pid}, từ ${holder.since ?? '?'}); hãy chờ lệnh đó xong rồi chạy lại`,
        `the workspace is being written by another thidua command (process ${holder.pid}, since ${holder.since ?? '?'}); wait for it to finish and run again`,
      ));
    }
    if (!sameHost) {
      throw findingsError(t(
        `khoá ${LOCK_FILE} do máy ${holder.host ?? '?'} giữ; nếu không còn lệnh nào chạy ở đó, xoá tệp này rồi chạy lại`,
        `the lock ${LOCK_FILE} is held by the machine ${holder.host ?? '?'}; if nothing runs there any more, delete the file and run again`,
      ));
    }
    warn(t(
      `đã xoá khoá cũ ${LOCK_FILE} của tiến trình ${holder.pid ?? '?'} không còn chạy`,
      `cleared the stale lock ${LOCK_FILE} of process ${holder.pid ?? '?'}, which is no longer running`,
    ));
    rmSync(path, { force: true });
  }
  throw findingsError(t(`không lấy được khoá ${path}`, `cannot take the lock ${path}`));
}

/** Take the lock (waiting a little while another writer finishes), run, release. */
export async function withLock<T>(root: string, warn: (text: Localized) => void, fn: () => Promise<T> | T): Promise<T> {
  const deadline = Date.now() + waitLimitMs();
  let lock: Lock;
  for (;;) {
    try {
      lock = acquireLock(root, warn);
      break;
    } catch (err) {
      if (!(err instanceof LockBusyError) || Date.now() >= deadline) throw err;
      await new Promise((r) => setTimeout(r, 25 + Math.floor(Math.random() * 50)));
    }
  }
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
