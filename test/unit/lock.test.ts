/**
 * The workspace lock in-process: one writer at a time; the owner's record written with the lock;
 * a stale lock (dead owner, reused PID, old unreadable file) cleared with a warning; a live owner,
 * another machine or a young unreadable lock respected.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, tempDir } from '../helpers/workspace.js';
import { acquireLock, LOCK_FILE, LockBusyError, ownerGone, startOf, withLock } from '../../src/shell/lock.js';
import type { Localized } from '../../src/core/diagnostics.js';

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

describe('acquireLock', () => {
  it('writes the owner’s record with the lock, refuses a second writer naming the first, and release removes it (once)', () => {
    const root = tempDir();
    const { warn, list } = warnings();
    const lock = acquireLock(root, warn);
    const record = JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')) as { pid: number; host: string; since: string; start?: string };
    expect(record.pid).toBe(process.pid);
    expect(record.host).toBe(hostname());
    expect(Date.now() - Date.parse(record.since)).toBeLessThan(60_000);
    expect(record.start).toBe(startOf(process.pid));
    let err: unknown;
    try { acquireLock(root, warn); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(LockBusyError);
    expect((err as LockBusyError).text.vi).toContain(`(tiến trình ${process.pid}, từ ${record.since})`);
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
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }) + '\n');
    const { warn, list } = warnings();
    const lock = acquireLock(root, warn);
    expect(list).toEqual([`đã xoá khoá cũ ${LOCK_FILE} của tiến trình ${pid} không còn chạy (từ 2026-01-01T00:00:00.000Z)`]);
    expect((JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
  });

  it('a PID now run by a process that started at another time is stale; with the same start it is held', () => {
    const root = tempDir();
    const { warn, list } = warnings();
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), since: 'x', start: '1' }) + '\n');
    acquireLock(root, warn).release();
    expect(list.length).toBe(1);
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), since: 'x', start: startOf(process.pid) }) + '\n');
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
    try { acquireLock(root, warn); } catch (e) { err = e; }
    expect(err).not.toBeInstanceOf(LockBusyError);
    expect((err as LockBusyError).exitCode).toBe(1);
    expect((err as LockBusyError).text.vi).toBe(`khoá ${LOCK_FILE} do máy may-khac giữ; nếu không còn lệnh nào chạy ở đó, xoá tệp này rồi chạy lại`);
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
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
      await expect(withLock(root, warn, () => { throw new Error('hỏng'); })).rejects.toThrow('hỏng');
      expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['THIDUA_LOCK_WAIT_MS'];
      else process.env['THIDUA_LOCK_WAIT_MS'] = saved;
    }
  });
});
