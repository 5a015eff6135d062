/**
 * Every table of every generated document fits the page as Microsoft Word reads it: widths in
 * twips (never percentages, which docx multiplies again), within the text area of its section.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { cleanupTemp, runCli, tempDir, workspace } from '../helpers/workspace.js';
import { all, ballots, decidedAgency, ENV, ok, run } from '../helpers/round.js';
import { generateAgency } from '../helpers/agency.js';

afterAll(cleanupTemp);

const attr = (xml: string, name: string) => Number(new RegExp(`w:${name}="(-?\\d+)"`).exec(xml)?.[1] ?? NaN);

/** Every width problem of one .docx: "what: value > limit". */
function widthProblems(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const problems: string[] = [];
  if (/w:type="pct"/.test(xml)) problems.push('a width given as a percentage');
  // Each section ends with its sectPr; the tables before it are laid out on its page.
  const parts = xml.split('</w:sectPr>').slice(0, -1);
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    const sect = part.slice(part.lastIndexOf('<w:sectPr'));
    const page = attr(/<w:pgSz[^>]*>/.exec(sect)![0], 'w');
    const margins = /<w:pgMar[^>]*>/.exec(sect)![0];
    const text = page - attr(margins, 'left') - attr(margins, 'right');
    for (const table of part.split('<w:tbl>').slice(1)) {
      const tblW = attr(/<w:tblW [^>]*>/.exec(table)![0], 'w');
      if (!(tblW <= text)) problems.push(`table ${tblW} > ${text}`);
      const ind = /<w:tblInd [^>]*>/.exec(table);
      if (ind && attr(ind[0], 'w') < 0) problems.push(`table indented into the margin ${attr(ind[0], 'w')}`);
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
      const sum = grid.reduce((s, w) => s + w, 0);
      if (grid.length === 0 || sum > text) problems.push(`grid ${sum} > ${text}`);
      if (!/<w:tblLayout w:type="fixed"\/>/.test(table)) problems.push('a table without a fixed layout');
      for (const m of table.matchAll(/<w:tcW ([^>]*)>/g)) {
        const w = attr(m[1]!, 'w');
        if (!/w:type="dxa"/.test(m[1]!) || !(w <= text)) problems.push(`cell ${m[1]!}`);
      }
    }
  }
  return problems;
}

function docxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.docx'))
    .map((f) => join(dir, f));
}

describe('document geometry', () => {
  it('the example: no table or cell wider than the text area in any document', async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    for (const args of [
      ['render', 'all', '2016', '--out', out],
      ['render', 'report', '--from', '2016', '--to', '2017', '--out', out],
    ]) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, r.stderr).toBe(0);
    }
    const files = docxFiles(out);
    expect(files.length).toBe(8);
    for (const f of files) expect(widthProblems(readFileSync(f)), f).toEqual([]);
    // The year-end titles of 2025: the title-by-title decision, list and minutes, and the Tờ trình upward.
    const out2025 = tempDir();
    expect((await runCli(['render', 'all', '2025', '--out', out2025], { cwd: root })).code).toBe(0);
    const titled = docxFiles(out2025);
    expect(titled.map((f) => f.split('/').pop()).sort()).toContain('to-trinh-cap-tren-2025.docx');
    expect(titled.length).toBe(8);
    for (const f of titled) expect(widthProblems(readFileSync(f)), f).toEqual([]);
  });

  it('a fresh agency: the same for its decided round, and its ballot paper', async () => {
    const a = await decidedAgency({ seed: 101, councilSize: 9, departments: 6 });
    expect((await runCli(['--root', a.root, 'render', 'ballots', String(a.year)], { env: ENV })).code).toBe(0);
    const files = docxFiles(join(a.root, 'documents'));
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual([
      `bien-ban-hop-${a.year}.docx`,
      `bien-ban-kiem-phieu-${a.year}.docx`,
      `cong-van-gui-${a.year}.docx`,
      `danh-sach-${a.year}.docx`,
      `giay-cong-nhan-${a.year}.docx`,
      `phieu-bau-${a.year}.docx`,
      `quyet-dinh-${a.year}.docx`,
      `to-trinh-${a.year}.docx`,
    ]);
    for (const f of files) expect(widthProblems(readFileSync(f)), f).toEqual([]);
  });

  it('page numbers: a PAGE field at the top centre from page 2 of the decision, minutes, list and report; none on certificates and ballot papers', async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    expect((await runCli(['render', 'all', '2016', '--out', out], { cwd: root })).code).toBe(0);
    expect(
      (await runCli(['render', 'report', '--from', '2016', '--to', '2017', '--out', out], { cwd: root })).code,
    ).toBe(0);
    for (const f of docxFiles(out)) {
      const files = unzipSync(readFileSync(f));
      const doc = strFromU8(files['word/document.xml']!);
      const rels = strFromU8(files['word/_rels/document.xml.rels']!);
      const target = (type: string) => {
        const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(doc)?.[1];
        const file = id
          ? (new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
            new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1])
          : undefined;
        return file ? strFromU8(files[`word/${file}`]!) : null;
      };
      if (f.includes('giay-cong-nhan') || f.includes('phieu-bau')) {
        expect(doc, f).not.toContain('<w:headerReference');
        continue;
      }
      expect(doc, f).toContain('<w:titlePg/>');
      const header = target('default')!;
      expect(header, f).toMatch(/<w:jc w:val="center"\/>/);
      expect(header, f).toMatch(/PAGE/);
      expect(header, f).toContain('<w:sz w:val="28"/>');
      expect(target('first') ?? '', f).not.toMatch(/PAGE/);
    }
  });

  it('ND 30 rules: a line under the issuing body, the Tiêu ngữ and the trích yếu, drawn as lines (no underlined text); the list, an appendix, has one under its “Kèm theo” line', async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    expect((await runCli(['render', 'all', '2016', '--out', out], { cwd: root })).code).toBe(0);
    for (const name of ['quyet-dinh-2016.docx', 'bien-ban-kiem-phieu-2016.docx', 'danh-sach-2016.docx']) {
      const xml = strFromU8(unzipSync(readFileSync(join(out, name)))['word/document.xml']!);
      expect(xml, name).not.toContain('<w:u ');
      // Each rule is an empty paragraph with a bottom border, indented equally on both sides.
      const rules = [
        ...xml.matchAll(
          /<w:p>(?:(?!<\/w:p>).)*?<w:pBdr><w:bottom[^>]*\/><\/w:pBdr>(?:(?!<\/w:p>).)*?<w:ind w:left="(\d+)" w:right="(\d+)"\/>/g,
        ),
      ];
      const appendix = name.startsWith('danh-sach');
      expect(rules.length, name).toBe(appendix ? 1 : 3);
      for (const r of rules) expect(r[1], name).toBe(r[2]);
      // The trích yếu's rule: a third to a half of its line; the decision's wraps, so its line is the text area.
      const text = appendix ? 252 : 165;
      const ruleMm = text - (2 * Number(rules[appendix ? 0 : 2]![1])) / 56.7;
      expect(ruleMm, name).toBeGreaterThanOrEqual(name.startsWith('quyet-dinh') ? text / 3 - 1 : 20);
      expect(ruleMm, name).toBeLessThanOrEqual(text / 2 + 1);
    }
  });

  it('the decision: “Điều N.” in bold, Điều 1 counting “0N tập thể và 0N cá nhân (có danh sách kèm theo)”, the effective date its own article, Nơi nhận starting “- Như Điều 4;”; Vietnamese text in NFC marked vi-VN', async () => {
    const a = await decidedAgency({ seed: 102 });
    // A name typed with combining marks (NFD), as some keyboards and copies from PDF give it.
    const people = join(a.root, 'records/people.yaml');
    const nfd = a.people[2]!.name.normalize('NFD');
    writeFileSync(people, readFileSync(people, 'utf8').replace(a.people[2]!.name, nfd));
    const out = tempDir();
    for (const kind of ['decision', 'list'])
      expect(
        (
          await runCli(['--root', a.root, 'render', kind, String(a.year), '--out', out], {
            env: { THIDUA_TODAY: '2026-01-20' },
          })
        ).code,
      ).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(out, `quyet-dinh-${a.year}.docx`)))['word/document.xml']!);
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => ({
      bold: /<w:b\/>/.test(m[1]!),
      text: /<w:t[^>]*>([^<]*)<\/w:t>/.exec(m[1]!)?.[1] ?? '',
    }));
    for (const n of [1, 2, 3, 4])
      expect(
        runs.find((r) => r.text === `Điều ${n}.`),
        `Điều ${n}.`,
      ).toMatchObject({ bold: true });
    const tally = JSON.parse(
      (await runCli(['--root', a.root, 'tally', String(a.year), '--json'], { env: { THIDUA_TODAY: '2026-01-20' } }))
        .stdout,
    ) as { results: Array<{ kind: string; recognised: boolean }> };
    const count = (k: string) =>
      String(tally.results.filter((r) => r.kind === k && r.recognised).length).padStart(2, '0');
    const text = runs.map((r) => r.text).join('');
    expect(text).toContain(`Công nhận ${count('collective')} tập thể và ${count('individual')} cá nhân đạt`);
    expect(text).toContain('(có danh sách kèm theo).');
    expect(text).toContain('Điều 3. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(text).toContain('Điều 4. Thủ trưởng các phòng, đơn vị có liên quan và các tập thể, cá nhân');
    const recipients = runs.filter((r) => r.text.startsWith('- ')).map((r) => r.text);
    expect(recipients[0]).toBe('- Như Điều 4;');
    expect(xml.normalize('NFC')).toBe(xml);
    // The names are in the attached list: written in NFC whatever the records hold.
    const list = strFromU8(unzipSync(readFileSync(join(out, `danh-sach-${a.year}.docx`)))['word/document.xml']!);
    expect(list).not.toContain(nfd);
    expect(list).toContain(a.people[2]!.name.normalize('NFC'));
    expect([...xml.matchAll(/<w:lang w:val="vi-VN"\/>/g)].length).toBeGreaterThan(runs.length - 1);
  });

  it('who signs: KT. over the signer’s own title on two lines, Q. on one, from decision.yaml; room to sign kept with the title', async () => {
    const a = generateAgency({ seed: 103, councilSize: 5, threshold: { numerator: 1, denominator: 2, of: 'members' } });
    await ballots(a, a.year, Array(5).fill(all(a.nominations)));
    await ok(a, 'tally', String(a.year), '--seal');
    const bad = await run(
      a,
      'decide',
      String(a.year),
      '--number',
      '7',
      '--date',
      `${a.year + 1}-01-20`,
      '--sign-as',
      'XY',
    );
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'thidua: --sign-as “XY” không phải thể thức ký; một trong: KT, Q, TM, TL, TUQ\n',
    ]);
    await ok(
      a,
      'decide',
      String(a.year),
      '--number',
      '7',
      '--date',
      `${a.year + 1}-01-20`,
      '--signer',
      'Trần Văn Bình',
      '--signer-title',
      'Phó Giám đốc',
      '--sign-as',
      'KT',
    );
    expect(readFileSync(join(a.root, `records/${a.year}/decision.yaml`), 'utf8')).toMatch(
      /signer:\n {2}title: Phó Giám đốc\n {2}name: Trần Văn Bình\n {2}form: KT\n {2}for: Giám đốc\n/,
    );
    await ok(a, 'render', 'decision', String(a.year));
    const text = (file: string) => {
      const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
      return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
        keep: m[1]!.includes('<w:keepNext/>'),
        text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
      }));
    };
    const paras = text(join(a.root, `documents/${a.year}/quyet-dinh-${a.year}.docx`));
    const at = paras.findIndex((x) => x.text === 'KT. GIÁM ĐỐC');
    expect(paras.slice(at, at + 9).map((x) => x.text)).toEqual([
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      '',
      '',
      '',
      '',
      '',
      '',
      'Trần Văn Bình',
    ]);
    expect(paras.slice(at, at + 8).every((x) => x.keep)).toBe(true);
    await ok(
      a,
      'decide',
      String(a.year),
      '--number',
      '7',
      '--date',
      `${a.year + 1}-01-20`,
      '--force',
      '--signer',
      'Trần Văn Bình',
      '--signer-title',
      'Phó Giám đốc',
      '--sign-as',
      'Q.',
    );
    await ok(a, 'render', 'decision', String(a.year), '--force');
    expect(text(join(a.root, `documents/${a.year}/quyet-dinh-${a.year}.docx`)).map((x) => x.text)).toContain(
      'Q. GIÁM ĐỐC',
    );
  });

  it('the check itself finds a percentage width and a table wider than the page', () => {
    const page = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1701" w:right="850"/></w:sectPr>';
    const doc = (tbl: string) => {
      const files = { 'word/document.xml': new TextEncoder().encode(`<w:body>${tbl}${page}</w:body>`) };
      return zipSync(files);
    };
    expect(
      widthProblems(
        doc(
          '<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="250000"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid></w:tbl>',
        ),
      ),
    ).toEqual(['a width given as a percentage', 'table 250000 > 9355']);
    expect(
      widthProblems(
        doc(
          '<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="10092"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="10092"/></w:tblGrid></w:tbl>',
        ),
      ),
    ).toEqual(['table 10092 > 9355', 'grid 10092 > 9355']);
  });
});

describe('the certificate', () => {
  it('is a certificate, not a letter: centred on the sheet, the Quốc hiệu on top, the agency after the recipient, decision and register bottom left', async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    expect((await runCli(['render', 'certificates', '2016', '--out', out], { cwd: root })).code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(out, 'giay-cong-nhan-2016.docx')))['word/document.xml']!);
    const margins = [...xml.matchAll(/<w:pgMar [^>]*w:right="(\d+)"[^>]*w:left="(\d+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(margins.length).toBe(11);
    for (const [right, left] of margins) expect(left).toBe(right);
    const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(texts[0]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Kế toán, Văn phòng, Thanh tra tỉnh Bình Phước');
    expect(texts).toContain('Quyết định số 05/QĐ-TTr ngày 25/01/2017');
    expect(texts).toContain('Số sổ: 07/2016');
    expect(widthProblems(readFileSync(join(out, 'giay-cong-nhan-2016.docx')))).toEqual([]);
  });
});
