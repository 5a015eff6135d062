/** The validate cache as the tests see it: its entries, and one record file of each kind. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The cache entries of one kind (`validate` or `workspace`), in every workspace's folder. */
export function entries(cache: string, kind: string): string[] {
  const base = join(cache, 'thidua');
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(base, d.name))
        .filter((f) => f.startsWith(`${kind}-`))
        .map((f) => join(base, d.name, f)),
    );
}

/** One file of each kind the example holds, and its first key as it is written there. */
export const KINDS = [
  'records/agency.yaml',
  'records/criteria.yaml',
  'records/departments.yaml',
  'records/people.yaml',
  'records/titles.yaml',
  'records/history.yaml',
  'records/2017/council.yaml',
  'records/2017/nominations/vp-mo-hinh.yaml',
  'records/2016/ballots/001.yaml',
  'records/2017/submissions.yaml',
  'records/2016/tally.yaml',
  'records/2016/decision.yaml',
  'records/2016/unseals.yaml',
];

/**
 * A record file's bytes with one byte changed: the first letter of its first key made a capital (a
 * key the schema does not know). Null when the file has no such key.
 */
export function oneByteEdited(before: Buffer): Buffer | null {
  const text = before.toString('utf8');
  const m = /^(- \{ |- |)([a-z])[a-z_]*:/m.exec(
    text
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n'),
  );
  if (!m) return null;
  const at = text.indexOf(m[0]) + m[1]!.length;
  const edited = Buffer.from(before);
  edited[Buffer.byteLength(text.slice(0, at))] = m[2]!.toUpperCase().charCodeAt(0);
  return edited;
}
