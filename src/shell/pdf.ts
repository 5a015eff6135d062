/**
 * PDF copies of rendered documents, through LibreOffice when it is installed (the copy an office
 * signs digitally; PDF/A-2b for archiving). One conversion for all files, with a private profile so
 * it runs beside an open LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../core/diagnostics.js';
import { environmentError } from '../errors.js';

function onPath(env: NodeJS.ProcessEnv, names: readonly string[], platform: NodeJS.Platform): string | null {
  const paths = platform === 'win32' ? win32 : posix;
  // Windows names its PATH "Path"; Node's env on Windows answers either spelling, a copy may not.
  const path = env['PATH'] ?? env['Path'] ?? '';
  for (const dir of path.split(paths.delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = paths.join(dir, name);
      if (runnable(file)) return file;
    }
  }
  return null;
}

function runnable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where LibreOffice's soffice.exe is on a Windows PC: its installer's folders under Program Files
 * (64 and 32 bits) and a per-user install, in that order.
 */
export function windowsOfficePlaces(env: NodeJS.ProcessEnv): string[] {
  const bases = [
    env['ProgramFiles'],
    env['ProgramW6432'],
    env['ProgramFiles(x86)'],
    env['LOCALAPPDATA'] && win32.join(env['LOCALAPPDATA'], 'Programs'),
  ];
  const places = bases
    .filter((b): b is string => !!b)
    .map((b) => win32.join(b, 'LibreOffice', 'program', 'soffice.exe'));
  return [...new Set(places)];
}

/** LibreOffice's program (on PATH; on Windows also where its installer puts it), or a one-line error saying how to install it. */
export function findOffice(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const found =
    platform === 'win32'
      ? (onPath(env, ['soffice.exe', 'soffice.com'], platform) ?? windowsOfficePlaces(env).find(runnable) ?? null)
      : onPath(env, ['soffice', 'libreoffice'], platform);
  if (found === null) {
    throw environmentError(
      platform === 'win32'
        ? t(
            'cần LibreOffice để in PDF (--pdf) nhưng không tìm thấy soffice.exe (trong Program Files hay trên PATH); cài LibreOffice (https://www.libreoffice.org/download/) hoặc bỏ --pdf',
            'a PDF (--pdf) needs LibreOffice, but no soffice.exe was found (in Program Files or on PATH); install LibreOffice (https://www.libreoffice.org/download/) or leave out --pdf',
          )
        : t(
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
