/**
 * The workspace lock in-process: one writer at a time; the owner's record written with the lock;
 * a stale lock (dead owner, reused PID, old unreadable file) cleared with a warning; a live owner,
 * another machine or a young unreadable lock respected.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cleanupTemp, tempDir } from '../helpers/workspace.js';
import {
  acquireLock,
  LOCK_FILE,
  lockTime,
  LockBusyError,
  ownerGone,
  startOf,
  waitLimitMs,
  withLock,
} from '../../src/shell/lock.js';
import type { Localized } from '../../src/core/diagnostics.js';
import { isMainThread } from 'node:worker_threads';

afterAll(cleanupTemp);

/** A PID that no longer runs: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function warnings(): { list: string[]; warn: (t: Localized) => void } {
  const list: string[] = [];
  return { list, warn: (t) => list.push(t.vi) };
}

describe('lockTime', () => {
  it('says when a lock was taken as a clerk reads a time: hours and a Vietnamese date in the machine’s zone; ISO in English', () => {
    // Hà Nội, 7 hours east of UTC.
    expect(lockTime('2026-01-01T00:00:00.000Z', 420)).toEqual({
      vi: '07:00 ngày 01/01/2026',
      en: '2026-01-01T00:00:00.000Z',
    });
    expect(lockTime('2026-11-27T16:59:30.000Z', 420).vi).toBe('23:59 ngày 27/11/2026');
    expect(lockTime('2026-11-27T17:05:00.000Z', 420).vi).toBe('00:05 ngày 28/11/2026');
    expect(lockTime('2026-03-01T02:30:00.000Z', -300).vi).toBe('21:30 ngày 28/02/2026');
    // Without an offset: the machine's own.
    const at = new Date('2026-06-15T12:34:00.000Z');
    expect(lockTime(at.toISOString()).vi).toBe(lockTime(at.toISOString(), -at.getTimezoneOffset()).vi);
    expect(lockTime('hôm qua')).toEqual({ vi: 'hôm qua', en: 'hôm qua' });
    expect(lockTime(undefined)).toEqual({ vi: '?', en: '?' });
  });

  // A zone set at run time reaches Date only on the main thread: `npm test` runs this file in a
  // process of its own; Stryker's runner uses worker threads, where the test would fail, so there
  // the mark on lockTime's sign says where the sign is held.
  it.skipIf(!isMainThread)(
    'without an offset, a machine at UTC+7 shows its own clock time (the zone’s sign counted the right way)',
    () => {
      const before = process.env['TZ'];
      process.env['TZ'] = 'Asia/Ho_Chi_Minh';
      try {
        expect(new Date('2026-01-15T01:05:00.000Z').getTimezoneOffset()).toBe(-420);
        expect(lockTime('2026-01-15T01:05:00.000Z').vi).toBe('08:05 ngày 15/01/2026');
        expect(lockTime('2026-01-14T20:30:00.000Z').vi).toBe('03:30 ngày 15/01/2026');
        process.env['TZ'] = 'America/New_York';
        expect(lockTime('2026-03-01T02:30:00.000Z').vi).toBe('21:30 ngày 28/02/2026');
      } finally {
        if (before === undefined) delete process.env['TZ'];
        else process.env['TZ'] = before;
      }
    },
  );
});

describe('acquireLock', () => {
  it('writes the owner’s record with the lock, refuses a second writer naming the first, and release removes it (once)', () => {
    const root = tempDir();
    const { warn, list } = warnings();
    const lock = acquireLock(root, warn);
    const record = JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')) as {
      pid: number;
      host: string;
      since: string;
      start?: string;
    };
    expect(record.pid).toBe(process.pid);
    expect(record.host).toBe(hostname());
    expect(Date.now() - Date.parse(record.since)).toBeLessThan(60_000);
    expect(record.start).toBe(startOf(process.pid));
    let err: unknown;
    try {
      acquireLock(root, warn);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LockBusyError);
    expect((err as LockBusyError).text.vi).toContain(`(tiến trình ${process.pid}, từ ${lockTime(record.since).vi})`);
    expect((err as LockBusyError).text.en).toContain(`(process ${process.pid}, since ${record.since})`);
    lock.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    const again = acquireLock(root, warn);
    lock.release(); // a second release of the first lock does not remove the new one
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
    again.release();
    expect(list).toEqual([]);
  });

  it('clears the lock of a process that has ended, with a warning that names it', () => {
    const root = tempDir();
    const pid = deadPid();
    writeFileSync(
      join(root, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }) + '\n',
    );
    const { warn, list } = warnings();
    const lock = acquireLock(root, warn);
    expect(list).toEqual([
      `đã xoá khoá cũ ${LOCK_FILE} của tiến trình ${pid} không còn chạy (từ ${lockTime('2026-01-01T00:00:00.000Z').vi})`,
    ]);
    expect((JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
  });

  it('a PID now run by a process that started at another time is stale; with the same start it is held', () => {
    const root = tempDir();
    const { warn, list } = warnings();
    writeFileSync(
      join(root, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: 'x', start: '1' }) + '\n',
    );
    acquireLock(root, warn).release();
    expect(list.length).toBe(1);
    writeFileSync(
      join(root, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: 'x', start: startOf(process.pid) }) + '\n',
    );
    expect(() => acquireLock(root, warn)).toThrow(LockBusyError);
    expect(list.length).toBe(1);
  });

  it('a lock in the old format (no start) is held while its PID runs node, stale when it runs something else', async () => {
    const root = tempDir();
    const { warn, list } = warnings();
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), since: 'x' }) + '\n');
    expect(() => acquireLock(root, warn)).toThrow(LockBusyError);
    const sleeper = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: sleeper.pid, host: hostname(), since: 'x' }) + '\n');
      acquireLock(root, warn).release();
      expect(list).toEqual([`đã xoá khoá cũ ${LOCK_FILE} của tiến trình ${String(sleeper.pid)} không còn chạy (từ x)`]);
    } finally {
      sleeper.kill();
    }
  });

  it('another machine’s lock is left alone, and the message says which machine', () => {
    const root = tempDir();
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: 1, host: 'may-khac', since: 'x' }) + '\n');
    const { warn } = warnings();
    let err: unknown;
    try {
      acquireLock(root, warn);
    } catch (e) {
      err = e;
    }
    expect(err).not.toBeInstanceOf(LockBusyError);
    expect((err as LockBusyError).exitCode).toBe(1);
    expect((err as LockBusyError).text.vi).toBe(
      `khoá ${LOCK_FILE} do máy may-khac giữ; nếu không còn lệnh nào chạy ở đó, xoá tệp này rồi chạy lại`,
    );
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
  });

  it('another machine’s lock is left alone even when its PID runs here', () => {
    const root = tempDir();
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: process.pid, host: 'may-khac', since: 'x' }) + '\n');
    let err: unknown;
    try {
      acquireLock(root, warnings().warn);
    } catch (e) {
      err = e;
    }
    expect(err).not.toBeInstanceOf(LockBusyError);
    expect((err as LockBusyError).text.en).toBe(
      `the lock ${LOCK_FILE} is held by the machine may-khac; if nothing runs there any more, delete the file and run again`,
    );
  });

  it('an unreadable lock is busy while young, stale once older than ten seconds', () => {
    const root = tempDir();
    const path = join(root, LOCK_FILE);
    writeFileSync(path, '');
    const { warn, list } = warnings();
    expect(() => acquireLock(root, warn)).toThrow(LockBusyError);
    const old = (Date.now() - 20_000) / 1000;
    utimesSync(path, old, old);
    acquireLock(root, warn).release();
    expect(list).toEqual([`đã xoá khoá cũ ${LOCK_FILE} của tiến trình ? không còn chạy (từ ?)`]);
  });
});

describe('ownerGone and startOf', () => {
  it('a record without a PID has no owner; a dead PID has none; this process is its own', () => {
    expect(ownerGone({})).toBe(true);
    expect(ownerGone({ pid: deadPid() })).toBe(true);
    expect(ownerGone({ pid: process.pid, start: startOf(process.pid)! })).toBe(false);
    expect(startOf(process.pid)).toMatch(/^\d+$/);
    expect(startOf(deadPid())).toBeNull();
  });
});

describe('alive, as the kernel answers', () => {
  it('a process the kernel will not let us signal (EPERM) is running; one it does not know (ESRCH) is gone', () => {
    const start = startOf(process.pid)!;
    const kill = vi.spyOn(process, 'kill');
    try {
      kill.mockImplementation(() => {
        throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      });
      expect(ownerGone({ pid: process.pid, start })).toBe(false);
      kill.mockImplementation(() => {
        throw Object.assign(new Error('ESRCH'), { code: 'ESRCH' });
      });
      expect(ownerGone({ pid: process.pid, start })).toBe(true);
    } finally {
      kill.mockRestore();
    }
  });

  it('startOf is the process’s start in clock ticks since boot (field 22 of /proc/PID/stat)', () => {
    // Linux counts 100 ticks a second; the system's uptime less this process's gives its start.
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const started = uptime - process.uptime();
    expect(Math.abs(Number(startOf(process.pid)) / 100 - started)).toBeLessThan(5);
  });
});

describe('the wait for another writer', () => {
  it('THIDUA_LOCK_WAIT_MS in milliseconds; a value that is not a number of milliseconds is the default 3 s', () => {
    const saved = process.env['THIDUA_LOCK_WAIT_MS'];
    try {
      const cases: Array<[string | undefined, number]> = [
        [undefined, 3000],
        ['250', 250],
        ['0', 0],
        ['-1', 3000],
        ['ba giây', 3000],
        ['Infinity', 3000],
      ];
      for (const [value, ms] of cases) {
        if (value === undefined) delete process.env['THIDUA_LOCK_WAIT_MS'];
        else process.env['THIDUA_LOCK_WAIT_MS'] = value;
        expect(waitLimitMs(), String(value)).toBe(ms);
      }
    } finally {
      if (saved === undefined) delete process.env['THIDUA_LOCK_WAIT_MS'];
      else process.env['THIDUA_LOCK_WAIT_MS'] = saved;
    }
  });
});

describe('withLock', () => {
  it('waits for the other writer to finish, then runs; gives up after THIDUA_LOCK_WAIT_MS', async () => {
    const root = tempDir();
    const { warn } = warnings();
    const first = acquireLock(root, warn);
    setTimeout(() => first.release(), 150);
    const saved = process.env['THIDUA_LOCK_WAIT_MS'];
    process.env['THIDUA_LOCK_WAIT_MS'] = '3000';
    try {
      expect(await withLock(root, warn, () => 'đã ghi')).toBe('đã ghi');
      expect(existsSync(join(root, LOCK_FILE))).toBe(false);
      const held = acquireLock(root, warn);
      process.env['THIDUA_LOCK_WAIT_MS'] = '0';
      await expect(withLock(root, warn, () => 'không')).rejects.toBeInstanceOf(LockBusyError);
      held.release();
      // The lock is released when the work throws, too.
      await expect(
        withLock(root, warn, () => {
          throw new Error('hỏng');
        }),
      ).rejects.toThrow('hỏng');
      expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['THIDUA_LOCK_WAIT_MS'];
      else process.env['THIDUA_LOCK_WAIT_MS'] = saved;
    }
  });
});
