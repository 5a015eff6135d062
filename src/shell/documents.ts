/** Rendering a round's documents: templates from the workspace (or thidua's defaults), bytes from the model. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Diagnostic, type Localized } from '../core/diagnostics.js';
import { DOCUMENTS, type DocumentDef } from '../core/documents/index.js';
import { COMMON_FIELDS } from '../core/documents/context.js';
import { parseTemplate, type Template } from '../core/documents/template.js';
import type { Round } from '../core/records/workspace.js';
import type { Loaded } from './load.js';
import { packagePath } from './package-files.js';

export interface TemplateLoad {
  template: Template | null;
  diagnostics: Diagnostic[];
  /** Where it came from, relative to the workspace when it is the workspace's own. */
  source: string;
}

export function loadTemplate(root: string, def: Pick<DocumentDef, 'template' | 'spec'>, fields: readonly string[] = COMMON_FIELDS): TemplateLoad {
  const own = join(root, 'templates', def.template);
  const path = existsSync(own) ? own : packagePath('templates', def.template);
  const shown = existsSync(own) ? `templates/${def.template}` : `(thidua) templates/${def.template}`;
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
}

export async function renderOne(loaded: Loaded, round: Round, def: DocumentDef, template: Template, version: string): Promise<Rendered> {
  const { renderDocx } = await import('../render/docx-writer.js');
  const model = def.build({ agency: loaded.workspace.agency!.value, round, index: loaded.index, template });
  const bytes = await renderDocx(model, `thidua ${version}`);
  return { def, path: `documents/${round.year}/${def.file(round.year)}`, bytes };
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
  state: 'missing' | 'current' | 'outdated' | 'unchecked';
}

/** Each document of the round compared with a fresh render (documents whose template is broken are unchecked). */
export async function checkDocuments(root: string, loaded: Loaded, round: Round, version: string): Promise<DocumentCheck[]> {
  const out: DocumentCheck[] = [];
  for (const def of DOCUMENTS) {
    const file = `documents/${round.year}/${def.file(round.year)}`;
    const abs = join(root, file);
    if (!existsSync(abs)) {
      out.push({ kind: def.kind, file, state: 'missing' });
      continue;
    }
    const tl = loadTemplate(root, def);
    if (missingPrerequisite(def, round) || !tl.template || !loaded.workspace.agency) {
      out.push({ kind: def.kind, file, state: missingPrerequisite(def, round) ? 'outdated' : 'unchecked' });
      continue;
    }
    const fresh = await renderOne(loaded, round, def, tl.template, version);
    const same = Buffer.compare(readFileSync(abs), Buffer.from(fresh.bytes)) === 0;
    out.push({ kind: def.kind, file, state: same ? 'current' : 'outdated' });
  }
  return out;
}
