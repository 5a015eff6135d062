/**
 * Files shipped with thidua itself: the default criteria catalogue, the templates, its version, the
 * parsing thread's script. From a checkout or an npm install they are files of the package folder;
 * in the single executable (`npm run dist`) they are its embedded assets, named by the same paths,
 * with `thidua.json` listing them (Node's `sea` module has no listing of its own).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The part of `node:sea` thidua uses. */
interface Sea {
  isSea(): boolean;
  getAsset(key: string): ArrayBuffer;
}

/** What `scripts/dist.mjs` writes into the executable beside the files. */
export interface EmbeddedManifest {
  version: string;
  /** The bundle's hash: a cache entry of another build is not used. */
  build: string;
  files: string[];
}

let sea: Sea | null | undefined;
let manifest: EmbeddedManifest | undefined;

/** The executable's assets, or null when thidua runs from its package folder. */
function embedded(): Sea | null {
  if (sea === undefined) {
    try {
      const mod = createRequire(import.meta.url)('node:sea') as Sea;
      sea = mod.isSea() ? mod : null;
    } catch {
      sea = null; // a Node without single-executable support: never inside one
    }
  }
  return sea;
}

function embeddedManifest(s: Sea): EmbeddedManifest {
  return (manifest ??= JSON.parse(Buffer.from(s.getAsset('thidua.json')).toString('utf8')) as EmbeddedManifest);
}

/** True inside the single executable. */
export function isSingleExecutable(): boolean {
  return embedded() !== null;
}

/** The path of a file of the package folder (only meaningful outside the executable). */
export function packagePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../${parts.join('/')}`, import.meta.url));
}

/** A shipped file's bytes (throws as readFileSync does when there is none). */
export function packageFile(...parts: string[]): Buffer {
  const s = embedded();
  if (s === null) return readFileSync(packagePath(...parts));
  const key = parts.join('/');
  if (!embeddedManifest(s).files.includes(key)) {
    throw Object.assign(new Error(`ENOENT: no such file in thidua, '${key}'`), { code: 'ENOENT' });
  }
  return Buffer.from(s.getAsset(key));
}

/** The names of the shipped files in a folder (sorted; none when there is no such folder). */
export function packageFolder(dir: string): string[] {
  const s = embedded();
  if (s === null) {
    const path = packagePath(dir);
    return existsSync(path) ? readdirSync(path).sort() : [];
  }
  const prefix = `${dir}/`;
  return embeddedManifest(s)
    .files.filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
    .map((f) => f.slice(prefix.length))
    .sort();
}

/** thidua's version (package.json, or the executable's manifest); 0.0.0 when neither can be read. */
export function packageVersion(): string {
  try {
    const s = embedded();
    if (s !== null) return embeddedManifest(s).version;
    return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The executable's build hash, or null outside it (the compiled files then identify the build). */
export function embeddedBuild(): string | null {
  const s = embedded();
  return s === null ? null : embeddedManifest(s).build;
}
