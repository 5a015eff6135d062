/** The rule pack in force for a command outside the records' validation (`thidua explain`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PackMeta } from '../core/schemas/pack.js';
import { PackSchema, type Title } from '../core/schemas/titles.js';
import { TITLES_FILE } from '../core/records/paths.js';
import { STATUTORY_PACK } from '../core/init/titles-file.js';
import { packagedFile } from './new-workspace.js';

/**
 * The workspace's pack (records/titles.yaml) when there is a workspace with one, else the pack
 * `init --titles` writes; `meta` null when the file is a plain list of titles or does not read.
 */
export function packInForce(root: string | null): { meta: PackMeta | null; titles: Title[]; where: string } {
  const own = root !== null && existsSync(join(root, TITLES_FILE));
  const where = own ? TITLES_FILE : `(thidua) ${STATUTORY_PACK.join('/')}`;
  try {
    const text = own ? readFileSync(join(root, TITLES_FILE), 'utf8') : packagedFile(...STATUTORY_PACK).toString('utf8');
    const parsed = PackSchema.safeParse(parseYaml(text));
    if (!parsed.success) return { meta: null, titles: [], where };
    const { titles, ...meta } = parsed.data;
    return { meta, titles, where };
  } catch {
    return { meta: null, titles: [], where };
  }
}
