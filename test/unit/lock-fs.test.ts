/**
 * The workspace lock where the file system misbehaves, in-process with `node:fs` wrapped: a file
 * system without hard links, a link that fails otherwise, and another writer taking the lock in
 * the moment between reading a stale lock and clearing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanupTemp, tempDir } from '../helpers/workspace.js';

const failLink = { code: null as string | null };
/** Run once, just before the next rename: another writer acting at that moment. */
const beforeRename = { fn: null as null | ((from: string) => void) };
/** A /proc mounted with hidepid: another process's stat and command line cannot be read. */
const hideProc = { on: false };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    linkSync: (a: string, b: string) => {
      if (failLink.code) throw Object.assign(new Error(failLink.code), { code: failLink.code });
      return fs.linkSync(a, b);
    },
    readFileSync: ((path: unknown, ...rest: unknown[]) => {
      if (hideProc.on && typeof path === 'string' && /^\/proc\/\d+\/(stat|cmdline)$/.test(path))
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readFileSync,
    renameSync: (a: string, b: string) => {
      const fn = beforeRename.fn;
      beforeRename.fn = null;
      fn?.(a);
      return fs.renameSync(a, b);
    },
  };
});

const { acquireLock, LOCK_FILE, LockBusyError, startOf } = await import('../../src/shell/lock.js');
const { ThiduaError } = await import('../../src/errors.js');

afterAll(cleanupTemp);
beforeEach(() => {
  failLink.code = null;
  beforeRename.fn = null;
  hideProc.on = false;
});

describe('a /proc that hides processes (hidepid)', () => {
  it('a running owner whose start cannot be read keeps its lock: a reused PID cannot be proved', () => {
    const root = tempDir();
    writeFileSync(
      join(root, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-15T08:00:00Z', start: '1' }) + '\n',
    );
    hideProc.on = true;
    expect(() => acquireLock(root, noWarn)).toThrow(LockBusyError);
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
  });

  it('a lock in the old format (no start) whose running owner’s command line cannot be read is kept too', () => {
    const root = tempDir();
    writeFileSync(
      join(root, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-15T08:00:00Z' }) + '\n',
    );
    hideProc.on = true;
    expect(() => acquireLock(root, noWarn)).toThrow(LockBusyError);
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
  });
});

const noWarn = () => undefined;
const others = (dir: string) => readdirSync(dir).filter((f) => f !== LOCK_FILE);

describe('the lock without hard links', () => {
  for (const code of ['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']) {
    it(`${code}: the lock is created by name, holds its owner's record, and refuses a second writer`, () => {
      const root = tempDir();
      failLink.code = code;
      const lock = acquireLock(root, noWarn);
      const record = JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')) as { pid: number; start?: string };
      expect(record.pid).toBe(process.pid);
      expect(record.start).toBe(startOf(process.pid));
      expect(() => acquireLock(root, noWarn)).toThrow(LockBusyError);
      expect(others(root)).toEqual([]);
      lock.release();
      expect(readdirSync(root)).toEqual([]);
    });
  }

  it('any other failure of the link is an error of the environment that names the lock and the code, and leaves nothing behind', () => {
    const root = tempDir();
    failLink.code = 'EIO';
    let err: unknown;
    try {
      acquireLock(root, noWarn);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ThiduaError);
    expect(err).not.toBeInstanceOf(LockBusyError);
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
    expect((err as InstanceType<typeof ThiduaError>).text.vi).toBe(
      `không tạo được khoá ${join(root, LOCK_FILE)} (EIO)`,
    );
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('clearing a stale lock', () => {
  it('a lock another writer took after the stale one was read is put back, not removed', () => {
    const root = tempDir();
    const path = join(root, LOCK_FILE);
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
    );
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), since: 'x' }) + '\n');
    const live = JSON.stringify({ pid: process.pid, host: hostname(), since: 'y', start: startOf(process.pid) }) + '\n';
    beforeRename.fn = (from) => {
      if (from === path) writeFileSync(path, live);
    };
    const warned: string[] = [];
    expect(() => acquireLock(root, (t) => warned.push(t.vi))).toThrow(LockBusyError);
    expect(readFileSync(path, 'utf8')).toBe(live);
    expect(others(root)).toEqual([]);
    expect(warned).toEqual([`đã xoá khoá cũ ${LOCK_FILE} của tiến trình ${dead} không còn chạy (từ x)`]);
  });

  it('the stale lock itself is removed, and nothing is left beside the new one', () => {
    const root = tempDir();
    const path = join(root, LOCK_FILE);
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
    );
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), since: 'x' }) + '\n');
    const lock = acquireLock(root, noWarn);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    expect(others(root)).toEqual([]);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });
});
