/** Which documents of a round exist on disk. (Freshness is checked by rendering, in the render module.) */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Round } from '../core/records/workspace.js';
import type { DocumentState } from '../core/status.js';
import type { Loaded } from './load.js';
import { DOCUMENT_FILES } from '../core/documents/files.js';

export async function documentStates(root: string, _loaded: Loaded, round: Round): Promise<DocumentState[]> {
  return DOCUMENT_FILES.map((d) => {
    const file = `documents/${round.year}/${d.file(round.year)}`;
    return { kind: d.kind, file, state: existsSync(join(root, file)) ? 'unchecked' : 'missing' } as DocumentState;
  });
}
