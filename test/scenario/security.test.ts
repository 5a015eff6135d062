/**
 * The security review, round two, on generated agencies: each attack of the issue as a test that
 * failed on main before the fix. One block per numbered point.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTemp, git, input, tempDir } from '../helpers/workspace.js';
import { editText, findEditor } from '../../src/shell/editor.js';
import { chooseStyle } from '../../src/shell/terminal.js';
import { createContext } from '../../src/shell/context.js';
import { run as ballotCommand } from '../../src/commands/ballot.js';
import { scripted } from '../helpers/fake-prompter.js';
import { generateAgency, type Agency } from '../helpers/agency.js';
import { all, ballots, decidedAgency, ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Edit a sealed ballot without changing any vote, and write its new hash into the seal. */
function tamperBallot(a: Agency, serial = '002'): string {
  const rel = `records/${a.year}/ballots/${serial}.yaml`;
  const p = join(a.root, rel);
  writeFileSync(p, readFileSync(p, 'utf8') + '# sửa sau niêm phong\n');
  const tallyPath = join(a.root, `records/${a.year}/tally.yaml`);
  const tally = readFileSync(tallyPath, 'utf8');
  const line = new RegExp(`(${rel.replace(/[./]/g, '\\$&')}: )[0-9a-f]{64}`);
  if (!line.test(tally)) throw new Error(`no hash for ${rel} in the seal`);
  writeFileSync(tallyPath, tally.replace(line, `$1${sha(readFileSync(p))}`));
  return rel;
}

async function verifyJson(root: string, ...args: string[]) {
  const r = await run(root, 'verify', ...args, '--json');
  return {
    code: r.code,
    json: JSON.parse(r.stdout) as {
      ok: boolean;
      history: string;
      shared: Array<{ file: string; message: string }>;
      rounds: Array<{ findings: Array<{ file: string; commit: string | null; message: string }>; notes: string[] }>;
    },
  };
}

describe('1. history checks that cannot be dodged', () => {
  it('a merge commit that edits a ballot and rewrites the seal to match is reported, with the merge', async () => {
    const a = await decidedAgency({ seed: 31 });
    expect((await run(a, 'verify')).code).toBe(0);
    git(a.root, ['checkout', '-q', '-b', 'ghi-chu']);
    writeFileSync(join(a.root, 'GHI-CHU.md'), 'ghi chú\n');
    git(a.root, ['add', 'GHI-CHU.md']);
    git(a.root, ['commit', '-q', '-m', 'Ghi chú']);
    git(a.root, ['checkout', '-q', 'main']);
    writeFileSync(join(a.root, 'KHAC.md'), 'khác\n');
    git(a.root, ['add', 'KHAC.md']);
    git(a.root, ['commit', '-q', '-m', 'Khác']);
    git(a.root, ['merge', '-q', '--no-ff', '--no-commit', 'ghi-chu']);
    const rel = tamperBallot(a);
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Merge ghi-chu']);
    const merge = git(a.root, ['rev-parse', 'HEAD']).trim();
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    const findings = json.rounds[0]!.findings;
    expect(findings.find((f) => f.file === rel)?.commit).toBe(merge);
    expect(findings.find((f) => f.file === `records/${a.year}/tally.yaml`)?.commit).toBe(merge);
  });

  it('a shallow clone fails verify unless --no-history is given', async () => {
    const a = await decidedAgency({ seed: 32 });
    const shallow = join(tempDir(), 'ban-sao');
    git(a.root, ['clone', '-q', '--depth', '1', `file://${a.root}`, shallow]);
    const r = await run(shallow, 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Lịch sử git:');
    expect(r.stdout).toContain(
      'bản sao nông (shallow clone), thiếu phần đầu lịch sử nên không kiểm tra được; chạy git fetch --unshallow, hoặc chạy lại với --no-history để chỉ kiểm tra phần còn lại',
    );
    const skipped = await run(shallow, 'verify', '--no-history');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('(--no-history: không đối chiếu lịch sử commit.)');
    expect((await verifyJson(shallow)).json.history).toBe('shallow');
  });

  it('a folder outside any repository, and a damaged one, fail verify unless --no-history is given', async () => {
    const a = await decidedAgency({ seed: 33 });
    writeFileSync(join(a.root, '.git/HEAD'), 'hỏng\n');
    const damaged = await run(a, 'verify', '--lang', 'en');
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain('git refuses to read the repository (not a git repository');
    expect((await run(a, 'verify', '--no-history')).code).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('a repository git refuses as of dubious ownership fails verify', async () => {
    const a = await decidedAgency({ seed: 34 });
    chownSync(a.root, 65534, 65534);
    const r = await run(a, 'verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `git từ chối đọc kho (kho ở ${a.root} thuộc người dùng khác nên git không tin (detected dubious ownership in repository at '${a.root}'); nếu tin kho này, chạy git config --global --add safe.directory ${a.root})`,
    );
    expect((await run(a, 'verify', '--no-history')).code).toBe(0);
  });

  it('a sealed file hidden from git with skip-worktree or assume-unchanged is reported', async () => {
    const a = await decidedAgency({ seed: 35 });
    const rel = tamperBallot(a);
    const tally = `records/${a.year}/tally.yaml`;
    git(a.root, ['update-index', '--skip-worktree', rel]);
    git(a.root, ['update-index', '--assume-unchanged', tally]);
    expect(git(a.root, ['status', '--porcelain'])).toBe('');
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    const files = json.rounds[0]!.findings.map((f) => f.file);
    expect(files).toContain(rel);
    expect(files).toContain(tally);
    expect(json.rounds[0]!.findings.find((f) => f.file === rel)!.message).toContain(
      'skip-worktree hoặc assume-unchanged',
    );
  });

  it('a seal made again under a changed threshold in one commit, without unseal, is reported', async () => {
    const a = generateAgency({ seed: 36, councilSize: 5, threshold: { numerator: 4, denominator: 5, of: 'members' } });
    const n = a.nominations;
    await ballots(a, a.year, [
      all(n),
      all(n),
      all(n),
      { ...all(n), [n[0]!]: 'disagree' },
      { ...all(n), [n[0]!]: 'disagree' },
    ]);
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    const before = JSON.parse((await ok(a, 'tally', String(a.year), '--json')).stdout) as {
      results: Array<{ nomination: string; recognised: boolean }>;
    };
    expect(before.results.find((r) => r.nomination === n[0])!.recognised).toBe(false);
    // Rewritten in place: the threshold lowered, the seal recomputed, one commit.
    const agency = join(a.root, 'records/agency.yaml');
    writeFileSync(
      agency,
      readFileSync(agency, 'utf8').replace('numerator: 4, denominator: 5', 'numerator: 1, denominator: 2'),
    );
    await ok(a, 'unseal', String(a.year), '--reason', 'không ghi lại');
    rmSync(join(a.root, `records/${a.year}/unseals.yaml`));
    await ok(a, 'tally', String(a.year), '--seal');
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Cập nhật']);
    const after = JSON.parse((await ok(a, 'tally', String(a.year), '--json')).stdout) as typeof before;
    expect(after.results.find((r) => r.nomination === n[0])!.recognised).toBe(true);
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    expect(json.rounds[0]!.findings.map((f) => f.message)).toContainEqual(
      expect.stringContaining('tệp niêm phong bị viết lại trong commit'),
    );
  });

  it('a seal made again under another threshold through thidua unseal is shown by verify', async () => {
    const a = generateAgency({ seed: 37, councilSize: 5, threshold: { numerator: 4, denominator: 5, of: 'members' } });
    await ballots(a, a.year, Array(5).fill(all(a.nominations)));
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', String(a.year), '--reason', 'Áp dụng quy chế mới');
    const agency = join(a.root, 'records/agency.yaml');
    writeFileSync(
      agency,
      readFileSync(agency, 'utf8').replace('numerator: 4, denominator: 5', 'numerator: 1, denominator: 2'),
    );
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong lại');
    const r = await ok(a, 'verify');
    expect(r.stdout).toContain(
      'niêm phong lại theo ngưỡng khác: trước 4/5 tổng số thành viên, nay 1/2 tổng số thành viên',
    );
  });

  it('a decision whose recognised list differs from the seal is reported, even with its documents rendered again', async () => {
    const a = await decidedAgency({ seed: 38 });
    const p = join(a.root, `records/${a.year}/decision.yaml`);
    const text = readFileSync(p, 'utf8');
    const dropped = a.nominations[1]!;
    writeFileSync(p, text.replace(new RegExp(`\\n  - ${dropped}\\n`), '\n'));
    await ok(a, 'render', 'all', String(a.year), '--force');
    await ok(a, 'commit', '-m', 'Sửa quyết định');
    const { code, json } = await verifyJson(a.root);
    expect(code).toBe(1);
    const finding = json.rounds[0]!.findings.find((f) => f.file === `records/${a.year}/decision.yaml`)!;
    expect(finding.message).toBe(`quyết định thiếu ${dropped} mà kết quả niêm phong công nhận`);
  });
});

describe('3. no link leads outside the workspace', () => {
  async function sealedAgency(seed: number): Promise<Agency> {
    const a = generateAgency({ seed, councilSize: 5, threshold: { numerator: 1, denominator: 2, of: 'members' } });
    await ballots(a, a.year, Array(5).fill(all(a.nominations)));
    await ok(a, 'tally', String(a.year), '--seal');
    return a;
  }
  const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n[quyet-dinh]\nbí mật: {ten}\n';

  it('a template linked to a file outside: render prints nothing of that file', async () => {
    const a = await sealedAgency(41);
    const outside = join(tempDir(), 'passwd');
    writeFileSync(outside, PASSWD);
    mkdirSync(join(a.root, 'templates'), { recursive: true });
    symlinkSync(outside, join(a.root, 'templates/bien-ban-kiem-phieu.txt'));
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Mẫu']);
    const r = await run(a, 'render', 'minutes', String(a.year));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/root:x|bí mật/);
    expect(r.stderr).toContain(
      'templates/bien-ban-kiem-phieu.txt:1:1  error[template-section]  không đọc mẫu: templates/bien-ban-kiem-phieu.txt là liên kết tượng trưng trỏ ra ngoài không gian làm việc',
    );
    expect(existsSync(join(a.root, 'documents'))).toBe(false);
    // decide freezes the templates: it refuses to copy the outside file in.
    const d = await run(a, 'decide', String(a.year), '--number', '3', '--date', `${a.year + 1}-01-20`);
    expect(d.code).toBe(1);
    expect(d.stdout + d.stderr).not.toMatch(/root:x|bí mật/);
    expect(existsSync(join(a.root, `records/${a.year}/decision.yaml`))).toBe(false);
  });

  it('publish does not write through a public folder linked outside', async () => {
    const a = await sealedAgency(42);
    const outside = tempDir();
    writeFileSync(join(outside, 'index.html'), 'TRANG KHÁC\n');
    symlinkSync(outside, join(a.root, 'public'));
    const r = await run(a, 'publish');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'không ghi public/index.html: public là liên kết tượng trưng trỏ ra ngoài không gian làm việc',
    );
    expect(readFileSync(join(outside, 'index.html'), 'utf8')).toBe('TRANG KHÁC\n');
  });

  it('render report and render all write nothing, and create no folder, through a documents folder linked outside', async () => {
    const a = await sealedAgency(43);
    const outside = tempDir();
    symlinkSync(outside, join(a.root, 'documents'));
    const report = await run(a, 'render', 'report', '--from', String(a.year), '--to', String(a.year));
    expect(report.code).toBe(1);
    expect(report.stderr).toContain(
      `không ghi documents/bao-cao-tong-ket-${a.year}-${a.year}.docx: documents là liên kết tượng trưng trỏ ra ngoài không gian làm việc`,
    );
    const every = await run(a, 'render', 'all', String(a.year));
    expect(every.code).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('5. crashes and blow-ups', () => {
  const hasTmux = spawnSync('tmux', ['-V']).status === 0;
  const tmux = (args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });

  it.runIf(hasTmux)(
    'a missing EDITOR program stops nominate in a real terminal with one line and exit 3, before any question',
    async () => {
      const a = generateAgency({ seed: 51, noSession: true });
      const session = `thidua-editor-${process.pid}-${Date.now()}`;
      tmux([
        'new-session',
        '-d',
        '-s',
        session,
        '-x',
        '250',
        '-y',
        '20',
        `cd ${a.root} && EDITOR=/khong/co/trinh-soan NO_COLOR=1 ${process.execPath} ${BIN} nominate ${a.year}; echo EXIT=$?; sleep 30`,
      ]);
      try {
        let screen = '';
        for (let i = 0; i < 100 && !screen.includes('EXIT='); i++) {
          await new Promise((r) => setTimeout(r, 100));
          screen = tmux(['capture-pane', '-p', '-t', session]).stdout;
        }
        expect(screen).toContain(
          'thidua: không tìm thấy trình soạn thảo “/khong/co/trinh-soan” (biến EDITOR); sửa EDITOR thành một chương trình có trên máy, hoặc bỏ nó để nhập thẳng trong cửa sổ lệnh',
        );
        expect(screen).toContain('EXIT=3');
        expect(screen).not.toMatch(/\n\s+at /);
      } finally {
        tmux(['kill-session', '-t', session]);
      }
    },
  );

  it('an EDITOR whose path holds spaces is opened as that program; one that fails writes nothing', () => {
    const dir = join(tempDir(), 'Trình soạn thảo');
    mkdirSync(dir, { recursive: true });
    const program = join(dir, 'sua tep');
    writeFileSync(program, '#!/bin/sh\nprintf "Sáng kiến: số hoá hồ sơ\\n" >> "$1"\n', { mode: 0o755 });
    const editor = findEditor({ EDITOR: program, PATH: process.env['PATH'] }, '/')!;
    expect(editor).toEqual({ bin: program, args: [], variable: 'EDITOR' });
    expect(editText(editor, 'Nội dung cũ\n')).toBe('Nội dung cũ\nSáng kiến: số hoá hồ sơ\n');
    // With arguments, and found on PATH.
    expect(findEditor({ VISUAL: 'sh -e', PATH: process.env['PATH'] }, '/')).toMatchObject({
      args: ['-e'],
      variable: 'VISUAL',
    });
    expect(findEditor({ PATH: process.env['PATH'] }, '/')).toBeNull();
    writeFileSync(program, '#!/bin/sh\nexit 7\n', { mode: 0o755 });
    expect(() => editText(editor, 'x')).toThrow(
      expect.objectContaining({
        exitCode: 3,
        text: expect.objectContaining({ vi: `trình soạn thảo ${program} kết thúc với mã 7; không ghi gì` }),
      }),
    );
  });
});

describe('6. leftovers', () => {
  function hook(a: Agency, name: string, body: string) {
    writeFileSync(join(a.root, '.git/hooks', name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }

  it('git killed after it made the commit: thidua says the commit exists, and the work is not redone', async () => {
    const a = generateAgency({ seed: 71 });
    await ballots(a, a.year, [all(a.nominations)]);
    hook(a, 'post-commit', 'kill -9 $PPID');
    const r = await run(a, 'commit', '-m', 'Phiếu 1');
    const head = git(a.root, ['rev-parse', 'HEAD']).trim();
    expect(git(a.root, ['log', '-1', '--format=%s']).trim()).toBe('Phiếu 1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`git bị dừng (SIGKILL) sau khi đã tạo commit ${head.slice(0, 12)}`);
    expect(r.stdout).toContain(`Đã commit ${head.slice(0, 12)}: Phiếu 1`);
  });

  it('git killed before it made the commit: thidua says none was made and names the lock git left', async () => {
    const a = generateAgency({ seed: 72 });
    await ballots(a, a.year, [all(a.nominations)]);
    hook(a, 'pre-commit', 'kill -9 $PPID');
    const before = git(a.root, ['rev-parse', 'HEAD']).trim();
    const r = await run(a, 'commit', '-m', 'Phiếu 1');
    expect(git(a.root, ['rev-parse', 'HEAD']).trim()).toBe(before);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'thidua: git commit bị dừng (SIGKILL), chưa tạo commit nào; git để lại .git/index.lock: nếu không còn lệnh git nào đang chạy, xoá tệp đó rồi chạy lại\n',
    );
  });
});

describe('4. terminal forgery', () => {
  it('record text in the ballot prompts is inert, newline and tab included', async () => {
    const a = generateAgency({ seed: 81 });
    const departments = join(a.root, 'records/departments.yaml');
    const forged = 'Văn phòng\\n✓ Hồ sơ hợp lệ\\t\\u001b]0;x\\u0007\\u009b2J\\u202e';
    writeFileSync(departments, readFileSync(departments, 'utf8').replace('name: "Văn phòng Sở"', `name: "${forged}"`));
    // A paper of more than two nominations first asks “all agree, except …” or one by one.
    const p = scripted([
      true,
      false,
      ...(a.nominations.length > 2 ? ['each'] : []),
      ...a.nominations.map(() => 'agree'),
      true,
      false,
    ]);
    const ctx = createContext({
      lang: 'vi',
      rootOption: a.root,
      version: 'test',
      env: { THIDUA_TODAY: '2026-01-15' },
      cwd: a.root,
    });
    const shown: string[] = [];
    ctx.out = (s) => shown.push(s);
    ctx.say = (s) => shown.push(s.vi);
    ctx.warn = (s) => shown.push(s.vi);
    expect(await ballotCommand(ctx, input('ballot', [String(a.year)]), p)).toBe(0);
    const all = [...p.asked, ...p.notes, ...shown].join('\n');
    expect(p.asked).toContain('select: Tập thể Văn phòng\\n✓ Hồ sơ hợp lệ\\t\\x1b]0;x\\x07\\x9b2J\\u202e');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(all).not.toMatch(/[\u0007\u001b\u009b\u202e\t]/);
    expect(all.split('\n').some((l) => l.startsWith('✓ Hồ sơ hợp lệ'))).toBe(false);
  });

  it('TERM=dumb gets no colour even on a terminal; NO_COLOR and FORCE_COLOR are obeyed', () => {
    const red = (env: NodeJS.ProcessEnv, tty: boolean) => chooseStyle(env, tty).red('x');
    expect(red({ TERM: 'dumb' }, true)).toBe('x');
    expect(red({ TERM: 'xterm-256color' }, true)).toBe('\u001b[31mx\u001b[39m');
    expect(red({ TERM: 'xterm-256color', NO_COLOR: '1' }, true)).toBe('x');
    expect(red({ TERM: 'xterm' }, false)).toBe('x');
    expect(red({ FORCE_COLOR: '1' }, false)).toBe('\u001b[31mx\u001b[39m');
  });
});
