/**
 * Issue 36, a small generated school (16 staff in 8 tổ, from CSV: no Calc), run in this process.
 * Before its meeting and decision every date a document, a review or a prompt falls back to is the
 * school year's end (31/08), every "năm …" the school year's; its units are "Tổ" wherever a
 * command or a document names them.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, input, runCli, tempDir } from '../helpers/workspace.js';
import { ENV } from '../helpers/round.js';
import { docxText } from '../helpers/docx.js';
import { nominationCsv, schoolStaff, staffCsv, TO, TO_IDS, type Teacher, SCHOOL_INIT } from '../helpers/school.js';
import { scripted } from '../helpers/fake-prompter.js';
import { createContext } from '../../src/shell/context.js';
import { loadAndValidate } from '../../src/shell/load.js';
import { loadTemplate } from '../../src/shell/templates.js';
import { documentDef } from '../../src/core/documents/index.js';
import { renderPage } from '../../src/core/publish/page.js';
import { run as nominate } from '../../src/commands/nominate.js';
import { run as init } from '../../src/commands/init.js';

afterAll(cleanupTemp);

const env = { ...ENV, THIDUA_TODAY: '2025-06-20', NO_COLOR: '1', COLUMNS: '200' };
const run = (root: string, ...args: string[]) => runCli(args, { cwd: root, env });
async function ok(root: string, ...args: string[]) {
  const r = await run(root, ...args);
  if (r.code !== 0) throw new Error(`thidua ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

let root = '';
let staff: Teacher[] = [];
/** What `init` said in beforeAll. */
let initOutput = { stdout: '', stderr: '' };
/** What `import people` said in beforeAll. */
let staffImport = '';
const idOf = (name: string) =>
  (parse(readFileSync(join(root, 'records/people.yaml'), 'utf8')) as Array<{ id: string; name: string }>).find(
    (p) => p.name === name,
  )!.id;
/** The teachers nominated: the second of each tổ (the first is its head). */
const nominees = () => staff.slice(TO.length);

beforeAll(async () => {
  const parent = tempDir();
  initOutput = await ok(parent, ...SCHOOL_INIT);
  root = join(parent, 'thpt');
  const dir = tempDir();
  staff = schoolStaff(2025, 16);
  staffImport = (await ok(root, 'import', 'people', staffCsv(dir, staff))).stdout;
  const council = staff.slice(0, 5).map((p) => idOf(p.name));
  await ok(
    root,
    'round',
    '2025',
    ...council.flatMap((id, i) => ['--member', `${id}:${i === 0 ? 'chu-tich' : i === 4 ? 'thu-ky' : 'uy-vien'}`]),
  );
  const lists = TO.map((to) => ({
    to,
    own: false,
    teachers: nominees()
      .filter((p) => p.to === to)
      .map((p) => p.name),
  }));
  await ok(root, 'import', 'nominations', nominationCsv(dir, 'de-nghi', lists), '--year', '2025');
}, 60_000);

describe('a school year’s round before its meeting: the dates fall back to 31/08, not 31/12', () => {
  it('the ballot paper printed before the meeting is set reads “năm 2025” (the school year ends in it), the file dated 31/08/2025', async () => {
    const out = tempDir();
    await ok(root, 'render', 'ballots', '2025', '--out', out);
    const file = join(
      out,
      readdirSync(out).find((f) => f.endsWith('.docx'))!,
    );
    const text = docxText(file);
    expect(text).toContain('Đà Nẵng, ngày      tháng      năm 2025');
    expect(text).not.toContain('năm 2026');
    // The unit word heads the table's column.
    expect(text).toContain('Tên tập thể, cá nhân\nTổ\nĐồng ý');
    const core = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-08-31T00:00:00Z</dcterms:created>');
  });

  it('a matter pending on the day of the review: one from 01/08/2025 blocks the 2025 round; one from 01/10/2025, after the school year, does not', async () => {
    const who = idOf(nominees()[0]!.name);
    const pending = join(root, 'records/pending.yaml');
    writeFileSync(pending, `- { person: ${who}, kind: complaint, from: 2025-08-01 }\n`);
    const blocked = await run(root, 'validate', '2025');
    expect(blocked.code).toBe(1);
    expect(blocked.stdout + blocked.stderr).toContain('error[award-pending]');
    writeFileSync(pending, `- { person: ${who}, kind: complaint, from: 2025-10-01 }\n`);
    const after = await run(root, 'validate', '2025');
    expect(after.stdout + after.stderr).not.toContain('award-pending');
    expect(after.code).toBe(0);
    rmSync(pending);
  });

  it('a title of three years running names the school years it looks for', async () => {
    const teacher = nominees()[1]!;
    const who = idOf(teacher.name);
    const file = join(root, `records/2025/nominations/${who}-chien-si-thi-dua-tinh.yaml`);
    writeFileSync(
      file,
      `id: ${who}-chien-si-thi-dua-tinh\nkind: individual\ndepartment: ${TO_IDS[TO.indexOf(teacher.to)]!}\nperson: ${who}\naward: chien-si-thi-dua-tinh\nrating: xuat-sac\ntitle: Sáng kiến dạy học\nsubmitted: 2025-06-20\n`,
    );
    const r = await run(root, 'validate', '2025');
    rmSync(file);
    expect(r.stdout + r.stderr).toContain(
      '3 năm học liền trước (2021-2022 – 2023-2024); không thấy năm học 2021-2022, 2022-2023, 2023-2024 trong kết quả đã niêm phong hay records/history.yaml',
    );
  });

  it('documents built before the decision are dated 31/08/2025: the decision’s draft and the certificates', async () => {
    const loaded = await loadAndValidate(root, [2025]);
    const round = loaded.workspace.rounds.find((r) => r.year === 2025)!;
    const agency = loaded.workspace.agency!.value;
    for (const kind of ['decision', 'certificates', 'list']) {
      const def = documentDef(kind)!;
      const template = loadTemplate(root, def, undefined, 2025).template!;
      const model = def.build({ agency, round, index: loaded.view(round), template });
      expect(model.date, kind).toBe('2025-08-31');
    }
  });

  it('the published page heads each round by its school year; a Sở’s by its year', () => {
    const item = {
      year: 2025,
      kind: 'individual' as const,
      name: 'Võ Hữu Trang',
      department: 'Tổ Toán',
      position: 'Giáo viên',
      title: 'Dạy học số',
      initiative: '',
      newFactor: false,
    };
    const school = renderPage({ name: 'Trường THPT Lê Quý Đôn', period: 'school-year' }, [item], 2025, 2025, 'thidua');
    expect(school).toContain('<h2 id="y2025">Năm học 2024 - 2025</h2>');
    expect(renderPage({ name: 'Sở Tư pháp' }, [item], 2025, 2025, 'thidua')).toContain('<h2 id="y2025">Năm 2025</h2>');
  });

  it('the nomination prompt asks the rating of “năm học 2024 - 2025” and, the school year over, offers 31/08/2025 as the day received', async () => {
    const ctx = createContext({
      lang: 'vi',
      rootOption: root,
      version: 'test',
      env: { ...env, THIDUA_TODAY: '2025-10-01' },
      cwd: root,
    });
    const said: string[] = [];
    ctx.out = ctx.err = (s) => said.push(s);
    ctx.say = ctx.warn = (s) => said.push(s.vi);
    const who = idOf(staff[0]!.name);
    const met = ['chap-hanh-noi-quy', 'doan-ket-tap-the', 'huong-ung-thi-dua'];
    // The title, the tổ, the person, the rating, the achievement; the day received as offered; the criteria.
    const p = scripted(['lao-dong-tien-tien', 'toan', who, 'tot', 'Hoàn thành tốt nhiệm vụ', undefined, met, 'write']);
    expect(await nominate(ctx, input('nominate', ['2025']), p)).toBe(0);
    expect(p.asked).toContain('select: Tổ');
    expect(p.asked).toContain('select: Xếp loại năm học 2024 - 2025 (cần “Hoàn thành tốt nhiệm vụ” trở lên)');
    const file = join(root, `records/2025/nominations/${who}-lao-dong-tien-tien.yaml`);
    expect(readFileSync(file, 'utf8')).toContain('\nsubmitted: 2025-08-31\n');
    rmSync(file);
  });
});

describe('the staff list’s “Xếp loại”: the round’s ratings (records/2025/ratings.yaml) with --year', () => {
  /** The staff list with a rating column: "Hoàn thành tốt nhiệm vụ" for all but those given. */
  const withRatings = (name: string, given: Record<number, string> = {}) => {
    const file = staffCsv(tempDir(), staff, name);
    const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(
      file,
      [`${head!},Xếp loại`, ...rows.map((r, i) => `${r},${given[i] ?? 'Hoàn thành tốt nhiệm vụ'}`)].join('\n') + '\n',
    );
    return file;
  };
  const ratingsFile = () => join(root, 'records/2025/ratings.yaml');

  it('without --year the column is named and left aside; with --year each rating is recorded, once', async () => {
    const file = withRatings('xep-loai', { 2: 'Hoàn thành xuất sắc nhiệm vụ' });
    const plain = await ok(root, 'import', 'people', file);
    expect(plain.stdout).toContain('Xếp loại → rating');
    expect(plain.stdout).toContain(
      'Cột “Xếp loại” chưa được ghi: thêm --year NĂM để ghi xếp loại vào records/NĂM/ratings.yaml.',
    );
    expect(existsSync(ratingsFile())).toBe(false);
    const r = await ok(root, 'import', 'people', file, '--year', '2025');
    expect(r.stdout).toContain('Xếp loại đợt 2025 (records/2025/ratings.yaml): 16 mới, 0 thay đổi, 0 không đổi.');
    const entries = parse(readFileSync(ratingsFile(), 'utf8')) as Array<{ person: string; rating: string }>;
    expect(entries).toHaveLength(16);
    expect(entries.find((e) => e.person === idOf(staff[2]!.name))!.rating).toBe('xuat-sac');
    expect(entries.find((e) => e.person === idOf(staff[3]!.name))!.rating).toBe('tot');
    const again = await ok(root, 'import', 'people', file, '--year', '2025');
    expect(again.stdout).toContain('Xếp loại đợt 2025 (records/2025/ratings.yaml): 0 mới, 0 thay đổi, 16 không đổi.');
    expect((await run(root, 'validate', '2025')).code).toBe(0);
  });

  it('refused at the cell, writing nothing: a rating that is none, a nominee rated otherwise than on the nomination; a round that does not exist', async () => {
    const before = readFileSync(ratingsFile(), 'utf8');
    const bad = await run(root, 'import', 'people', withRatings('xep-loai-sai', { 4: 'Giỏi' }), '--year', '2025');
    expect(bad.code).toBe(1);
    // Row 6 of the sheet (the fifth person), at the rating's cell.
    expect(bad.stderr).toMatch(/xep-loai-sai\.csv:6:\d+ {2}error\[schema\] {2}“Giỏi” không phải xếp loại/);
    // A nominee (rated “tốt” on the nomination) rated “hoàn thành” on the list.
    const nominee = staff.indexOf(nominees()[0]!);
    const twice = await run(
      root,
      'import',
      'people',
      withRatings('hai-xep-loai', { [nominee]: 'Hoàn thành nhiệm vụ' }),
      '--year',
      '2025',
    );
    expect(twice.code).toBe(1);
    // At the rating's cell, naming the nomination that gives the other rating.
    expect(twice.stderr).toContain(`hai-xep-loai.csv:${nominee + 2}:`);
    expect(twice.stderr).toContain(
      `error[award-rating]  ${nominees()[0]!.name} (${idOf(nominees()[0]!.name)}) đã có xếp loại “hoan-thanh” trong đợt 2025 (records/2025/ratings.yaml), đề nghị này ghi “tot”`,
    );
    expect(readFileSync(ratingsFile(), 'utf8')).toBe(before);
    const none = await run(root, 'import', 'people', withRatings('xep-loai-2030'), '--year', '2030');
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('thidua: đợt 2030 chưa có; tạo trước: thidua round 2030; không ghi gì\n');
  });
});

describe('the unit word: a school’s units are “Tổ” wherever they are named', () => {
  it('the staff import: its table’s column, the count of new tổ and their list', () => {
    expect(staffImport).toContain(': 16 người — 16 mới, 0 thay đổi, 0 không đổi; 8 tổ mới.');
    expect(staffImport).toMatch(/Mã +Tên +Giới tính +Chức vụ +Tổ +Lãnh đạo +Thay đổi/);
    expect(staffImport).toContain('Tổ mới (ghi vào records/departments.yaml): toan (Tổ Toán), nv (Tổ Ngữ văn)');
    expect(staffImport).not.toMatch(/phòng mới|Phòng mới| Phòng /);
  });

  it('nominate --department, received name a tổ that does not exist as a tổ; overdue counts the tổ', async () => {
    const flags = ['--kind', 'individual', '--department', 'toan-hoc', '--person', idOf(staff[0]!.name)];
    const more = ['--award', 'lao-dong-tien-tien', '--rating', 'tot', '--title', 'X', '--met', 'all'];
    const r = await run(root, 'nominate', '2025', ...flags, ...more);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('thidua: --department: không có tổ “toan-hoc”\n');
    const en = await run(root, '--lang', 'en', 'nominate', '2025', ...flags, ...more);
    expect(en.stderr).toContain('--department: no group “toan-hoc”');
    const received = await run(root, 'received', 'toan-hoc', 'registration', '--year', '2025');
    expect(received.stderr).toContain('không có tổ “toan-hoc”; các tổ: toan, nv, nn');
    expect((await run(root, 'overdue')).stdout).toContain('✓ Tính đến 20/06/2025: không tổ nào trễ hạn.');
    const awards = await run(root, 'awards', 'Tổ Tin học');
    expect(awards.stderr).toContain('không có người hay tổ mang mã hay tên “Tổ Tin học”');
    // validate names the unknown unit as a tổ too.
    const people = join(root, 'records/people.yaml');
    const before = readFileSync(people, 'utf8');
    writeFileSync(people, before + '- { id: moi-vao, name: Người Mới Vào, department: toan-hoc }\n');
    const v = await run(root, 'validate');
    writeFileSync(people, before);
    expect(v.stdout + v.stderr).toContain('error[unknown-reference]  tổ “toan-hoc” không tồn tại');
  });

  it('after the meeting: the tally’s table, the list of the decision and the summary report name the tổ', async () => {
    const council = staff.slice(0, 5).map((p) => idOf(p.name));
    await ok(
      root,
      'session',
      '2025',
      '--date',
      '28/05/2025',
      '--time',
      '14:00',
      '--place',
      'Phòng họp',
      '--counter',
      council[1]!,
    );
    for (let i = 0; i < 5; i++) await ok(root, 'ballot', '2025', '--all', 'agree');
    const tally = await ok(root, 'tally', '2025', '--seal');
    expect(tally.stdout).toMatch(/Cá nhân +Tổ +Đồng ý +Không đồng ý/);
    const en = await ok(root, '--lang', 'en', 'tally', '2025');
    expect(en.stdout).toMatch(/ +Group +Agree +Disagree/);
    const out = tempDir();
    await ok(root, 'render', 'list', '2025', '--out', out);
    const list = docxText(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('.docx'))!,
      ),
    );
    expect(list).toContain('Chức vụ\nTổ\nThành tích');
    expect(list).not.toContain('Đơn vị');
    // The spreadsheets for the province: the list's column, the years of a person's awards.
    const xlsxText = (file: string) =>
      Object.entries(unzipSync(new Uint8Array(readFileSync(file))))
        .filter(([name]) => name.startsWith('xl/'))
        .map(([, bytes]) => strFromU8(bytes))
        .join('\n');
    await ok(root, 'export', 'list', '2025', '--xlsx', join(out, 'danh-sach.xlsx'));
    const sheet = xlsxText(join(out, 'danh-sach.xlsx'));
    expect(sheet).toContain('>Tổ<');
    expect(sheet).not.toContain('Đơn vị');
    await ok(root, 'export', 'awards', idOf(nominees()[0]!.name), '--xlsx', join(out, 'khen-thuong.xlsx'));
    const awards = xlsxText(join(out, 'khen-thuong.xlsx'));
    expect(awards).toContain('>Năm học<');
    expect(awards).toContain('>2024-2025<');
    const report = await ok(root, 'report');
    expect(report.stdout).toContain('2. Theo tổ');
    expect(report.stdout).toMatch(/Tổ +Đề nghị +Công nhận TT/);
  });
});

describe('the next school year', () => {
  it('every round sealed, nominate without a year on 01/10/2025 goes to round 2026, the school year 2025 - 2026', async () => {
    const r = await runCli(['nominate'], { cwd: root, env: { ...env, THIDUA_TODAY: '2025-10-01' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'đợt 2026 chưa được tạo (chưa có records/2026/council.yaml); tạo bằng: thidua round 2026',
    );
  });
});

describe('init --period school-year: a school, level truong', () => {
  it('the level defaults to truong and init says why; the province’s delegation is shown in agency.yaml', () => {
    const agency = readFileSync(join(root, 'records/agency.yaml'), 'utf8');
    expect(agency).toContain('\nlevel: truong\n');
    expect(agency).toContain('#   delegated: [ lao-dong-tien-tien, tap-the-lao-dong-tien-tien ]\n');
    expect(initOutput.stdout).toContain(
      'Cấp cơ quan: truong (trường công lập, vì --period school-year; cấp khác: --level); Thủ trưởng quyết định: Giấy khen',
    );
    expect(initOutput.stdout).toContain('(cán bộ và các tổ từ bảng tính)');
  });

  it('--level says otherwise: so stays so, without the note', async () => {
    const parent = tempDir();
    const r = await ok(
      parent,
      'init',
      'thpt',
      ...[
        '--agency',
        'Trường THPT A',
        '--symbol',
        'THPTA',
        '--place',
        'Huế',
        '--head-name',
        'Lê B',
        '--head-title',
        'Hiệu trưởng',
      ],
      ...['--titles', '--period', 'school-year', '--level', 'so'],
    );
    expect(readFileSync(join(parent, 'thpt/records/agency.yaml'), 'utf8')).toContain('\nlevel: so\n');
    expect(r.stdout).toContain('Cấp cơ quan: so; ');
  });

  it('by prompts: the kind of agency, a public school, gives level truong, the school year and its Tổ', async () => {
    const dir = tempDir();
    const ctx = createContext({ lang: 'vi', rootOption: dir, version: 'test', env, cwd: dir });
    const said: string[] = [];
    ctx.out = ctx.err = (s) => said.push(s);
    ctx.say = ctx.warn = (s) => said.push(s.vi);
    const p = scripted(['Trường THPT C', '', 'THPTC', 'Huế', 'Lê D', '', true, 'truong']);
    expect(await init(ctx, input('init', [dir], { headTitle: 'Hiệu trưởng' }), p)).toBe(0);
    expect(p.asked).toContain('select: Loại cơ quan');
    const agency = readFileSync(join(dir, 'records/agency.yaml'), 'utf8');
    expect(agency).toContain('\nlevel: truong\n');
    expect(agency).toContain('\nperiod: school-year\n');
    expect(agency).toContain('\nunit: Tổ\n');
  });
});
