/**
 * The pages as LibreOffice lays them out: a signature block never alone on the last page (the
 * example's 2025 decision, both meeting minutes, the 2016 count minutes), and a council's name
 * without `council.header` never broken inside "KHEN THƯỞNG".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir, workspace } from '../helpers/workspace.js';
import { hasOffice, pdfBatch, pdfInfo, pdfText } from '../helpers/office.js';
import { decidedAgency, ok } from '../helpers/round.js';

afterAll(cleanupTemp);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!hasOffice())('signed documents on the page', () => {
  // The documents read through LibreOffice are made first and converted in one start.
  const batch = pdfBatch();
  beforeAll(() => batch.convert(), 240_000);

  const cases: Array<[string, string, string]> = [
    ['2025', 'quyet-dinh-2025.docx', 'thihànhQuyếtđịnhnày./.'],
    ['2025', 'bien-ban-hop-2025.docx', 'tạicuộchọp./.'],
    ['2016', 'bien-ban-hop-2016.docx', 'tạicuộchọp./.'],
    ['2016', 'bien-ban-kiem-phieu-2016.docx', 'thốngnhấtkýtên.'],
  ];
  const example = batch.add(async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    for (const year of ['2016', '2025'])
      expect((await runCli(['render', 'all', year, '--out', join(out, year)], { cwd: root })).code).toBe(0);
    return { docs: cases.map(([year, file]) => join(out, year, file)) };
  });
  it('the last page holds the last paragraph with the signature block', () => {
    const { pdfs } = example.get();
    for (const [i, [, file, last]] of cases.entries()) {
      const pdf = pdfs[i]!;
      const pages = pdfInfo(pdf).pages;
      const text = squash(pdfText(pdf, ['-f', String(pages), '-l', String(pages)]));
      expect(text, `${file}, page ${pages}`).toContain(last);
    }
  });

  const unnamed = batch.add(async () => {
    const a = await decidedAgency({ seed: 35, departments: 2, councilSize: 5 });
    return { docs: [join(a.root, `documents/${a.year}/to-trinh-${a.year}.docx`)] };
  });
  it('a council named without header lines prints “THI ĐUA - KHEN THƯỞNG” on one line', () => {
    const lines = pdfText(unnamed.get().pdfs[0]!, ['-layout'])
      .split('\n')
      .map((l) => l.trim());
    expect(lines.some((l) => l.startsWith('THI ĐUA - KHEN THƯỞNG'))).toBe(true);
    expect(lines.some((l) => /KHEN$/u.test(l.split(/\s{3,}/u)[0]!))).toBe(false);
  });

  it('render --pdf twice gives the same bytes; a missing Times New Roman is said once', async () => {
    const a = await decidedAgency({ seed: 36, departments: 2, councilSize: 5 });
    const pdf = join(a.root, `documents/${a.year}/quyet-dinh-${a.year}.pdf`);
    const first = await ok(a, 'render', 'all', String(a.year), '--force', '--pdf');
    const bytes = readFileSync(pdf);
    await new Promise((r) => setTimeout(r, 1100)); // LibreOffice stamps the second
    await ok(a, 'render', 'decision', String(a.year), '--force', '--pdf');
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(
      /CreationDate:\s+\S+ Jan 20 00:00:00 2026/,
    );
    const times = spawnSync('fc-match', ['-f', '%{family[0]}', 'Times New Roman'], { encoding: 'utf8' }).stdout;
    const notices = first.stderr.split('\n').filter((l) => l.includes('Times New Roman'));
    expect(notices).toEqual(
      times === 'Times New Roman'
        ? []
        : [
            `máy này không có phông Times New Roman: bản PDF dùng ${times} (cùng độ rộng chữ); bản Word vẫn dùng Times New Roman`,
          ],
    );
  }, 240_000);
});
