/** LibreOffice headless and poppler: a .docx to PDF, then its text and page facts. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function hasOffice(): boolean {
  return (
    spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 &&
    spawnSync('pdftotext', ['-v']).status === 0
  );
}

/** Convert with a private profile, so parallel test files do not fight over one. */
export function toPdf(docx: string): string {
  const out = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
  const profile = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
  const res = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (res.status !== 0) throw new Error(`soffice failed: ${res.stderr}`);
  return join(out, basename(docx).replace(/\.docx$/, '.pdf'));
}

export function pdfText(pdf: string, options: string[] = []): string {
  return spawnSync('pdftotext', [...options, pdf, '-'], { encoding: 'utf8' }).stdout;
}

export function pdfInfo(pdf: string): { pages: number; landscape: boolean; a4: boolean } {
  const out = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
  const w = Number(m?.[1] ?? 0);
  const h = Number(m?.[2] ?? 0);
  return { pages, landscape: w > h, a4: /A4/.test(out) };
}
