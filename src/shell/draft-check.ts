/** The rules run on a new record together with the rest of the workspace, before it is written. */
import type { Diagnostic } from '../core/diagnostics.js';
import { validateSnapshot } from '../core/validate.js';
import type { Loaded } from './load.js';

/** Findings that the new file would bring: in that file, or new elsewhere because of it. */
export function checkDraft(loaded: Loaded, path: string, text: string, year: number): Diagnostic[] {
  const files = new Map(loaded.snapshot.files);
  files.set(path, { kind: 'file', bytes: new TextEncoder().encode(text) });
  const years = loaded.snapshot.years.includes(year) ? loaded.snapshot.years : [...loaded.snapshot.years, year];
  const allYears = [...new Set([...(loaded.snapshot.allYears ?? loaded.snapshot.years), year])];
  const after = validateSnapshot({ files, years, allYears }, [year]).diagnostics;
  const before = new Set(loaded.diagnostics.map((d) => `${d.file}:${d.code}:${d.message.en}`));
  return after.filter((d) => d.file === path || !before.has(`${d.file}:${d.code}:${d.message.en}`));
}

/** The same for several shared files at once (an import writes people.yaml and departments.yaml), over every round. */
export function checkDrafts(
  loaded: Loaded,
  texts: ReadonlyMap<string, string>,
  years?: readonly number[],
): Diagnostic[] {
  const files = new Map(loaded.snapshot.files);
  for (const [path, text] of texts) files.set(path, { kind: 'file', bytes: new TextEncoder().encode(text) });
  const after = validateSnapshot({ ...loaded.snapshot, files }, years ?? null).diagnostics;
  const before = new Set(loaded.diagnostics.map((d) => `${d.file}:${d.code}:${d.message.en}`));
  return after.filter((d) => texts.has(d.file) || !before.has(`${d.file}:${d.code}:${d.message.en}`));
}
