/**
 * The files a validation reads, without loading the validator: `validate` hashes them for its cache
 * before deciding whether to parse anything.
 */
import { t } from '../core/diagnostics.js';
import type { FileEntry, Snapshot } from '../core/records/workspace.js';
import { usageError } from '../errors.js';
import { readSnapshot } from './read-snapshot.js';
import { AGENCY_FILE, TITLES_FILE } from '../core/records/paths.js';

function needsEarlierRounds(snapshot: Snapshot): boolean {
  const text = (path: string) => {
    const e = snapshot.files.get(path);
    return e?.kind === 'file' ? new TextDecoder().decode(e.bytes) : '';
  };
  // A title needing years of another, or the 2025 rules (one initiative, one award across rounds).
  return /\byears\s*:/.test(text(TITLES_FILE)) || /^award_rules\s*:/m.test(text(AGENCY_FILE));
}

/** The files a validation of `years` reads: the rounds asked for (and earlier ones a rule needs), the shared files. */
export function readValidated(
  root: string,
  years: readonly number[] | null,
  onFile?: (path: string, entry: FileEntry) => void,
): Snapshot {
  let snapshot = readSnapshot(root, years, onFile);
  // A title that needs another in the years before (titles.yaml `years:`) reads the earlier rounds'
  // seals: they are loaded too, and only the rounds asked for are validated.
  if (years && needsEarlierRounds(snapshot)) {
    const last = Math.max(...years);
    snapshot = readSnapshot(
      root,
      (snapshot.allYears ?? snapshot.years).filter((y) => y <= last || years.includes(y)),
      onFile,
    );
  }
  if (years) {
    const known = new Set(snapshot.allYears ?? snapshot.years);
    for (const y of years) {
      if (!known.has(y)) {
        const list = [...known].sort().join(', ') || '—';
        throw usageError(
          t(
            `không có đợt ${y} (records/${y}/); các đợt hiện có: ${list}`,
            `there is no round ${y} (records/${y}/); rounds present: ${list}`,
          ),
        );
      }
    }
  }
  return snapshot;
}
