// `npm pack` packs package.json as it is after `prepack`: the `prepare` script (which builds a
// clone on `npm install`) is set aside for the tarball, where dist/ is already built, so installing
// the tarball runs no script; `postpack` puts it back.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const [from, to] = process.argv[2] === 'disable' ? ['prepare', '_prepare'] : ['_prepare', 'prepare'];
if (pkg.scripts?.[from] !== undefined) {
  pkg.scripts[to] = pkg.scripts[from];
  delete pkg.scripts[from];
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}
