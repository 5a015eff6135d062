/**
 * Documents of a period on generated agencies: the reminders chase only the period's open deadlines
 * (never a round left years ago), as `overdue` does; the period report holds every round, the plan's
 * and the titles', and is addressed; lists and letters count people, and lượt where they count awards.
 */
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, git, PROJECT, runCli, tempDir } from '../helpers/workspace.js';
import { proposesToOf } from '../../src/core/init/agency-file.js';
import { addresseeOf, BLANK_ADDRESSEE } from '../../src/core/documents/context.js';
import { generateAgency, writeRound } from '../helpers/agency.js';
import { all, ballots, ENV, ok, run } from '../helpers/round.js';
import { docxParagraphs, docxText } from '../helpers/docx.js';

afterAll(cleanupTemp);

describe('reminders as of 20/12/2025', () => {
  it('name only the open deadlines of 2025, never a 2017 one; overdue agrees', async () => {
    const a = generateAgency({ seed: 35, year: 2017, departments: 3, councilSize: 5, noSession: true });
    writeRound(a.root, 2025, a, null);
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Đợt 2025']);
    const asOf = ['--as-of', '2025-12-20'];
    const rendered = await run(a, 'render', 'reminders', ...asOf, '--date', '2025-12-20');
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stdout).toContain(
      'Chỉ đôn đốc thời hạn của kỳ này; các đợt 2017 còn văn bản chưa nộp: thidua render reminders --year NĂM.',
    );
    const text = docxText(join(a.root, 'documents/cong-van-don-doc-2025-12-20.docx'));
    for (const d of a.departments) expect(text).toContain(`Kính gửi: ${d.name}`);
    expect(text).toContain('Kế hoạch nhân rộng (đợt 2025), hạn gửi trước ngày 15/12/2025, đã quá hạn 6 ngày');
    expect(text).not.toMatch(/2017|2928/u);

    // overdue lists the same deadlines, and says that 2017 still owes some.
    const json = JSON.parse((await run(a, 'overdue', ...asOf, '--json')).stdout) as {
      items: Array<{ year: number; deadline: string; status: string }>;
    };
    expect(new Set(json.items.map((i) => `${i.year} ${i.deadline} ${i.status}`))).toEqual(
      new Set(['2025 plan missing']),
    );
    const human = await run(a, 'overdue', ...asOf);
    expect(human.code).toBe(1);
    expect(human.stdout).not.toContain('Đợt 2017');
    expect(human.stdout).toContain('các đợt 2017 còn văn bản chưa nộp: thidua overdue --year NĂM.');
    // Asked by year, the old round is still there, in overdue and in a letter.
    const old = JSON.parse((await run(a, 'overdue', ...asOf, '--year', '2017', '--json')).stdout) as {
      items: Array<{ year: number; days_late: number }>;
    };
    expect(old.items.map((i) => [i.year, i.days_late])).toEqual(a.departments.map(() => [2017, 2928]));
  }, 60_000);
});

const CRITERIA = {
  collective: [
    'xuat-sac-lien-tuc',
    'sang-kien',
    'chap-hanh-chu-truong',
    'hoc-tap-lam-theo',
    'tu-thien-an-sinh',
    'phong-trao-thi-dua',
    'tiet-kiem',
    'doan-ket-trong-sach',
  ],
  individual: ['trach-nhiem', 'guong-mau', 'doan-ket-tap-the', 'chap-hanh-noi-quy', 'chi-thi-05', 'huong-ung-thi-dua'],
};

describe('the period report and the counts of people', () => {
  it('a plan round 2024 and a titles round 2025, both sealed: the report holds both, Kính gửi its addressee; the list counts a person with two titles once', async () => {
    const a = generateAgency({
      seed: 36,
      year: 2024,
      departments: 3,
      councilSize: 5,
      threshold: { numerator: 2, denominator: 3, of: 'members' },
    });
    writeFileSync(join(a.root, 'records/criteria.yaml'), readFileSync(join(PROJECT, 'records/criteria.yaml')));
    writeFileSync(
      join(a.root, 'records/titles.yaml'),
      readFileSync(join(PROJECT, 'test/fixtures/titles/plain-list.yaml'), 'utf8'),
    );
    appendFileSync(join(a.root, 'records/agency.yaml'), 'proposes_to: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng\n');
    const plan = writeRound(a.root, 2024, a, 5, { criteria: CRITERIA });
    writeRound(a.root, 2025, a, 5, { criteria: CRITERIA });
    rmSync(join(a.root, 'records/2025/nominations'), { recursive: true, force: true });
    git(a.root, ['add', '-A']);
    git(a.root, ['commit', '-q', '-m', 'Đợt 2024, 2025']);
    await ballots(
      a,
      2024,
      Array.from({ length: 5 }, () => all(plan)),
    );
    await ok(a, 'tally', '2024', '--seal');

    // 2025: every person of one department Lao động tiên tiến, one of them Chiến sĩ thi đua cơ sở too.
    const dept = a.departments[1]!;
    const inDept = a.people.filter((p) => p.department === dept.id);
    const met = ['--met', 'all', '--submitted', '20/11/2025'];
    for (const p of inDept)
      await ok(
        a,
        'nominate',
        '2025',
        '--award',
        'lao-dong-tien-tien',
        '--department',
        dept.id,
        '--person',
        p.id,
        '--title',
        'Hoàn thành tốt nhiệm vụ',
        ...met,
      );
    const star = inDept.find((p) => !p.leader)!;
    await ok(
      a,
      'nominate',
      '2025',
      '--award',
      'chien-si-thi-dua-co-so',
      '--department',
      dept.id,
      '--person',
      star.id,
      '--title',
      'Sáng kiến tra cứu',
      '--initiative',
      'Mô tả.',
      ...met,
    );
    await ok(
      a,
      'nominate',
      '2025',
      '--award',
      'tap-the-lao-dong-tien-tien',
      '--department',
      dept.id,
      '--title',
      'Hoàn thành tốt nhiệm vụ',
      ...met,
    );
    const titled = readdirSync(join(a.root, 'records/2025/nominations')).map((f) => f.replace(/\.yaml$/, ''));
    expect(titled).toHaveLength(inDept.length + 2);
    await ballots(
      a,
      2025,
      Array.from({ length: 5 }, () => all(titled)),
    );
    await ok(a, 'tally', '2025', '--seal');
    await ok(a, 'decide', '2025', '--number', '7', '--date', '2026-01-20');
    await ok(a, 'render', 'list', '2025');
    await ok(a, 'render', 'report', '--from', '2024', '--to', '2025', '--date', '2026-01-25');

    const list = docxParagraphs(join(a.root, 'documents/2025/danh-sach-2025.docx'));
    // Three people, one of them twice: 3 cá nhân, 5 lượt with the collective.
    expect(list).toContain(`Tổng cộng: 1 tập thể, ${inDept.length} cá nhân (${inDept.length + 2} lượt danh hiệu).`);

    const report = docxParagraphs(join(a.root, 'documents/bao-cao-tong-ket-2024-2025.docx'));
    const text = report.join('\n');
    expect(report).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng');
    // Both rounds in the table, the sealed titles round with its results.
    expect(report.indexOf('2024')).toBeGreaterThan(-1);
    const row2025 = report.indexOf('2025');
    expect(row2025).toBeGreaterThan(-1);
    expect(report.slice(row2025, row2025 + 3)).toEqual(['2025', `1/${inDept.length + 1}`, `1/${inDept.length + 1}`]);
    expect(text).toContain(
      `Danh hiệu thi đua đã tặng: “Lao động tiên tiến” ${inDept.length} lượt, “Chiến sĩ thi đua cơ sở” 1 lượt, “Tập thể lao động tiên tiến” 1 lượt.`,
    );
    // Who: the 2024 round's 3 collectives and 3 people, and 2025's (a department and people again) counted once each.
    const people2024 = a.departments.map(
      (d) =>
        a.people.find((p) => p.department === d.id && !p.leader && !a.council.includes(p.id)) ??
        a.people.find((p) => p.department === d.id && !p.leader)!,
    );
    const people = new Set([...people2024.map((p) => p.id), ...inDept.map((p) => p.id)]).size;
    expect(text).toContain(`lượt cá nhân) cho 3 tập thể và ${people} cá nhân`);
    expect(text).toContain('Trong đó: 3 lượt mô hình tiêu biểu, 3 lượt gương điển hình tiên tiến xuất sắc.');
  }, 120_000);
});

describe('a new agency’s addressee', () => {
  it('init names the authority above it in its province, or nothing and says so; the letters never guess', async () => {
    expect(proposesToOf('Chủ tịch Ủy ban nhân dân tỉnh', 'UBND tỉnh Lâm Đồng')).toBe(
      'Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng',
    );
    expect(proposesToOf('Chủ tịch Ủy ban nhân dân tỉnh', 'Thành phố Hải Phòng')).toBe(
      'Chủ tịch Ủy ban nhân dân thành phố Hải Phòng',
    );
    expect(proposesToOf('Giám đốc Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo tỉnh Lâm Đồng')).toBe(
      'Giám đốc Sở Giáo dục và Đào tạo tỉnh Lâm Đồng',
    );
    expect(proposesToOf('Chủ tịch Ủy ban nhân dân tỉnh', 'Bộ Tư pháp')).toBeNull();
    expect(addresseeOf({ report_to: 'Sở Nội vụ tỉnh Lâm Đồng', proposes_to: 'Chủ tịch' })).toBe(
      'Sở Nội vụ tỉnh Lâm Đồng',
    );
    expect(addresseeOf({ proposes_to: 'Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng' })).toBe(
      'Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng',
    );
    expect(addresseeOf({})).toBe(BLANK_ADDRESSEE);

    const dir = tempDir();
    const init = (name: string, parent: string) =>
      runCli(
        ['init', join(dir, name), '--agency', 'Sở Tư pháp tỉnh Lâm Đồng', '--parent', parent].concat([
          '--symbol',
          'STP',
          '--place',
          'Lâm Đồng',
          '--head-name',
          'Trần Văn Bình',
          '--head-title',
          'Giám đốc',
        ]),
        { env: ENV, cwd: dir },
      );
    const known = await init('a', 'UBND tỉnh Lâm Đồng');
    expect(known.code, known.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a/records/agency.yaml'), 'utf8')).toContain(
      'proposes_to: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng',
    );
    expect(known.stdout).not.toContain('proposes_to');
    const unknown = await init('b', 'Bộ Tư pháp');
    expect(unknown.code, unknown.stderr).toBe(0);
    expect(readFileSync(join(dir, 'b/records/agency.yaml'), 'utf8')).not.toMatch(/^proposes_to:/mu);
    expect(unknown.stdout).toContain(
      'Chưa biết cấp trên nhận công văn gửi quyết định: ghi proposes_to (hoặc report_to) trong records/agency.yaml.',
    );
  });
});

/** ND 152 Điều 50 in a plain list of titles: LĐTT and TTLĐTT get no certificate, CSTĐCS a bằng chứng nhận. */
const TITLES_WITH_CERTIFICATES = readFileSync(join(PROJECT, 'test/fixtures/titles/plain-list.yaml'), 'utf8')
  .replace('  name: Lao động tiên tiến\n', '  name: Lao động tiên tiến\n  certificate: none\n')
  .replace('  name: Tập thể lao động tiên tiến\n', '  name: Tập thể lao động tiên tiến\n  certificate: none\n')
  .replace('  name: Chiến sĩ thi đua cơ sở\n', '  name: Chiến sĩ thi đua cơ sở\n  certificate: bang-chung-nhan\n');

/** A generated agency's 2025 titles round, voted by all, sealed and decided: LĐTT for one department, and a CSTĐCS when asked. */
async function decidedTitles(seed: number, star: boolean) {
  const a = generateAgency({
    seed,
    departments: 2,
    councilSize: 5,
    threshold: { numerator: 2, denominator: 3, of: 'members' },
  });
  writeFileSync(join(a.root, 'records/criteria.yaml'), readFileSync(join(PROJECT, 'records/criteria.yaml')));
  expect(TITLES_WITH_CERTIFICATES.match(/certificate: /g)).toHaveLength(3);
  writeFileSync(join(a.root, 'records/titles.yaml'), TITLES_WITH_CERTIFICATES);
  rmSync(join(a.root, 'records/2025/nominations'), { recursive: true, force: true });
  git(a.root, ['add', '-A']);
  git(a.root, ['commit', '-q', '-m', 'Danh hiệu']);
  const dept = a.departments[1]!;
  const met = ['--met', 'all', '--submitted', '20/11/2025', '--department', dept.id];
  for (const p of a.people.filter((x) => x.department === dept.id))
    await ok(
      a,
      'nominate',
      '2025',
      '--award',
      'lao-dong-tien-tien',
      '--person',
      p.id,
      '--title',
      'Hoàn thành tốt',
      ...met,
    );
  await ok(a, 'nominate', '2025', '--award', 'tap-the-lao-dong-tien-tien', '--title', 'Hoàn thành tốt', ...met);
  if (star) {
    const p = a.people.find((x) => x.department === dept.id && !x.leader)!;
    await ok(
      a,
      'nominate',
      '2025',
      '--award',
      'chien-si-thi-dua-co-so',
      '--person',
      p.id,
      '--title',
      'Sáng kiến',
      '--initiative',
      'Mô tả.',
      ...met,
    );
  }
  const ids = readdirSync(join(a.root, 'records/2025/nominations')).map((f) => f.replace(/\.yaml$/, ''));
  await ballots(
    a,
    2025,
    Array.from({ length: 5 }, () => all(ids)),
  );
  await ok(a, 'tally', '2025', '--seal');
  await ok(a, 'decide', '2025', '--number', '9', '--date', '2026-01-20');
  return a;
}

describe('certificates (ND 152 Điều 50)', () => {
  it('a round of LĐTT and TTLĐTT only: no certificates file, one line says why, in render certificates and render all', async () => {
    const a = await decidedTitles(61, false);
    const one = await run(a, 'render', 'certificates', '2025');
    expect([one.code, one.stdout.trim().split('\n').length]).toEqual([0, 1]);
    expect(one.stdout).toContain('đợt 2025 không có danh hiệu nào được cấp giấy chứng nhận hay giấy khen');
    const every = await run(a, 'render', 'all', '2025');
    expect(every.code, every.stderr).toBe(0);
    expect(every.stdout).toContain('giay-cong-nhan-2025.docx: bỏ qua — đợt 2025 không có danh hiệu nào');
    expect(readdirSync(join(a.root, 'documents/2025'))).not.toContain('giay-cong-nhan-2025.docx');
    expect(readdirSync(join(a.root, 'documents/2025'))).toContain('quyet-dinh-2025.docx');
    // status does not wait for the certificates.
    const status = JSON.parse((await run(a, 'status', '2025', '--json')).stdout) as {
      rounds: Array<{ documents: Array<{ kind: string }> }>;
    };
    expect(status.rounds[0]!.documents.map((d) => d.kind)).not.toContain('certificates');
  }, 60_000);

  it('a bằng chứng nhận without a picture of the Quốc huy: its place kept empty above the agency, and said; with one, the picture there', async () => {
    const a = await decidedTitles(62, true);
    const r = await run(a, 'render', 'certificates', '2025');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'thidua: bằng chứng nhận chưa có Quốc huy: records/agency.yaml không có certificate.logo; chỗ Quốc huy (cao 22 mm, trên tên cơ quan) để trống',
    );
    const file = join(a.root, 'documents/2025/giay-cong-nhan-2025.docx');
    const paras = docxParagraphs(file);
    expect(paras.filter((p) => p === 'TẶNG DANH HIỆU')).toHaveLength(1);
    expect(paras.join('\n')).not.toMatch(/LAO ĐỘNG TIÊN TIẾN/u);
    // The empty paragraph 62 pt (22 mm) high between the Quốc hiệu's rule and the authority, no picture.
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    const body = xml.slice(0, xml.indexOf('TẶNG DANH HIỆU'));
    expect(body).toContain('w:before="1240"');
    expect(xml).not.toContain('<pic:pic');
    // With the picture in agency.yaml, it stands there instead, and nothing is said.
    writeFileSync(join(a.root, 'records/quoc-huy.png'), readFileSync(join(PROJECT, 'docs/images/publish.png')));
    appendFileSync(join(a.root, 'records/agency.yaml'), 'certificate: { logo: records/quoc-huy.png }\n');
    const withLogo = await run(a, 'render', 'certificates', '2025', '--force');
    expect(withLogo.code, withLogo.stderr).toBe(0);
    expect(withLogo.stderr).not.toContain('Quốc huy');
    const xml2 = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    expect(xml2).toContain('<pic:pic');
    expect(xml2.slice(0, xml2.indexOf('TẶNG DANH HIỆU'))).not.toContain('w:before="1240"');
  }, 60_000);
});
