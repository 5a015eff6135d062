/**
 * The workspace lock under attack: fifty processes racing for it (a stale lock to clear first)
 * never hold it together, and a lock whose PID now belongs to another process is cleared.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT, cleanupTemp, tempDir } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';

afterAll(cleanupTemp);

const LOCK_JS = join(PROJECT, 'dist/shell/lock.js');

/** One racer: take the lock, claim a marker file exclusively while holding it, let go. */
const RACER = `
import { openSync, closeSync, rmSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
const { withLock } = await import(process.argv[1]);
const root = process.argv[2];
for (let round = 0; round < 3; round++) {
  await withLock(root, () => {}, async () => {
    let fd;
    try {
      fd = openSync(join(root, 'holder'), 'wx');
    } catch {
      appendFileSync(join(root, 'overlaps'), process.pid + '\\n');
      return;
    }
    closeSync(fd);
    await new Promise((r) => setTimeout(r, 2));
    rmSync(join(root, 'holder'));
    appendFileSync(join(root, 'held'), process.pid + '\\n');
  });
}
`;

function race(root: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', RACER, LOCK_JS, root], {
      env: { ...process.env, THIDUA_LOCK_WAIT_MS: '120000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) process.stderr.write(err);
      resolve(code);
    });
  });
}

function startOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

describe('the lock', () => {
  it('fifty racing writers, starting from a stale lock, never hold it together', async () => {
    const root = tempDir();
    // A lock left by a process that is gone: every racer may try to clear it at once.
    writeFileSync(
      join(root, '.thidua.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: '2026-01-01T00:00:00Z', start: '1' }) + '\n',
    );
    const codes = await Promise.all(Array.from({ length: 50 }, () => race(root)));
    expect(codes.every((c) => c === 0)).toBe(true);
    const read = (f: string) => {
      try {
        return readFileSync(join(root, f), 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    };
    expect(read('overlaps')).toEqual([]);
    expect(read('held')).toHaveLength(150);
  }, 300_000);

  it.runIf(process.platform === 'linux')(
    'a lock whose PID now runs another program is cleared; its live owner still holds it',
    () => {
      const a = generateAgency({ seed: 61, councilSize: 5, departments: 2 });
      const other = spawn('sleep', ['60']);
      try {
        const pid = other.pid!;
        const env = { ...process.env, NO_COLOR: '1', THIDUA_LOCK_WAIT_MS: '300', TZ: 'Asia/Ho_Chi_Minh' };
        const ballot = () =>
          spawnSync(process.execPath, [BIN, '--root', a.root, 'ballot', String(a.year), '--invalid'], {
            encoding: 'utf8',
            env,
          });
        // The lock names the live PID with the start the owner had: held.
        writeFileSync(
          join(a.root, '.thidua.lock'),
          JSON.stringify({ pid, host: hostname(), since: '2026-01-15T08:00:00Z', start: startOf(pid) }) + '\n',
        );
        const busy = ballot();
        expect(busy.status).toBe(1);
        expect(busy.stderr).toContain(
          `đang được một lệnh thidua khác ghi (tiến trình ${pid}, từ 15:00 ngày 15/01/2026)`,
        );
        // The same PID with another start: the owner is gone and its PID was reused.
        writeFileSync(
          join(a.root, '.thidua.lock'),
          JSON.stringify({ pid, host: hostname(), since: '2026-01-15T08:00:00Z', start: '12345' }) + '\n',
        );
        const reused = ballot();
        expect(reused.status, reused.stderr).toBe(0);
        expect(reused.stderr).toContain(
          `đã xoá khoá cũ .thidua.lock của tiến trình ${pid} không còn chạy (từ 15:00 ngày 15/01/2026)`,
        );
        // A lock written before the start was recorded, naming a PID that runs no thidua: cleared too.
        writeFileSync(
          join(a.root, '.thidua.lock'),
          JSON.stringify({ pid, host: hostname(), since: '2026-01-15T08:00:00Z' }) + '\n',
        );
        expect(ballot().status).toBe(0);
      } finally {
        other.kill();
      }
    },
  );
});
