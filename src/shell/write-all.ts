/**
 * Writing several records as one: under the lock, the files a plan rests on are first compared with
 * what the command read (ids taken, people matched), then every file is written, or, when one cannot
 * be, those already written are put back as they were. A plan is written whole or not at all.
 */
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import type { Snapshot } from '../core/records/workspace.js';
import { findingsError } from '../errors.js';
import {
  assertInside,
  createFileExclusive,
  currentBytes,
  FileExistsError,
  removeFileChecked,
  replaceFileChecked,
  writeFileAtomic,
} from './safe-write.js';
import { recordNames } from './read-snapshot.js';

/** The paths (relative to root) among `dirs`' *.yaml files and `files` that differ from the snapshot, sorted. */
export function changedSinceRead(
  root: string,
  snapshot: Snapshot,
  dirs: readonly string[],
  files: readonly string[],
): string[] {
  const paths = new Set(files);
  for (const dir of dirs) {
    for (const name of recordNames(root, dir)) paths.add(`${dir}/${name}`);
    for (const rel of snapshot.files.keys())
      if (rel.startsWith(`${dir}/`) && !rel.slice(dir.length + 1).includes('/')) paths.add(rel);
  }
  const changed: string[] = [];
  for (const rel of paths) {
    const e = snapshot.files.get(rel);
    const then = e?.kind === 'file' ? e.bytes : null;
    const now = currentBytes(join(root, rel));
    const same = now === null ? then === null && e === undefined : then !== null && Buffer.compare(now, then) === 0;
    if (!same) changed.push(rel);
  }
  return changed.sort();
}

/** A file to write: new (`before` null: it must not exist), or replacing the bytes the command read. */
export interface PlannedWrite {
  rel: string;
  text: string;
  before: Uint8Array | null;
}

/**
 * Every planned file written, under the lock the caller holds; when one fails (another writer's file
 * in the way, a full disk), the ones written are put back and the error says nothing was written.
 */
export function writeAll(root: string, writes: readonly PlannedWrite[]): void {
  const done: Array<{ w: PlannedWrite; written: Buffer | null }> = [];
  let current = '';
  try {
    for (const w of writes) {
      current = w.rel;
      const abs = join(root, w.rel);
      assertInside(root, abs);
      if (w.before === null) createFileExclusive(abs, w.text);
      else replaceFileChecked(abs, w.text, w.before, w.rel);
      done.push({ w, written: currentBytes(abs) });
    }
  } catch (err) {
    for (const { w, written } of done.reverse()) {
      const abs = join(root, w.rel);
      try {
        if (w.before === null) removeFileChecked(abs, written, w.rel);
        else if (written !== null && Buffer.compare(currentBytes(abs) ?? Buffer.alloc(0), written) === 0)
          writeFileAtomic(abs, w.before);
      } catch {
        // Put back what can be; the refusal below still names the file in the way.
      }
    }
    if (err instanceof FileExistsError)
      throw findingsError(
        t(
          `${current} vừa được một lệnh hoặc người khác tạo trong lúc lệnh này chạy; không ghi gì, hãy chạy lại`,
          `${current} was made by another command or person while this one ran; nothing written, run it again`,
        ),
      );
    throw err;
  }
}
