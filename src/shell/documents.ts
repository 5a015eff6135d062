/** Rendering a round's documents: templates from the workspace (or thidua's defaults), bytes from the model. */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { t, type Localized } from '../core/diagnostics.js';
import { DOCUMENTS, type DocumentDef } from '../core/documents/index.js';
import { COMMON_FIELDS, type DocumentInput } from '../core/documents/context.js';
import { imageInfo } from '../core/documents/image.js';
import type { Agency } from '../core/schemas/agency.js';
import { findingsError } from '../errors.js';
import { type Template } from '../core/documents/template.js';
import type { Round } from '../core/records/workspace.js';
import type { Loaded } from './load.js';
import { documentAgency } from '../core/records/basis.js';
import { roundTemplatePath } from '../core/records/paths.js';
import { sha256Hex } from '../core/seal.js';
import { assertInside, createFileExclusive, FileExistsError, linkOutside } from './safe-write.js';
import { copiesOf, digestKey, inputsDigest, readManifest } from './rendered-manifest.js';
import { currentBytesInside, loadTemplate, templateBytes, templateSource } from './templates.js';
export { type TemplateLoad, fileBytes, loadTemplate, templateSource } from './templates.js';
export {
  MANIFEST,
  MAX_COPIES,
  copiesKey,
  copiesOf,
  digestKey,
  inputsDigest,
  manifestText,
  readManifest,
} from './rendered-manifest.js';

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
