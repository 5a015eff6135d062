/**
 * The security review, round three (issue 33), the parts left open by security-3.test.ts: a
 * title's own threshold changed across an unseal is named by verify; a committed lock is a
 * finding; and what the review expected to hold (duplicate serials, no hard links, log under
 * replace refs), each as a test.
 */
import fs, {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, git, PROJECT, runCli, tempDir } from '../helpers/workspace.js';
import { generateAgency, type Agency } from '../helpers/agency.js';
import { ENV, all, ballots, ok, run } from '../helpers/round.js';
import { createFileExclusive, FileExistsError } from '../../src/shell/safe-write.js';

afterAll(cleanupTemp);

/** The plain list of titles of test/fixtures/titles, as a rule pack written block-style (as init writes one). */
function packText(): string {
  const titles = parse(readFileSync(join(PROJECT, 'test/fixtures/titles/plain-list.yaml'), 'utf8')) as unknown;
  return stringify(
    { pack: 'thu-nghiem', name: 'Bộ quy tắc thử nghiệm', effective: '2024-01-01', titles },
    { collectionStyle: 'block' },
  );
}

/**
 * A council of 10 under a rule pack; one person nominated for Lao động tiên tiến (all agree) and
 * Chiến sĩ thi đua cơ sở (7 agree: under 80 % of 10 it is not recognised, under 70 % it is); sealed
 * and committed.
 */
async function sealedTitles(seed: number): Promise<{ a: Agency; cs: string }> {
  const a = generateAgency({ seed, councilSize: 10, threshold: { numerator: 2, denominator: 3, of: 'members' } });
  writeFileSync(join(a.root, 'records/titles.yaml'), packText());
  writeFileSync(join(a.root, 'records/criteria.yaml'), readFileSync(join(PROJECT, 'records/criteria.yaml'), 'utf8'));
  rmSync(join(a.root, `records/${a.year}/nominations`), { recursive: true, force: true });
  const y = String(a.year);
  const star = a.people.find((p) => !p.leader && p.department === a.departments[1]!.id)!;
  const common = ['--department', star.department, '--person', star.id, '--met', 'all', '--submitted', `20/11/${y}`];
  await ok(a, 'nominate', y, '--award', 'lao-dong-tien-tien', '--title', 'Hoàn thành tốt nhiệm vụ', ...common);
  await ok(
    a,
    'nominate',
    y,
    '--award',
    'chien-si-thi-dua-co-so',
    '--title',
    'Sáng kiến',
    '--initiative',
    'Mô tả.',
    ...common,
  );
  const ldtt = `${star.id}-lao-dong-tien-tien`;
  const cs = `${star.id}-chien-si-thi-dua-co-so`;
  for (let k = 0; k < 10; k++)
    await ok(a, 'ballot', y, '--vote', `${ldtt}=agree`, '--vote', `${cs}=${k < 7 ? 'agree' : 'disagree'}`);
  await ok(a, 'tally', y, '--seal');
  await ok(a, 'commit', '-m', 'Niêm phong');
  return { a, cs };
}

async function recognised(a: Agency, id: string): Promise<boolean> {
  const r = JSON.parse((await ok(a, 'tally', String(a.year), '--json')).stdout) as {
    results: Array<{ nomination: string; recognised: boolean }>;
  };
  return r.results.find((x) => x.nomination === id)!.recognised;
}

/** Chiến sĩ thi đua cơ sở lowered from 80 % to 70 % in the pack. */
function lowerThreshold(a: Agency): void {
  const p = join(a.root, 'records/titles.yaml');
  const text = readFileSync(p, 'utf8');
  const lowered = text.replace(/(id: chien-si-thi-dua-co-so\n(?:.*\n)*? {6}percent: )80\n/, '$170\n');
  expect(lowered).not.toBe(text);
  expect(lowered).not.toContain('{');
  writeFileSync(p, lowered);
}

describe('3. a title’s own threshold changed across an unseal', () => {
  it('a changed title threshold is named by verify; the unseal entry records each title’s threshold', async () => {
    const { a, cs } = await sealedTitles(333);
    const y = String(a.year);
    expect(await recognised(a, cs)).toBe(false);
    await ok(a, 'unseal', y, '--reason', 'Áp dụng quy chế mới');
    const entry = (
      parse(readFileSync(join(a.root, `records/${y}/unseals.yaml`), 'utf8')) as Array<{ titles: unknown }>
    )[0]!;
    expect(entry.titles).toContainEqual({
      id: 'chien-si-thi-dua-co-so',
      threshold: { numerator: 80, denominator: 100, of: 'members', percent: 80 },
      requires: [{ title: 'lao-dong-tien-tien', same_round: true }],
    });
    lowerThreshold(a);
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    expect(await recognised(a, cs)).toBe(true);
    const r = await ok(a, 'verify');
    expect(r.stdout).toContain(
      'niêm phong lại theo ngưỡng khác của “Chiến sĩ thi đua cơ sở”: trước 80 % tổng số thành viên, nay 70 % tổng số thành viên',
    );
    // The round's own threshold did not change: no note of it; Lao động tiên tiến did not change either.
    expect(r.stdout).not.toContain('niêm phong lại theo ngưỡng khác:');
    expect(r.stdout).not.toContain('“Lao động tiên tiến”: trước');
    const en = await ok(a, 'verify', '--no-history', '--lang', 'en');
    expect(en.stdout).toContain(
      'sealed again under another threshold for “Chiến sĩ thi đua cơ sở”: before 80 % of the members, now 70 % of the members',
    );
  });

  it('an opening recorded without the titles (as before thidua kept them) is compared with the replaced seal as committed', async () => {
    const { a } = await sealedTitles(334);
    const y = String(a.year);
    await ok(a, 'unseal', y, '--reason', 'Áp dụng quy chế mới');
    const file = join(a.root, `records/${y}/unseals.yaml`);
    const text = readFileSync(file, 'utf8');
    const without = text.replace(/\n {2}titles:\n(?: {4}.*\n)+/, '\n');
    expect(without).not.toContain('titles:');
    writeFileSync(file, without);
    lowerThreshold(a);
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    const note = 'niêm phong lại theo ngưỡng khác của “Chiến sĩ thi đua cơ sở”: trước 80 % tổng số thành viên';
    expect((await ok(a, 'verify')).stdout).toContain(note);
    // Without the history, only what the opening recorded is known: the round's threshold, unchanged.
    expect((await ok(a, 'verify', '--no-history')).stdout).not.toContain(note);
  });
});

describe('8. validate reports a committed lock', () => {
  it('a committed .thidua.lock file, folder or link is a committed-lock warning of validate, also with a cached result; reading commands go on', async () => {
    const a = generateAgency({ seed: 338 });
    // The cache on (as the clerk runs it): a ✓ kept from before the lock appeared must not answer.
    const env = { ...ENV, THIDUA_NO_CACHE: '' };
    const validate = (...args: string[]) => runCli(['--root', a.root, 'validate', ...args], { env });
    const clean = await validate();
    expect(clean.stdout).toContain('✓ Hồ sơ hợp lệ');
    expect(clean.stdout).toContain('0 cảnh báo');
    const lock = join(a.root, '.thidua.lock');
    // A file git tracks: committed with the records (git add -f past thidua's own .gitignore line).
    writeFileSync(lock, '{"pid":1,"since":"2026-01-01T00:00:00.000Z"}\n');
    // An untracked file is the lock of a command running now.
    expect((await validate()).stdout).not.toContain('committed-lock');
    git(a.root, ['add', '-f', '.thidua.lock']);
    git(a.root, ['commit', '-qm', 'Khoá']);
    const file = await validate();
    expect(file.code).toBe(0); // a warning: reading commands go on, writing ones stop at the lock
    expect(file.stdout).toContain(
      '.thidua.lock:1:1  warning[committed-lock]  .thidua.lock đã được commit vào kho: khoá chỉ thuộc về lệnh thidua đang chạy, không thuộc hồ sơ; bỏ khỏi kho bằng git rm --cached .thidua.lock rồi commit',
    );
    git(a.root, ['rm', '-q', '.thidua.lock']);
    git(a.root, ['commit', '-qm', 'Bỏ khoá']);
    expect((await validate()).stdout).not.toContain('committed-lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'x'), '');
    git(a.root, ['add', '-f', '.thidua.lock']);
    git(a.root, ['commit', '-qm', 'Khoá']);
    const folder = await validate('--lang', 'en');
    expect(folder.stdout).toContain(
      '.thidua.lock:1:1  warning[committed-lock]  .thidua.lock is a folder, not the lock of any thidua command; every writing command stops at it: look at it, then remove it with rm -r .thidua.lock; it is committed: take it out with git rm -r --cached .thidua.lock, then commit',
    );
    // Reading commands go on; a writing one stops at the lock, saying what it is.
    await ok(a, 'tally', String(a.year));
    expect((await run(a, 'ballot', String(a.year), '--all', 'agree')).stderr).toContain(
      `${lock} là một thư mục, không phải khoá của lệnh thidua nào`,
    );
    git(a.root, ['rm', '-rq', '.thidua.lock']);
    symlinkSync('/etc/passwd', lock);
    const link = await validate('--json');
    expect((JSON.parse(link.stdout) as { diagnostics: Array<{ code: string; message: string }> }).diagnostics).toEqual([
      expect.objectContaining({
        code: 'committed-lock',
        message:
          '.thidua.lock là một liên kết (tới /etc/passwd), không phải khoá của lệnh thidua nào; mọi lệnh ghi dừng ở đó: xoá liên kết bằng rm .thidua.lock',
      }),
    ]);
  });
});

describe('expected to hold: duplicate ballot serials', () => {
  it('two papers with one serial (002.yaml and 2.yaml, or 003.yaml saying serial 2) are duplicate-id findings; tally and the seal refuse', async () => {
    const a = generateAgency({ seed: 3391, councilSize: 5 });
    const y = String(a.year);
    await ballots(a, a.year, [all(a.nominations), all(a.nominations), all(a.nominations)]);
    const dir = join(a.root, `records/${y}/ballots`);
    writeFileSync(join(dir, '2.yaml'), readFileSync(join(dir, '002.yaml')));
    const renamed = await run(a, 'validate', y);
    expect(renamed.code).toBe(1);
    expect(renamed.stdout).toContain(
      `records/${y}/ballots/2.yaml:2:9  error[duplicate-id]  số phiếu 2 đã dùng ở records/${y}/ballots/002.yaml`,
    );
    rmSync(join(dir, '2.yaml'));
    writeFileSync(join(dir, '003.yaml'), readFileSync(join(dir, '003.yaml'), 'utf8').replace('serial: 3', 'serial: 2'));
    const v = await run(a, 'validate', y, '--json');
    const codes = (
      JSON.parse(v.stdout) as { diagnostics: Array<{ code: string; file: string; line: number }> }
    ).diagnostics
      .filter((d) => d.file === `records/${y}/ballots/003.yaml`)
      .map((d) => d.code);
    expect(codes).toEqual(['duplicate-id', 'id-mismatch']);
    for (const args of [[], ['--seal']]) {
      const r = await run(a, 'tally', y, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `thidua: không kiểm phiếu đợt ${y}: hồ sơ có lỗi (2 lỗi, 0 cảnh báo); sửa rồi chạy lại.`,
      );
    }
    expect(existsSync(join(a.root, `records/${y}/tally.yaml`))).toBe(false);
  });
});

describe('expected to hold: a file system without hard links', () => {
  it('with every link refused (EPERM, as on FAT or a share), ballots, seal, decision and unseal are written whole; a taken name is still refused; no lock or temporary file is left', async () => {
    const a = generateAgency({ seed: 3392, councilSize: 5 });
    const y = String(a.year);
    const real = fs.linkSync;
    let refused = 0;
    fs.linkSync = () => {
      refused++;
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    };
    syncBuiltinESMExports();
    try {
      await ballots(
        a,
        a.year,
        Array.from({ length: 5 }, () => all(a.nominations)),
      );
      await ok(a, 'tally', y, '--seal');
      await ok(a, 'decide', y, '--number', '3', '--date', `${a.year + 1}-01-20`);
      await ok(a, 'commit', '-m', 'Niêm phong, quyết định');
      await ok(a, 'unseal', y, '--reason', 'Kiểm tra lại');
      // Creating a name that is taken is refused, and the file there is left as it was.
      const taken = join(a.root, `records/${y}/ballots/001.yaml`);
      const before = readFileSync(taken, 'utf8');
      expect(() => createFileExclusive(taken, 'serial: 1\n')).toThrow(FileExistsError);
      expect(readFileSync(taken, 'utf8')).toBe(before);
    } finally {
      fs.linkSync = real;
      syncBuiltinESMExports();
    }
    // Five ballots, a seal, a decision (each created without a link), the lock, every time.
    expect(refused).toBeGreaterThanOrEqual(8);
    const unseals = readFileSync(join(a.root, `records/${y}/unseals.yaml`), 'utf8');
    expect(unseals).toContain('reason: Kiểm tra lại');
    expect(existsSync(join(a.root, `records/${y}/tally.yaml`))).toBe(false);
    const left = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.name === '.git' ? [] : e.isDirectory() ? left(join(dir, e.name)) : [join(dir, e.name)],
      );
    expect(left(a.root).filter((f) => /\.tmp$|\.thidua\.lock/.test(f))).toEqual([]);
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    await ok(a, 'verify', y);
  });
});

describe('expected to hold: thidua log under replace refs', () => {
  it('a commit replaced with git replace is shown as committed: its own subject and the change it made', async () => {
    const a = generateAgency({ seed: 3393, councilSize: 5 });
    const y = String(a.year);
    await ballots(a, a.year, [all(a.nominations), all(a.nominations), all(a.nominations)]);
    await ok(a, 'commit', '-m', 'Phiếu bầu');
    const base = git(a.root, ['rev-parse', 'HEAD']).trim();
    const rel = `records/${y}/ballots/001.yaml`;
    const first = a.nominations[0]!;
    writeFileSync(
      join(a.root, rel),
      readFileSync(join(a.root, rel), 'utf8').replace(`${first}: agree`, `${first}: disagree`),
    );
    git(a.root, ['commit', '-qam', 'Sửa phiếu số 1']);
    const changed = git(a.root, ['rev-parse', 'HEAD']).trim();
    // A stand-in that changes nothing, under an innocent subject, put in the changed commit's place.
    const tree = git(a.root, ['rev-parse', `${base}^{tree}`]).trim();
    const standIn = git(a.root, ['commit-tree', tree, '-p', base, '-m', 'Cập nhật định dạng']).trim();
    git(a.root, ['replace', changed, standIn]);
    expect(git(a.root, ['log', '-1', '--format=%s'])).toBe('Cập nhật định dạng\n');
    const log = await ok(a, 'log', `${y}/ballots/1`);
    expect(log.stdout).toContain('Sửa phiếu số 1');
    expect(log.stdout).not.toContain('Cập nhật định dạng');
    expect(log.stdout).toContain(first);
  });
});

describe('what runs at thidua commit when commits are signed', () => {
  it('with commit.gpgSign, git runs gpg.program at thidua commit, even one the repository’s own .git/config names; no read-only command runs it', async () => {
    const a = generateAgency({ seed: 3394, councilSize: 5 });
    const marks = tempDir('thidua-marks-');
    const gpg = join(marks, 'gpg');
    // A stand-in for gpg that records its run and answers as gpg does when it signs.
    writeFileSync(
      gpg,
      `#!/bin/sh\necho "$@" >> "${marks}/gpg.ran"\ncat > /dev/null\necho "[GNUPG:] SIG_CREATED D 1 8 00 0 0" >&2\nprintf -- '-----BEGIN PGP SIGNATURE-----\\n\\nAAAA\\n-----END PGP SIGNATURE-----\\n'\n`,
    );
    chmodSync(gpg, 0o755);
    git(a.root, ['config', 'commit.gpgSign', 'true']);
    git(a.root, ['config', 'user.signingKey', 'van-thu']);
    git(a.root, ['config', 'gpg.program', gpg]);
    await ballots(a, a.year, [all(a.nominations)]);
    await ok(a, 'commit', '-m', 'Phiếu bầu');
    expect(readFileSync(join(marks, 'gpg.ran'), 'utf8')).toContain('-bsau van-thu');
    expect(git(a.root, ['cat-file', '-p', 'HEAD'])).toContain('gpgsig -----BEGIN PGP SIGNATURE-----');
    rmSync(join(marks, 'gpg.ran'));
    for (const args of [['verify'], ['log', `${a.year}/ballots/1`], ['status'], ['validate']]) {
      await run(a, ...args);
      expect({ args, ran: existsSync(join(marks, 'gpg.ran')) }).toEqual({ args, ran: false });
    }
  });
});

describe('paths and arguments', () => {
  it('thidua log refuses a path with “..”; a message that looks like an option is committed as the message; leftovers are not committed', async () => {
    const a = generateAgency({ seed: 3395, councilSize: 5 });
    const up = await run(a, 'log', '../../etc/passwd');
    expect({ code: up.code, stderr: up.stderr }).toEqual({
      code: 2,
      stderr: 'thidua: đường dẫn không được chứa “..”\n',
    });
    await ballots(a, a.year, [all(a.nominations)]);
    // Leftovers of a killed command beside it: a temporary file and a stale lock moved aside.
    writeFileSync(join(a.root, `records/${a.year}/ballots/.002.yaml.4242.1700000000000.0.tmp`), 'serial: 2\n');
    writeFileSync(join(a.root, `.thidua.lock.4242.1700000000000.0.stale`), '{}\n');
    const before = Number(git(a.root, ['rev-list', '--count', 'HEAD']).trim());
    await ok(a, 'commit', '-m', '--amend');
    expect(Number(git(a.root, ['rev-list', '--count', 'HEAD']).trim())).toBe(before + 1);
    expect(git(a.root, ['log', '-1', '--format=%s'])).toBe('--amend\n');
    expect(git(a.root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(`records/${a.year}/ballots/001.yaml`);
  });
});
