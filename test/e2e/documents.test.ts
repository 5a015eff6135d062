/** Documents opened in a real office suite: LibreOffice converts them, poppler reads them back. */
import { existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir, workspace, write, PROJECT } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { decidedAgency, ok } from '../helpers/round.js';
import { hasOffice, pdfBatch, pdfInfo, pdfText } from '../helpers/office.js';

afterAll(cleanupTemp);

beforeAll(() => {
  // In CI a missing office suite fails the tests rather than skipping them.
  expect(
    hasOffice(),
    'LibreOffice (soffice) and poppler-utils must be installed: apt-get install libreoffice-writer-nogui poppler-utils',
  ).toBe(true);
});

// Every document these tests read through LibreOffice is made first and converted in one start
// (each start costs seconds); a test makes its workspace in `batch.add` and reads its PDFs in `it`.
const batch = pdfBatch();
beforeAll(() => batch.convert(), 240_000);

/** The base fixture plus a collective of nv2 that fails the vote (1 of 3 agree). */
async function decidedWorkspace(): Promise<string> {
  const root = workspace();
  write(
    root,
    'records/2016/nominations/nv2-mo-hinh.yaml',
    'id: nv2-mo-hinh\nkind: collective\ndepartment: nv2\ntitle: Mô hình không đạt\ninitiative: Mô tả.\nsubmitted: 2016-11-20\ncriteria: { xuat-sac: true, sang-kien: true }\n',
  );
  write(
    root,
    'records/2016/ballots/001.yaml',
    'serial: 1\nvotes: { nv1-mo-hinh: agree, nv1-ca-nhan: agree, nv2-mo-hinh: agree }\n',
  );
  write(
    root,
    'records/2016/ballots/002.yaml',
    'serial: 2\nvotes: { nv1-mo-hinh: agree, nv1-ca-nhan: agree, nv2-mo-hinh: disagree }\n',
  );
  write(root, 'records/2016/ballots/003.yaml', 'serial: 3\nvotes: { nv1-mo-hinh: agree, nv1-ca-nhan: agree }\n');
  expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
  const d = await runCli(['decide', '2016', '--number', '5', '--date', '2017-02-03'], { cwd: root });
  expect(d.code, d.stderr).toBe(0);
  return root;
}

describe('render', () => {
  const decision = batch.add(async () => {
    const root = await decidedWorkspace();
    const r = await runCli(['render', 'decision', '2016'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    return { docs: [join(root, 'documents/2016/quyet-dinh-2016.docx')] };
  });
  it('the decision reads “Số: 05/QĐ-TTr” and “ngày 03 tháng 02 năm 2017”, in Vietnamese, on A4', () => {
    const pdf = decision.get().pdfs[0]!;
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Số: 05/QĐ-TTr');
    expect(text).toContain('ngày 03 tháng 02 năm 2017');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('QUYẾT ĐỊNH');
    // The recognitions are counted in Điều 1 and listed in the attached Danh sách.
    expect(text).toContain('Điều 1. Công nhận 01 tập thể và 01 cá nhân đạt');
    expect(text).toContain('(có danh sách kèm theo).');
    expect(text).toContain('- Như Điều 4;');
    expect(text).not.toContain('Mô hình không đạt');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Nguyễn Văn Giáp');
    const info = pdfInfo(pdf);
    expect(info.a4).toBe(true);
    expect(info.landscape).toBe(false);
  });

  const exampleDecision = batch.add(() =>
    Promise.resolve({ docs: [join(PROJECT, 'documents/2016/quyet-dinh-2016.docx')] }),
  );
  it('the example’s decision: number and place-date on one line, page 2 numbered “2” at the top, page 1 unnumbered', () => {
    const pdf = exampleDecision.get().pdfs[0]!;
    const layout = pdfText(pdf, ['-layout']);
    expect(layout).toMatch(/Số: 05\/QĐ-TTr\s+Bình Phước, ngày 25 tháng 01 năm 2017/);
    const pages = layout.split('\f');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]!.trim().split('\n')[0]!.trim()).toBe('2');
    expect(pages[0]!.trim().split('\n')[0]!.trim()).not.toMatch(/^\d+$/);
  });

  it('render all 2016 --pdf writes a PDF beside each document; --pdfa makes them PDF/A-2b; without LibreOffice it says so and writes nothing', async () => {
    const root = workspace({ from: 'example' });
    const r = await runCli(['render', 'all', '2016', '--pdf'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['quyet-dinh-2016', 'giay-cong-nhan-2016', 'bien-ban-kiem-phieu-2016', 'danh-sach-2016']) {
      expect(r.stdout).toContain(`✓ documents/2016/${f}.pdf: đã ghi`);
    }
    expect(pdfText(join(root, 'documents/2016/quyet-dinh-2016.pdf'))).toContain('QUYẾT ĐỊNH');
    expect(pdfInfo(join(root, 'documents/2016/giay-cong-nhan-2016.pdf')).landscape).toBe(true);
    expect((await runCli(['render', 'decision', '2016', '--pdfa'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'documents/2016/quyet-dinh-2016.pdf')).toString('latin1')).toContain(
      'pdfaid:part>2<',
    );
    const before = readFileSync(join(root, 'documents/2016/danh-sach-2016.pdf'));
    const none = await runCli(['render', 'all', '2016', '--pdf', '--force'], { cwd: root, env: { PATH: '/khong-co' } });
    expect(none.code).toBe(3);
    expect(none.stderr).toBe(
      'thidua: cần LibreOffice để in PDF (--pdf) nhưng không tìm thấy chương trình soffice; cài nó (Debian, Ubuntu: apt-get install libreoffice-writer-nogui) hoặc bỏ --pdf\n',
    );
    expect(readFileSync(join(root, 'documents/2016/danh-sach-2016.pdf')).equals(before)).toBe(true);
  });

  const draft = batch.add(async () => {
    const root = workspace();
    expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
    expect((await runCli(['render', 'decision', '2016'], { cwd: root })).code).toBe(0);
    return { docs: [join(root, 'documents/2016/quyet-dinh-2016.docx')], value: root };
  });
  it('before decide, the decision is a draft with the number and date blank', async () => {
    const root = draft.get().value;
    const text = pdfText(draft.get().pdfs[0]!);
    expect(text).toContain('Số:');
    expect(text).toContain('/QĐ-TTr');
    expect(text).not.toMatch(/\d\/QĐ-TTr/);
    // pdftotext may set the number line of the left column between the words of the date line.
    expect(text.replace(/\/QĐ-TTr\s*/, '')).toMatch(/ngày\s+tháng\s+năm 2016/);
    expect(text).toContain('DỰ THẢO');
    expect((await runCli(['render', 'certificates', '2016'], { cwd: root })).code).toBe(1);
  });

  const certificates = batch.add(async () => {
    const root = await decidedWorkspace();
    expect((await runCli(['render', 'certificates', '2016'], { cwd: root })).code).toBe(0);
    return { docs: [join(root, 'documents/2016/giay-cong-nhan-2016.docx')] };
  });
  it('certificates: one landscape page per recognised nomination and none for a failed one', () => {
    const pdf = certificates.get().pdfs[0]!;
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 2, landscape: true, a4: true });
    const text = pdfText(pdf);
    expect(text).toContain('GIẤY CÔNG NHẬN');
    expect(text).toContain('Tập thể Phòng Nghiệp vụ 1');
    expect(text).toContain('Ông Trần Văn An');
    expect(text).not.toContain('Phòng Nghiệp vụ 2');
    expect(text.replace(/\s+/g, ' ')).toContain('Quyết định số 05/QĐ-TTr ngày 03/02/2017');
  });

  const minutesAndList = batch.add(async () => {
    const root = await decidedWorkspace();
    expect((await runCli(['render', 'all', '2016'], { cwd: root })).code).toBe(0);
    return {
      docs: ['bien-ban-kiem-phieu-2016.docx', 'danh-sach-2016.docx'].map((f) => join(root, 'documents/2016', f)),
    };
  });
  it('minutes and list: counts, percentages with a decimal comma, sections', () => {
    const [minutes, list] = minutesAndList.get().pdfs.map((pdf) => pdfText(pdf).replace(/\s+/g, ' '));
    expect(minutes).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(minutes).toContain('Số phiếu phát ra: 3');
    expect(minutes).toContain('3 (100,0%)');
    expect(minutes).toContain('1 (33,3%)');
    expect(minutes).toContain('Không đạt');
    expect(list).toContain('I. TẬP THỂ (1)');
    expect(list).toContain('II. CÁ NHÂN (1)');
    expect(list).toContain('Trưởng phòng');
  });

  it('rendering twice gives the same bytes, and a hand-edited file is not overwritten without --force', async () => {
    const root = await decidedWorkspace();
    expect((await runCli(['render', 'all', '2016'], { cwd: root })).code).toBe(0);
    const path = join(root, 'documents/2016/quyet-dinh-2016.docx');
    const first = readFileSync(path);
    const other = await decidedWorkspace();
    expect((await runCli(['render', 'all', '2016'], { cwd: other, env: { TZ: 'Pacific/Kiritimati' } })).code).toBe(0);
    expect(Buffer.compare(readFileSync(join(other, 'documents/2016/quyet-dinh-2016.docx')), first)).toBe(0);
    const again = await runCli(['render', 'all', '2016'], { cwd: root });
    expect(again.stdout).toContain('không đổi');
    appendFileSync(path, 'edited');
    const refused = await runCli(['render', 'decision', '2016'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('--force');
    expect(readFileSync(path).subarray(-6).toString()).toBe('edited');
    expect((await runCli(['verify', '2016'], { cwd: root })).code).toBe(1);
    expect((await runCli(['render', 'decision', '2016', '--force'], { cwd: root })).code).toBe(0);
    expect(Buffer.compare(readFileSync(path), first)).toBe(0);
    expect((await runCli(['verify', '2016', '--no-history'], { cwd: root })).code).toBe(0);
  });

  it('a template with an unknown placeholder is refused with its line', async () => {
    const root = await decidedWorkspace();
    // A decided round renders from the wording frozen with its decision.
    const rel = 'records/2016/templates/quyet-dinh.txt';
    const tpl = join(root, rel);
    write(
      root,
      rel,
      readFileSync(join(PROJECT, 'templates/quyet-dinh.txt'), 'utf8').replace(
        'Về việc công nhận',
        'Về việc {cong_nhan} công nhận',
      ),
    );
    const lines = readFileSync(tpl, 'utf8').split('\n');
    const lineNo = lines.findIndex((l) => l.includes('{cong_nhan}')) + 1;
    const r = await runCli(['render', 'decision', '2016'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${rel}:${lineNo}:9  error[template-placeholder]`);
    expect(r.stderr).toContain('{cong_nhan}');
    writeFileSync(tpl, 'QUYẾT ĐỊNH\n');
    expect((await runCli(['render', 'decision', '2016'], { cwd: root })).code).toBe(1);
  });

  it('the example’s committed documents equal a fresh render', async () => {
    const root = workspace({ from: 'example' });
    const r = await runCli(['verify', '2016', '--no-history', '--json'], { cwd: root });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
  });
});

describe('the ballot paper', () => {
  const paper = batch.add(async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    const r = await runCli(['render', 'ballots', '2017', '--out', out], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    return { docs: [join(out, 'phieu-bau-2017.docx')] };
  });
  it('the example’s 2017 paper lists its 11 nominations in the order thidua ballot asks for them, on one paper', () => {
    const pdf = paper.get().pdfs[0]!;
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU BẦU');
    // The council's name as agency.yaml breaks it (council.header), not where the column happens to wrap.
    expect(pdfText(pdf, ['-layout'])).toMatch(
      /^\s*HỘI ĐỒNG\s{2,}Độc lập - Tự do - Hạnh phúc\n\s*THI ĐUA - KHEN THƯỞNG\n/m,
    );
    const agenda = [
      'Tập thể Văn phòng',
      'Tập thể Phòng Nghiệp vụ 1',
      'Tập thể Phòng Nghiệp vụ 2',
      'Tập thể Phòng Nghiệp vụ 3',
      'Tập thể Phòng Phòng, chống tham nhũng',
      'Ông Đỗ Văn Hải',
      'Ông Trần Văn An',
      'Bà Chu Thị Nga',
      'Ông La Văn Sơn',
      'Bà Tống Thị Kim',
    ];
    const at = agenda.map((name) => text.indexOf(name));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Đề nghị được công nhận khi có từ 2/3 tổng số thành viên Hội đồng trở lên đồng ý.');
    expect(pdfInfo(pdf).pages).toBe(1);
  });

  const written = batch.add(async () => {
    const a = generateAgency({ seed: 151, departments: 3, councilSize: 5, noSession: true });
    const absent = a.council[4]!;
    await ok(
      a,
      'session',
      String(a.year),
      '--date',
      `${a.year + 1}-01-10`,
      '--place',
      'Phòng họp',
      '--counter',
      a.council[1]!,
      '--absent',
      absent,
    );
    await ok(a, 'render', 'ballots', String(a.year));
    return { docs: [join(a.root, `documents/${a.year}/phieu-bau-${a.year}.docx`)], value: { a, absent } };
  });
  it('an absent member gets a written-opinion paper with their name and a place to sign', () => {
    const {
      pdfs: [doc],
      value: { a, absent },
    } = written.get();
    const pdf = doc!;
    expect(pdfInfo(pdf).pages).toBe(2);
    const second = pdfText(pdf, ['-f', '2', '-l', '2']).replace(/\s+/g, ' ');
    const person = a.people.find((p) => p.id === absent)!;
    expect(second).toContain('PHIẾU Ý KIẾN BẰNG VĂN BẢN');
    expect(second).toContain(`Thành viên Hội đồng: ${person.gender === 'nam' ? 'Ông' : 'Bà'} ${person.name}`);
    expect(second).toContain('NGƯỜI CHO Ý KIẾN');
  });
});

describe('the letters of a round', () => {
  const letters = batch.add(async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    for (const kind of ['proposal', 'cover'])
      expect((await runCli(['render', kind, '2016', '--out', out], { cwd: root })).code).toBe(0);
    return { docs: [join(out, 'to-trinh-2016.docx'), join(out, 'cong-van-gui-2016.docx')] };
  });
  it('the council’s Tờ trình and the cover letter to the province, read back through LibreOffice', () => {
    // Justified lines come back from pdftotext with spaces inside words: compared without spaces.
    const squash = (s: string) => s.replace(/\s+/g, '');
    const [proposal, cover] = letters.get().pdfs.map((pdf) => squash(pdfText(pdf)));
    for (const part of [
      'Số: /TTr-HĐTĐKT',
      'Bình Phước, ngày 20 tháng 01 năm 2017',
      'TỜ TRÌNH',
      'Kính gửi: Chánh Thanh tra tỉnh Bình Phước',
      'Vào ngày 20 tháng 01 năm 2017, Hội đồng Thi đua - Khen thưởng',
      '06 tập thể và 05 cá nhân',
      'TM. HỘI ĐỒNG',
      'CHỦ TỊCH',
      'Nguyễn Văn Giáp',
      '- Như trên;',
    ]) {
      expect(proposal).toContain(squash(part));
    }
    for (const part of [
      'Số: /TTr',
      'V/v gửi Quyết định và Danh sách',
      'Kính gửi: Ban Thi đua - Khen thưởng tỉnh',
      'Quyết định số 05/QĐ-TTr ngày 25 tháng 01 năm 2017 của Chánh Thanh tra tỉnh Bình Phước',
      '(06 tập thể và 05 cá nhân)',
      'CHÁNH THANH TRA',
    ]) {
      expect(cover).toContain(squash(part));
    }
  });

  const fresh = batch.add(async () => {
    const a = generateAgency({ seed: 152, departments: 3, councilSize: 5 });
    const agency = join(a.root, 'records/agency.yaml');
    writeFileSync(
      agency,
      readFileSync(agency, 'utf8') +
        'report_to: Sở Nội vụ tỉnh Mẫu\nexecutors: [ Chánh Văn phòng Sở, Trưởng các phòng chuyên môn ]\n',
    );
    for (let i = 0; i < 5; i++)
      await ok(a, 'ballot', String(a.year), ...a.nominations.flatMap((n) => ['--vote', `${n}=agree`]));
    await ok(a, 'tally', String(a.year), '--seal');
    await ok(a, 'decide', String(a.year), '--number', '7', '--date', `${a.year + 1}-01-20`);
    await ok(a, 'render', 'all', String(a.year));
    return {
      docs: ['cong-van-gui', 'quyet-dinh'].map((n) => join(a.root, `documents/${a.year}/${n}-${a.year}.docx`)),
    };
  });
  it('a fresh agency: the cover letter goes to agency.yaml’s report_to, the last article names its executors', () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    const [cover, decision] = fresh.get().pdfs.map((pdf) => squash(pdfText(pdf)));
    expect(cover).toContain(squash('Kính gửi: Sở Nội vụ tỉnh Mẫu'));
    expect(decision).toContain(
      squash('Điều 4. Chánh Văn phòng Sở, Trưởng các phòng chuyên môn và các tập thể, cá nhân có tên tại Điều 1'),
    );
  });
});

describe('reminder letters', () => {
  const reminders = batch.add(async () => {
    const root = workspace({ from: 'example' });
    const r = await runCli(['render', 'reminders', '--as-of', '2017-12-31', '--date', '2018-01-02'], { cwd: root });
    return { docs: [join(root, 'documents/cong-van-don-doc-2017-12-31.docx')], value: { root, r } };
  });
  it('one Công văn đôn đốc per department that has not sent a document due, from the facts of thidua overdue', async () => {
    const {
      pdfs: [doc],
      value: { root, r },
    } = reminders.get();
    const pdf = doc!;
    expect([r.code, r.stdout]).toEqual([
      0,
      'Đã ghi documents/cong-van-don-doc-2017-12-31.docx: 1 công văn đôn đốc (Phòng Giám sát, kiểm tra và xử lý sau thanh tra).\n',
    ]);
    expect(pdfInfo(pdf).pages).toBe(1);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const text = squash(pdfText(pdf));
    for (const part of [
      'V/v đôn đốc gửi văn bản thi đua, khen thưởng',
      'Bình Phước, ngày 02 tháng 01 năm 2018',
      'Kính gửi: Phòng Giám sát, kiểm tra và xử lý sau thanh tra',
      '- Kế hoạch xây dựng, bồi dưỡng, nhân rộng (đợt 2017), hạn gửi trước ngày 15/12/2017, đã quá hạn 17 ngày;',
      'CHÁNH THANH TRA',
    ]) {
      expect(text).toContain(squash(part));
    }
    const none = await runCli(['render', 'reminders', '--as-of', '2017-06-01'], { cwd: root });
    expect([none.code, none.stdout]).toEqual([
      0,
      'Tính đến 01/06/2017: không phòng nào chưa nộp; không in công văn.\n',
    ]);
  });

  it('a letter edited by hand since it was rendered is not replaced without --force; the same render again changes nothing', async () => {
    const root = workspace({ from: 'example' });
    const args = ['render', 'reminders', '--as-of', '2017-12-31', '--date', '2018-01-02'];
    expect((await runCli(args, { cwd: root })).code).toBe(0);
    const file = join(root, 'documents/cong-van-don-doc-2017-12-31.docx');
    expect((await runCli(args, { cwd: root })).code).toBe(0);
    const edited = Buffer.concat([readFileSync(file), Buffer.from('sửa tay')]);
    writeFileSync(file, edited);
    const refused = await runCli(args, { cwd: root });
    expect([refused.code, refused.stderr]).toEqual([
      1,
      `thidua: ${file} đã có và khác bản in mới; dùng --force để ghi đè\n`,
    ]);
    expect(readFileSync(file).equals(edited)).toBe(true);
    expect((await runCli([...args, '--force'], { cwd: root })).code).toBe(0);
    expect(readFileSync(file).equals(edited)).toBe(false);
    expect(existsSync(join(root, '.thidua.lock'))).toBe(false);
  });

  const behind = batch.add(async () => {
    const a = generateAgency({ seed: 153, departments: 4, councilSize: 5, noSession: true });
    await ok(a, 'render', 'reminders', '--as-of', `${a.year}-12-31`);
    return { docs: [join(a.root, `documents/cong-van-don-doc-${a.year}-12-31.docx`)], value: a };
  });
  it('a generated agency with every department behind: a letter, on its own page, to each', () => {
    const {
      pdfs: [doc],
      value: a,
    } = behind.get();
    const pdf = doc!;
    expect(pdfInfo(pdf).pages).toBe(4);
    for (const [i, d] of a.departments.entries())
      expect(pdfText(pdf, ['-f', String(i + 1), '-l', String(i + 1)]).replace(/\s+/g, ' ')).toContain(
        `Kính gửi: ${d.name}`,
      );
  });
});

describe('the vote-count minutes', () => {
  const count = batch.add(async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    expect((await runCli(['render', 'minutes', '2016', '--out', out], { cwd: root })).code).toBe(0);
    return { docs: [join(out, 'bien-ban-kiem-phieu-2016.docx')] };
  });
  it('members with their posts, attendance, I. Tập thể / II. Cá nhân rows, and every counter’s name level with the others', () => {
    const pdf = count.get().pdfs[0]!;
    const squash = (s: string) => s.replace(/\s+/g, '');
    const text = squash(pdfText(pdf));
    for (const part of [
      '1. Ông Nguyễn Văn Giáp, Chánh Thanh tra tỉnh — Chủ tịch Hội đồng.',
      '4. Bà Phạm Thị Cúc, Chánh Văn phòng — Thư ký Hội đồng.',
      'I. TẬP THỂ',
      'II. CÁ NHÂN',
      'THÀNH VIÊN BAN KIỂM PHIẾU',
      'Võ Thị Em',
    ]) {
      expect(text).toContain(squash(part));
    }
    // A written ballot of an absent member, with no absence recorded: no "all present" line.
    expect(text).not.toContain(squash('Có mặt 9/9'));
    // The three names of the first signing row on one line of the page.
    expect(pdfText(pdf, ['-layout'])).toMatch(/^\s*Phạm Thị Cúc\s+Hoàng Văn Dũng\s+Nguyễn Văn Giáp\s*$/m);
  });

  const full = batch.add(async () => {
    const a = await decidedAgency({ seed: 154, departments: 3, councilSize: 5 });
    return { docs: [join(a.root, `documents/${a.year}/bien-ban-kiem-phieu-${a.year}.docx`)] };
  });
  it('a council that met in full says so', () => {
    const pdf = full.get().pdfs[0]!;
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain('Có mặt 5/5 thành viên Hội đồng.');
  });
});

describe('the record of the meeting', () => {
  const meeting = batch.add(async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    expect((await runCli(['render', 'meeting', '2016', '--out', out], { cwd: root })).code).toBe(0);
    return { docs: [join(out, 'bien-ban-hop-2016.docx')] };
  });
  it('time and place, who took part (an absent member inferred from a written ballot), the nominations reviewed and the vote', () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    const text = squash(pdfText(meeting.get().pdfs[0]!, ['-layout']));
    for (const part of [
      'Số: /BB-HĐTĐKT',
      'BIÊN BẢN',
      'Vào lúc 08 giờ 00 phút, ngày 20 tháng 01 năm 2017, tại Phòng họp Thanh tra tỉnh.',
      'Có mặt 8/9 thành viên Hội đồng; vắng: 1 thành viên, có phiếu ý kiến bằng văn bản.',
      '7 hồ sơ tập thể, 7 hồ sơ cá nhân',
      'Ban kiểm phiếu gồm: Ông Hoàng Văn Dũng, Bà Võ Thị Em',
      '06 tập thể và 05 cá nhân đạt từ 2/3 tổng số thành viên Hội đồng',
      'THƯ KÝ',
      'CHỦ TRÌ',
    ]) {
      expect(text).toContain(squash(part));
    }
  });
});
