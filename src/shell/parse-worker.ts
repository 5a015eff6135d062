/**
 * A parsing thread: record files in, what `parseYamlFile` makes of them out, without the syntax
 * tree (the main thread parses a file's text again on the rare occasion a position is asked for).
 */
import { parentPort } from 'node:worker_threads';
import { parseYamlFile } from '../core/yaml/parse-yaml-file.js';
import type { ParsedFile } from '../core/yaml/positions.js';
import { roundFolderOf } from '../core/records/paths.js';
import { BallotSchema, NominationSchema } from '../core/schemas/round.js';

/** A parsed file as sent back; `text` only when the file could not be read as YAML (else it is the bytes decoded). */
export type ParsedPlain = Pick<ParsedFile, 'path' | 'value' | 'diagnostics' | 'checked'> & { text?: string };

const SCHEMAS = { nominations: NominationSchema, ballots: BallotSchema } as const;

/**
 * A nomination or ballot that passes its schema, as the schema reads it: the bulk of a province's
 * files are checked here, side by side, rather than one by one on the main thread. A file that
 * fails is checked again there, where its findings get their positions.
 */
function checked(path: string, value: unknown): unknown {
  const folder = roundFolderOf(path);
  if (folder === null || value === undefined) return undefined;
  const res = SCHEMAS[folder].safeParse(value);
  return res.success ? res.data : undefined;
}

parentPort?.on('message', (batch: Array<{ path: string; bytes: Uint8Array }>) => {
  const out: ParsedPlain[] = batch.map(({ path, bytes }) => {
    const p = parseYamlFile(path, bytes);
    if (p.value === undefined) return { path, text: p.text, value: p.value, diagnostics: p.diagnostics };
    const data = checked(path, p.value);
    // A checked file's raw value is not sent: the main thread takes the checked one for both.
    return data === undefined ? { path, value: p.value, diagnostics: p.diagnostics } : { path, value: undefined, diagnostics: p.diagnostics, checked: data };
  });
  parentPort!.postMessage(out);
});
