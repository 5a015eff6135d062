/**
 * The paper set as an office prints it, on generated agencies: the ballot paper in as many copies
 * as there are voters, the minutes with the reason for each invalid paper, the end time and Nơi
 * nhận, certificates with the agency's logo, and certificates printed on bought blanks.
 */
import { existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { cleanupTemp } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { all, ok, run } from '../helpers/round.js';
import { hasOffice, pdfBatch, pdfInfo, pdfText, toPdf } from '../helpers/office.js';
import { imageInfo } from '../../src/core/documents/image.js';

afterAll(cleanupTemp);

beforeAll(() => {
  expect(hasOffice(), 'LibreOffice (soffice) and poppler-utils must be installed').toBe(true);
});

// The documents read through LibreOffice are made first and converted in one start (each start
// costs seconds): a test makes them in `batch.add` and reads its PDFs in `it`.
const batch = pdfBatch();
beforeAll(() => batch.convert(), 240_000);

const squash = (s: string) => s.replace(/\s+/g, '');
const documentXml = (file: string) => strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);

/** A PNG of w × h pixels, a red disc on white: a stand-in for an agency's emblem. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3, 0xff);
    row[0] = 0;
    for (let x = 0; x < w; x++)
      if ((x - w / 2) ** 2 + (y - h / 2) ** 2 < (Math.min(w, h) / 2.5) ** 2) row.set([0xcc, 0, 0], 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the ballot paper in copies', () => {
  const copies = batch.add(async () => {
    const a = generateAgency({ seed: 61, councilSize: 6, departments: 3, year: 2027 });
    const y = String(a.year);
    const file = join(a.root, `documents/${y}/phieu-bau-${y}.docx`);
    await ok(a, 'render', 'ballots', y, '--copies', '6');
    return { docs: [file], value: { a, y, file } };
  });
  it('--copies N prints N identical papers, one a page; status counts it current; render all keeps N; --copies 1 goes back to one', async () => {
    const {
      pdfs: [doc],
      value: { a, y, file },
    } = copies.get();
    const pdf = doc!;
    expect(pdfInfo(pdf).pages).toBe(6);
    const pages = Array.from({ length: 6 }, (_, i) => pdfText(pdf, ['-f', String(i + 1), '-l', String(i + 1)]));
    for (const page of pages) expect(page).toBe(pages[0]);
    expect(pages[0]).toContain('PHIẾU BẦU');
    // Nothing the paper depends on has changed: status and render all see it as it is.
    const status = await ok(a, 'status', y, '--json');
    expect(
      JSON.parse(status.stdout).rounds[0].documents.find((d: { kind: string }) => d.kind === 'ballots').state,
    ).toBe('current');
    const again = await ok(a, 'render', 'all', y);
    expect(again.stdout).toMatch(new RegExp(`phieu-bau-${y}\\.docx: không đổi`));
    await ok(a, 'render', 'ballots', y, '--copies', '1');
    expect(pdfInfo(toPdf(file)).pages).toBe(1);
  });

  it('--copies is refused on another document, and beyond 200, before anything is written', async () => {
    const a = generateAgency({ seed: 62, councilSize: 5, departments: 2 });
    const y = String(a.year);
    const r = await run(a, 'render', 'minutes', y, '--copies', '3');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('thidua: --copies chỉ dùng cho phiếu bầu (render ballots)');
    const big = await run(a, 'render', 'ballots', y, '--copies', '201');
    expect(big.code).toBe(2);
    expect(big.stderr.trim()).toBe('thidua: --copies cần từ 1 đến 200');
    expect(existsSync(join(a.root, 'documents'))).toBe(false);
  });
});

describe('the vote-count minutes, completed', () => {
  const completed = batch.add(async () => {
    const a = generateAgency({
      seed: 63,
      councilSize: 5,
      departments: 3,
      year: 2023,
      threshold: { numerator: 1, denominator: 2, of: 'members' },
    });
    const y = String(a.year);
    for (let i = 0; i < 4; i++)
      await ok(a, 'ballot', y, ...Object.entries(all(a.nominations)).flatMap(([id, v]) => ['--vote', `${id}=${v}`]));
    await ok(a, 'ballot', y, '--invalid', '--reason', 'gạch cả hai ô của một đề nghị');
    expect(readFileSync(join(a.root, `records/${y}/ballots/005.yaml`), 'utf8')).toContain(
      'reason: gạch cả hai ô của một đề nghị',
    );
    // A reason belongs only to an invalid paper.
    const stray = await run(a, 'ballot', y, '--vote', `${a.nominations[0]!}=agree`, '--reason', 'x');
    expect(stray.code).toBe(2);
    expect(stray.stderr.trim()).toBe('thidua: --reason chỉ đi cùng --invalid: lý do phiếu không hợp lệ');
    await ok(a, 'session', y, '--ended', '10:45');
    expect(readFileSync(join(a.root, `records/${y}/council.yaml`), 'utf8')).toMatch(/^ {2}ended: "10:45"$/m);
    await ok(a, 'tally', y, '--seal');
    const council = readFileSync(join(a.root, `records/${y}/council.yaml`));
    const late = await run(a, 'session', y, '--ended', '11:00');
    expect(late.code).toBe(1);
    expect(late.stderr.trim()).toBe(
      `thidua: đợt ${y} đã niêm phong kết quả; records/${y}/council.yaml không được sửa (ghi trước khi niêm phong, hoặc sau thidua unseal)`,
    );
    expect(readFileSync(join(a.root, `records/${y}/council.yaml`))).toEqual(council);
    await ok(a, 'render', 'minutes', y);
    return { docs: [join(a.root, `documents/${y}/bien-ban-kiem-phieu-${y}.docx`)] };
  });
  it('the reason for each invalid paper, the end of the count and Nơi nhận; the end time refused once sealed', () => {
    const pdf = completed.get().pdfs[0]!;
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash('Phiếu số 5 không hợp lệ: gạch cả hai ô của một đề nghị.'));
    expect(text).toContain(squash('Việc kiểm phiếu kết thúc vào lúc 10 giờ 45 phút cùng ngày.'));
    // Nơi nhận last, bottom left: the head, the members, the copy kept.
    expect(pdfText(pdf, ['-layout'])).toMatch(
      /Nơi nhận:\n- Giám đốc \(để báo cáo\);\n- Thành viên Hội đồng;\n- Lưu: VT, HĐTĐKT\.\s*$/,
    );
  });
});

describe('certificates', () => {
  const logo = batch.add(async () => {
    const a = generateAgency({ seed: 64, councilSize: 5, departments: 2 });
    const y = String(a.year);
    writeFileSync(join(a.root, 'records/logo.png'), png(200, 100));
    appendFileSync(
      join(a.root, 'records/agency.yaml'),
      'certificate:\n  logo: records/logo.png\n  logo_height_mm: 20\n',
    );
    for (let i = 0; i < 5; i++)
      await ok(a, 'ballot', y, ...Object.entries(all(a.nominations)).flatMap(([id, v]) => ['--vote', `${id}=${v}`]));
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'decide', y, '--number', '3', '--date', `${a.year + 1}-01-20`);
    await ok(a, 'render', 'certificates', y);
    const file = join(a.root, `documents/${y}/giay-cong-nhan-${y}.docx`);
    return { docs: [file], value: { a, y, file } };
  });
  it('carry the logo agency.yaml names, at its proportions, and still one page each', async () => {
    const {
      pdfs: [pdf],
      value: { a, y, file },
    } = logo.get();
    const zip = unzipSync(readFileSync(file));
    const media = Object.keys(zip).filter((k) => k.startsWith('word/media/'));
    expect(media.length).toBe(1);
    expect(Buffer.from(zip[media[0]!]!)).toEqual(png(200, 100));
    // 20 mm high and twice as wide, in EMU (36,000 per millimetre), on each of the four certificates.
    const extents = [...documentXml(file).matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(extents.length).toBe(a.nominations.length);
    for (const [cx, cy] of extents) {
      expect(Math.abs(cy! / 36000 - 20)).toBeLessThan(0.3);
      expect(Math.abs(cx! / cy! - 2)).toBeLessThan(0.02);
    }
    expect(pdfInfo(pdf!).pages).toBe(a.nominations.length);
    const status = JSON.parse((await ok(a, 'status', y, '--json')).stdout);
    expect(status.rounds[0].documents.find((d: { kind: string }) => d.kind === 'certificates').state).toBe('current');
  });

  it('a logo that is missing, not a picture or outside the workspace is refused with the reason, nothing written', async () => {
    const a = generateAgency({ seed: 65, councilSize: 5, departments: 2 });
    const y = String(a.year);
    for (let i = 0; i < 5; i++)
      await ok(a, 'ballot', y, ...Object.entries(all(a.nominations)).flatMap(([id, v]) => ['--vote', `${id}=${v}`]));
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'decide', y, '--number', '3', '--date', `${a.year + 1}-01-20`);
    const agency = readFileSync(join(a.root, 'records/agency.yaml'), 'utf8');
    writeFileSync(join(a.root, 'records/not-a-picture.png'), 'GIF89a');
    for (const [logo, why] of [
      ['records/logo.png', 'không có tệp này'],
      ['records/not-a-picture.png', 'không phải ảnh PNG hay JPEG'],
      ['../logo.png', 'nằm ngoài thư mục làm việc; chép ảnh vào (ví dụ records/logo.png)'],
    ] as const) {
      writeFileSync(join(a.root, 'records/agency.yaml'), `${agency}certificate:\n  logo: ${logo}\n`);
      const r = await run(a, 'render', 'certificates', y);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `thidua: records/agency.yaml: certificate.logo “${logo}”${logo.startsWith('..') ? ' ' : ': '}${why}`,
      );
      expect(existsSync(join(a.root, `documents/${y}/giay-cong-nhan-${y}.docx`))).toBe(false);
    }
  });

  const blank = batch.add(async () => {
    const a = generateAgency({ seed: 66, councilSize: 5, departments: 3 });
    const y = String(a.year);
    appendFileSync(
      join(a.root, 'records/agency.yaml'),
      'certificate:\n  blank_stock:\n    recipient: { x: 40, y: 80, width: 217, size: 24 }\n',
    );
    for (let i = 0; i < 5; i++)
      await ok(a, 'ballot', y, ...Object.entries(all(a.nominations)).flatMap(([id, v]) => ['--vote', `${id}=${v}`]));
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'decide', y, '--number', '7', '--date', `${a.year + 1}-01-20`);
    const r = await ok(a, 'render', 'certificates', y, '--blank-stock');
    const file = join(a.root, `documents/${y}/giay-cong-nhan-${y}-in-tren-phoi.docx`);
    return { docs: [file], value: { a, y, r, file } };
  });
  it('--blank-stock prints only the variable text, each piece at its place on the sheet, the places movable in agency.yaml', async () => {
    const {
      pdfs: [doc],
      value: { a, y, r, file },
    } = blank.get();
    expect(r.stdout).toContain(`documents/${y}/giay-cong-nhan-${y}-in-tren-phoi.docx: đã ghi`);
    const xml = documentXml(file);
    // Nothing the blank has printed already: no Quốc hiệu, no title, no frame around the page.
    expect(xml).not.toContain('CỘNG HÒA');
    expect(xml).not.toContain('pgBorders');
    // Every paragraph is a frame anchored to the page; the recipient where agency.yaml put it (mm × 56.7 twips).
    const paragraphs = xml.split('<w:p>').slice(1);
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const para of paragraphs) expect(para).toMatch(/<w:framePr [^>]*w:hAnchor="page"[^>]*w:vAnchor="page"/);
    // The individual nominated from the first department (a staff member, outside the council if any is).
    const staff = a.people.filter((p) => p.department === a.departments[0]!.id && !p.leader);
    const first = staff.find((p) => !a.council.includes(p.id)) ?? staff[0]!;
    const recipient = paragraphs.find((para) => para.includes(`Tập thể ${a.departments[0]!.name}`))!;
    expect(recipient).toMatch(/w:x="2267"/);
    expect(recipient).toMatch(/w:y="4535"/);
    const pdf = doc!;
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(first.name));
    expect(text).toContain(squash(`Quyết định số 07/QĐ-STP`));
    expect(pdfInfo(pdf).pages).toBe(a.nominations.length);
    // The certificates themselves are untouched, and the option is for certificates only.
    expect(existsSync(join(a.root, `documents/${y}/giay-cong-nhan-${y}.docx`))).toBe(false);
    const wrong = await run(a, 'render', 'decision', y, '--blank-stock');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('thidua: --blank-stock chỉ dùng cho giấy công nhận (render certificates)');
  });
});

describe('imageInfo', () => {
  it('reads a PNG’s and a JPEG’s size from the header, and refuses anything else', () => {
    expect(imageInfo(png(37, 11))).toEqual({ type: 'png', width: 37, height: 11 });
    // A minimal JPEG: SOI, an APP0 segment, then a baseline frame header of 640 × 480.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0x01,
      0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
    ]);
    expect(imageInfo(jpeg)).toEqual({ type: 'jpg', width: 640, height: 480 });
    expect(imageInfo(Buffer.from('GIF89a......'))).toBeNull();
    expect(imageInfo(Buffer.alloc(0))).toBeNull();
    // A JPEG cut short before any frame header.
    expect(imageInfo(jpeg.subarray(0, 8))).toBeNull();
  });
});
