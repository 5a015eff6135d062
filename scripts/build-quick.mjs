// `npm test`'s build: every file of src/ transpiled to dist/ as `npm run build` (tsc) emits it, without
// the type check (`npm run typecheck` and CI do that) — under a second, where tsc takes about ten.
// The published package is still built by tsc (prepare, prepack).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Every .ts file under a folder. */
function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

await build({
  entryPoints: sources('src'),
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  bundle: false,
  tsconfig: 'tsconfig.build.json',
  logLevel: 'warning',
});
