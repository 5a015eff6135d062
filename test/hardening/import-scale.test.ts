/**
 * Issue 33, 7.: a staff list of 100,000 rows is handled within 60 s, in bounded memory: every row
 * planned and checked (the import is linear in its rows), then refused with its finding, because
 * the people.yaml it would write passes the 1 MiB a record file may hold; nothing is written. A
 * sheet past the row limit is still refused in one line (test/scenario/security-3.test.ts, 7.).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BIN, cleanupTemp, tempDir } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { ENV } from '../helpers/round.js';

afterAll(cleanupTemp);

const ROWS = 100_000;
const HEADER = ['STT', 'Họ và tên', 'Giới tính', 'Chức vụ', 'Phòng'];
const row = (i: number) => [String(i), `Nguyễn Văn ${i}`, i % 3 === 0 ? 'Nữ' : 'Nam', 'Chuyên viên', `Tổ ${i % 40}`];

/** The built thidua under /usr/bin/time -v: output, exit code, seconds and peak memory. */
function timed(cwd: string, ...args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...ENV, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const clock = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const seconds = Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr.replace(/(Command exited with non-zero status \d+\n)?\tCommand being timed[^]*$/, ''),
    seconds,
    rssMiB: rss / 1024,
  };
}

describe('a staff list of 100,000 rows', () => {
  it('in a CSV and in an .xlsx: every row planned and checked within 60 s and 1 GB, refused with its finding, nothing written', async () => {
    const a = generateAgency({ seed: 3371 });
    const dir = tempDir();
    const csv = join(dir, 'nhan-su.csv');
    writeFileSync(
      csv,
      [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))].map((r) => r.join(',')).join('\n'),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('nhan-su');
    ws.addRow(HEADER);
    for (let i = 1; i <= ROWS; i++) ws.addRow(row(i));
    const xlsx = join(dir, 'nhan-su.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const people = readFileSync(join(a.root, 'records/people.yaml'), 'utf8');
    for (const file of ['nhan-su.csv', 'nhan-su.xlsx']) {
      const r = timed(dir, '--root', a.root, 'import', 'people', file);
      expect({ file, code: r.code }).toEqual({ file, code: 1 });
      expect(r.seconds, file).toBeLessThan(60);
      expect(r.rssMiB, file).toBeLessThan(1024);
      expect(r.stdout).toContain(`${ROWS} người — ${ROWS} mới, 0 thay đổi, 0 không đổi; 40 phòng mới.`);
      expect(r.stdout).toMatch(/\nnguyen-van-100000 +Nguyễn Văn 100000 +nam +Chuyên viên/);
      const findings = r.stderr.split('\n').filter((l) => /error\[/.test(l));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatch(
        /^records\/people\.yaml:1:1 +error\[file-too-large\] +nhập bảng này thì records\/people\.yaml sẽ lớn \d+ byte, vượt giới hạn 1 MiB \(1048576 byte\) của một tệp hồ sơ$/,
      );
      expect(r.stderr).toContain('thidua: 1 lỗi; không ghi gì — sửa bảng tính rồi nhập lại');
      expect(readFileSync(join(a.root, 'records/people.yaml'), 'utf8')).toBe(people);
    }
  }, 300_000);
});
