/** The documents of a round for `status`: present, and equal to a fresh render or not. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Round } from '../core/records/workspace.js';
import type { DocumentState } from '../core/status.js';
import type { Loaded } from './load.js';
import { checkDocuments } from './documents.js';

export async function documentStates(
  root: string,
  loaded: Loaded,
  round: Round,
  version: string,
): Promise<DocumentState[]> {
  if (loaded.errors > 0) {
    const { DOCUMENT_FILES } = await import('../core/documents/files.js');
    return DOCUMENT_FILES.map((d) => {
      const file = `documents/${round.year}/${d.file(round.year)}`;
      return { kind: d.kind, file, state: existsSync(join(root, file)) ? 'unchecked' : 'missing' };
    });
  }
  return checkDocuments(root, loaded, round, version);
}
