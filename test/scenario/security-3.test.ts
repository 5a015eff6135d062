/**
 * The security review, round three, on generated agencies: an insider with git cannot change a
 * sealed result unseen, and a received workspace runs nothing. Each attack of issue 33 as a test
 * that failed on main before the fix. One block per numbered point.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, git, runCli, tempDir } from '../helpers/workspace.js';
import { generateAgency, type Agency } from '../helpers/agency.js';
import { ENV, all, ballots, decidedAgency, ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

async function verifyJson(root: string, ...args: string[]) {
  const r = await run(root, 'verify', ...args, '--json');
  return {
    code: r.code,
    json: JSON.parse(r.stdout) as {
      ok: boolean;
      shared: Array<{ file: string; message: string }>;
      rounds: Array<{ findings: Array<{ file: string; commit: string | null; message: string }>; notes: string[] }>;
    },
  };
}

/** A council of five, 4/5 of the members to be recognised; two papers against the first nominee: 3/5, not recognised. */
async function votedAgency(seed: number): Promise<Agency> {
  const a = generateAgency({ seed, councilSize: 5, threshold: { numerator: 4, denominator: 5, of: 'members' } });
  const n = a.nominations;
  const against = { ...all(n), [n[0]!]: 'disagree' };
  await ballots(a, a.year, [against, against, all(n), all(n), all(n)]);
  await ok(a, 'commit', '-m', 'Phiếu bầu');
  return a;
}

async function recognised(a: Agency, id: string): Promise<boolean> {
  const r = JSON.parse((await ok(a, 'tally', String(a.year), '--json')).stdout) as {
    results: Array<{ nomination: string; recognised: boolean }>;
  };
  return r.results.find((x) => x.nomination === id)!.recognised;
}

/** Paper 001 turned from "against the first nominee" to "for". */
function turnPaper(a: Agency): string {
  const rel = `records/${a.year}/ballots/001.yaml`;
  const p = join(a.root, rel);
  const text = readFileSync(p, 'utf8');
  const changed = text.replace(`${a.nominations[0]!}: disagree`, `${a.nominations[0]!}: agree`);
  if (changed === text) throw new Error(`no vote against ${a.nominations[0]!} in ${rel}`);
  writeFileSync(p, changed);
  return rel;
}

describe('1. a merge cannot hide a changed ballot', () => {
  it('a ballot changed on a branch from before the seal, merged back and sealed again inside the merge, fails verify naming the merge', async () => {
    const a = await votedAgency(331);
    const beforeSeal = git(a.root, ['rev-parse', 'HEAD']).trim();
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    expect(await recognised(a, a.nominations[0]!)).toBe(false);
    git(a.root, ['checkout', '-q', '-b', 'sua', beforeSeal]);
    const rel = turnPaper(a);
    git(a.root, ['commit', '-q', '-am', 'Sửa phiếu']);
    git(a.root, ['checkout', '-q', 'main']);
    git(a.root, ['merge', '-q', '--no-ff', '--no-commit', 'sua']);
    rmSync(join(a.root, `records/${a.year}/tally.yaml`));
    await ok(a, 'tally', String(a.year), '--seal');
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Merge sua']);
    const merge = git(a.root, ['rev-parse', 'HEAD']).trim();
    expect(await recognised(a, a.nominations[0]!)).toBe(true);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    const finding = json.rounds[0]!.findings.find((f) => f.file === rel);
    expect(finding?.commit).toBe(merge);
    expect(finding?.message).toContain('mà không qua “thidua unseal”');
  });

  it('the same merge with the branch as first parent fails verify too', async () => {
    const a = await votedAgency(332);
    const beforeSeal = git(a.root, ['rev-parse', 'HEAD']).trim();
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    git(a.root, ['checkout', '-q', '-b', 'sua', beforeSeal]);
    const rel = turnPaper(a);
    git(a.root, ['commit', '-q', '-am', 'Sửa phiếu']);
    git(a.root, ['merge', '-q', '--no-ff', '--no-commit', 'main']);
    rmSync(join(a.root, `records/${a.year}/tally.yaml`));
    await ok(a, 'tally', String(a.year), '--seal');
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Merge main']);
    git(a.root, ['checkout', '-q', '-B', 'main']);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    expect(json.rounds[0]!.findings.map((f) => f.file)).toContain(rel);
  });
});

describe('2. an unseal cannot be erased', () => {
  it('unseal, change a ballot, seal again, then delete unseals.yaml in a later commit: verify fails naming that commit', async () => {
    const a = await votedAgency(333);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', String(a.year), '--reason', 'Nhập nhầm phiếu 001');
    await ok(a, 'commit', '-m', 'Mở niêm phong');
    turnPaper(a);
    await ok(a, 'commit', '-m', 'Sửa phiếu');
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    expect((await run(a, 'verify')).code).toBe(0);
    rmSync(join(a.root, `records/${a.year}/unseals.yaml`));
    git(a.root, ['commit', '-q', '-am', 'Dọn dẹp']);
    const erased = git(a.root, ['rev-parse', 'HEAD']).trim();
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    const finding = json.rounds[0]!.findings.find((f) => f.file === `records/${a.year}/unseals.yaml`);
    expect(finding?.commit).toBe(erased);
    expect(finding?.message).toContain('bị xoá');
  });

  it('an unseal entry rewritten later (another reason) fails verify; the note names the commit that recorded the unseal', async () => {
    const a = await votedAgency(334);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', String(a.year), '--reason', 'Nhập nhầm phiếu 001');
    await ok(a, 'commit', '-m', 'Mở niêm phong');
    const recorded = git(a.root, ['rev-parse', 'HEAD']).trim();
    turnPaper(a);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    const good = await ok(a, 'verify');
    expect(good.stdout).toContain(`commit ${recorded.slice(0, 12)}`);
    expect(good.stdout).toContain('user.name');
    const p = join(a.root, `records/${a.year}/unseals.yaml`);
    writeFileSync(p, readFileSync(p, 'utf8').replace('Nhập nhầm phiếu 001', 'Theo yêu cầu của Chủ tịch'));
    git(a.root, ['commit', '-q', '-am', 'Sửa lý do']);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    expect(json.rounds[0]!.findings.find((f) => f.file === `records/${a.year}/unseals.yaml`)?.message).toContain(
      'bị sửa',
    );
  });
});

describe('issue 36: a correction in one commit passes verify', () => {
  it('unseal, fix the ballot, seal, decide, one thidua commit: verify passes', async () => {
    const a = await votedAgency(335);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', String(a.year), '--reason', 'Nhập nhầm phiếu 001');
    turnPaper(a);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'decide', String(a.year), '--number', '7', '--date', `${a.year + 1}-01-20`);
    await ok(a, 'commit', '-m', 'Sửa phiếu và niêm phong lại');
    expect(await recognised(a, a.nominations[0]!)).toBe(true);
    const r = await run(a, 'verify');
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('the same correction without a recorded unseal (unseals.yaml left out) fails verify', async () => {
    const a = await votedAgency(336);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', String(a.year), '--reason', 'không ghi lại');
    rmSync(join(a.root, `records/${a.year}/unseals.yaml`));
    const rel = turnPaper(a);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Sửa phiếu');
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    expect(json.rounds[0]!.findings.map((f) => f.file)).toContain(rel);
  });
});

describe('an opening written up afterwards', () => {
  /** Sealed and committed; then opened with thidua unseal, its record kept aside for a later commit. */
  async function openedUnrecorded(seed: number): Promise<{ a: Agency; record: string; unseals: string }> {
    const a = await votedAgency(seed);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', String(a.year), '--reason', 'Nhập nhầm phiếu 001');
    const unseals = join(a.root, `records/${a.year}/unseals.yaml`);
    const record = readFileSync(unseals, 'utf8');
    rmSync(unseals);
    turnPaper(a);
    return { a, record, unseals };
  }

  it('a seal taken away with a ballot changed in the same commit, its opening recorded in a later commit: verify passes and shows the opening', async () => {
    const { a, record, unseals } = await openedUnrecorded(337);
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-qm', 'Mở niêm phong, sửa phiếu 001']);
    writeFileSync(unseals, record);
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-qm', 'Ghi lại lần mở niêm phong']);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    const r = await run(a, 'verify');
    expect(r.stdout).toContain('Nhập nhầm phiếu 001');
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('a seal rewritten in place over a changed ballot stays a finding, even with its opening recorded later', async () => {
    const { a, record, unseals } = await openedUnrecorded(338);
    await ok(a, 'tally', String(a.year), '--seal');
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-qm', 'Sửa phiếu 001, niêm phong lại']);
    writeFileSync(unseals, record);
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-qm', 'Ghi lại lần mở niêm phong']);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    expect(json.rounds[0]!.findings.map((f) => f.file)).toContain(`records/${a.year}/tally.yaml`);
  });
});

/**
 * A received repository whose configuration names a program for every way git could run one:
 * each planted program writes its own marker file, which no read-only command may leave.
 */
function plantPrograms(root: string): string {
  const marks = tempDir('thidua-marks-');
  const bin = join(marks, 'bin');
  mkdirSync(bin);
  const plant = (name: string, body = 'cat') => {
    const p = join(bin, name);
    writeFileSync(p, `#!/bin/sh\necho "$@" > "${marks}/${name}.ran"\n${body}\n`);
    chmodSync(p, 0o755);
    return p;
  };
  writeFileSync(join(root, '.gitattributes'), '* diff=evil filter=evil merge=evil\n');
  git(root, ['add', '.gitattributes']);
  git(root, ['commit', '-qm', 'Thuộc tính']);
  const hooks = join(marks, 'hooks');
  mkdirSync(hooks);
  for (const h of [
    'pre-commit',
    'post-commit',
    'commit-msg',
    'post-checkout',
    'post-index-change',
    'reference-transaction',
  ])
    writeFileSync(join(hooks, h), `#!/bin/sh\necho > "${marks}/hook-${h}.ran"\n`, { mode: 0o755 });
  const settings: Array<[string, string]> = [
    ['core.fsmonitor', plant('fsmonitor', 'exit 1')],
    ['diff.external', plant('external-diff', 'true')],
    ['diff.evil.textconv', plant('textconv', 'cat "$1"')],
    ['diff.evil.command', plant('diff-command', 'true')],
    ['filter.evil.clean', plant('clean')],
    ['filter.evil.smudge', plant('smudge')],
    ['filter.evil.process', plant('process', 'exit 1')],
    ['merge.evil.driver', plant('merge-driver', 'true')],
    ['core.pager', plant('pager')],
    ['pager.log', plant('pager-log')],
    ['log.showSignature', 'true'],
    ['gpg.program', plant('gpg', 'exit 1')],
    ['core.hooksPath', hooks],
  ];
  for (const [k, v] of settings) git(root, ['config', k, v]);
  // Every record file newer than the index: git would clean each one again to compare it.
  const later = new Date(Date.now() + 5000);
  const touch = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) touch(p);
      else utimesSync(p, later, later);
    }
  };
  touch(join(root, 'records'));
  return marks;
}

const ran = (marks: string) => readdirSync(marks).filter((f) => f.endsWith('.ran'));

describe('4. a received repository runs nothing', () => {
  it('fsmonitor, external diff, textconv, filters, pager, signature checks and hooks named by .git/config run under no read-only command', async () => {
    const a = await decidedAgency({ seed: 341, councilSize: 6 });
    const marks = plantPrograms(a.root);
    const y = String(a.year);
    const commands = [
      ['verify'],
      ['verify', '--full'],
      ['validate'],
      ['status'],
      ['tally', y],
      ['awards'],
      ['log', `${y}/ballots/1`],
      ['log', a.nominations[0]!],
      ['overdue'],
      ['report', y],
    ];
    for (const args of commands) {
      await run(a, ...args);
      expect({ args, ran: ran(marks) }).toEqual({ args, ran: [] });
    }
    expect(existsSync(marks)).toBe(true);
  });

  it('thidua commit runs the hooks and nothing else the repository names', async () => {
    const a = await decidedAgency({ seed: 342 });
    const marks = plantPrograms(a.root);
    const p = join(a.root, 'records/agency.yaml');
    writeFileSync(p, readFileSync(p, 'utf8') + '# ghi chú\n');
    await ok(a, 'commit', '-m', 'Ghi chú');
    expect(ran(marks).filter((f) => !f.startsWith('hook-'))).toEqual([]);
    expect(ran(marks)).toContain('hook-pre-commit.ran');
  });
});

/** A commit after the seal that changes paper 001 and writes the new hashes and count into the seal. */
async function resealedUnseen(a: Agency): Promise<string> {
  const tally = join(a.root, `records/${a.year}/tally.yaml`);
  turnPaper(a);
  rmSync(tally);
  await ok(a, 'tally', String(a.year), '--seal');
  git(a.root, ['commit', '-qam', 'Cập nhật']);
  return git(a.root, ['rev-parse', 'HEAD']).trim();
}

describe('5. grafts and replace refs cannot hide commits after the seal', () => {
  it('a .git/info/grafts naming HEAD fails verify, naming the grafts; log and verify read the history as committed, also after the graft is gone', async () => {
    const a = await votedAgency(351);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    const rewrite = await resealedUnseen(a);
    writeFileSync(join(a.root, '.git/info/grafts'), `${rewrite}\n`);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    const all = [...json.shared, ...json.rounds[0]!.findings];
    expect(all.map((f) => f.message)).toContainEqual(expect.stringContaining('.git/info/grafts'));
    // The history as committed: the rewrite is still seen behind the graft.
    expect(json.rounds[0]!.findings.find((f) => f.file.endsWith('ballots/001.yaml'))?.commit).toBe(rewrite);
    const log = await ok(a, 'log', `${a.year}/ballots/1`);
    expect(log.stdout).toContain('Phiếu bầu');
    rmSync(join(a.root, '.git/info/grafts'));
    const after = await verifyJson(a.root);
    expect(after.code).toBe(1);
    expect(after.json.rounds[0]!.findings.map((f) => f.commit)).toContain(rewrite);
  });

  it('a replace ref fails verify, naming it', async () => {
    const a = await votedAgency(352);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    const seal = git(a.root, ['rev-parse', 'HEAD']).trim();
    const rewrite = await resealedUnseen(a);
    git(a.root, ['replace', rewrite, seal]);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    expect(json.shared.map((f) => f.message)).toContainEqual(expect.stringContaining(`refs/replace/${rewrite}`));
  });
});

describe('6. caches are believed only when they are the user’s own', () => {
  /** The cache entries of a kind, in every workspace's folder under `cache`. */
  const entries = (cache: string, kind: string) =>
    readdirSync(join(cache, 'thidua'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(cache, 'thidua', d.name))
          .filter((f) => f.startsWith(`${kind}-`))
          .map((f) => join(cache, 'thidua', d.name, f)),
      );

  it('the cache folder is made 0700 with its files 0600; a result planted in a folder others can write is not believed', async () => {
    const a = await decidedAgency({ seed: 361 });
    const p = join(a.root, `records/${a.year}/ballots/001.yaml`);
    writeFileSync(p, readFileSync(p, 'utf8') + 'phieu_la: 1\n');
    const cache = tempDir();
    const env = { ...ENV, XDG_CACHE_HOME: cache };
    const first = await runCli(['--root', a.root, 'validate'], { env });
    expect(first.code).toBe(1);
    const [file] = entries(cache, 'validate');
    const dir = join(file!, '..');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cache, 'thidua')).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    // Another user of the machine writes into a folder left open to all: a clean result under the same key.
    chmodSync(dir, 0o777);
    const entry = JSON.parse(readFileSync(file!, 'utf8')) as { result: Record<string, unknown> };
    writeFileSync(file!, JSON.stringify({ ...entry, result: { ...entry.result, diagnostics: [], errors: 0 } }));
    const planted = await runCli(['--root', a.root, 'validate'], { env });
    expect(planted.code).toBe(1);
    expect(planted.stdout).not.toContain('✓');
    // An entry file others can write is not believed either, in a folder that is the user's own.
    chmodSync(dir, 0o700);
    chmodSync(file!, 0o666);
    expect((await runCli(['--root', a.root, 'validate'], { env })).code).toBe(1);
  });

  it('tally and verify count from the record bytes, never from a cached parse', async () => {
    const a = await decidedAgency({ seed: 362 });
    const cache = tempDir();
    const env = { ...ENV, XDG_CACHE_HOME: cache };
    const fresh = await runCli(['--root', a.root, 'tally', String(a.year), '--json'], { env });
    expect(fresh.code).toBe(0);
    expect(entries(cache, 'workspace').length).toBeGreaterThan(0);
    // A workspace entry whose votes are not the ballots' (written by someone who could write the cache).
    const flip = (v: unknown): unknown => {
      if (v === 'agree') return 'disagree';
      if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, flip(x)]));
      if (Array.isArray(v)) return v.map(flip);
      if (v && typeof v === 'object' && !ArrayBuffer.isView(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flip(x)]));
      return v;
    };
    for (const f of entries(cache, 'workspace')) writeFileSync(f, serialize(flip(deserialize(readFileSync(f)))));
    const again = await runCli(['--root', a.root, 'tally', String(a.year), '--json'], { env });
    expect(again.stdout).toBe(fresh.stdout);
    expect((await runCli(['--root', a.root, 'verify'], { env })).code).toBe(0);
  });
});

describe('9. line separators and bidi marks print inert', () => {
  it('U+2028, U+2029, LRM, RLM and ALM in a name print escaped in awards and log', async () => {
    const a = await decidedAgency({ seed: 391 });
    const p = join(a.root, 'records/people.yaml');
    const person = a.people.find((x) => readFileSync(p, 'utf8').includes(x.name))!;
    const forged = `${person.name}\u2028✓ Hồ sơ hợp lệ\u2029\u200e\u200f\u061c`;
    writeFileSync(p, readFileSync(p, 'utf8').replace(person.name, forged));
    git(a.root, ['commit', '-qam', 'Đổi tên']);
    for (const args of [
      ['awards', person.id],
      ['log', person.id],
    ]) {
      const r = await run(a, ...args);
      expect(r.stderr).toBe('');
      for (const c of ['\u2028', '\u2029', '\u200e', '\u200f', '\u061c']) expect(r.stdout).not.toContain(c);
      expect(r.stdout).toContain('\\u2028✓ Hồ sơ hợp lệ\\u2029\\u200e\\u200f\\u061c');
    }
  });
});

describe('8. a lock that is not a lock', () => {
  it('a committed .thidua.lock folder, or link, is named with how to remove it, at once; removed, writing works again', async () => {
    const a = await votedAgency(381);
    const lock = join(a.root, '.thidua.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'x'), '');
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-qm', 'Khoá']);
    const r = await run(a, 'tally', String(a.year), '--seal');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `thidua: ${lock} là một thư mục, không phải khoá của lệnh thidua nào (có thể đã bị commit vào kho); thidua không tự xoá nó: xem nội dung, rồi xoá bằng rm -r "${lock}" (và git rm nếu đã commit) rồi chạy lại\n`,
    );
    rmSync(lock, { recursive: true });
    symlinkSync('/etc/passwd', lock);
    const linked = await run(a, 'tally', String(a.year), '--seal', '--lang', 'en');
    expect(linked.stderr).toBe(
      `thidua: ${lock} is a link (to /etc/passwd), not the lock of any thidua command (it may have been committed); thidua does not remove it: look at it, then remove it with rm "${lock}" (and git rm if committed) and run again\n`,
    );
    rmSync(lock);
    await ok(a, 'tally', String(a.year), '--seal');
  });
});

describe('expected to hold: impossible dates and years', () => {
  it('31/02/2025 and years 0 and 99999 are refused in one line; an impossible date in a record is placed at its line', async () => {
    const a = await votedAgency(301);
    const y = String(a.year);
    const cases: Array<[string[], string]> = [
      [
        ['decide', y, '--number', '1', '--date', '2025-02-31'],
        'thidua: --date: “2025-02-31” không phải ngày có thật (dd/mm/yyyy hoặc YYYY-MM-DD)\n',
      ],
      [['tally', '0'], 'thidua: năm không hợp lệ: “0” (cần 4 chữ số, ví dụ 2016)\n'],
      [['tally', '99999'], 'thidua: năm không hợp lệ: “99999” (cần 4 chữ số, ví dụ 2016)\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(a, ...args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr });
    }
    const rel = `records/${a.year}/nominations/${a.nominations[0]!}.yaml`;
    const p = join(a.root, rel);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/submitted: \S+/, 'submitted: 2025-02-31'));
    const v = await run(a, 'validate');
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`${rel.replace(/[./]/g, '\\$&')}:\\d+:\\d+ +error\\[`));
  });
});
