/**
 * The provincial roll-up in tests: a real `git daemon` on 127.0.0.1 at a free port serving bare
 * repositories, and generated agencies whose council proposes a title the province decides.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROVINCE_INIT } from '../../src/bench/province.js';
import { git, runCli, tempDir } from './workspace.js';
import { generateAgency, type Agency } from './agency.js';
import { ENV, ballots, ok } from './round.js';

export const UPWARD_TITLE = 'bang-khen-tinh';

/** A title above the agency's competence (decided_by a body), with nothing it requires first. */
export const UPWARD_TITLES = `- id: ${UPWARD_TITLE}
  name: Bằng khen của Chủ tịch UBND tỉnh
  kind: individual
  criteria: [ trach-nhiem, sang-tao ]
  threshold: { percent: 90, of: members }
  decided_by: { body: Chủ tịch UBND tỉnh Lâm Đồng }
`;

export interface Daemon {
  base: string;
  port: number;
  url(name: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/** `git daemon` serving every repository under a new folder; stop() ends it (by its own pid). */
export async function startDaemon(): Promise<Daemon> {
  const base = tempDir('thidua-daemon-');
  const port = await freePort();
  const child: ChildProcess = spawn(
    'git',
    ['daemon', '--reuseaddr', '--export-all', `--base-path=${base}`, '--listen=127.0.0.1', `--port=${port}`, base],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await accepts(port))) throw new Error('git daemon did not start');
  return {
    base,
    port,
    url: (name) => `git://127.0.0.1:${port}/${name}.git`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The agency's repository put on the server (a bare copy), as `git push` would the first time. */
export function publish(d: Daemon, a: Agency | string, name: string): string {
  const root = typeof a === 'string' ? a : a.root;
  const bare = join(d.base, `${name}.git`);
  rmSync(bare, { recursive: true, force: true });
  git(d.base, ['clone', '--bare', '-q', root, bare]);
  return d.url(name);
}

/** The agency's new commits pushed to its repository on the server. */
export function push(d: Daemon, a: Agency, name: string): void {
  git(a.root, ['push', '-q', '--force', join(d.base, `${name}.git`), 'HEAD:refs/heads/main']);
}

/**
 * A generated agency whose round YEAR has one individual nomination for the upward title; its
 * whole council agrees; sealed and decided (or left unsealed with `sealed: false`), committed.
 */
export async function upwardAgency(
  seed: number,
  options: { sealed?: boolean; year?: number } = {},
): Promise<Agency & { nomination: string; person: string }> {
  const a = generateAgency({
    seed,
    councilSize: 5,
    departments: 3,
    year: options.year ?? 2025,
    threshold: { numerator: 2, denominator: 3, of: 'members' },
  });
  writeFileSync(join(a.root, 'records/titles.yaml'), UPWARD_TITLES);
  const dir = join(a.root, `records/${a.year}/nominations`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const staff = a.people.find((p) => !p.leader && !a.council.includes(p.id))!;
  const id = `${staff.department}-bang-khen`;
  writeFileSync(
    join(dir, `${id}.yaml`),
    `id: ${id}
kind: individual
department: ${staff.department}
person: ${staff.id}
award: ${UPWARD_TITLE}
title: "Hoàn thành xuất sắc nhiệm vụ năm ${a.year}, sáng kiến số hoá hồ sơ"
submitted: ${a.year}-11-12
criteria: { trach-nhiem: true, sang-tao: true }
`,
  );
  git(a.root, ['add', '-A']);
  git(a.root, ['commit', '-q', '-m', 'Đề nghị Bằng khen']);
  if (options.sealed !== false) {
    await ballots(
      a,
      a.year,
      Array.from({ length: a.council.length }, () => ({ [id]: 'agree' })),
    );
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'decide', String(a.year), '--number', '12', '--date', `${a.year + 1}-01-20`);
    await ok(a, 'commit', '-m', `Đợt ${a.year}: kiểm phiếu, quyết định`);
  }
  return { ...a, nomination: id, person: staff.id };
}

/** A province as `thidua init` makes it (with the rule pack's titles when asked); its root. */
export async function province(options: { titles?: boolean } = {}): Promise<string> {
  const parent = tempDir('thidua-province-');
  const r = await runCli([...PROVINCE_INIT, ...(options.titles ? ['--titles'] : [])], { cwd: parent, env: ENV });
  expect(r.code, r.stderr).toBe(0);
  return join(parent, 'tinh');
}
