/**
 * Spreadsheet bombs (issue 33, point 7), in the hardening project with the other limits: a small
 * .xlsx whose shared string inflates to 300 MB, and more rows than one list may hold, each refused
 * in one line, in bounded memory, nothing written.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTemp, tempDir } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { ENV } from '../helpers/round.js';

afterAll(cleanupTemp);

/** A zip of deflated parts, as an .xlsx is: each part given as its compressed bytes, CRC and size. */
function zipOf(parts: Array<{ name: string; data: Buffer; crc: number; size: number }>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(p.crc, 14);
    head.writeUInt32LE(p.data.length, 18);
    head.writeUInt32LE(p.size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, p.data);
    central.push(dir, name);
    offset += head.length + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const part = (name: string, text: string) => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
};

/** The parts of a workbook of one sheet, around the sheet and shared strings given. */
function workbook(sheet: { name: string; data: Buffer; crc: number; size: number }, strings?: ReturnType<typeof part>) {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf([
    part(
      '[Content_Types].xml',
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    part(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="nhan-su" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    sheet,
    ...(strings ? [strings] : []),
  ]);
}

/** A shared-strings part holding one string of `bytes` letters, deflated a mebibyte at a time. */
async function hugeStrings(bytes: number): Promise<ReturnType<typeof part>> {
  const head = Buffer.from(
    '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
  );
  const tail = Buffer.from('</t></si></sst>');
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => z.on('end', r));
  let crc = crc32(head);
  z.write(head);
  for (let n = 0; n < bytes; n += chunk.length) {
    z.write(chunk);
    crc = crc32(chunk, crc);
  }
  z.end(tail);
  crc = crc32(tail, crc);
  await done;
  const size = head.length + Math.ceil(bytes / chunk.length) * chunk.length + tail.length;
  return { name: 'xl/sharedStrings.xml', data: Buffer.concat(out), crc, size: size >>> 0 };
}

/** thidua run from its built binary under /usr/bin/time -v: its output, exit code and peak memory. */
function timed(cwd: string, ...args: string[]) {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...ENV },
  });
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr.replace(/(Command exited with non-zero status \d+\n)?\tCommand being timed[^]*$/, ''),
    rssMiB: rss / 1024,
  };
}

describe('7. spreadsheet bombs', () => {
  it('a small .xlsx holding one 300 MB shared string is refused in one line, within 600 MB, nothing written', async () => {
    const a = generateAgency({ seed: 371 });
    const sheet = part(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    );
    const file = join(tempDir(), 'nhan-su.xlsx');
    writeFileSync(file, workbook(sheet, await hugeStrings(300 * 1024 * 1024)));
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    const before = readFileSync(join(a.root, 'records/people.yaml'), 'utf8');
    const r = timed(join(file, '..'), '--root', a.root, 'import', 'people', 'nhan-su.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'thidua: nhan-su.xlsx: phần xl/sharedStrings.xml giải nén ra hơn 48 MiB; bảng danh sách không cần lớn thế (có thể là tệp độc hại)\n',
    );
    expect(r.rssMiB).toBeLessThan(600);
    expect(readFileSync(join(a.root, 'records/people.yaml'), 'utf8')).toBe(before);
  }, 120_000);

  it('more rows than the 120,000 one list may hold, in an .xlsx or a CSV, are refused in one line naming the limit', () => {
    // 100,000 rows are read (test/hardening/import-scale.test.ts); 130,000 empty rows are a bomb.
    const a = generateAgency({ seed: 372 });
    const rows: string[] = [];
    const csv: string[] = ['STT,Họ và tên,Giới tính,Chức vụ,Phòng'];
    for (let i = 1; i <= 130_000; i++) {
      rows.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Nguyễn Văn ${i}</t></is></c></row>`);
      csv.push(`${i},Nguyễn Văn ${i},Nam,Chuyên viên,Văn phòng`);
    }
    const sheet = part(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    const dir = tempDir();
    writeFileSync(join(dir, 'nhan-su.xlsx'), workbook(sheet));
    writeFileSync(join(dir, 'nhan-su.csv'), csv.join('\n') + '\n');
    const x = timed(dir, '--root', a.root, 'import', 'people', 'nhan-su.xlsx', '--lang', 'en');
    expect(x.code).toBe(2);
    expect(x.stderr).toBe(
      'thidua: nhan-su.xlsx: xl/worksheets/sheet1.xml has 130000 rows, more than the 120000 one list may import; split it into several files\n',
    );
    const c = timed(dir, '--root', a.root, 'import', 'people', 'nhan-su.csv');
    expect(c.code).toBe(2);
    expect(c.stderr).toBe(
      'thidua: nhan-su.csv có 130001 hàng, quá 120000 hàng một danh sách được nhập; chia thành nhiều tệp\n',
    );
  }, 120_000);
});
