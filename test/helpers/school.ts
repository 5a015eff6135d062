/**
 * A generated upper-secondary school as its office keeps it: a staff list with title rows, a header
 * over two merged rows, a blank row and a "Tổ chuyên môn" column; each tổ's list of nominations.
 * Sheets are written as flat ODS and saved as .xlsx by LibreOffice Calc, as a clerk's would be.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Ngọc', 'Thanh', 'Hữu', 'Thu'];
const GIVEN = ['Anh', 'Bảo', 'Cúc', 'Duy', 'Hà', 'Hiền', 'Khánh', 'Linh', 'Nhung', 'Quân', 'Trang', 'Vinh', 'Yên'];
export const TO = [
  'Tổ Toán',
  'Tổ Ngữ văn',
  'Tổ Ngoại ngữ',
  'Tổ Vật lý - Công nghệ',
  'Tổ Hóa - Sinh',
  'Tổ Sử - Địa - GDCD',
  'Tổ Thể dục - Quốc phòng',
  'Tổ Văn phòng',
];
export const TO_IDS = ['toan', 'nv', 'nn', 'vlcn', 'hs', 'sdg', 'tdqp', 'vp'];

export interface Teacher {
  name: string;
  gender: 'Nam' | 'Nữ';
  position: string;
  to: string;
  joined: string;
}

/** `count` staff (8 per tổ by default), names unique, a head per tổ. */
export function schoolStaff(seed: number, count = 64): Teacher[] {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const names = new Set<string>();
  const out: Teacher[] = [];
  for (let i = 0; i < count; i++) {
    let name: string;
    let middle: string;
    do {
      middle = MIDDLE[next(MIDDLE.length)]!;
      name = `${FAMILY[next(FAMILY.length)]!} ${middle} ${GIVEN[next(GIVEN.length)]!}`;
    } while (names.has(name));
    names.add(name);
    const to = TO[i % TO.length]!;
    out.push({
      name,
      gender: middle === 'Thị' || middle === 'Thu' || middle === 'Ngọc' ? 'Nữ' : 'Nam',
      position: i < TO.length ? (to === 'Tổ Văn phòng' ? 'Tổ trưởng văn phòng' : 'Tổ trưởng') : 'Giáo viên',
      to,
      joined: `${2000 + next(24)}-0${1 + next(8)}-15`,
    });
  }
  return out;
}

/** A cell of a generated sheet: text, a date, or text spanning merged cells. */
export type CellSpec = string | null | { date: string } | { text: string; cols?: number; rows?: number };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sheet as Calc saves it to .xlsx (merged cells merged, dates as dates). */
export function writeXlsx(dir: string, name: string, sheet: string, rows: CellSpec[][]): string {
  const covered = new Set<string>();
  const body = rows
    .map((row, r) => {
      const cells: string[] = [];
      let c = 0;
      for (const cell of row) {
        while (covered.has(`${r}:${c}`)) {
          cells.push('<table:covered-table-cell/>');
          c++;
        }
        if (cell === null) cells.push('<table:table-cell/>');
        else if (typeof cell === 'string')
          cells.push(`<table:table-cell office:value-type="string"><text:p>${esc(cell)}</text:p></table:table-cell>`);
        else if ('date' in cell)
          cells.push(`<table:table-cell office:value-type="date" office:date-value="${cell.date}"/>`);
        else {
          const cols = cell.cols ?? 1;
          const rs = cell.rows ?? 1;
          for (let i = 0; i < rs; i++) for (let j = 0; j < cols; j++) if (i || j) covered.add(`${r + i}:${c + j}`);
          cells.push(
            `<table:table-cell office:value-type="string" table:number-columns-spanned="${cols}" table:number-rows-spanned="${rs}"><text:p>${esc(cell.text)}</text:p></table:table-cell>`,
          );
        }
        c++;
      }
      while (covered.has(`${r}:${c}`)) {
        cells.push('<table:covered-table-cell/>');
        c++;
      }
      return `<table:table-row>${cells.join('')}</table:table-row>`;
    })
    .join('\n');
  const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="${esc(sheet)}">
${body}
</table:table></office:spreadsheet></office:body></office:document>
`;
  const src = join(dir, `${name}.fods`);
  writeFileSync(src, fods);
  const res = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', dir, src], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = join(dir, `${name}.xlsx`);
  if (res.status !== 0 || !existsSync(out)) throw new Error(`soffice could not convert ${src}: ${res.stderr}`);
  return out;
}

/** The staff list: two title rows, a header over two rows (merged), a blank row in the middle. */
export function staffSheet(dir: string, staff: readonly Teacher[], name = 'can-bo'): string {
  const rows: CellSpec[][] = [
    ['SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
    [{ text: 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM HỌC 2024 - 2025', cols: 7 }],
    [
      { text: 'STT', rows: 2 },
      { text: 'Họ và tên', rows: 2 },
      { text: 'Giới tính', rows: 2 },
      { text: 'Chức vụ', rows: 2 },
      { text: 'Tổ chuyên môn', rows: 2 },
      { text: 'Thời gian công tác', cols: 2 },
    ],
    // The second header row: under the merged span (F and G); A to E are covered by the cells above.
    ['Ngày tuyển dụng', 'Ngày nghỉ'],
  ];
  staff.forEach((p, i) => {
    if (i === Math.floor(staff.length / 2)) rows.push([]);
    rows.push([String(i + 1), p.name, p.gender, p.position, p.to, { date: p.joined }, null]);
  });
  return writeXlsx(dir, name, 'Danh sách', rows);
}

/** A tổ's list of nominations: the tổ's own (no name) first, then each teacher named; `names` override. */
export function nominationSheet(
  dir: string,
  name: string,
  lists: Array<{ to: string; own: boolean; teachers: string[] }>,
): string {
  const rows: CellSpec[][] = [
    ['TRƯỜNG THPT LÊ QUÝ ĐÔN'],
    [{ text: 'DANH SÁCH ĐỀ NGHỊ DANH HIỆU THI ĐUA NĂM HỌC 2024 - 2025', cols: 6 }],
    ['STT', 'Họ và tên', 'Tổ', 'Danh hiệu đề nghị', 'Xếp loại', 'Thành tích'],
  ];
  let n = 0;
  for (const l of lists) {
    if (l.own)
      rows.push([
        String(++n),
        null,
        l.to,
        'Tập thể lao động tiên tiến',
        'Hoàn thành tốt nhiệm vụ',
        `${l.to} hoàn thành tốt nhiệm vụ năm học`,
      ]);
    for (const t of l.teachers)
      rows.push([
        String(++n),
        t,
        l.to,
        'Lao động tiên tiến',
        'Hoàn thành tốt nhiệm vụ',
        'Hoàn thành tốt nhiệm vụ giảng dạy',
      ]);
  }
  return writeXlsx(dir, name, 'Đề nghị', rows);
}

/** The staff list as a CSV with one header row and a "Tổ chuyên môn" column: a school in seconds, without Calc. */
export function staffCsv(dir: string, staff: readonly Teacher[], name = 'can-bo'): string {
  const rows = [
    'STT,Họ và tên,Giới tính,Chức vụ,Tổ chuyên môn,Ngày tuyển dụng',
    ...staff.map((p, i) => `${i + 1},${p.name},${p.gender},${p.position},${p.to},${p.joined}`),
  ];
  const out = join(dir, `${name}.csv`);
  writeFileSync(out, rows.join('\n') + '\n');
  return out;
}

/** A tổ's list of nominations as a CSV, the same rows as nominationSheet. */
export function nominationCsv(
  dir: string,
  name: string,
  lists: Array<{ to: string; own: boolean; teachers: string[] }>,
): string {
  const rows = ['STT,Họ và tên,Tổ,Danh hiệu đề nghị,Xếp loại,Thành tích'];
  let n = 0;
  for (const l of lists) {
    if (l.own)
      rows.push(
        `${++n},,${l.to},Tập thể lao động tiên tiến,Hoàn thành tốt nhiệm vụ,${l.to} hoàn thành tốt nhiệm vụ năm học`,
      );
    for (const t of l.teachers)
      rows.push(`${++n},${t},${l.to},Lao động tiên tiến,Hoàn thành tốt nhiệm vụ,Hoàn thành tốt nhiệm vụ giảng dạy`);
  }
  const out = join(dir, `${name}.csv`);
  writeFileSync(out, rows.join('\n') + '\n');
  return out;
}

/** The school of the school-year tests, as `thidua init` makes it (in the folder `thpt`). */
export const SCHOOL_INIT: readonly string[] = [
  'init',
  'thpt',
  '--agency',
  'Trường THPT Lê Quý Đôn',
  '--parent',
  'Sở Giáo dục và Đào tạo thành phố Đà Nẵng',
  '--symbol',
  'THPTLQĐ',
  '--place',
  'Đà Nẵng',
  '--head-name',
  'Lê Thị Hoa',
  '--head-title',
  'Hiệu trưởng',
  '--titles',
  '--period',
  'school-year',
];
