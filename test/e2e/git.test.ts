/** git audit and safe writes, with real git in temporary repositories. */
import { readdirSync, readFileSync, writeFileSync, existsSync, rmSync, symlinkSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli, runCli, git, oldGitBin, workspace, write } from '../helpers/workspace.js';

afterAll(cleanupTemp);

/** The cache entries of one kind in every workspace's folder. */
function cacheEntries(cache: string, kind: string): string[] {
  const base = join(cache, 'thidua');
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(base, d.name)).filter((f) => f.startsWith(`${kind}-`)));
}

const ID = {
  GIT_AUTHOR_NAME: 'Văn thư',
  GIT_AUTHOR_EMAIL: 'vanthu@example.org',
  GIT_COMMITTER_NAME: 'Văn thư',
  GIT_COMMITTER_EMAIL: 'vanthu@example.org',
};

function repo(from: 'base' | 'example' = 'base'): string {
  const root = workspace({ from });
  git(root, ['init', '-q']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'initial records']);
  return root;
}

const commits = (root: string) => git(root, ['rev-list', '--count', 'HEAD']).trim();

describe('thidua commit', () => {
  it('refuses invalid records and makes no commit', () => {
    const root = repo();
    write(
      root,
      'records/2016/nominations/nv1-mo-hinh.yaml',
      readFileSync(join(root, 'records/2016/nominations/nv1-mo-hinh.yaml'), 'utf8').replace(
        'sang-kien: true',
        'sang-kien: false',
      ),
    );
    const before = commits(root);
    const r = cli(['commit'], { cwd: root, env: ID });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('criteria-unmet');
    expect(commits(root)).toBe(before);
  });

  it('writes a summary of what changed, with trailers a script can read', async () => {
    const root = repo();
    rmSync(join(root, 'records/2016/ballots'), { recursive: true });
    rmSync(join(root, 'records/2016/nominations'), { recursive: true });
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'empty round']);
    const base = workspace();
    for (const f of [
      'nominations/nv1-mo-hinh.yaml',
      'nominations/nv1-ca-nhan.yaml',
      'ballots/001.yaml',
      'ballots/002.yaml',
      'ballots/003.yaml',
    ]) {
      write(root, `records/2016/${f}`, readFileSync(join(base, `records/2016/${f}`)));
    }
    expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
    const r = cli(['commit'], { cwd: root, env: ID });
    expect(r.code, r.stderr).toBe(0);
    const message = git(root, ['log', '-1', '--format=%B']);
    expect(message.split('\n')[0]).toBe('2016: thêm 2 đề nghị, 3 phiếu; niêm phong kết quả');
    expect(message).toMatch(/^Thidua-Round: 2016$/m);
    const trailers = git(root, ['log', '-1', '--format=%(trailers:key=Thidua-Round,valueonly)']).trim();
    expect(trailers).toBe('2016');
    expect(git(root, ['status', '--porcelain'])).toBe('');
  });

  it('never commits the temporary file of a killed command', () => {
    const root = repo();
    write(root, 'records/2016/ballots/.004.yaml.4242.1700000000000.0.tmp', 'serial: 4\n');
    write(root, 'records/2016/submissions.yaml', '- { deadline: plan, department: nv1, received: 2016-12-10 }\n');
    const r = cli(['commit'], { cwd: root, env: ID });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('phiếu');
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('records/2016/submissions.yaml');
  });

  it('takes the clerk’s message with -m', () => {
    const root = repo();
    write(root, 'records/2016/submissions.yaml', '- { deadline: plan, department: nv1, received: 2016-12-10 }\n');
    expect(cli(['commit', '-m', 'Nhận kế hoạch của Phòng NV1'], { cwd: root, env: ID }).code).toBe(0);
    expect(git(root, ['log', '-1', '--format=%s'])).toBe('Nhận kế hoạch của Phòng NV1\n');
  });

  it('outside a git repository: exit 3 with one line', () => {
    const root = workspace();
    const r = cli(['commit'], { cwd: root, env: ID });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('thidua log', () => {
  it('lists each commit that touched a nomination, with the fields changed, also a renamed one', async () => {
    const root = repo();
    const p = 'records/2016/nominations/nv1-mo-hinh.yaml';
    write(
      root,
      p,
      readFileSync(join(root, p), 'utf8').replace(
        'title: Mô hình thanh tra chuyên đề',
        'title: Mô hình thanh tra chuyên đề đất đai',
      ),
    );
    git(root, ['commit', '-qam', 'sửa tên mô hình']);
    write(root, p, readFileSync(join(root, p), 'utf8').replace('initiative:', 'note: x\ninitiative:'));
    git(root, ['commit', '-qam', 'thêm ghi chú']);
    write(root, p, readFileSync(join(root, p), 'utf8').replace('note: x', 'notes: x'));
    git(root, ['commit', '-qam', 'đổi tên trường']);
    const r = await runCli(['log', 'nv1-mo-hinh', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.commits.map((c: { subject: string }) => c.subject)).toEqual([
      'đổi tên trường',
      'thêm ghi chú',
      'sửa tên mô hình',
      'initial records',
    ]);
    expect(out.commits[0].changes).toEqual([
      { path: 'note', change: 'removed', from: 'x' },
      { path: 'notes', change: 'added', to: 'x' },
    ]);
    expect(out.commits[2].changes).toEqual([
      {
        path: 'title',
        change: 'changed',
        from: 'Mô hình thanh tra chuyên đề',
        to: 'Mô hình thanh tra chuyên đề đất đai',
      },
    ]);
    const human = await runCli(['log', 'nv1-mo-hinh'], { cwd: root });
    expect(human.stdout).toContain('đổi title: Mô hình thanh tra chuyên đề → Mô hình thanh tra chuyên đề đất đai');
  });

  it('follows one person in people.yaml and a ballot by its serial', async () => {
    const root = repo();
    write(
      root,
      'records/people.yaml',
      readFileSync(join(root, 'records/people.yaml'), 'utf8').replace(
        'position: Thanh tra viên, department: nv1',
        'position: Thanh tra viên chính, department: nv1',
      ),
    );
    git(root, ['commit', '-qam', 'nâng ngạch']);
    const person = JSON.parse((await runCli(['log', 'mai', '--json'], { cwd: root })).stdout);
    expect(person.commits[0].changes).toEqual([
      { path: 'position', change: 'changed', from: 'Thanh tra viên', to: 'Thanh tra viên chính' },
    ]);
    expect(
      JSON.parse((await runCli(['log', 'an', '--json'], { cwd: root })).stdout).commits.map(
        (c: { subject: string }) => c.subject,
      ),
    ).toEqual(['initial records']);
    expect(JSON.parse((await runCli(['log', '2016/ballot/2', '--json'], { cwd: root })).stdout).commits).toHaveLength(
      1,
    );
  });
});

describe('thidua verify: the git history of a sealed round', () => {
  async function sealed(): Promise<string> {
    const root = repo();
    expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
    expect(cli(['commit'], { cwd: root, env: ID }).code).toBe(0);
    expect((await runCli(['verify', '2016'], { cwd: root })).code).toBe(0);
    return root;
  }

  it('names the ballot and the commit that changed it after the seal', async () => {
    const root = await sealed();
    write(root, 'records/2016/ballots/002.yaml', 'serial: 2\nvotes: { nv1-mo-hinh: disagree, nv1-ca-nhan: agree }\n');
    git(root, ['commit', '-qam', 'sửa phiếu']);
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    const r = await runCli(['verify', '2016', '--json'], { cwd: root });
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).rounds[0].findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ check: 'git', file: 'records/2016/ballots/002.yaml', commit: head }),
    );
  });

  it('what verify learnt of the history is kept per HEAD: the same HEAD with a changed working tree, and a new commit, are each seen', async () => {
    const root = await sealed();
    const cache = process.env['XDG_CACHE_HOME']!;
    const first = await runCli(['verify', '2016', '--json'], { cwd: root });
    expect(first.code).toBe(0);
    const entries = () => cacheEntries(cache, 'history');
    const kept = entries();
    expect(kept.length).toBeGreaterThan(0);
    // Nothing new: the same answer, from the kept history.
    expect(await runCli(['verify', '2016', '--json'], { cwd: root })).toEqual(first);
    const ballot = 'records/2016/ballots/002.yaml';
    write(root, ballot, 'serial: 2\nvotes: { nv1-mo-hinh: disagree, nv1-ca-nhan: agree }\n');
    const dirty = JSON.parse((await runCli(['verify', '2016', '--json'], { cwd: root })).stdout);
    expect(dirty.rounds[0].findings).toContainEqual(
      expect.objectContaining({ check: 'git', file: ballot, commit: null }),
    );
    git(root, ['commit', '-qam', 'sửa phiếu']);
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    const committed = JSON.parse((await runCli(['verify', '2016', '--json'], { cwd: root })).stdout);
    expect(committed.rounds[0].findings).toContainEqual(
      expect.objectContaining({ check: 'git', file: ballot, commit: head }),
    );
    expect(entries().length).toBeGreaterThan(kept.length);
    // The same answer without any cache.
    const uncached = await runCli(['verify', '2016', '--json'], { cwd: root, env: { THIDUA_NO_CACHE: '1' } });
    expect(JSON.parse(uncached.stdout)).toEqual(committed);
  });

  it('also when tally.yaml’s hash was edited by hand to match', async () => {
    const root = await sealed();
    const ballot = 'records/2016/ballots/002.yaml';
    const old = sha256(readFileSync(join(root, ballot)));
    write(root, ballot, 'serial: 2\nvotes: { nv1-mo-hinh: disagree, nv1-ca-nhan: agree }\n');
    const now = sha256(readFileSync(join(root, ballot)));
    const tally = join(root, 'records/2016/tally.yaml');
    writeFileSync(tally, readFileSync(tally, 'utf8').replace(old, now));
    git(root, ['commit', '-qam', 'sửa phiếu và sửa niêm phong']);
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
    const r = await runCli(['verify', '2016'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('records/2016/ballots/002.yaml');
    expect(r.stdout).toContain(head.slice(0, 12));
  });

  it('with a git too old to say whether the clone is shallow, verify does not vouch for the history (exit 1) and names the version, in both languages', async () => {
    const root = await sealed();
    const bin = oldGitBin();
    const env = { PATH: `${bin}:${process.env['PATH'] ?? ''}`, THIDUA_NO_CACHE: '1' };
    // The built program, as a child with the stand-in first on its PATH.
    const vi = cli(['verify', '2016'], { cwd: root, env });
    expect(vi.code).toBe(1);
    expect(vi.stdout).toContain(
      'git từ chối đọc kho (git 2.11.0 không cho biết kho có phải bản sao nông không), nên không kiểm tra được lịch sử; hoặc chạy lại với --no-history',
    );
    const en = cli(['verify', '2016', '--lang', 'en'], { cwd: root, env });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('git 2.11.0 cannot tell whether the clone is shallow');
    expect(en.stderr).toBe('');
  });

  it('reports an uncommitted change to a sealed round', async () => {
    const root = await sealed();
    write(root, 'records/2016/ballots/004.yaml', 'serial: 4\nvalid: false\n');
    const out = JSON.parse((await runCli(['verify', '2016', '--json'], { cwd: root })).stdout);
    expect(out.rounds[0].findings.map((f: { file: string; check: string }) => `${f.check} ${f.file}`)).toContain(
      'git records/2016/ballots/004.yaml',
    );
  });
});

describe('safe writes', () => {
  it('a second writer gets a clear message; a stale lock is cleared with a warning', async () => {
    const root = workspace();
    const holder = spawn(process.execPath, [
      '-e',
      `
      const fs = require('fs');
      fs.writeFileSync(${JSON.stringify(join(root, '.thidua.lock'))}, JSON.stringify({ pid: process.pid, host: require('os').hostname(), since: 'now' }));
      console.log('locked');
      setTimeout(() => {}, 20000);
    `,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const busy = await runCli(['tally', '2016', '--seal'], { cwd: root });
    holder.kill('SIGKILL');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('đang được một lệnh thidua khác ghi');
    expect(existsSync(join(root, 'records/2016/tally.yaml'))).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    const after = await runCli(['tally', '2016', '--seal'], { cwd: root });
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('đã xoá khoá cũ');
    expect(existsSync(join(root, '.thidua.lock'))).toBe(false);
  });
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('paths', () => {
  it('a round folder linked outside the workspace is neither read nor written', async () => {
    const root = workspace();
    const outside = join(tmpdir(), `thidua-outside-${process.pid}-${Date.now()}`);
    renameSync(join(root, 'records/2016'), outside);
    symlinkSync(outside, join(root, 'records/2016'));
    const v = JSON.parse((await runCli(['validate', '--json'], { cwd: root })).stdout);
    expect(v.ok).toBe(false);
    expect(v.diagnostics[0].message).toMatch(/liên kết tượng trưng/);
    const r = await runCli(['tally', '2016', '--seal'], { cwd: root });
    expect(r.code).toBe(1);
    expect(existsSync(join(outside, 'tally.yaml'))).toBe(false);
    rmSync(outside, { recursive: true, force: true });
  });
});
