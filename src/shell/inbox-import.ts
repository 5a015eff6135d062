/**
 * `inbox import YEAR`, the writing part: the province's departments (its agencies) and people (the
 * persons proposed, as sealed) appended to their lists, and one nomination file per proposal.
 * Called under the lock; every file is read before it is replaced, a nomination file is never
 * replaced (created exclusively).
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPARTMENTS_FILE, PEOPLE_FILE, nominationPath, nominationsDir } from '../core/records/paths.js';
import { importedNomination, type ImportPlan } from '../core/inbox.js';
import { yamlText } from '../core/yaml/emit.js';
import { createFileExclusive, currentBytes, ensureDirInside, replaceFileChecked } from './safe-write.js';

/** Items added at the end of a YAML list file, its text (comments, order) kept as it is. */
export function appendItems(root: string, rel: string, items: readonly object[]): void {
  if (items.length === 0) return;
  const path = join(root, rel);
  const bytes = currentBytes(path);
  const text = bytes?.toString('utf8') ?? '';
  let empty = text.trim() === '';
  try {
    const value: unknown = parse(text);
    empty ||= Array.isArray(value) && value.length === 0;
  } catch {
    /* the list as it is: appended to */
  }
  // An empty list (`[]`) gives way to the items; its comments stay.
  const kept = empty
    ? text
        .split('\n')
        .filter((l) => l.trimStart().startsWith('#'))
        .join('\n')
    : text;
  const next = (kept.trim() === '' ? '' : kept.replace(/\n*$/, '\n')) + yamlText(items);
  replaceFileChecked(path, next, bytes, rel);
}

export function writeImport(root: string, year: number, plan: ImportPlan, submitted: string): string[] {
  appendItems(root, DEPARTMENTS_FILE, plan.departments);
  appendItems(root, PEOPLE_FILE, plan.people);
  ensureDirInside(root, join(root, nominationsDir(year)));
  const written: string[] = [];
  for (const n of plan.nominations) {
    const rel = nominationPath(year, n.id);
    createFileExclusive(join(root, rel), yamlText(importedNomination(n, submitted)));
    written.push(rel);
  }
  return written;
}
