/**
 * The pages as LibreOffice lays them out: a signature block never alone on the last page (the
 * example's 2025 decision, both meeting minutes, the 2016 count minutes), and a council's name
 * without `council.header` never broken inside "KHEN THƯỞNG".
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, runCli, tempDir, workspace } from '../helpers/workspace.js';
import { hasOffice, pdfInfo, pdfText, toPdf } from '../helpers/office.js';
import { decidedAgency } from '../helpers/round.js';

afterAll(cleanupTemp);

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!hasOffice())('signed documents on the page', () => {
  it('the last page holds the last paragraph with the signature block', async () => {
    const root = workspace({ from: 'example' });
    const out = tempDir();
    for (const year of ['2016', '2025'])
      expect((await runCli(['render', 'all', year, '--out', join(out, year)], { cwd: root })).code).toBe(0);
    const cases: Array<[string, string, string]> = [
      ['2025', 'quyet-dinh-2025.docx', 'thihànhQuyếtđịnhnày./.'],
      ['2025', 'bien-ban-hop-2025.docx', 'tạicuộchọp./.'],
      ['2016', 'bien-ban-hop-2016.docx', 'tạicuộchọp./.'],
      ['2016', 'bien-ban-kiem-phieu-2016.docx', 'thốngnhấtkýtên.'],
    ];
    for (const [year, file, last] of cases) {
      const pdf = toPdf(join(out, year, file));
      const pages = pdfInfo(pdf).pages;
      const text = squash(pdfText(pdf, ['-f', String(pages), '-l', String(pages)]));
      expect(text, `${file}, page ${pages}`).toContain(last);
    }
  }, 240_000);

  it('a council named without header lines prints “THI ĐUA - KHEN THƯỞNG” on one line', async () => {
    const a = await decidedAgency({ seed: 35, departments: 2, councilSize: 5 });
    const lines = pdfText(toPdf(join(a.root, `documents/${a.year}/to-trinh-${a.year}.docx`)), ['-layout'])
      .split('\n')
      .map((l) => l.trim());
    expect(lines.some((l) => l.startsWith('THI ĐUA - KHEN THƯỞNG'))).toBe(true);
    expect(lines.some((l) => /KHEN$/u.test(l.split(/\s{3,}/u)[0]!))).toBe(false);
  }, 120_000);
});
