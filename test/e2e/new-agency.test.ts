/**
 * The README's "A new agency in ten commands", run as written: from an empty folder, with only the
 * packed tarball installed (as `npm install -g` would) and a staff list made in LibreOffice Calc.
 * No YAML file is edited; LibreOffice reads the exported list back with the right names and numbers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, PROJECT, tempDir } from '../helpers/workspace.js';
import { calcConvert } from '../helpers/staff.js';

afterAll(cleanupTemp);

/** The shell block of the README section, as a clerk would copy it. */
function readmeBlock(): string {
  const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A new agency in ten commands'));
  const m = /```sh\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README: no ```sh block in “A new agency in ten commands”');
  return m[1]!;
}

/**
 * npm pack of the built project, read-only (`--ignore-scripts`: tests run beside it), then the step
 * `prepack` adds: the manifest's `prepare` set aside by scripts/pack-manifest.mjs, and packed again.
 */
function packTarball(dir: string): string {
  const run = (cmd: string, args: string[], cwd: string) => {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const raw = join(dir, 'raw');
  mkdirSync(raw);
  const name = run('npm', ['pack', '--ignore-scripts', '--pack-destination', raw], PROJECT).trim().split('\n').pop()!;
  run('tar', ['xzf', name], raw);
  mkdirSync(join(raw, 'package/scripts'));
  cpSync(join(PROJECT, 'scripts/pack-manifest.mjs'), join(raw, 'package/scripts/pack-manifest.mjs'));
  run('node', ['scripts/pack-manifest.mjs', 'disable'], join(raw, 'package'));
  rmSync(join(raw, 'package/scripts'), { recursive: true });
  run('tar', ['czf', join(dir, name), 'package'], raw);
  return join(dir, name);
}

describe('a new agency from the packed tarball', () => {
  it('installs without a warning, lists every command, and the README section runs to a committed round', () => {
    const dir = tempDir();
    const tarball = packTarball(dir);
    const listed = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(listed).toContain('package/LICENSE');
    expect(listed.some((f) => f.startsWith('package/dist/bench/'))).toBe(false);
    expect(listed.filter((f) => f.startsWith('package/records/') && !f.endsWith('/'))).toEqual([
      'package/records/criteria.yaml',
    ]);

    const prefix = join(dir, 'global');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/EBADENGINE|deprecated|install-scripts|allowScripts/);

    const env = {
      ...process.env,
      PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`,
      THIDUA_TODAY: '2026-01-20',
      NO_COLOR: '1',
      THIDUA_LANG: '',
      GIT_AUTHOR_NAME: 'Văn thư',
      GIT_AUTHOR_EMAIL: 'vt@example.org',
      GIT_COMMITTER_NAME: 'Văn thư',
      GIT_COMMITTER_EMAIL: 'vt@example.org',
    };
    const help = spawnSync('thidua', ['--help'], { encoding: 'utf8', env });
    for (const command of [
      'init',
      'import',
      'round',
      'nominate',
      'session',
      'ballot',
      'tally',
      'decide',
      'render',
      'export',
      'commit',
      'verify',
      'validate',
      'status',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }

    const work = join(dir, 'van-thu');
    mkdirSync(work);
    cpSync(join(PROJECT, 'test/fixtures/new-agency/nhan-su.csv'), join(work, 'nhan-su.csv'));
    calcConvert(join(work, 'nhan-su.csv'), 'xlsx');
    const script = spawnSync('bash', ['-e', '-c', readmeBlock()], {
      cwd: work,
      encoding: 'utf8',
      env,
      timeout: 300_000,
    });
    expect(script.status, script.stdout + script.stderr).toBe(0);
    expect(script.stdout).toContain('16 người — 16 mới, 0 thay đổi, 0 không đổi; 6 phòng mới.');
    expect(script.stdout).toMatch(/Đã commit [0-9a-f]{12}: Đợt 2025/);
    const ws = join(work, 'so-tu-phap');
    expect(
      readdirSync(join(ws, 'documents/2025'))
        .filter((f) => f.endsWith('.docx'))
        .sort(),
    ).toEqual([
      'bien-ban-hop-2025.docx',
      'bien-ban-kiem-phieu-2025.docx',
      'cong-van-gui-2025.docx',
      'danh-sach-2025.docx',
      'giay-cong-nhan-2025.docx',
      'phieu-bau-2025.docx',
      'quyet-dinh-2025.docx',
      'to-trinh-2025.docx',
    ]);
    expect(spawnSync('git', ['status', '--porcelain'], { cwd: ws, encoding: 'utf8' }).stdout).toBe('');
    const verify = spawnSync('thidua', ['verify'], { cwd: ws, encoding: 'utf8', env });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);

    const rows = readFileSync(calcConvert(join(work, 'danh-sach-2025.xlsx'), 'csv'), 'utf8')
      .trim()
      .split('\n');
    expect(rows).toEqual([
      'STT,Loại,"Tên tập thể, cá nhân",Chức vụ,Đơn vị,Thành tích,Số phiếu đồng ý,Tỷ lệ đồng ý,Ghi chú',
      '1,Tập thể,Tập thể Phòng Hành chính tư pháp,,Phòng Hành chính tư pháp,Mô hình “Một cửa liên thông” chứng thực,5,100.0%,',
      '1,Cá nhân,Lê Văn Bình,Chuyên viên,Văn phòng,Số hoá 12.000 hồ sơ lưu trữ,4,80.0%,',
    ]);
  }, 180_000); // packs (a full build), installs and runs a dozen commands: about a minute on 2 busy cores
});
