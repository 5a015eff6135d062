/** Loading a document's template: the workspace's own or the bundled one. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t, type Diagnostic } from '../core/diagnostics.js';
import { type DocumentDef } from '../core/documents/index.js';
import { COMMON_FIELDS } from '../core/documents/context.js';
import { parseTemplate, type Template } from '../core/documents/template.js';
import { packageFile } from './package-files.js';
import { roundTemplatePath } from '../core/records/paths.js';
import { linkOutside } from './safe-write.js';

/** A file's bytes (a path, or one relative to root), or null when it is absent or unreadable. */
export function currentBytesInside(root: string, rel: string): Buffer | null {
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
export function templateBytes(path: string | null, template: string): Buffer {
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
