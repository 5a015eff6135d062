/** The manifest of rendered documents: copies, inputs digests and its file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../core/seal.js';

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
