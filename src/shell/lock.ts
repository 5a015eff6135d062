/** The workspace lock: one writer at a time; a lock left by a dead process is cleared with a warning. */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { t, type Localized } from '../core/diagnostics.js';
import { EXIT, ThiduaError, findingsError, environmentError } from '../errors.js';
import { shortDate } from '../core/dates.js';
import { notALock } from './lock-shape.js';

export const LOCK_FILE = '.thidua.lock';

/**
 * When a lock was taken, for a message: "08:05 ngày 15/01/2026" in Vietnamese, in the machine's
 * time (or `offsetMinutes` east of UTC); the recorded ISO instant in English. A record that is not
 * a time is shown as it is.
 */
export function lockTime(since: string | undefined, offsetMinutes?: number): Localized {
  if (since === undefined) return t('?', '?');
  const at = new Date(since);
  if (Number.isNaN(at.getTime())) return t(since, since);
  // Stryker disable next-line UnaryOperator: Stryker's worker threads cannot change their zone; test/unit/lock.test.ts holds the sign at UTC+7 in npm test (main thread)
  const local = new Date(at.getTime() + (offsetMinutes ?? -at.getTimezoneOffset()) * 60_000);
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return t(`${hhmm} ngày ${shortDate(local.toISOString().slice(0, 10))}`, since);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, as the kernel counts it (Linux: field 22 of /proc/PID/stat, clock ticks
 * since boot); `null` where it cannot be read. A PID reused by a later process has another start.
 */
export function startOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function commandLineOf(pid: number): string | null {
  // Stryker disable BlockStatement: /proc/PID/cmdline of a running process is readable on Linux; elsewhere nothing is known
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
  // Stryker restore BlockStatement
}

interface Holder {
  pid?: number;
  host?: string;
  since?: string;
  /** The owner's start (startOf), when it could be read. */
  start?: string;
}

/**
 * The owner of a lock on this machine is provably gone: its process is not running, or the PID
 * now belongs to a process that started at another time (a reused PID). A lock written before
 * thidua recorded the start is the owner's while its PID runs a thidua (or node) program.
 */
export function ownerGone(holder: Holder): boolean {
  // Stryker disable next-line ConditionalExpression: without this line alive(undefined) throws a TypeError, read as not alive: the same answer
  if (typeof holder.pid !== 'number') return true;
  if (!alive(holder.pid)) return true;
  const start = startOf(holder.pid);
  if (holder.start !== undefined) return start !== null && start !== holder.start;
  const cmdline = commandLineOf(holder.pid);
  return cmdline !== null && !/thidua|node/.test(cmdline);
}

// Module state: a counter that only keeps temporary names apart (npm run mutate's kept threads
// carry it from one run to the next, and it still does).
let lockCounter = 0;

/**
 * Create the lock with its content already in it: the owner's record is written to a temporary
 * file, which is then linked to the lock's name (failing when the name is taken). So no reader ever
 * sees a lock without its owner, and no two processes hold it together.
 */
function tryCreate(path: string): boolean {
  // Stryker disable next-line UpdateOperator: the counter only keeps names apart; counting down does too
  const tmp = `${path}.${process.pid}.${Date.now()}.${lockCounter++}.tmp`;
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const start = startOf(process.pid);
    writeSync(
      fd,
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        // Stryker disable next-line ConditionalExpression: the start is read on Linux, where it is never null for this process
        ...(start !== null ? { start } : {}),
      }) + '\n',
    );
    closeSync(fd);
    fd = null;
    try {
      linkSync(tmp, path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // EEXIST (the name is taken) is rethrown and answered below.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
      // No hard links here: create the name exclusively and fill it (a reader may see it empty; see below).
      const direct = openSync(path, 'wx', 0o644);
      // Stryker disable BlockStatement: a descriptor left open changes no result of a command that ends soon after
      try {
        writeSync(direct, readFileSync(tmp));
      } finally {
        closeSync(direct);
      }
      // Stryker restore BlockStatement
    }
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw environmentError(
      // Stryker disable next-line LogicalOperator: text for people: the code a failure shows
      t(`không tạo được khoá ${path} (${code ?? '?'})`, `cannot create the lock ${path} (${code ?? '?'})`),
    );
  } finally {
    // Stryker disable next-line ConditionalExpression: only a write that failed leaves the descriptor open; leaking it changes no result
    if (fd !== null) closeSync(fd);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the temporary file was made before anything could fail; force only spares an error when it is missing
    rmSync(tmp, { force: true });
  }
}

/**
 * Remove a stale lock only if it is still the one that was read: it is moved aside first (an
 * atomic rename), and put back when it turns out to be a newer owner's.
 */
function clearStale(path: string, seen: string): void {
  // Stryker disable next-line UpdateOperator: the counter only keeps names apart; counting down does too
  const aside = `${path}.${process.pid}.${Date.now()}.${lockCounter++}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone already: another writer cleared it
  }
  let now = '';
  // Stryker disable BlockStatement: only a race makes the name just set aside unreadable
  try {
    now = readFileSync(aside, 'utf8');
  } catch {
    /* unreadable: treated as the stale one */
  }
  // Stryker restore BlockStatement
  if (now !== seen) {
    // A newer owner's lock: give it back (unless yet another lock has appeared meanwhile).
    try {
      linkSync(aside, path);
    } catch {
      /* a lock is there again: leave it */
    }
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the name set aside was just made; force only spares an error when it is missing
  rmSync(aside, { force: true });
}

/** The lock is held by a live process: the caller may wait and try again. */
export class LockBusyError extends ThiduaError {
  constructor(text: Localized) {
    super(EXIT.findings, text);
  }
}

/** How long a writer waits for another to finish before it gives up (THIDUA_LOCK_WAIT_MS, default 3 s). */
export function waitLimitMs(): number {
  const raw = Number(process.env['THIDUA_LOCK_WAIT_MS']);
  return Number.isFinite(raw) && raw >= 0 ? raw : 3000;
}

export interface Lock {
  release(): void;
}

export function acquireLock(root: string, warn: (text: Localized) => void): Lock {
  const path = join(root, LOCK_FILE);
  // Stryker disable next-line EqualityOperator,UpdateOperator: how many times a lock that others keep taking is tried again is a choice, not a guarantee
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: the lock is this command's and still there; force only spares an error when it is missing
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    }
    const odd = notALock(path);
    if (odd) throw findingsError(odd);
    let holder: Holder = {};
    let seen = '';
    try {
      seen = readFileSync(path, 'utf8');
      holder = JSON.parse(seen) as typeof holder;
    } catch (err) {
      // Stryker disable next-line ConditionalExpression: a lock gone meanwhile also fails the stat below, which tries again as well
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      // A lock that cannot be read as an owner's record: busy while it is young (a writer without
      // hard links may be filling it), stale once it is old.
      let age: number;
      // Stryker disable BlockStatement: only a race removes the lock between reading it and asking its age; the next turn finds it gone
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      // Stryker restore BlockStatement
      // Stryker disable next-line EqualityOperator: the boundary of ten seconds, to the millisecond, is no guarantee
      if (age < 10_000)
        throw new LockBusyError(
          t(
            'không gian làm việc đang được một lệnh thidua khác ghi; hãy chờ lệnh đó xong rồi chạy lại',
            'the workspace is being written by another thidua command; wait for it to finish and run again',
          ),
        );
    }
    const sameHost = holder.host === undefined || holder.host === hostname();
    const since = lockTime(holder.since);
    // Stryker disable next-line ConditionalExpression: ownerGone answers true for a record without a PID, so the test of the PID changes nothing
    if (typeof holder.pid === 'number' && sameHost && !ownerGone(holder)) {
      throw new LockBusyError(
        t(
          `không gian làm việc đang được một lệnh thidua khác ghi (tiến trình ${holder.pid}, từ ${since.vi}); hãy chờ lệnh đó xong rồi chạy lại`,
          `the workspace is being written by another thidua command (process ${holder.pid}, since ${since.en}); wait for it to finish and run again`,
        ),
      );
    }
    if (!sameHost) {
      throw findingsError(
        t(
          `khoá ${LOCK_FILE} do máy ${holder.host ?? '?'} giữ; nếu không còn lệnh nào chạy ở đó, xoá tệp này rồi chạy lại`,
          `the lock ${LOCK_FILE} is held by the machine ${holder.host ?? '?'}; if nothing runs there any more, delete the file and run again`,
        ),
      );
    }
    warn(
      t(
        // Stryker disable next-line LogicalOperator: text for people: a lock without a PID is shown with "?"
        `đã xoá khoá cũ ${LOCK_FILE} của tiến trình ${holder.pid ?? '?'} không còn chạy (từ ${since.vi})`,
        // Stryker disable next-line LogicalOperator: (the reason above)
        `cleared the stale lock ${LOCK_FILE} of process ${holder.pid ?? '?'}, which is no longer running (since ${since.en})`,
      ),
    );
    clearStale(path, seen);
  }
  // Others keep taking it: try again later, like a busy lock.
  throw new LockBusyError(t(`không lấy được khoá ${path}; hãy chạy lại`, `cannot take the lock ${path}; run again`));
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
      // Stryker disable next-line EqualityOperator: the deadline to the millisecond is no guarantee
      if (!(err instanceof LockBusyError) || Date.now() >= deadline) throw err;
      // Stryker disable next-line ArithmeticOperator: the pause between tries only spreads writers apart
      await new Promise((r) => setTimeout(r, 25 + Math.floor(Math.random() * 50)));
    }
  }
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
