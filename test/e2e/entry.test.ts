/** Guided entry from scripts (flags), and in a real terminal (tmux). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTemp, runCli, workspace } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { all, ballots, ok } from '../helpers/round.js';

afterAll(cleanupTemp);

describe('ballot and nominate by flags', () => {
  it('thidua ballot 2017 --vote … writes a valid ballot with no prompt', async () => {
    const root = workspace({ from: 'example' });
    const r = await runCli(
      ['ballot', '2017', '--vote', 'vp-mo-hinh=agree', '--vote', 'nv2-mo-hinh=disagree', '--written'],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(root, 'records/2017/ballots/001.yaml'), 'utf8');
    expect(text).toContain('written: true');
    expect(text).toContain('nv2-mo-hinh: disagree');
    expect((await runCli(['validate', '2017'], { cwd: root })).code).toBe(0);
    expect((await runCli(['ballot', '2017', '--invalid'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'records/2017/ballots/002.yaml'), 'utf8')).toContain('valid: false');
  });

  it('without a TTY and without flags it exits 2 naming the flags', async () => {
    const root = workspace({ from: 'example' });
    const r = await runCli(['ballot', '2017'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--vote ID=agree|disagree|abstain');
    expect(r.stderr).toContain('--invalid');
    const n = await runCli(['nominate', '2017'], { cwd: root });
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--kind');
    expect(n.stderr).toContain('--met');
  });

  it('a sealed round is refused; a bad vote names the closest nomination', async () => {
    const root = workspace({ from: 'example' });
    const sealed = await runCli(['ballot', '2016', '--vote', 'vp-mo-hinh=agree'], { cwd: root });
    expect(sealed.code).toBe(1);
    expect(sealed.stderr).toContain('đã niêm phong');
    const bad = await runCli(['ballot', '2017', '--vote', 'vp-mo-hin=agree'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('vp-mo-hinh');
    expect(existsSync(join(root, 'records/2017/ballots'))).toBe(false);
    expect((await runCli(['nominate', '2016', '--kind', 'collective'], { cwd: root })).code).toBe(1);
  });

  it('nominate by flags writes a nomination that validates; a failing one is refused with its findings', async () => {
    const root = workspace({ from: 'example' });
    const ok = await runCli(
      [
        'nominate',
        '2017',
        '--kind',
        'individual',
        '--department',
        'nv2',
        '--person',
        'ly-van-phuc',
        '--title',
        'Thanh tra viên tiêu biểu',
        '--met',
        'all',
        '--submitted',
        '2017-11-20',
      ],
      { cwd: root },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(root, 'records/2017/nominations/nv2-ca-nhan.yaml'), 'utf8')).toContain(
      'person: ly-van-phuc',
    );
    const bad = await runCli(
      [
        'nominate',
        '2017',
        '--kind',
        'collective',
        '--department',
        'tcd',
        '--title',
        'Mô hình',
        '--initiative',
        'Mô tả',
        '--met',
        'all',
        '--submitted',
        '2017-11-20',
      ],
      { cwd: root },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('discipline-member');
    expect(existsSync(join(root, 'records/2017/nominations/tcd-mo-hinh.yaml'))).toBe(false);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe('ids and text that YAML would misread', () => {
  it('nominate --id null (or 1e3, 0x1f, true) is refused before anything is written; odd text is written quoted and loads back', async () => {
    const root = workspace({ from: 'example' });
    const before = readdirSync(join(root, 'records/2017/nominations')).sort();
    for (const id of ['null', '1e3', '0x1f', 'true']) {
      const r = await runCli(
        [
          'nominate',
          '2017',
          '--kind',
          'individual',
          '--department',
          'nv2',
          '--person',
          'ly-van-phuc',
          '--title',
          'x',
          '--met',
          'all',
          '--submitted',
          '2017-11-20',
          '--id',
          id,
        ],
        { cwd: root },
      );
      expect(r.code, id).toBe(2);
      expect(r.stderr).toBe(
        `thidua: --id “${id}” không phải mã hợp lệ: YAML đọc nó là null, true/false hoặc một số; hãy chọn mã khác, ví dụ “nv2-${id}”\n`,
      );
    }
    expect(readdirSync(join(root, 'records/2017/nominations')).sort()).toEqual(before);
    const title = 'Thanh tra viên: "tiêu biểu" # số 1';
    const r = await runCli(
      [
        'nominate',
        '2017',
        '--kind',
        'individual',
        '--department',
        'nv2',
        '--person',
        'ly-van-phuc',
        '--title',
        title,
        '--met',
        'all',
        '--submitted',
        '2017-11-20',
        '--id',
        'yes',
      ],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse((await runCli(['validate', '2017', '--json'], { cwd: root })).stdout);
    expect(v.errors).toBe(0);
    expect(readFileSync(join(root, 'records/2017/nominations/yes.yaml'), 'utf8')).toContain(`title: '${title}'`);
  });
});

describe('in a real terminal', () => {
  it('tmux is installed (CI installs it)', () => expect(hasTmux).toBe(true));

  function tmux(args: string[]) {
    return spawnSync('tmux', args, { encoding: 'utf8' });
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function waitFor(session: string, text: string, ms = 8000): Promise<string> {
    const end = Date.now() + ms;
    let screen = '';
    while (Date.now() < end) {
      screen = tmux(['capture-pane', '-p', '-t', session]).stdout;
      if (screen.includes(text)) return screen;
      await sleep(100);
    }
    throw new Error(`“${text}” never appeared:\n${screen}`);
  }

  it.runIf(hasTmux)(
    'thidua ballot 2017 shows the nominations by name, takes one ballot; Ctrl-C leaves no file',
    async () => {
      const root = workspace({ from: 'example' });
      const session = `thidua-${process.pid}-${Date.now()}`;
      tmux([
        'new-session',
        '-d',
        '-s',
        session,
        '-x',
        '140',
        '-y',
        '50',
        `cd ${root} && NO_COLOR=1 ${process.execPath} ${BIN} ballot 2017; echo EXIT=$?; sleep 30`,
      ]);
      try {
        await waitFor(session, 'phiếu hợp lệ?');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'vắng mặt?');
        tmux(['send-keys', '-t', session, 'Enter']);
        // Eleven nominations: first “all agree, except …” or one by one; one by one is taken.
        await waitFor(session, 'Từng đề nghị');
        tmux(['send-keys', '-t', session, 'Down', 'Enter']);
        const screen = await waitFor(session, 'Tập thể Văn phòng');
        expect(screen).toContain('Mô hình tiêu biểu');
        for (let i = 0; i < 11; i++) {
          tmux(['send-keys', '-t', session, i === 3 ? 'Down' : 'Enter']);
          if (i === 3) tmux(['send-keys', '-t', session, 'Enter']);
          await sleep(150);
        }
        const summary = await waitFor(session, 'Ghi phiếu này?');
        expect(summary).toContain('Tống Thị Kim (Phòng Tiếp công dân và xử lý đơn thư)');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Nhập phiếu tiếp theo (1/9)?');
        expect(readFileSync(join(root, 'records/2017/ballots/001.yaml'), 'utf8')).toContain('nv3-mo-hinh: disagree');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Phiếu số 2: phiếu hợp lệ?');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'vắng mặt?');
        tmux(['send-keys', '-t', session, 'C-c']);
        await waitFor(session, 'EXIT=130');
      } finally {
        tmux(['kill-session', '-t', session]);
      }
      expect(readdirSync(join(root, 'records/2017/ballots'))).toEqual(['001.yaml']);
      expect((await runCli(['validate', '2017'], { cwd: root })).code).toBe(0);
    },
    60_000,
  );

  it.runIf(hasTmux)(
    'thidua ballot YEAR --replace 3 after an unseal: the paper as it stands shown, its marks offered, the new one written',
    async () => {
      const a = generateAgency({ seed: 367, councilSize: 5 });
      const y = String(a.year);
      const first = a.nominations[0]!;
      await ballots(a, a.year, [
        all(a.nominations),
        all(a.nominations),
        { ...all(a.nominations), [first]: 'disagree' },
        all(a.nominations),
        all(a.nominations),
      ]);
      await ok(a, 'tally', y, '--seal', '--date', `${a.year + 1}-01-15`);
      await ok(a, 'unseal', y, '--reason', 'Phiếu số 3 nhập nhầm');
      const session = `thidua-r-${process.pid}-${Date.now()}`;
      tmux([
        'new-session',
        '-d',
        '-s',
        session,
        '-x',
        '160',
        '-y',
        '50',
        `cd ${a.root} && NO_COLOR=1 ${process.execPath} ${BIN} ballot ${y} --replace 3; echo EXIT=$?; sleep 30`,
      ]);
      try {
        const first$ = await waitFor(session, 'Phiếu số 3: phiếu hợp lệ?');
        expect(first$).toContain('Phiếu đang có — Phiếu số 3: ');
        expect(first$).toContain('1 không đồng ý');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'vắng mặt?');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Tất cả đồng ý, trừ');
        tmux(['send-keys', '-t', session, 'Enter']);
        // The first nomination comes ticked (the old paper disagreed); the second is ticked too.
        await waitFor(session, 'không được “đồng ý”');
        tmux(['send-keys', '-t', session, 'Down', 'Space', 'Enter']);
        // Each ticked one offers its old mark: disagree kept for the first, abstain for the second.
        await sleep(300);
        tmux(['send-keys', '-t', session, 'Enter']);
        await sleep(300);
        tmux(['send-keys', '-t', session, 'Down', 'Enter']);
        await waitFor(session, 'Ghi phiếu này?');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'EXIT=0');
      } finally {
        tmux(['kill-session', '-t', session]);
      }
      const paper = readFileSync(join(a.root, `records/${y}/ballots/003.yaml`), 'utf8');
      // The prompt's order is the voting order, as the paper files list their votes.
      const order = [...paper.matchAll(/^ {2}([\w-]+): /gm)].map((m) => m[1]!);
      expect(order[0]).toBe(first);
      const second = order[1]!;
      expect(paper).toContain(`${first}: disagree`);
      expect(paper).toContain(`${second}: abstain`);
      expect(readFileSync(join(a.root, `records/${y}/unseals.yaml`), 'utf8')).toContain('replaced:');
      expect((await runCli(['validate', y], { cwd: a.root })).code).toBe(0);
    },
    60_000,
  );

  it.runIf(hasTmux)(
    'thidua nominate enters a nomination step by step',
    async () => {
      const root = workspace({ from: 'example' });
      const session = `thidua-n-${process.pid}-${Date.now()}`;
      tmux([
        'new-session',
        '-d',
        '-s',
        session,
        '-x',
        '160',
        '-y',
        '50',
        `cd ${root} && NO_COLOR=1 THIDUA_TODAY=2017-11-25 ${process.execPath} ${BIN} nominate 2017; echo EXIT=$?; sleep 30`,
      ]);
      try {
        // The example declares titles (records/titles.yaml); 2017 is a round of the plan's pair, offered first.
        const titles = await waitFor(session, 'Danh hiệu đề nghị');
        expect(titles).toContain('Mô hình tiêu biểu / gương điển hình (theo kế hoạch)');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Loại đề nghị');
        tmux(['send-keys', '-t', session, 'Down', 'Enter']);
        await waitFor(session, '? Phòng');
        tmux(['send-keys', '-t', session, 'Down', 'Down', 'Enter']);
        await waitFor(session, 'gõ để tìm');
        tmux(['send-keys', '-t', session, '-l', 'phuc']);
        await waitFor(session, 'Lý Văn Phúc');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Thành tích');
        tmux(['send-keys', '-t', session, '-l', 'Thanh tra viên tiêu biểu năm 2017']);
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Ngày nhận hồ sơ');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'Tiêu chí đạt');
        tmux(['send-keys', '-t', session, 'a', 'Enter']);
        await waitFor(session, 'Ghi đề nghị nv2-ca-nhan?');
        tmux(['send-keys', '-t', session, 'Enter']);
        await waitFor(session, 'EXIT=0');
      } finally {
        tmux(['kill-session', '-t', session]);
      }
      expect(readFileSync(join(root, 'records/2017/nominations/nv2-ca-nhan.yaml'), 'utf8')).toContain(
        'person: ly-van-phuc',
      );
      expect((await runCli(['validate', '2017'], { cwd: root })).code).toBe(0);
    },
    60_000,
  );
});
