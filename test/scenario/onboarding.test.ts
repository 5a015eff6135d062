/** Onboarding without writing YAML: thidua round creates a round, thidua received records a document. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli, runCli, tempDir } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { decidedAgency, ENV, ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

describe('thidua received', () => {
  it('records a plan received, and one declined; overdue stops listing both; a second entry is refused', async () => {
    const a = generateAgency({ seed: 111, departments: 4, noSession: true });
    const overdue = async () =>
      (
        JSON.parse((await run(a, 'overdue', '--as-of', `${a.year}-12-20`, '--json')).stdout) as {
          items: Array<{ deadline: string; department: string }>;
        }
      ).items;
    const plan = (list: Array<{ deadline: string; department: string }>) =>
      list
        .filter((x) => x.deadline === 'plan')
        .map((x) => x.department)
        .sort();
    expect(plan(await overdue())).toEqual(a.departments.map((d) => d.id).sort());

    const r = await ok(a, 'received', 'hctp', 'plan', '--date', `${a.year}-12-10`, '--ref', '27/KH-HCTP');
    expect(r.stdout).toBe(
      `Đã ghi: Phòng Hành chính tư pháp gửi “Kế hoạch nhân rộng” (27/KH-HCTP) ngày 10/12/${a.year}, đúng hạn.\n`,
    );
    const d = await ok(a, 'received', 'bttp', 'plan', '--date', `${a.year}-12-18`, '--declined');
    expect(d.stdout).toContain('báo không có văn bản cho “Kế hoạch nhân rộng”');
    const file = join(a.root, `records/${a.year}/submissions.yaml`);
    expect(readFileSync(file, 'utf8')).toContain(
      `- { deadline: plan, department: hctp, received: ${a.year}-12-10, reference: "27/KH-HCTP" }\n- { deadline: plan, department: bttp, received: ${a.year}-12-18, declined: true }\n`,
    );
    expect(plan(await overdue())).toEqual(
      a.departments
        .map((x) => x.id)
        .filter((x) => x !== 'hctp' && x !== 'bttp')
        .sort(),
    );
    expect((await run(a, 'validate', String(a.year))).code).toBe(0);

    const bytes = readFileSync(file);
    const again = await run(a, 'received', 'hctp', 'plan', '--date', `${a.year}-12-12`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`đã ghi hctp cho thời hạn plan (nhận 10/12/${a.year}, 27/KH-HCTP); không ghi thêm`);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const typo = await run(a, 'received', 'hctpp', 'plan');
    expect([typo.code, typo.stderr]).toEqual([
      2,
      `thidua: không có phòng “hctpp” (có phải “hctp”?); các phòng: ${a.departments.map((x) => x.id).join(', ')}\n`,
    ]);
    const noDeadline = await run(a, 'received', 'vp', 'plann');
    expect(noDeadline.stderr).toContain('đợt 2025 không có thời hạn “plann” (có phải “plan”?)');
  });
});

describe('thidua round', () => {
  it('creates the next round with the previous council, refuses an existing one; nominate asks for a round first', async () => {
    const a = generateAgency({ seed: 112, departments: 3, councilSize: 5 });
    const next = String(a.year + 1);
    const early = await run(
      a,
      'nominate',
      next,
      '--kind',
      'collective',
      '--department',
      a.departments[0]!.id,
      '--title',
      'Mô hình',
      '--initiative',
      'Mô tả',
      '--met',
      'all',
    );
    expect([early.code, early.stderr]).toEqual([
      1,
      `thidua: đợt ${next} chưa được tạo (chưa có records/${next}/council.yaml); tạo bằng: thidua round ${next}\n`,
    ]);
    const r = await ok(a, 'round', next);
    expect(r.stdout).toBe(
      `Đã tạo đợt ${next}: records/${next}/council.yaml (5 thành viên Hội đồng, chép từ đợt ${a.year}).\nTiếp theo: thidua nominate ${next} (nhập đề nghị); khi định ngày họp: thidua session ${next} --date … --place … --counter …; rồi thidua ballot ${next}.\n`,
    );
    const council = readFileSync(join(a.root, `records/${next}/council.yaml`), 'utf8');
    expect(council).toContain(`  - { person: ${a.council[0]!}, role: chu-tich }\n`);
    expect(council).not.toMatch(/^session:/m);
    expect((await run(a, 'validate', next)).code).toBe(0);
    await ok(
      a,
      'nominate',
      next,
      '--kind',
      'collective',
      '--department',
      a.departments[0]!.id,
      '--title',
      'Mô hình',
      '--initiative',
      'Mô tả',
      '--met',
      'all',
      '--submitted',
      `${next}-11-01`,
    );
    const again = await run(a, 'round', next);
    expect([again.code, again.stderr]).toEqual([1, `thidua: đợt ${next} đã có (records/${next}/); không tạo lại\n`]);
  });

  it('a first round takes its members from --member, each checked against people.yaml', async () => {
    const a = generateAgency({ seed: 113, departments: 2, councilSize: 3 });
    const first = String(a.year - 3);
    const bad = await run(a, 'round', first, '--member', `${a.people[0]!.id}x:chu-tich`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `không có người “${a.people[0]!.id}x” trong records/people.yaml (có phải “${a.people[0]!.id}”?)`,
    );
    const none = await run(a, 'round', first);
    expect(none.stderr).toContain(`chưa có đợt nào trước ${first} để chép Hội đồng`);
    await ok(
      a,
      'round',
      first,
      '--member',
      `${a.people[0]!.id}:chu-tich`,
      '--member',
      `${a.people[1]!.id}:thu-ky`,
      '--member',
      a.people[2]!.id,
    );
    expect(readFileSync(join(a.root, `records/${first}/council.yaml`), 'utf8')).toContain(
      `  - { person: ${a.people[2]!.id}, role: uy-vien }\n`,
    );
  });
});

describe('through the built program, in English too', () => {
  it('round and received speak English with --lang en, and odd text in --ref is written so it loads back', () => {
    const a = generateAgency({ seed: 114, departments: 2, councilSize: 3, noSession: true });
    const next = String(a.year + 1);
    const r = cli(['--root', a.root, '--lang', 'en', 'round', next]);
    expect([r.code, r.stdout]).toEqual([
      0,
      `Created round ${next}: records/${next}/council.yaml (3 council members, copied from ${a.year}).\nNext: thidua nominate ${next} (enter nominations); when the meeting is set: thidua session ${next} --date … --place … --counter …; then thidua ballot ${next}.\n`,
    ]);
    const ref = 'Số 27: "KH" # NV2';
    const s = cli([
      '--root',
      a.root,
      '--lang',
      'en',
      'received',
      a.departments[0]!.id,
      'plan',
      '--year',
      String(a.year),
      '--date',
      `${a.year}-12-20`,
      '--ref',
      ref,
    ]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toBe(
      `Recorded: ${a.departments[0]!.name} sent “Kế hoạch nhân rộng” (${ref}) on ${a.year}-12-20, late (due before ${a.year}-12-15).\n`,
    );
    const v = JSON.parse(
      cli(['--root', a.root, 'overdue', '--as-of', `${a.year}-12-31`, '--year', String(a.year), '--json']).stdout,
    ) as { items: Array<{ department: string; deadline: string; reference: string | null }> };
    expect(v.items.find((x) => x.department === a.departments[0]!.id && x.deadline === 'plan')!.reference).toBe(ref);
  });
});

describe('friendly at the prompt', () => {
  it('bare thidua prints the help, in English too, with every command on an 80-column line', async () => {
    const a = generateAgency({ seed: 115, departments: 2, councilSize: 3 });
    const vi = await run(a);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^Cách dùng: thidua \[tuỳ chọn\] \[lệnh\]/);
    for (const c of ['import', 'export', 'session', 'round', 'received'])
      expect(vi.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    const en = cli(['--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: thidua \[options\] \[command\]/);
    for (const line of en.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('awards and log take a name, with or without diacritics; several matches are listed', async () => {
    const a = generateAgency({ seed: 116, departments: 3, councilSize: 3 });
    const p = a.people[4]!;
    const plain = p.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const r = await ok(a, 'awards', plain, '--json');
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe(p.id);
    const family = p.name.split(' ')[0]!;
    const many = a.people.filter((x) => x.name.startsWith(family + ' '));
    const listed = await run(a, 'awards', family);
    if (many.length > 1) {
      expect(listed.code).toBe(2);
      expect(listed.stderr).toContain(`“${family}” khớp ${many.length} người hay phòng: `);
    }
    const none = await run(a, 'awards', 'Không Có Ai');
    expect([
      none.code,
      none.stderr.startsWith('thidua: không có người hay phòng mang mã hay tên “Không Có Ai”'),
    ]).toEqual([2, true]);
  });

  it('nominate --accepted-late records who accepted a late nomination; the rule then warns instead of refusing', async () => {
    const a = generateAgency({ seed: 117, departments: 2, councilSize: 3 });
    const d = a.departments[0]!.id;
    const y = a.year + 1;
    await ok(a, 'round', String(y));
    const late = `${y}-12-10`;
    const refused = await run(
      a,
      'nominate',
      String(y),
      '--kind',
      'collective',
      '--department',
      d,
      '--title',
      'Mô hình',
      '--initiative',
      'Mô tả',
      '--met',
      'all',
      '--submitted',
      late,
      '--id',
      'muon',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error[late-submission]');
    const half = await run(
      a,
      'nominate',
      String(y),
      '--kind',
      'collective',
      '--department',
      d,
      '--title',
      'Mô hình',
      '--initiative',
      'Mô tả',
      '--met',
      'all',
      '--submitted',
      late,
      '--id',
      'muon',
      '--accepted-late',
      'Hội đồng đồng ý',
    );
    expect([half.code, half.stderr]).toEqual([
      2,
      'thidua: --accepted-late (lý do) và --accepted-by (người quyết định) đi cùng nhau\n',
    ]);
    await ok(
      a,
      'nominate',
      String(y),
      '--kind',
      'collective',
      '--department',
      d,
      '--title',
      'Mô hình',
      '--initiative',
      'Mô tả',
      '--met',
      'all',
      '--submitted',
      `10/12/${y}`,
      '--id',
      'muon',
      '--accepted-late',
      'Hội đồng đồng ý',
      '--accepted-by',
      a.council[0]!,
    );
    const text = readFileSync(join(a.root, `records/${y}/nominations/muon.yaml`), 'utf8');
    expect(text).toContain(`accepted_late:`);
    expect(text).toContain(`by: ${a.council[0]!}`);
    const v = await run(a, 'validate', String(y));
    expect(v.code).toBe(0);
    expect(v.stderr + v.stdout).toContain('warning[late-submission]');
  });

  it('a table wider than the terminal folds into one block per row', async () => {
    const a = await decidedAgency({ seed: 118, departments: 3, councilSize: 5 });
    const wide = await run(a, 'tally', String(a.year));
    const narrow = await runCli(['--root', a.root, 'tally', String(a.year)], { env: { ...ENV, COLUMNS: '60' } });
    expect(wide.stdout).toContain('Đồng ý  Không đồng ý');
    expect(narrow.stdout).not.toContain('Đồng ý  Không đồng ý');
    expect(narrow.stdout).toMatch(/^Tập thể: .+\n {2}Đồng ý: \d+\n {2}Không đồng ý: \d+\n/m);
    const table = narrow.stdout
      .split('\n\n')
      .filter((b) => b.startsWith('Tập thể: ') || b.startsWith('Cá nhân: '))
      .join('\n');
    for (const line of table.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
  });
});

describe('init, for a new agency', () => {
  it('refuses a workspace inside another, and a first commit git cannot attribute; writes nothing either way', async () => {
    const a = generateAgency({ seed: 119, departments: 2, councilSize: 3 });
    const inner = await runCli(
      [
        'init',
        'con',
        '--agency',
        'Sở X',
        '--symbol',
        'SX',
        '--place',
        'X',
        '--head-name',
        'A',
        '--head-title',
        'Giám đốc',
      ],
      { cwd: a.root, env: ENV },
    );
    expect([inner.code, inner.stderr]).toEqual([
      1,
      `thidua: ${join(a.root, 'con')} nằm trong không gian làm việc ${a.root}; không tạo không gian lồng nhau\n`,
    ]);
    expect(existsSync(join(a.root, 'con'))).toBe(false);
    const parent = tempDir();
    const anonymous = {
      ...ENV,
      GIT_AUTHOR_NAME: '',
      GIT_AUTHOR_EMAIL: '',
      GIT_COMMITTER_NAME: '',
      GIT_COMMITTER_EMAIL: '',
      HOME: parent,
      XDG_CONFIG_HOME: parent,
      GIT_CONFIG_GLOBAL: join(parent, 'none'),
      GIT_CONFIG_NOSYSTEM: '1',
      EMAIL: '',
    };
    // Through the built program: git reads the identity from the process's own environment.
    const r = cli(
      [
        'init',
        'moi',
        '--agency',
        'Sở X',
        '--symbol',
        'SX',
        '--place',
        'X',
        '--head-name',
        'A',
        '--head-title',
        'Giám đốc',
      ],
      { cwd: parent, env: anonymous },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('thidua: git chưa biết người commit: chạy git config --global user.name');
    expect(existsSync(join(parent, 'moi'))).toBe(false);
    const made = await runCli(
      [
        'init',
        'moi',
        '--agency',
        'Sở X',
        '--symbol',
        'SX',
        '--place',
        'X',
        '--head-name',
        'A',
        '--head-title',
        'Giám đốc',
      ],
      { cwd: parent, env: ENV },
    );
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(join(parent, 'moi/.gitignore'), 'utf8')).toContain('~$*\n');
    const placeholder = await runCli(['init', 'tam', '--agency', 'Sở Y'], { cwd: parent, env: ENV });
    expect(placeholder.code, placeholder.stderr).toBe(0);
    const v = await runCli(['validate'], { cwd: join(parent, 'tam'), env: ENV });
    expect(v.stdout + v.stderr).toContain('warning[init-placeholder]');
  });
});
