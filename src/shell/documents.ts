/** Rendering a round's documents: templates from the workspace (or thidua's defaults), bytes from the model. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t, type Diagnostic, type Localized } from '../core/diagnostics.js';
import { DOCUMENTS, type DocumentDef } from '../core/documents/index.js';
import { COMMON_FIELDS } from '../core/documents/context.js';
import { parseTemplate, type Template } from '../core/documents/template.js';
import type { Round } from '../core/records/workspace.js';
import type { Loaded } from './load.js';
import { packagePath } from './package-files.js';
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
export function templateSource(root: string, template: string, year?: number): { path: string; shown: string; outside?: string } {
  const inWorkspace = (rel: string) => {
    const path = join(root, rel);
    const link = linkOutside(root, path);
    return link !== null ? { path, shown: rel, outside: relative(root, link) } : existsSync(path) ? { path, shown: rel } : null;
  };
  if (year !== undefined) {
    const frozen = inWorkspace(roundTemplatePath(year, template));
    if (frozen) return frozen;
  }
  const own = inWorkspace(`templates/${template}`);
  if (own) return own;
  return { path: packagePath('templates', template), shown: `(thidua) templates/${template}` };
}

export function loadTemplate(root: string, def: Pick<DocumentDef, 'template' | 'spec'>, fields: readonly string[] = COMMON_FIELDS, year?: number): TemplateLoad {
  const { path, shown, outside } = templateSource(root, def.template, year);
  if (outside !== undefined) {
    return {
      template: null, source: shown,
      diagnostics: [{ severity: 'error', code: 'template-section', file: shown, line: 1, column: 1, message: t(`không đọc mẫu: ${outside} là liên kết tượng trưng trỏ ra ngoài không gian làm việc`, `the template is not read: ${outside} is a symbolic link that points outside the workspace`) }],
    };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return {
      template: null, source: shown,
      diagnostics: [{ severity: 'error', code: 'template-section', file: shown, line: 1, column: 1, message: t(`không đọc được mẫu: ${(err as Error).message}`, `cannot read the template: ${(err as Error).message}`) }],
    };
  }
  const { template, diagnostics } = parseTemplate(shown, text, def.spec, fields);
  return { template: diagnostics.length ? null : template, diagnostics, source: shown };
}

/** Why a document cannot be rendered yet, or null. */
export function missingPrerequisite(def: DocumentDef, round: Round): Localized | null {
  if (def.needs === 'nominations') {
    if (!round.council) return t(`đợt ${round.year} chưa có Hội đồng (thidua round ${round.year})`, `round ${round.year} has no council yet (thidua round ${round.year})`);
    if (round.nominations.length === 0) return t(`đợt ${round.year} chưa có đề nghị nào (thidua nominate ${round.year})`, `round ${round.year} has no nominations yet (thidua nominate ${round.year})`);
    return null;
  }
  if (!round.tally) {
    return t(`đợt ${round.year} chưa niêm phong kết quả (thidua tally ${round.year} --seal)`, `round ${round.year} is not sealed yet (thidua tally ${round.year} --seal)`);
  }
  if (def.needs === 'decision' && !round.decision) {
    return t(`đợt ${round.year} chưa ghi quyết định đã ký (thidua decide ${round.year} --number N --date YYYY-MM-DD)`, `round ${round.year} has no signed decision recorded (thidua decide ${round.year} --number N --date YYYY-MM-DD)`);
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
function modelOf(loaded: Loaded, round: Round, def: DocumentDef, template: Template) {
  const index = loaded.view(round);
  return def.build({ agency: documentAgency(index, round)!, round, index, template });
}

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

export async function renderOne(loaded: Loaded, round: Round, def: DocumentDef, template: Template, version: string): Promise<Rendered> {
  const { renderDocx } = await import('../render/docx-writer.js');
  const model = modelOf(loaded, round, def, template);
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
      return Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    }
  } catch {
    /* no manifest yet */
  }
  return {};
}

export function manifestText(entries: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]!]));
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
export async function checkDocuments(root: string, loaded: Loaded, round: Round, version: string, full = false): Promise<DocumentCheck[]> {
  const out: DocumentCheck[] = [];
  const issued = round.decision?.value.issued ?? [];
  const manifest = readManifest(join(root, 'documents', String(round.year)));
  for (const def of DOCUMENTS) {
    const registered = issued.filter((i) => i.kind === def.kind).at(-1);
    if (registered) {
      const bytes = currentBytesInside(root, registered.file);
      out.push({ kind: def.kind, file: registered.file, state: bytes !== null && sha256Hex(bytes) === registered.sha256 ? 'issued' : 'issued-changed' });
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
    if (missing || !tl.template || !loaded.view(round).agency) {
      out.push({ kind: def.kind, file, state: missing ? 'outdated' : 'unchecked', ...(missing ? { blocked: missing } : {}) });
      continue;
    }
    const bytes = readFileSync(abs);
    const name = def.file(round.year);
    if (!full && manifest[name] === sha256Hex(bytes) && manifest[digestKey(name)] === inputsDigest(version, modelOf(loaded, round, def, tl.template))) {
      out.push({ kind: def.kind, file, state: 'current' });
      continue;
    }
    const fresh = await renderOne(loaded, round, def, tl.template, version);
    const same = Buffer.compare(bytes, Buffer.from(fresh.bytes)) === 0;
    out.push({ kind: def.kind, file, state: same ? 'current' : 'outdated' });
  }
  return out;
}

/**
 * The overwrite policy for a rendered file: the same bytes are left alone; a file thidua wrote
 * (its hash in the manifest) or any file with `force` is replaced; a hand-edited file is refused.
 */
export function placeRendered(target: string, bytes: Uint8Array, ownHash: string | undefined, force: boolean): 'unchanged' | 'replace' | 'refused' | 'new' {
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
    if (source.outside !== undefined) assertInside(root, source.path);
    assertInside(root, frozen);
    try {
      createFileExclusive(frozen, readFileSync(source.path));
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
}
