/** Rendering a round's documents: templates from the workspace (or thidua's defaults), bytes from the model. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { t, type Diagnostic, type Localized } from '../core/diagnostics.js';
import { DOCUMENTS, type DocumentDef } from '../core/documents/index.js';
import { COMMON_FIELDS, type DocumentInput } from '../core/documents/context.js';
import { imageInfo } from '../core/documents/image.js';
import type { Agency } from '../core/schemas/agency.js';
import { findingsError } from '../errors.js';
import { parseTemplate, type Template } from '../core/documents/template.js';
import type { Round } from '../core/records/workspace.js';
import type { Loaded } from './load.js';
import { packageFile } from './package-files.js';
import { documentAgency } from '../core/records/basis.js';
import { roundTemplatePath } from '../core/records/paths.js';
import { sha256Hex } from '../core/seal.js';
import { assertInside, createFileExclusive, FileExistsError, linkOutside } from './safe-write.js';

/** A file's bytes (a path, or one relative to root), or null when it is absent or unreadable. */
function currentBytesInside(root: string, rel: string): Buffer | null {
  try {
    return readFileSync(rel === '' ? root : join(root, rel));
  } catch {
    return null;
  }
}

/** A file's bytes by its path, or null when it is absent or unreadable. */
export function fileBytes(path: string): Buffer | null {
  return currentBytesInside(path, '');
}

export interface TemplateLoad {
  template: Template | null;
  diagnostics: Diagnostic[];
  /** Where it came from, relative to the workspace when it is the workspace's own. */
  source: string;
}

/**
 * The template text in force: the round's frozen copy, else the workspace's own, else thidua's.
 * `outside` names a workspace template that is a link leading out of the workspace: it is not read.
 */
export function templateSource(
  root: string,
  template: string,
  year?: number,
): { path: string | null; shown: string; outside?: string } {
  const inWorkspace = (rel: string) => {
    const path = join(root, rel);
    const link = linkOutside(root, path);
    return link !== null
      ? { path, shown: rel, outside: relative(root, link) }
      : existsSync(path)
        ? { path, shown: rel }
        : null;
  };
  if (year !== undefined) {
    const frozen = inWorkspace(roundTemplatePath(year, template));
    if (frozen) return frozen;
  }
  const own = inWorkspace(`templates/${template}`);
  if (own) return own;
  // thidua's own (path null): a file of its package folder, or of the single executable.
  return { path: null, shown: `(thidua) templates/${template}` };
}

/** A template's bytes: the workspace's file at `path`, or thidua's own (path null). */
function templateBytes(path: string | null, template: string): Buffer {
  return path === null ? packageFile('templates', template) : readFileSync(path);
}

export function loadTemplate(
  root: string,
  def: Pick<DocumentDef, 'template' | 'spec'>,
  fields: readonly string[] = COMMON_FIELDS,
  year?: number,
): TemplateLoad {
  const { path, shown, outside } = templateSource(root, def.template, year);
  if (outside !== undefined) {
    return {
      template: null,
      source: shown,
      diagnostics: [
        {
          severity: 'error',
          code: 'template-section',
          file: shown,
          line: 1,
          column: 1,
          message: t(
            `không đọc mẫu: ${outside} là liên kết tượng trưng trỏ ra ngoài không gian làm việc`,
            `the template is not read: ${outside} is a symbolic link that points outside the workspace`,
          ),
        },
      ],
    };
  }
  let text: string;
  try {
    text = templateBytes(path, def.template).toString('utf8');
  } catch (err) {
    return {
      template: null,
      source: shown,
      diagnostics: [
        {
          severity: 'error',
          code: 'template-section',
          file: shown,
          line: 1,
          column: 1,
          message: t(
            `không đọc được mẫu: ${(err as Error).message}`,
            `cannot read the template: ${(err as Error).message}`,
          ),
        },
      ],
    };
  }
  const { template, diagnostics } = parseTemplate(shown, text, def.spec, fields);
  return { template: diagnostics.length ? null : template, diagnostics, source: shown };
}

/** Why a document cannot be rendered yet, or null. */
export function missingPrerequisite(def: DocumentDef, round: Round): Localized | null {
  if (def.needs === 'nominations') {
    if (!round.council)
      return t(
        `đợt ${round.year} chưa có Hội đồng (thidua round ${round.year})`,
        `round ${round.year} has no council yet (thidua round ${round.year})`,
      );
    if (round.nominations.length === 0)
      return t(
        `đợt ${round.year} chưa có đề nghị nào (thidua nominate ${round.year})`,
        `round ${round.year} has no nominations yet (thidua nominate ${round.year})`,
      );
    return null;
  }
  if (!round.tally) {
    return t(
      `đợt ${round.year} chưa niêm phong kết quả (thidua tally ${round.year} --seal)`,
      `round ${round.year} is not sealed yet (thidua tally ${round.year} --seal)`,
    );
  }
  if (def.needs === 'decision' && !round.decision) {
    return t(
      `đợt ${round.year} chưa ghi quyết định đã ký (thidua decide ${round.year} --number N --date YYYY-MM-DD)`,
      `round ${round.year} has no signed decision recorded (thidua decide ${round.year} --number N --date YYYY-MM-DD)`,
    );
  }
  return null;
}

export interface Rendered {
  def: DocumentDef;
  path: string;
  bytes: Uint8Array;
  /** What the bytes were rendered from: see `inputsDigest`. */
  digest: string;
}

/** The document model of one document of the round (pure, and cheap next to rendering it). */
export interface RenderOptions {
  copies?: number;
  blankStock?: boolean;
}

function modelOf(loaded: Loaded, round: Round, def: DocumentDef, template: Template, options: RenderOptions = {}) {
  const index = loaded.view(round);
  const agency = printedAgency(loaded, round)!;
  const logo = def.kind === 'certificates' && !options.blankStock ? certificateLogo(loaded.root, agency) : undefined;
  return def.build({
    agency,
    round,
    index,
    template,
    copies: options.copies ?? 1,
    ...(logo ? { logo } : {}),
    ...(options.blankStock ? { blankStock: true } : {}),
  });
}

/**
 * The agency as the round's documents print it, with today's print settings (the certificate's
 * logo and the places on bought blanks): how a paper is printed is not part of what was decided.
 */
function printedAgency(loaded: Loaded, round: Round): Agency | null {
  const agency = documentAgency(loaded.view(round), round);
  if (!agency) return null;
  const certificate = loaded.workspace.agency?.value.certificate;
  const { certificate: _then, ...rest } = agency;
  return certificate ? { ...rest, certificate } : rest;
}

/** Whether the certificates' logo, if any, can be read: when it cannot, the certificates go unchecked. */
function logoReadable(root: string, agency: Agency, def: DocumentDef): boolean {
  if (def.kind !== 'certificates') return true;
  try {
    certificateLogo(root, agency);
    return true;
  } catch {
    return false;
  }
}

/** The file of certificates printed on bought blanks (render certificates --blank-stock). */
export const blankStockFile = (year: number) => `giay-cong-nhan-${year}-in-tren-phoi.docx`;

/**
 * The certificate's logo named in agency.yaml (certificate.logo), a PNG or JPEG inside the
 * workspace; a missing, outside or unreadable picture is refused with the reason, nothing rendered.
 */
export function certificateLogo(root: string, agency: Agency): DocumentInput['logo'] {
  const rel = agency.certificate?.logo;
  if (rel === undefined) return undefined;
  const where = `records/agency.yaml: certificate.logo “${rel}”`;
  const path = resolve(root, rel);
  if (relative(root, path).startsWith('..') || isAbsolute(relative(root, path)) || linkOutside(root, path) !== null) {
    throw findingsError(
      t(
        `${where} nằm ngoài thư mục làm việc; chép ảnh vào (ví dụ records/logo.png)`,
        `${where} is outside the workspace; copy the picture in (e.g. records/logo.png)`,
      ),
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw findingsError(t(`${where}: không có tệp này`, `${where}: no such file`));
  }
  const info = imageInfo(bytes);
  if (!info) throw findingsError(t(`${where}: không phải ảnh PNG hay JPEG`, `${where}: not a PNG or JPEG picture`));
  return { ...info, data: bytes.toString('base64') };
}

/** The manifest key under which the copies of a many-copy document (the ballot paper) are kept. */
export const copiesKey = (file: string) => `${file}#copies`;

/** The copies a document was last rendered with (1 unless `render ballots --copies N` said otherwise). */
export function copiesOf(manifest: Record<string, string>, file: string): number {
  const n = Number(manifest[copiesKey(file)]);
  return Number.isInteger(n) && n >= 1 && n <= MAX_COPIES ? n : 1;
}

/** More papers than any council has members is a typing slip, not a print run. */
export const MAX_COPIES = 200;

/**
 * The digest of everything a document's bytes follow from: the thidua version (so the renderer's
 * code) and the document model, which holds the template's wording and every value from the records.
 * Equal digests give equal bytes, so a file whose hash and digest match the manifest is current.
 */
export function inputsDigest(version: string, model: unknown): string {
  return sha256Hex(new TextEncoder().encode(`thidua ${version}\n${JSON.stringify(model)}`));
}

/** The manifest key under which a document's inputs digest is kept, beside its own hash. */
export const digestKey = (file: string) => `${file}#inputs`;

/** The inputs digest of a document as it would be rendered now, without rendering it (no `docx` loaded). */
export function digestNow(
  loaded: Loaded,
  round: Round,
  def: DocumentDef,
  template: Template,
  version: string,
  options: RenderOptions = {},
): string {
  return inputsDigest(version, modelOf(loaded, round, def, template, options));
}

export async function renderOne(
  loaded: Loaded,
  round: Round,
  def: DocumentDef,
  template: Template,
  version: string,
  options: RenderOptions = {},
): Promise<Rendered> {
  const { renderDocx } = await import('../render/docx-writer.js');
  const model = modelOf(loaded, round, def, template, options);
  const bytes = await renderDocx(model, `thidua ${version}`);
  return { def, path: `documents/${round.year}/${def.file(round.year)}`, bytes, digest: inputsDigest(version, model) };
}

export { DOCUMENTS };

/**
 * The render manifest: the SHA-256 of each file as thidua last wrote it. A file that still has
 * that hash was not edited by hand, so a new render may replace it without --force.
 */
export const MANIFEST = '.thidua-rendered.json';

export function readManifest(dir: string): Record<string, string> {
  try {
    const data = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return Object.fromEntries(
        Object.entries(data as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
    }
  } catch {
    /* no manifest yet */
  }
  return {};
}

export function manifestText(entries: Record<string, string>): string {
  const sorted = Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((k) => [k, entries[k]!]),
  );
  return JSON.stringify(sorted, null, 2) + '\n';
}

export interface DocumentCheck {
  kind: string;
  file: string;
  /** issued: the registered final file is there with its hash; issued-changed: it is not. */
  state: 'missing' | 'current' | 'outdated' | 'unchecked' | 'issued' | 'issued-changed';
  /** For an outdated document that cannot be rendered now: why (no seal, no decision). */
  blocked?: Localized;
}

/**
 * Each document of the round: a final file registered with `thidua issue` against its hash, any
 * other against what it was rendered from (documents whose template is broken are unchecked). A
 * file whose hash and inputs digest still match the render manifest is current without rendering
 * it again; otherwise, or with `full`, it is rendered and compared byte for byte.
 */
export async function checkDocuments(
  root: string,
  loaded: Loaded,
  round: Round,
  version: string,
  full = false,
): Promise<DocumentCheck[]> {
  const out: DocumentCheck[] = [];
  const issued = round.decision?.value.issued ?? [];
  const manifest = readManifest(join(root, 'documents', String(round.year)));
  for (const def of DOCUMENTS) {
    // A document the round has nothing for (no title proposed upward) is not expected.
    if (def.applies && round.tally && !def.applies(round, loaded.view(round))) continue;
    const registered = issued.filter((i) => i.kind === def.kind).at(-1);
    if (registered) {
      const bytes = currentBytesInside(root, registered.file);
      out.push({
        kind: def.kind,
        file: registered.file,
        state: bytes !== null && sha256Hex(bytes) === registered.sha256 ? 'issued' : 'issued-changed',
      });
      continue;
    }
    const file = `documents/${round.year}/${def.file(round.year)}`;
    const abs = join(root, file);
    if (!existsSync(abs)) {
      // The ballot paper is for the meeting: a round needs none printed afterwards.
      if (def.needs !== 'nominations') out.push({ kind: def.kind, file, state: 'missing' });
      continue;
    }
    const tl = loadTemplate(root, def, COMMON_FIELDS, round.year);
    const missing = missingPrerequisite(def, round);
    if (
      missing ||
      !tl.template ||
      !loaded.view(round).agency ||
      !logoReadable(loaded.root, printedAgency(loaded, round)!, def)
    ) {
      out.push({
        kind: def.kind,
        file,
        state: missing ? 'outdated' : 'unchecked',
        ...(missing ? { blocked: missing } : {}),
      });
      continue;
    }
    const bytes = readFileSync(abs);
    const name = def.file(round.year);
    const copies = copiesOf(manifest, name);
    if (
      !full &&
      manifest[name] === sha256Hex(bytes) &&
      manifest[digestKey(name)] === inputsDigest(version, modelOf(loaded, round, def, tl.template, { copies }))
    ) {
      out.push({ kind: def.kind, file, state: 'current' });
      continue;
    }
    const fresh = await renderOne(loaded, round, def, tl.template, version, { copies });
    const same = Buffer.compare(bytes, Buffer.from(fresh.bytes)) === 0;
    out.push({ kind: def.kind, file, state: same ? 'current' : 'outdated' });
  }
  return out;
}

/**
 * The overwrite policy for a rendered file: the same bytes are left alone; a file thidua wrote
 * (its hash in the manifest) or any file with `force` is replaced; a hand-edited file is refused.
 */
export function placeRendered(
  target: string,
  bytes: Uint8Array,
  ownHash: string | undefined,
  force: boolean,
): 'unchanged' | 'replace' | 'refused' | 'new' {
  const current = currentBytesInside(target, '');
  if (current === null) return 'new';
  if (Buffer.compare(current, Buffer.from(bytes)) === 0) return 'unchanged';
  return force || ownHash === sha256Hex(current) ? 'replace' : 'refused';
}

/** Keep each template of the round's documents in records/<YEAR>/templates/ (those already there stay). */
export function freezeTemplates(root: string, year: number): void {
  for (const def of DOCUMENTS) {
    const frozen = join(root, roundTemplatePath(year, def.template));
    if (existsSync(frozen)) continue;
    const source = templateSource(root, def.template);
    if (source.outside !== undefined && source.path !== null) assertInside(root, source.path);
    assertInside(root, frozen);
    try {
      createFileExclusive(frozen, templateBytes(source.path, def.template));
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
}
