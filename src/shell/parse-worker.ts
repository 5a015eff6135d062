/**
 * A parsing thread: record files in, what `parseYamlFile` makes of them out, without the syntax
 * tree (the main thread parses a file's text again on the rare occasion a position is asked for).
 */
import { parentPort } from 'node:worker_threads';
import { parseYamlFile } from '../core/yaml/parse-yaml-file.js';
import type { ParsedFile } from '../core/yaml/positions.js';

/** A parsed file as sent back; `text` only when the file could not be read as YAML (else it is the bytes decoded). */
export type ParsedPlain = Pick<ParsedFile, 'path' | 'value' | 'diagnostics'> & { text?: string };

parentPort?.on('message', (batch: Array<{ path: string; bytes: Uint8Array }>) => {
  const out: ParsedPlain[] = batch.map(({ path, bytes }) => {
    const p = parseYamlFile(path, bytes);
    return p.value === undefined
      ? { path, text: p.text, value: p.value, diagnostics: p.diagnostics }
      : { path, value: p.value, diagnostics: p.diagnostics };
  });
  parentPort!.postMessage(out);
});
