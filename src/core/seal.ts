/** The seal: SHA-256 of each sealed input file, compared with the files as they are now. */
import { createHash } from 'node:crypto';
import { sealedInputPaths, type Round } from './records/workspace.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function inputHashes(round: Round, bytesOf: (path: string) => Uint8Array | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of sealedInputPaths(round)) {
    const bytes = bytesOf(path);
    // A listed file that cannot be read (a folder, no permission, too large) never matches a seal.
    out[path] = bytes ? sha256Hex(bytes) : 'unreadable';
  }
  return out;
}

export interface SealChange {
  path: string;
  change: 'changed' | 'added' | 'removed';
}

export function compareSeal(sealed: Record<string, string>, now: Record<string, string>): SealChange[] {
  const out: SealChange[] = [];
  for (const [path, hash] of Object.entries(sealed)) {
    if (!(path in now)) out.push({ path, change: 'removed' });
    else if (now[path] !== hash) out.push({ path, change: 'changed' });
  }
  for (const path of Object.keys(now)) if (!(path in sealed)) out.push({ path, change: 'added' });
  // Stryker disable next-line EqualityOperator: each path is listed once, so < and <= order alike
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
