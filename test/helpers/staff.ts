/** A generated staff list, as an office keeps it: Vietnamese headers, departments by name, leaders marked. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Ngọc', 'Thanh'];
const GIVEN = ['Mai', 'Đạt', 'Hương', 'Khoa', 'Lan', 'Phúc', 'Yến', 'Tùng', 'Thảo', 'Đông', 'Nga', 'Sơn'];
export const DEPARTMENT_NAMES = [
  'Văn phòng',
  'Phòng Hành chính tư pháp',
  'Phòng Bổ trợ tư pháp',
  'Phòng Phổ biến giáo dục pháp luật',
  'Phòng Xây dựng và kiểm tra văn bản',
  'Thanh tra Sở',
];

export interface StaffRow {
  name: string;
  gender: 'Nam' | 'Nữ';
  position: string;
  department: string;
  leader: boolean;
}

export function staffList(seed: number, count: number, departments = DEPARTMENT_NAMES): StaffRow[] {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const rows: StaffRow[] = [];
  for (let i = 0; i < count; i++) {
    const middle = MIDDLE[next(MIDDLE.length)]!;
    const gender = middle === 'Thị' || middle === 'Ngọc' ? 'Nữ' : 'Nam';
    const department = departments[i % departments.length]!;
    const head = i < departments.length;
    rows.push({
      name: `${FAMILY[next(FAMILY.length)]!} ${middle} ${GIVEN[next(GIVEN.length)]!}`,
      gender,
      department,
      leader: head,
      position: head
        ? department === 'Văn phòng'
          ? 'Chánh Văn phòng'
          : department === 'Thanh tra Sở'
            ? 'Chánh Thanh tra'
            : 'Trưởng phòng'
        : 'Chuyên viên',
    });
  }
  // Two people of the same name in different departments, as offices have.
  if (count > 8) rows[8] = { ...rows[8]!, name: rows[1]!.name };
  return rows;
}

export function csvOf(rows: readonly StaffRow[]): string {
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    [
      'STT,Họ và tên,Giới tính,Chức vụ,Phòng,Lãnh đạo',
      ...rows.map((r, i) =>
        [String(i + 1), r.name, r.gender, r.position, r.department, r.leader ? 'x' : ''].map(q).join(','),
      ),
    ].join('\n') + '\n'
  );
}

/** LibreOffice Calc's converter, as a clerk's spreadsheet would come: CSV → .xlsx, or .xlsx → CSV. */
export function calcConvert(file: string, to: 'xlsx' | 'csv'): string {
  const filter = to === 'xlsx' ? 'xlsx' : 'csv:Text - txt - csv (StarCalc):44,34,76';
  const res = spawnSync(
    'soffice',
    [
      // A private profile: two test files converting at once would otherwise share one instance.
      `-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), 'thidua-lo-'))}`,
      '--headless',
      ...(to === 'xlsx' ? ['--infilter=CSV:44,34,76,1'] : []),
      '--convert-to',
      filter,
      '--outdir',
      dirname(file),
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const out = join(dirname(file), basename(file).replace(/\.[^.]+$/, `.${to}`));
  if (res.status !== 0 || !existsSync(out)) throw new Error(`soffice could not convert ${file}: ${res.stderr}`);
  return out;
}

export function writeStaff(dir: string, rows: readonly StaffRow[], name = 'nhan-su'): { csv: string; xlsx: string } {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, csvOf(rows));
  return { csv, xlsx: calcConvert(csv, 'xlsx') };
}
