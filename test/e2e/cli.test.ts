/** The built binary, as a new user runs it. */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT, cleanupTemp, runCli, tempDir, workspace } from '../helpers/workspace.js';
import { RULES } from '../../src/core/rules/index.js';
import { TEMPLATE_RULES } from '../../src/core/documents/template-rules.js';

afterAll(cleanupTemp);

describe('validate', () => {
  it('the bundled example validates with no error', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hồ sơ hợp lệ');
    expect(r.stdout).toContain('0 lỗi');
  });

  it('a Vietnamese message writes its dates dd/mm/yyyy; the English one keeps ISO', () => {
    const root = workspace({ overlays: [join(PROJECT, 'test', 'fixtures', 'rules', 'late-submission')] });
    const bin = (lang: string[]) =>
      spawnSync(process.execPath, [BIN, 'validate', ...lang], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const vi = bin([]);
    expect(vi.status).toBe(1);
    expect(vi.stdout).toContain('nộp ngày 30/11/2016, không trước hạn đăng ký 30/11/2016');
    expect(vi.stdout).not.toMatch(/nộp ngày \d{4}-/);
    expect(bin(['--lang', 'en']).stdout).toContain(
      'submitted 2016-11-30, not before the registration deadline 2016-11-30',
    );
  });

  it('--json prints exactly one JSON document', async () => {
    const r = await runCli(['validate', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, errors: 0, warnings: 0, diagnostics: [] });
  });

  it('reports every finding of a broken copy in one run, sorted, with exit 1', async () => {
    const root = workspace({ from: 'example' });
    const edit = (rel: string, from: string | RegExp, to: string) => {
      const p = join(root, rel);
      writeFileSync(p, readFileSync(p, 'utf8').replace(from, to));
    };
    edit('records/2017/nominations/nv1-mo-hinh.yaml', 'tiet-kiem: true', 'tiet-kiem: false');
    edit('records/2017/nominations/vp-mo-hinh.yaml', 'criteria:', 'critera:');
    edit('records/2017/nominations/pctn-ca-nhan.yaml', 'department: pctn', 'department: pcnt');
    const r = await runCli(['validate', '--json'], { cwd: root });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const found = out.diagnostics.map(
      (d: { code: string; file: string; line: number; column: number }) => `${d.file}:${d.line}:${d.column} ${d.code}`,
    );
    expect(found).toEqual([
      'records/2017/nominations/nv1-mo-hinh.yaml:17:3 criteria-unmet',
      'records/2017/nominations/pctn-ca-nhan.yaml:4:13 person-department',
      'records/2017/nominations/pctn-ca-nhan.yaml:4:13 unknown-reference',
      'records/2017/nominations/vp-mo-hinh.yaml:10:1 unknown-field',
    ]);
    const human = await runCli(['validate'], { cwd: root });
    expect(human.stdout).toContain('records/2017/nominations/nv1-mo-hinh.yaml:17:3  error[criteria-unmet]');
    expect(human.stdout).toMatch(/17 \| {3}tiet-kiem: false\n\s+\| {3}\^/);
    const en = await runCli(['validate', '--lang', 'en'], { cwd: root });
    expect(en.stdout).toContain('unknown field “critera” (did you mean “criteria”?)');
  });

  it('an unknown command exits 2 and a folder with no workspace exits 3, with one line', async () => {
    const bad = await runCli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const none = await runCli(['validate'], { cwd: tempDir() });
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/records\/agency\.yaml/);
    expect(none.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a bad year is a usage error', async () => {
    expect((await runCli(['validate', '20x6'])).code).toBe(2);
    expect((await runCli(['validate', '2031'])).code).toBe(2);
    expect((await runCli(['--lang', 'fr', 'validate'])).code).toBe(2);
  });
});

describe('init and schema', () => {
  it('init in an empty folder makes a workspace that validates, with a first commit', async () => {
    const dir = tempDir();
    const r = await runCli([
      'init',
      dir,
      '--agency',
      'THANH TRA TỈNH MẪU',
      '--symbol',
      'TTr',
      '--place',
      'Tỉnh Mẫu',
      '--head-name',
      'Nguyễn Văn A',
      '--head-title',
      'CHÁNH THANH TRA',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'records/agency.yaml'), 'utf8')).toContain('name: THANH TRA TỈNH MẪU\n');
    expect(readFileSync(join(dir, 'records/criteria.yaml'), 'utf8')).toContain('nguoi-dung-dau');
    expect(readdirSync(join(dir, 'templates')).sort()).toEqual([
      'bao-cao-tong-ket.txt',
      'bien-ban-hop.txt',
      'bien-ban-kiem-phieu.txt',
      'cong-van-don-doc.txt',
      'cong-van-gui.txt',
      'danh-sach.txt',
      'giay-cong-nhan.txt',
      'phieu-bau.txt',
      'quyet-dinh.txt',
      'to-trinh-cap-tren.txt',
      'to-trinh.txt',
    ]);
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const log = spawnSync('git', ['log', '--oneline'], { cwd: dir, encoding: 'utf8' });
    expect(log.stdout.trim().split('\n')).toHaveLength(1);
    expect((await runCli(['init', dir])).code).toBe(1);
  });

  it('init without flags uses placeholders and names the fields to fill', async () => {
    const dir = tempDir();
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/name, parent, symbol, place, head\.title, head\.name/);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('schema --out writes one JSON Schema per record kind', async () => {
    const out = tempDir();
    const r = await runCli(['schema', '--out', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [
        'agency',
        'ballot',
        'council',
        'criteria',
        'decision',
        'departments',
        'discipline',
        'history',
        'inbox',
        'nomination',
        'people',
        'ratings',
        'round',
        'submissions',
        'tally',
        'titles',
        'unseals',
      ].map((k) => `${k}.schema.json`),
    );
    const nomination = JSON.parse(readFileSync(join(out, 'nomination.schema.json'), 'utf8'));
    expect(JSON.stringify(nomination)).toContain('"additionalProperties":false');
  });
});

describe('tally, seal and verify', () => {
  it('tally 2016 on the example prints the sealed result, the threshold and the leader case', async () => {
    const r = await runCli(['tally', '2016']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('đã niêm phong');
    expect(r.stdout).toContain('cần ít nhất 6/9 phiếu đồng ý');
    expect(r.stdout).toMatch(/Phòng Nghiệp vụ 2\s+5\s+2\s+1\s+55,6%\s+Không đạt/);
    expect(r.stdout).toMatch(/Đặng Minh Tuấn.*Đạt số phiếu, không công nhận/);
    const j = JSON.parse((await runCli(['tally', '2016', '--json'])).stdout);
    expect(j).toMatchObject({
      year: 2016,
      members: 9,
      base: 9,
      threshold: { numerator: 2, denominator: 3, required: 6 },
      ballots: { issued: 9, received: 9, valid: 8, invalid: 1 },
      sealed: true,
    });
    expect(j.results.find((x: { nomination: string }) => x.nomination === 'nv2-ca-nhan')).toMatchObject({
      passed: true,
      recognised: false,
      reason: 'department-not-recognised',
      person: 'dang-minh-tuan',
    });
  });

  it('sealing again with unchanged inputs writes nothing', async () => {
    const root = workspace({ from: 'example' });
    const path = join(root, 'records/2016/tally.yaml');
    const before = statSync(path).mtimeMs;
    const r = await runCli(['tally', '2016', '--seal'], { cwd: root });
    expect(r.code).toBe(0);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('sealing writes tally.yaml that validate and verify accept', async () => {
    const root = workspace({ from: 'base' });
    const r = await runCli(['tally', '2016', '--seal'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(root, 'records/2016/tally.yaml'))).toBe(true);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
    expect((await runCli(['verify', '--no-history'], { cwd: root })).code).toBe(0);
  });

  it('editing one sealed ballot fails validate naming the file, verify exits 1, and re-sealing is refused', async () => {
    const root = workspace({ from: 'example' });
    const p = join(root, 'records/2016/ballots/003.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('nv2-mo-hinh: agree', 'nv2-mo-hinh: disagree'));
    const v = await runCli(['validate'], { cwd: root });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('records/2016/ballots/003.yaml');
    expect(v.stdout).toContain('sealed-input-changed');
    const ver = await runCli(['verify', '2016'], { cwd: root });
    expect(ver.code).toBe(1);
    expect(ver.stdout).toContain('records/2016/ballots/003.yaml');
    expect((await runCli(['tally', '2016', '--seal'], { cwd: root })).code).toBe(1);
  });

  it('changing any single byte of any sealed input is reported', async () => {
    const root = workspace({ from: 'example' });
    const tally = readFileSync(join(root, 'records/2016/tally.yaml'), 'utf8');
    const inputs = [...tally.matchAll(/^ {2}"?(records\/[^":]+)"?: [0-9a-f]{64}$/gm)].map((m) => m[1]!);
    expect(inputs.length).toBe(24);
    let seed = 7;
    for (const rel of inputs) {
      const p = join(root, rel);
      const original = readFileSync(p);
      const copy = Buffer.from(original);
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const at = seed % copy.length;
      copy[at] = copy[at]! ^ 0x01;
      writeFileSync(p, copy);
      const out = JSON.parse((await runCli(['verify', '2016', '--json'], { cwd: root })).stdout);
      expect(out.ok, rel).toBe(false);
      expect(
        out.rounds[0].findings.map((f: { file: string }) => f.file),
        rel,
      ).toContain(rel);
      writeFileSync(p, original);
    }
  });

  it('a new ballot file after the seal is reported', async () => {
    const root = workspace({ from: 'example' });
    writeFileSync(join(root, 'records/2016/ballots/010.yaml'), 'serial: 10\nvalid: false\n');
    const out = JSON.parse((await runCli(['validate', '--json'], { cwd: root })).stdout);
    expect(out.diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`)).toContain(
      'sealed-input-changed records/2016/ballots/010.yaml',
    );
  });
});

describe('start-up', () => {
  function loadedModules(args: string[], cwd = PROJECT, env: NodeJS.ProcessEnv = {}): string[] {
    const trace = join(tempDir(), 'trace.txt');
    writeFileSync(trace, '');
    const res = spawnSync(
      process.execPath,
      ['--import', join(PROJECT, 'test/helpers/trace-imports.mjs'), BIN, ...args],
      {
        cwd,
        env: { ...process.env, THIDUA_TRACE: trace, NO_COLOR: '1', ...env },
        encoding: 'utf8',
      },
    );
    expect(res.status, res.stderr).toBe(0);
    return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  }

  it('--version and validate load neither docx nor the prompt library', () => {
    const version = loadedModules(['--version']);
    expect(version.filter((m) => m.includes('/dist/') || m.includes('node_modules'))).toEqual([]);
    const validate = loadedModules(['validate']);
    expect(validate.some((m) => m.includes('/dist/commands/validate.js'))).toBe(true);
    expect(validate.filter((m) => /node_modules\/(docx|@inquirer|inquirer|fflate)\//.test(m))).toEqual([]);
  });

  it('a validate or any reading command served from its cache loads neither zod nor yaml; tally and verify, which count from the sealed bytes, parse them; render all with nothing changed loads no docx; verify again at the same commit loads no docx', () => {
    const root = workspace({ from: 'example' });
    const env = { XDG_CACHE_HOME: tempDir() };
    const first = loadedModules(['validate'], root, env);
    expect(first.some((m) => /node_modules\/zod\//.test(m))).toBe(true);
    const again = loadedModules(['validate'], root, env);
    expect(again.filter((m) => /node_modules\/(zod|yaml)\//.test(m))).toEqual([]);
    // Every other reading command the same: records taken from the cache, no parser, no schema library.
    for (const args of [['status'], ['awards', 'nguyen-van-giap'], ['overdue', '--as-of', '2016-01-01']]) {
      loadedModules(args, root, env);
      expect(
        loadedModules(args, root, env).filter((m) => /node_modules\/(zod|yaml)\//.test(m)),
        args.join(' '),
      ).toEqual([]);
    }
    // A count is made from the bytes read now, never from a cached parse (docs/security.md).
    expect(loadedModules(['tally', '2016'], root, env).some((m) => /node_modules\/yaml\//.test(m))).toBe(true);
    const render = loadedModules(['render', 'all', '2016'], root);
    expect(render.filter((m) => /node_modules\/docx\//.test(m))).toEqual([]);
    // verify in a repository, asked again at the same commit: history and documents answered from
    // what the first run kept, with no docx; the records it checks against the seal are parsed anew.
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['-c', 'user.name=Văn thư', '-c', 'user.email=vt@example.vn', 'commit', '-qm', 'hồ sơ'],
    ]) {
      expect(spawnSync('git', args, { cwd: root }).status).toBe(0);
    }
    loadedModules(['verify'], root, env);
    expect(loadedModules(['verify'], root, env).filter((m) => /node_modules\/docx\//.test(m))).toEqual([]);
  });
});

describe('output to a closed pipe', () => {
  it('a reader that stops early gives no stack trace', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" tally 2016 | head -1`], {
      cwd: PROJECT,
      encoding: 'utf8',
    });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js/);
  });
});

describe('thidua explain', () => {
  it('explains a code with its example and fix, suggests the closest for a mistyped one, and lists all', async () => {
    const r = await runCli(['explain', 'sealed-input-changed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'sealed-input-changed (lỗi)',
        'một tệp đã niêm phong trong tally.yaml bị sửa, thêm hoặc xoá',
        '',
        'Ví dụ:',
        '  # records/2016/ballots/003.yaml edited after thidua tally 2016 --seal',
        '',
        'Cách sửa: Trả tệp về như lúc niêm phong (git checkout), hoặc mở niêm phong có ghi lý do: thidua unseal NĂM --reason "…".',
        '',
      ].join('\n'),
    );
    const bad = await runCli(['explain', 'sealed-input-changd']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'thidua: không có mã “sealed-input-changd” (có phải “sealed-input-changed”?); xem danh sách: thidua explain\n',
    ]);
    const list = JSON.parse((await runCli(['explain', '--json', '--lang', 'en'])).stdout) as Array<{ code: string }>;
    expect(list.map((x) => x.code)).toContain('template-section');
    // Every rule of the registry and every template code, each once.
    expect(list.map((x) => x.code).sort()).toEqual(
      [...RULES.map((r) => r.code), ...TEMPLATE_RULES.map((r) => r.code)].sort(),
    );
  });
});

describe('terminal forgery', () => {
  it('a name holding a newline, a tab or escape sequences prints on its own line, inert', async () => {
    const root = workspace({ from: 'example' });
    const people = join(root, 'records/people.yaml');
    const forged = 'Lưu Thị Ngọc\\n✓ Hồ sơ hợp lệ: 0 lỗi\\t\\u001b]0;x\\u0007\\u202e';
    writeFileSync(people, readFileSync(people, 'utf8').replace('name: Lưu Thị Ngọc,', `name: "${forged}",`));
    for (const args of [
      ['awards', 'luu-thi-ngoc'],
      ['tally', '2016'],
      ['report', '--from', '2016', '--to', '2016'],
    ]) {
      const r = await runCli(args, { cwd: root });
      const lines = (r.stdout + r.stderr).split('\n');
      expect(
        lines.some((l) => l.startsWith('✓ Hồ sơ hợp lệ')),
        args.join(' '),
      ).toBe(false);
      // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
      expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b\u202e\t]/);
    }
    expect((await runCli(['awards', 'luu-thi-ngoc'], { cwd: root })).stdout).toContain(
      'Lưu Thị Ngọc\\n✓ Hồ sơ hợp lệ: 0 lỗi\\t\\x1b]0;x\\x07\\u202e',
    );
  });
});
