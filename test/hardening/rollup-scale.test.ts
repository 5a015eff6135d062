/**
 * The provincial roll-up at scale (hardening project: slow): 60 agencies served by `git daemon` on
 * 127.0.0.1, fetched and verified two at a time, then fetched again with nothing changed. Time
 * is measured in `npm run bench` (src/bench/rollup.ts), not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp } from '../helpers/workspace.js';
import { ok } from '../helpers/round.js';
import { province, publish, startDaemon, upwardAgency, type Daemon } from '../helpers/rollup.js';

let daemon: Daemon;
beforeAll(async () => {
  daemon = await startDaemon();
});
afterAll(async () => {
  await daemon.stop();
  cleanupTemp();
});

describe('inbox at scale', () => {
  it('60 agencies on the git server fetched and verified two at a time; fetched again with nothing changed, every one is skipped', async () => {
    const template = await upwardAgency(501);
    const root = await province();
    for (let i = 0; i < 60; i++) {
      const id = `co-quan-${String(i + 1).padStart(3, '0')}`;
      await ok(root, 'inbox', 'add', id, publish(daemon, template, id));
    }
    const first = await ok(root, 'inbox', 'fetch');
    expect(first.stdout).toContain('Đã tải 60 cơ quan: 60 đạt, 0 bị giữ lại, 0 không có gì mới.');
    const second = await ok(root, 'inbox', 'fetch');
    expect(second.stdout).toBe('Đã tải 60 cơ quan: 0 đạt, 0 bị giữ lại, 60 không có gì mới.\n');
    const imported = await ok(root, 'inbox', 'import', '2025');
    expect(imported.stdout).toContain(
      'Đợt 2025: nhập 60 đề nghị, 0 đã có từ trước; thêm 60 cơ quan vào danh sách đơn vị, 60 người.',
    );
  }, 600_000);
});
