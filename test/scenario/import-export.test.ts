/**
 * A new agency's staff from its spreadsheet, and its results out to Excel: files made and read by
 * LibreOffice Calc, as an office's would be; every bad row at its cell, nothing written unless all is valid.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir } from '../helpers/workspace.js';
import { ENV } from '../helpers/round.js';
import { calcConvert, csvOf, staffList, writeStaff } from '../helpers/staff.js';

afterAll(cleanupTemp);

const env = { ...ENV, THIDUA_TODAY: '2027-02-01' };
const run = (root: string, ...args: string[]) => runCli(args, { cwd: root, env });
async function ok(root: string, ...args: string[]) {
  const r = await run(root, ...args);
  if (r.code !== 0) throw new Error(`thidua ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

async function newAgency(): Promise<string> {
  const parent = tempDir();
  await ok(
    parent,
    'init',
    'so-tu-phap',
    '--agency',
    'Sở Tư pháp tỉnh Đồng Nai',
    '--symbol',
    'STP',
    '--place',
    'Đồng Nai',
    '--head-name',
    'Trần Văn Bình',
    '--head-title',
    'Giám đốc',
  );
  return join(parent, 'so-tu-phap');
}

const people = (root: string) =>
  parse(readFileSync(join(root, 'records/people.yaml'), 'utf8')) as Array<Record<string, unknown>>;

describe('thidua import people', () => {
  it('a staff list made in Calc: 16 people and the 6 departments it names, ids from names, the same name told apart by department; again: nothing changes', async () => {
    const root = await newAgency();
    const rows = staffList(2031, 16);
    const { xlsx } = writeStaff(tempDir(), rows);
    const before = readFileSync(join(root, 'records/people.yaml'));
    const dry = await ok(root, 'import', 'people', xlsx, '--dry-run');
    expect(dry.stdout).toContain(': 16 người — 16 mới, 0 thay đổi, 0 không đổi; 6 phòng mới.');
    expect(dry.stdout).toContain(
      'Cột: Họ và tên → name, Giới tính → gender, Chức vụ → position, Phòng → department, Lãnh đạo → leader; bỏ qua: STT',
    );
    expect(dry.stdout).toMatch(/Chạy thử: không ghi gì\.\n$/);
    expect(readFileSync(join(root, 'records/people.yaml')).equals(before)).toBe(true);

    const r = await ok(root, 'import', 'people', xlsx);
    expect(r.stdout).toContain('Đã ghi records/people.yaml, records/departments.yaml.');
    const list = people(root);
    expect(list.map((p) => p['name'])).toEqual(rows.map((x) => x.name));
    const twins = list.filter((p) => p['name'] === rows[1]!.name).map((p) => p['id']);
    expect(twins).toEqual([
      `${String(twins[0]).replace(/-[a-z]+$/, '')}-hctp`,
      `${String(twins[0]).replace(/-[a-z]+$/, '')}-bttp`,
    ]);
    const departments = parse(readFileSync(join(root, 'records/departments.yaml'), 'utf8')) as Array<{
      id: string;
      name: string;
    }>;
    expect(departments.map((d) => d.id)).toEqual(['vp', 'hctp', 'bttp', 'pbgdpl', 'xdvktvb', 'tts']);
    expect(list.filter((p) => p['leader'] === true).length).toBe(6);
    expect((await run(root, 'validate')).code).toBe(0);

    const written = readFileSync(join(root, 'records/people.yaml'));
    const again = await ok(root, 'import', 'people', xlsx);
    expect(again.stdout).toContain('16 người — 0 mới, 0 thay đổi, 16 không đổi.');
    expect(again.stdout).toMatch(/Không có gì thay đổi; không ghi gì\.\n$/);
    expect(readFileSync(join(root, 'records/people.yaml')).equals(written)).toBe(true);
  });

  it('a promotion in the next sheet is a dated change: the earlier round still sees the old post', async () => {
    const root = await newAgency();
    const rows = staffList(2032, 10);
    const dir = tempDir();
    await ok(root, 'import', 'people', writeStaff(dir, rows).xlsx);
    const promoted = rows.map((x, i) => (i === 7 ? { ...x, position: 'Phó Trưởng phòng', leader: true } : x));
    // Saved by Excel as "CSV UTF-8": with a byte-order mark.
    const csv = join(dir, 'thang-moi.csv');
    writeFileSync(csv, '\ufeff' + csvOf(promoted));
    const r = await ok(root, 'import', 'people', csv, '--from', '01/01/2027');
    const id = people(root)[7]!['id'] as string;
    expect(r.stdout).toContain(`${id}`);
    expect(r.stdout).toContain('chức vụ: Chuyên viên → Phó Trưởng phòng; lãnh đạo: không → có (từ 01/01/2027)');
    expect(people(root)[7]).toMatchObject({
      position: 'Chuyên viên',
      leader: false,
      changes: [{ from: '2027-01-01', position: 'Phó Trưởng phòng', leader: true }],
    });
    expect((await run(root, 'validate')).code).toBe(0);
  });

  it('every bad row is reported at its cell with validate’s codes and messages, and nothing is written', async () => {
    const root = await newAgency();
    const rows = staffList(2033, 8).map((x, i) => (i === 2 ? { ...x, gender: 'N' as 'Nam' } : x));
    const { xlsx } = writeStaff(tempDir(), rows);
    const before = readFileSync(join(root, 'records/people.yaml'));
    const r = await run(root, 'import', 'people', xlsx);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `nhan-su.xlsx:'nhan-su'!C4  error[schema]  “gender” phải là một trong: nam, nu; không phải chuỗi “N”\n`,
    );
    expect(r.stderr).toMatch(/thidua: 1 lỗi; không ghi gì — sửa bảng tính rồi nhập lại\n$/);
    expect(readFileSync(join(root, 'records/people.yaml')).equals(before)).toBe(true);

    // The same in a CSV: line and column of the cell.
    const csv = join(tempDir(), 'ds.csv');
    writeFileSync(csv, 'Họ và tên,Lãnh đạo\nLê Văn An,x\nĐỗ Thị Bé,có lẽ\n');
    const c = await run(root, 'import', 'people', csv, '--lang', 'en');
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('ds.csv:3:11  error[schema]  “leader” must be true or false, not the string “có lẽ”\n');
  });

  it('reads the encodings Excel writes: UTF-16 “Unicode text” with tabs, and Windows-1258', async () => {
    const root = await newAgency();
    const dir = tempDir();
    const tsv = join(dir, 'unicode.txt');
    writeFileSync(
      tsv,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Họ và tên\tPhòng\r\nNguyễn Thị Mai\tVăn phòng\r\n', 'utf16le'),
      ]),
    );
    const u = await ok(root, 'import', 'people', tsv);
    expect(u.stdout).toContain('(bảng mã utf-16le): 1 người — 1 mới');
    const ansi = join(dir, 'ansi.csv');
    writeFileSync(
      ansi,
      spawnSync('iconv', ['-f', 'utf-8', '-t', 'WINDOWS-1258'], {
        input: 'Họ và tên,Phòng\nĐặng Đức Tùng,Thanh tra Sở\n',
      }).stdout,
    );
    const w = await ok(root, 'import', 'people', ansi);
    expect(w.stdout).toContain('(bảng mã windows-1258): 1 người — 1 mới');
    expect(people(root).map((p) => [p['id'], p['name']])).toEqual([
      ['nguyen-thi-mai', 'Nguyễn Thị Mai'],
      ['dang-duc-tung', 'Đặng Đức Tùng'],
    ]);
    const xls = join(dir, 'cu.xls');
    writeFileSync(xls, 'x');
    const old = await run(root, 'import', 'people', xls);
    expect([old.code, old.stderr]).toEqual([
      2,
      'thidua: cu.xls: tệp .xls chưa đọc được; lưu lại dạng .xlsx (Excel: Lưu thành > Sổ làm việc Excel) hoặc CSV UTF-8\n'.replace(
        'cu.xls',
        old.stderr.slice(8, old.stderr.indexOf(':', 8)),
      ),
    ]);
  });
});

describe('thidua import departments', () => {
  it('names the heads by name, renames a department by its id, and refuses a head who is not on the staff', async () => {
    const root = await newAgency();
    await ok(root, 'import', 'people', writeStaff(tempDir(), staffList(2035, 12)).xlsx);
    const staff = people(root);
    const head = staff.find((p) => p['department'] === 'bttp' && p['leader'] === true)!;
    const twin = staff.find((p) => p['department'] === 'hctp' && p['leader'] === true)!;
    const csv = join(tempDir(), 'phong.csv');
    // A name two people share is refused with both ids; the id settles it.
    writeFileSync(csv, `Mã,Tên phòng,Trưởng phòng\nhctp,Phòng Hành chính tư pháp,${String(twin['name'])}\n`);
    const ambiguous = await run(root, 'import', 'departments', csv);
    expect(ambiguous.stderr).toContain(
      `phong.csv:2:31  error[unknown-reference]  “${String(twin['name'])}” là tên của 2 người (${String(twin['id'])}, `,
    );
    writeFileSync(
      csv,
      `Mã,Tên phòng,Trưởng phòng\nbttp,Phòng Bổ trợ - Tư pháp,${String(head['name'])}\nvp,Văn phòng,\n`,
    );
    const r = await ok(root, 'import', 'departments', csv);
    expect(r.stdout).toContain('2 phòng — 0 mới, 1 thay đổi, 1 không đổi.');
    expect(r.stdout).toContain(
      `tên: Phòng Bổ trợ tư pháp → Phòng Bổ trợ - Tư pháp; trưởng phòng: — → ${String(head['id'])}`,
    );
    const departments = parse(readFileSync(join(root, 'records/departments.yaml'), 'utf8')) as Array<{
      id: string;
      name: string;
      head?: string;
    }>;
    expect(departments.find((d) => d.id === 'bttp')).toEqual({
      id: 'bttp',
      name: 'Phòng Bổ trợ - Tư pháp',
      head: head['id'],
    });
    const before = readFileSync(join(root, 'records/departments.yaml'));
    writeFileSync(csv, 'Mã,Tên phòng,Trưởng phòng\nvp,Văn phòng,Người Lạ\n');
    const bad = await run(root, 'import', 'departments', csv);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'phong.csv:2:14  error[unknown-reference]  không có người “Người Lạ” trong records/people.yaml (nhập cán bộ trước: thidua import people)\n',
    );
    expect(readFileSync(join(root, 'records/departments.yaml')).equals(before)).toBe(true);
  });
});

describe('thidua export --xlsx', () => {
  it('the list and the tally as Calc reads them back: names, counts and percentages', async () => {
    const root = await newAgency();
    const rows = staffList(2034, 12);
    await ok(root, 'import', 'people', writeStaff(tempDir(), rows).xlsx);
    const ids = people(root).map((p) => p['id'] as string);
    await ok(
      root,
      'round',
      '2026',
      '--member',
      `${ids[0]!}:chu-tich`,
      '--member',
      `${ids[1]!}:thu-ky`,
      '--member',
      ids[2]!,
      '--member',
      ids[3]!,
      '--member',
      ids[4]!,
    );
    await ok(
      root,
      'nominate',
      '2026',
      '--kind',
      'collective',
      '--department',
      'hctp',
      '--title',
      'Một cửa liên thông',
      '--initiative',
      'Rút ngắn thời gian',
      '--met',
      'all',
      '--submitted',
      '01/11/2026',
    );
    await ok(
      root,
      'nominate',
      '2026',
      '--kind',
      'individual',
      '--department',
      'vp',
      '--person',
      ids[6]!,
      '--title',
      'Số hoá hồ sơ',
      '--met',
      'all',
      '--submitted',
      '01/11/2026',
    );
    await ok(
      root,
      'session',
      '2026',
      '--date',
      '15/01/2027',
      '--time',
      '08:00',
      '--place',
      'Phòng họp',
      '--counter',
      ids[2]!,
    );
    for (let i = 0; i < 5; i++)
      await ok(
        root,
        'ballot',
        '2026',
        '--vote',
        'hctp-mo-hinh=agree',
        '--vote',
        `vp-ca-nhan=${i < 3 ? 'agree' : 'disagree'}`,
      );
    await ok(root, 'tally', '2026', '--seal', '--date', '2027-01-15');
    const out = tempDir();
    const e = await ok(root, 'export', 'tally', '2026', '--xlsx', join(out, 'kiem-phieu.xlsx'));
    expect(e.stdout).toContain('trang “Kiểm phiếu 2026”, 2 dòng.');
    const csv = readFileSync(calcConvert(join(out, 'kiem-phieu.xlsx'), 'csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'Mã đề nghị,Loại,"Tên tập thể, cá nhân",Đơn vị,Thành tích,Đồng ý,Không đồng ý,Không ý kiến,Tỷ lệ đồng ý,Kết quả,Lý do',
    );
    expect(csv[1]).toBe(
      'hctp-mo-hinh,Tập thể,Tập thể Phòng Hành chính tư pháp,Phòng Hành chính tư pháp,Một cửa liên thông,5,0,0,100.0%,Được công nhận,',
    );
    expect(csv[2]).toBe(
      `vp-ca-nhan,Cá nhân,${rows[6]!.name},Văn phòng,Số hoá hồ sơ,3,2,0,60.0%,Không công nhận,không đủ số phiếu`,
    );
    const again = await run(root, 'export', 'tally', '2026', '--xlsx', join(out, 'kiem-phieu.xlsx'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có; dùng --force để ghi đè');
    await ok(root, 'export', 'list', '2026', '--xlsx', join(out, 'danh-sach.xlsx'));
    const list = readFileSync(calcConvert(join(out, 'danh-sach.xlsx'), 'csv'), 'utf8')
      .trim()
      .split('\n');
    expect(list).toEqual([
      'STT,Loại,"Tên tập thể, cá nhân",Chức vụ,Đơn vị,Thành tích,Số phiếu đồng ý,Tỷ lệ đồng ý,Ghi chú',
      '1,Tập thể,Tập thể Phòng Hành chính tư pháp,,Phòng Hành chính tư pháp,Một cửa liên thông,5,100.0%,',
    ]);
  });
});
