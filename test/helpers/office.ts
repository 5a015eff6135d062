/** LibreOffice headless and poppler: a .docx to PDF, then its text and page facts. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function hasOffice(): boolean {
  return (
    spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 &&
    spawnSync('pdftotext', ['-v']).status === 0
  );
}

/**
 * Convert with a private profile, so parallel test files do not fight over one. Each start of
 * LibreOffice costs seconds: give every document a test reads at once (their PDFs come in order).
 */
export function toPdfs(docxs: readonly string[]): string[] {
  const names = docxs.map((d) => basename(d).replace(/\.docx$/, '.pdf'));
  if (new Set(names).size !== names.length) throw new Error(`two documents of one name: ${names.join(', ')}`);
  const out = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
  const profile = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
  const res = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docxs],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const pdfs = names.map((n) => join(out, n));
  const missing = pdfs.filter((p) => !existsSync(p));
  if (res.status !== 0 || missing.length) throw new Error(`soffice failed (${missing.join(', ')}): ${res.stderr}`);
  return pdfs;
}

export function toPdf(docx: string): string {
  return toPdfs([docx])[0]!;
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

/** What a test of a batch gets: what its setup returned, and the PDF of each document it named. */
export interface Converted<T> {
  readonly value: T;
  readonly pdfs: readonly string[];
}

/**
 * One start of LibreOffice for a whole test file: each test adds its setup (it makes documents and
 * names them), `convert` (in a beforeAll) runs every setup in order, then converts all their
 * documents at once; a test reads its own through `get`.
 */
export function pdfBatch() {
  const jobs: Array<{ setup: () => Promise<{ docs: string[]; value: unknown }>; done?: Converted<unknown> }> = [];
  return {
    add<T = undefined>(setup: () => Promise<{ docs: string[]; value?: T }>): { get(): Converted<T> } {
      const job: (typeof jobs)[number] = { setup: async () => ({ value: undefined, ...(await setup()) }) };
      jobs.push(job);
      return {
        get: () => {
          if (!job.done) throw new Error('pdfBatch: convert() has not run');
          return job.done as Converted<T>;
        },
      };
    },
    async convert(): Promise<void> {
      const made: Array<{ docs: string[]; value: unknown }> = [];
      for (const job of jobs) made.push(await job.setup());
      // Each document under a name of its own, so that one start converts them all.
      const dir = mkdtempSync(join(tmpdir(), 'thidua-batch-'));
      const copies = made.flatMap((m, i) =>
        m.docs.map((d, j) => {
          const copy = join(dir, `${i}-${j}-${basename(d)}`);
          copyFileSync(d, copy);
          return copy;
        }),
      );
      const pdfs = toPdfs(copies);
      let k = 0;
      for (const [i, job] of jobs.entries()) {
        const m = made[i]!;
        job.done = { value: m.value, pdfs: pdfs.slice(k, k + m.docs.length) };
        k += m.docs.length;
      }
    },
  };
}
