/**
 * A school's year-end at its real size, from its spreadsheets: 64 staff in 8 tổ, a council of 9,
 * the staff list and each tổ's nominations made in LibreOffice Calc, the round a school year.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir } from '../helpers/workspace.js';
import { ENV } from '../helpers/round.js';
import { nominationSheet, schoolStaff, staffSheet, TO, TO_IDS, type Teacher, SCHOOL_INIT } from '../helpers/school.js';

afterAll(cleanupTemp);

const env = { ...ENV, THIDUA_TODAY: '2025-06-20', NO_COLOR: '1', COLUMNS: '200' };
const run = (root: string, ...args: string[]) => runCli(args, { cwd: root, env });
async function ok(root: string, ...args: string[]) {
  const r = await run(root, ...args);
  if (r.code !== 0) throw new Error(`thidua ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}
const people = (root: string) =>
  parse(readFileSync(join(root, 'records/people.yaml'), 'utf8')) as Array<Record<string, unknown>>;

let root = '';
let dir = '';
let staff: Teacher[] = [];
const idOf = (name: string) => people(root).find((p) => p['name'] === name)!['id'] as string;

beforeAll(async () => {
  const parent = tempDir();
  await ok(parent, ...SCHOOL_INIT);
  root = join(parent, 'thpt');
  // A school's head decides Giấy khen only (level truong); this province delegates the yearly titles to it.
  const agencyFile = join(root, 'records/agency.yaml');
  expect(readFileSync(agencyFile, 'utf8')).toContain('\nlevel: truong\n');
  writeFileSync(
    agencyFile,
    readFileSync(agencyFile, 'utf8') + 'delegated: [ lao-dong-tien-tien, tap-the-lao-dong-tien-tien ]\n',
  );
  dir = tempDir();
  staff = schoolStaff(2025);
}, 120_000);

describe('the staff list of a school', () => {
  it('two title rows, a header over two merged rows, a blank row, a “Tổ chuyên môn” column: every person, no header, the tổ as departments', async () => {
    const xlsx = staffSheet(dir, staff);
    const r = await ok(root, 'import', 'people', xlsx);
    expect(r.stdout).toContain(': 64 người — 64 mới, 0 thay đổi, 0 không đổi; 8 tổ mới.');
    expect(r.stdout).toContain(
      'Cột: Họ và tên → name, Giới tính → gender, Chức vụ → position, Tổ chuyên môn → department, Ngày tuyển dụng → joined, Ngày nghỉ → left',
    );
    const list = people(root);
    expect(list.map((p) => p['name'])).toEqual(staff.map((p) => p.name));
    expect(list.some((p) => /họ và tên|ngày tuyển dụng/i.test(String(p['name'])))).toBe(false);
    expect(list[0]).toMatchObject({ department: 'toan', joined: staff[0]!.joined });
    const departments = parse(readFileSync(join(root, 'records/departments.yaml'), 'utf8')) as Array<{
      id: string;
      name: string;
    }>;
    expect(departments.map((d) => d.id)).toEqual(TO_IDS);
    expect(departments.map((d) => d.name)).toEqual(TO);
    expect((await run(root, 'validate')).code).toBe(0);
  });

  it('a re-import without one teacher names her and matches everyone else by name and tổ; --mark-left records her leaving', async () => {
    const gone = staff[13]!;
    const rest = staff.filter((p) => p !== gone);
    const xlsx = staffSheet(dir, rest, 'can-bo-2');
    const before = readFileSync(join(root, 'records/people.yaml'));
    const r = await ok(root, 'import', 'people', xlsx);
    expect(r.stdout).toContain(': 63 người — 0 mới, 0 thay đổi, 63 không đổi.');
    expect(r.stdout).toContain(
      `Có trong hồ sơ nhưng không có trong bảng tính (1): ${gone.name} (${idOf(gone.name)}, ${gone.to}). Nếu họ đã nghỉ hoặc chuyển đi: nhập lại với --mark-left NGÀY`,
    );
    expect(readFileSync(join(root, 'records/people.yaml')).equals(before)).toBe(true);
    const m = await ok(root, 'import', 'people', xlsx, '--mark-left', '01/09/2025');
    expect(m.stdout).toContain(`Không còn trong bảng tính, ghi ngày nghỉ 01/09/2025 (left): ${gone.name}`);
    const her = people(root).find((p) => p['name'] === gone.name)!;
    expect(her['left']).toBe('2025-09-01');
    expect(people(root)).toHaveLength(64);
    const en = await ok(root, 'import', 'people', xlsx, '--lang', 'en');
    expect(en.stdout).toContain('63 people — 0 new, 0 changed, 63 unchanged.');
    expect(en.stdout).not.toContain('not in the sheet');
  });
});

describe('the nominations of a school year, from each tổ’s sheet', () => {
  const teachersOf = (to: string) =>
    staff
      .filter((p) => p.to === to)
      .map((p) => p.name)
      .slice(0, 7);

  it('the round of a council of 9, then tổ Toán’s sheet: an unknown person refused at B7 writing nothing, then every row, then nothing more', async () => {
    const council = staff.slice(0, 9).map((p) => idOf(p.name));
    await ok(
      root,
      'round',
      '2025',
      ...council.flatMap((id, i) => ['--member', `${id}:${i === 0 ? 'chu-tich' : i === 8 ? 'thu-ky' : 'uy-vien'}`]),
    );
    const wrong = teachersOf('Tổ Toán');
    wrong[2] = 'Nguyễn Văn Không Có';
    const bad = nominationSheet(dir, 'to-toan-sai', [{ to: 'Tổ Toán', own: true, teachers: wrong }]);
    const r = await run(root, 'import', 'nominations', bad, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${relative(root, bad)}:'Đề nghị'!B7  error[unknown-reference]  không có người “Nguyễn Văn Không Có” trong records/people.yaml; nhập cán bộ trước: thidua import people\n`,
    );
    expect(r.stderr).toContain('thidua: 1 lỗi; không ghi gì — sửa bảng tính rồi nhập lại');
    expect(() => readdirSync(join(root, 'records/2025/nominations'))).toThrow();

    const good = nominationSheet(dir, 'to-toan', [{ to: 'Tổ Toán', own: true, teachers: teachersOf('Tổ Toán') }]);
    const first = await ok(root, 'import', 'nominations', good, '--year', '2025');
    expect(first.stdout).toContain(': 8 đề nghị — 8 mới, 0 thay đổi, 0 không đổi.');
    expect(readdirSync(join(root, 'records/2025/nominations')).sort()).toEqual(
      ['toan-tap-the-lao-dong-tien-tien', ...teachersOf('Tổ Toán').map((n) => `${idOf(n)}-lao-dong-tien-tien`)]
        .map((id) => `${id}.yaml`)
        .sort(),
    );
    // “Xếp loại” is the nomination's rating.
    expect(readFileSync(join(root, 'records/2025/nominations/toan-tap-the-lao-dong-tien-tien.yaml'), 'utf8')).toContain(
      '\nrating: tot\n',
    );
    const again = await ok(root, 'import', 'nominations', good, '--year', '2025');
    expect(again.stdout).toContain(': 8 đề nghị — 0 mới, 0 thay đổi, 8 không đổi.');
    expect(again.stdout).toContain('Không có gì thay đổi; không ghi gì.');
  });

  it('the other tổ’s sheets added later: 63 nominations in all, the round validates', async () => {
    const rest = TO.slice(1).map((to, i) => ({ to, own: i < 6, teachers: teachersOf(to) }));
    const sheet = nominationSheet(dir, 'cac-to', rest);
    const r = await ok(root, 'import', 'nominations', sheet, '--year', '2025');
    expect(r.stdout).toContain(': 55 đề nghị — 55 mới, 0 thay đổi, 0 không đổi.');
    expect(readdirSync(join(root, 'records/2025/nominations'))).toHaveLength(63);
    const v = await run(root, 'validate', '2025');
    expect(v.stdout + v.stderr).not.toContain('error');
    expect(v.code).toBe(0);
  });
  it('a khiển trách of 15/10/2024 blocks the 2025 round (the school year 2024 - 2025); one of 15/10/2025 does not', async () => {
    const who = idOf(teachersOf(TO[2]!)[0]!);
    const discipline = join(root, 'records/discipline.yaml');
    const base = readFileSync(discipline, 'utf8');
    const measure = (date: string) =>
      writeFileSync(
        discipline,
        `${base.replace(/\[\]\s*$/, '')}- { person: ${who}, level: khien-trach, date: ${date} }\n`,
      );
    measure('2024-10-15');
    const blocked = await run(root, 'validate', '2025');
    expect(blocked.code).toBe(1);
    expect(blocked.stdout + blocked.stderr).toContain(
      'bị kỷ luật “khien-trach” từ 15/10/2024 đến 14/10/2025, trùng năm học 2024 - 2025: không được đề nghị',
    );
    measure('2025-10-15');
    expect((await run(root, 'validate', '2025')).code).toBe(0);
    writeFileSync(discipline, base);
  });
});

describe('the vote and the seal', () => {
  it('ballot --all agree --vote X=disagree marks every nomination; 9 ballots; tally --seal takes the meeting’s day; a decision after it is accepted', async () => {
    const council = staff.slice(0, 9).map((p) => idOf(p.name));
    await ok(
      root,
      'session',
      '2025',
      '--date',
      '28/05/2025',
      '--time',
      '14:00',
      '--place',
      'Phòng họp Trường THPT Lê Quý Đôn',
      '--chair',
      council[0]!,
      '--secretary',
      council[8]!,
      '--counter',
      council[1]!,
    );
    const ids = readdirSync(join(root, 'records/2025/nominations')).map((f) => f.replace(/\.yaml$/, ''));
    const x = ids.find((id) => id.endsWith('-lao-dong-tien-tien') && !id.startsWith('toan-'))!;
    const b = await ok(root, 'ballot', '2025', '--all', 'agree', '--vote', `${x}=disagree`);
    expect(b.stdout).toContain('Phiếu số 1: 62 đồng ý, 1 không đồng ý, 0 không có ý kiến.');
    const paper = parse(readFileSync(join(root, 'records/2025/ballots/001.yaml'), 'utf8')) as {
      votes: Record<string, string>;
    };
    expect(Object.keys(paper.votes).sort()).toEqual([...ids].sort());
    expect(paper.votes[x]).toBe('disagree');
    const bad = await run(root, 'ballot', '2025', '--all', 'yes');
    expect(bad.stderr).toBe('thidua: --all: “yes” phải là agree, disagree hoặc abstain\n');
    for (let i = 2; i <= 9; i++) await ok(root, 'ballot', '2025', '--all', 'agree');

    const seal = await ok(root, 'tally', '2025', '--seal');
    expect(seal.stdout).toContain('Đã niêm phong');
    expect(readFileSync(join(root, 'records/2025/tally.yaml'), 'utf8')).toContain('sealed_on: 2025-05-28');
    const again = await run(root, 'tally', '2025', '--seal', '--date', '10/06/2025');
    expect(again.stderr).toContain(
      'đợt 2025 đã niêm phong ngày 28/05/2025; --date không đổi ngày của niêm phong đã có. Để niêm phong lại ngày 10/06/2025: thidua unseal 2025 --reason "…", rồi thidua tally 2025 --seal --date 10/06/2025',
    );
    await ok(root, 'decide', '2025', '--number', '12', '--date', '02/06/2025');
    expect((await run(root, 'verify', '2025', '--no-history')).code).toBe(0);
  });

  it('the decision says “năm học 2024 - 2025”', async () => {
    const out = tempDir();
    await ok(root, 'render', 'decision', '2025', '--out', out);
    const docx = readdirSync(out).find((f) => f.endsWith('.docx'))!;
    const pdf = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, join(out, docx)], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(pdf.status).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', join(out, docx.replace(/\.docx$/, '.pdf')), '-'], {
      encoding: 'utf8',
    }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Về việc tặng danh hiệu thi đua năm học 2024 - 2025');
    expect(text).toContain('“Lao động tiên tiến” năm học 2024 - 2025');
    expect(text).not.toContain('năm 2025 cho');
  });
});

describe('awards and the school year’s dates', () => {
  it('awards names the titles, a history.yaml year, and still shows the teacher who left', async () => {
    const gone = idOf(staff[13]!.name);
    writeFileSync(
      join(root, 'records/history.yaml'),
      `- { year: 2023, title: lao-dong-tien-tien, person: ${gone}, decision: "15/QĐ-THPTLQĐ ngày 30/05/2023" }\n`,
    );
    const r = await ok(root, 'awards', gone);
    expect(r.stdout).toContain('Năm học');
    expect(r.stdout).toMatch(
      /2022-2023 +Cá nhân +.+ +Lao động tiên tiến +\(trước thidua\) +Được công nhận +15\/QĐ-THPTLQĐ ngày 30\/05\/2023/,
    );
    expect(r.stdout).toMatch(
      /2024-2025 +Cá nhân +.+ +Lao động tiên tiến +Hoàn thành tốt nhiệm vụ giảng dạy +Được công nhận +12\/QĐ-THPTLQĐ 02\/06\/2025/,
    );
    const en = await ok(root, 'awards', gone, '--lang', 'en');
    expect(en.stdout).toContain('(before thidua)');
  });
});
