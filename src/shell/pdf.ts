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
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { t, type Localized } from '../core/diagnostics.js';
import { environmentError } from '../errors.js';

function onPath(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string | null {
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

/**
 * The font LibreOffice sets Times New Roman in, when it is not installed ("Liberation Serif", the
 * same widths), or null when it is there or fontconfig cannot say.
 */
export function timesSubstitute(env: NodeJS.ProcessEnv): string | null {
  const fc = onPath(env, ['fc-match'], process.platform);
  if (fc === null) return null;
  const res = spawnSync(fc, ['-f', '%{family[0]}', 'Times New Roman'], { encoding: 'utf8', env });
  const family = res.status === 0 ? res.stdout.trim() : '';
  return family === '' || /^Times New Roman$/iu.test(family) ? null : family;
}

/** The notice, said once per command, that the PDF is set in another font than the Word file. */
export function fontNotice(family: string): Localized {
  return t(
    `máy này không có phông Times New Roman: bản PDF dùng ${family} (cùng độ rộng chữ); bản Word vẫn dùng Times New Roman`,
    `Times New Roman is not installed here: the PDF copies use ${family} (the same widths); the Word files keep Times New Roman`,
  );
}

/** The docx's own date (docProps/core.xml, fixed by the writer), as PDF and XMP stamps. */
function stampOf(docx: Buffer): { pdf: string; xmp: string } {
  let iso = '2000-01-01T00:00:00Z';
  try {
    const files = unzipSync(new Uint8Array(docx), { filter: (f) => f.name === 'docProps/core.xml' });
    const m = /<dcterms:created[^>]*>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/.exec(strFromU8(files['docProps/core.xml']!));
    if (m) iso = `${m[1]!}Z`;
  } catch {
    /* not a docx thidua wrote: the fixed default */
  }
  return { pdf: iso.replace(/[-T:Z]/g, ''), xmp: iso };
}

/**
 * The same PDF from the same Word file: LibreOffice's time stamps (CreationDate, XMP dates) set to
 * the document's own date, its /ID and /DocChecksum to a hash of the rest. Every replacement keeps
 * its length, so the cross-reference offsets stay right.
 */
export function reproduciblePdf(pdf: Buffer, docx: Buffer): Buffer {
  const stamp = stampOf(docx);
  let text = pdf.toString('latin1');
  text = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{14})/g, (_m, a: string) => `${a}${stamp.pdf}`);
  text = text.replace(
    /(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:Z|[+-]\d\d:\d\d)?/g,
    (m, a: string) => `${a}${stamp.xmp}`.padEnd(m.length, ' ').slice(0, m.length),
  );
  const zeroed = text
    .replace(
      /(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)>/g,
      (_m, a: string, x: string, b: string, y: string) => `${a}${'0'.repeat(x.length)}${b}${'0'.repeat(y.length)}>`,
    )
    .replace(/(\/DocChecksum\s*\/)([0-9A-Fa-f]+)/g, (_m, a: string, x: string) => `${a}${'0'.repeat(x.length)}`);
  const hash = createHash('md5').update(zeroed, 'latin1').digest('hex').toUpperCase();
  const fill = (n: number) => hash.repeat(Math.ceil(n / hash.length)).slice(0, n);
  text = zeroed
    .replace(
      /(\/ID\s*\[\s*<)(0+)(>\s*<)(0+)>/g,
      (_m, a: string, x: string, b: string, y: string) => `${a}${fill(x.length)}${b}${fill(y.length)}>`,
    )
    .replace(/(\/DocChecksum\s*\/)(0+)/g, (_m, a: string, x: string) => `${a}${fill(x.length)}`);
  return Buffer.from(text, 'latin1');
}

/** The PDF bytes of each .docx, by file name (quyet-dinh-2016.docx → its PDF), the same for the same file. */
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
        result.set(basename(f), reproduciblePdf(readFileSync(pdf), readFileSync(f)));
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
