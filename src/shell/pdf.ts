/**
 * PDF copies of rendered documents, through LibreOffice when it is installed (the copy an office
 * signs digitally; PDF/A-2b for archiving). One conversion for all files, with a private profile so
 * it runs beside an open LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../core/diagnostics.js';
import { environmentError } from '../errors.js';

function onPath(env: NodeJS.ProcessEnv, names: readonly string[]): string | null {
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

/** LibreOffice's program, or a one-line error saying how to install it. */
export function findOffice(env: NodeJS.ProcessEnv): string {
  const found = onPath(env, ['soffice', 'libreoffice']);
  if (found === null) {
    throw environmentError(
      t(
        'cần LibreOffice để in PDF (--pdf) nhưng không tìm thấy chương trình soffice; cài nó (Debian, Ubuntu: apt-get install libreoffice-writer-nogui) hoặc bỏ --pdf',
        'a PDF (--pdf) needs LibreOffice, but no soffice program was found; install it (Debian, Ubuntu: apt-get install libreoffice-writer-nogui) or leave out --pdf',
      ),
    );
  }
  return found;
}

/** The PDF bytes of each .docx, by file name (quyet-dinh-2016.docx → its PDF). */
export function convertToPdf(office: string, docxFiles: readonly string[], pdfa: boolean): Map<string, Buffer> {
  const out = mkdtempSync(join(tmpdir(), 'thidua-pdf-'));
  const profile = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
  try {
    const filter = pdfa ? 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}' : 'pdf';
    const res = spawnSync(
      office,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        out,
        ...docxFiles,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const result = new Map<string, Buffer>();
    for (const f of docxFiles) {
      const pdf = join(out, basename(f).replace(/\.docx$/, '.pdf'));
      try {
        result.set(basename(f), readFileSync(pdf));
      } catch {
        const said = (res.stderr || res.error?.message || '').trim().split('\n')[0] ?? '';
        throw environmentError(
          t(
            `LibreOffice không chuyển được ${basename(f)} sang PDF${said ? `: ${said}` : ''}`,
            `LibreOffice could not convert ${basename(f)} to PDF${said ? `: ${said}` : ''}`,
          ),
        );
      }
    }
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
