/** thidua schema [--out DIR]: JSON Schemas of every record kind, from the same zod schemas. */
import type { Input } from './definitions.js';
import { join, resolve } from 'node:path';
import { t } from '../core/diagnostics.js';
import { RECORD_KINDS } from '../core/schemas/index.js';
import { jsonSchemaText } from '../core/schemas/json-schema.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { assertInside, writeFileAtomic, ensureDir } from '../shell/safe-write.js';

export function run(ctx: CommandContext, input: Input<'schema'>): number {
  let outDir: string;
  if (input.options.out !== undefined) outDir = resolve(ctx.cwd, input.options.out);
  else {
    let root: string;
    try {
      root = ctx.root();
    } catch {
      root = ctx.cwd;
    }
    outDir = join(root, 'schemas');
    for (const kind of RECORD_KINDS) assertInside(root, join(outDir, `${kind.name}.schema.json`));
  }
  ensureDir(outDir);
  for (const kind of RECORD_KINDS) {
    const path = join(outDir, `${kind.name}.schema.json`);
    writeFileAtomic(path, jsonSchemaText(kind));
    ctx.out(path);
  }
  ctx.say(
    t(`Đã ghi ${RECORD_KINDS.length} lược đồ vào ${outDir}`, `Wrote ${RECORD_KINDS.length} schemas to ${outDir}`),
  );
  return EXIT.ok;
}
