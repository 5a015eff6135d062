/**
 * The floor for `validate`: read and parse the same YAML files, nothing more. By default with the
 * `yaml` package alone (the parse the issue measured against); with `--quick`, as thidua reads
 * them: the quick reading of plain record YAML, the `yaml` package for any other file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { fastParse, NOT_SIMPLE } from '../core/yaml/fast-path.js';

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else if (name.endsWith('.yaml')) out.push(abs);
  }
}

const quick = process.argv.includes('--quick');
const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.';
const files: string[] = [];
walk(join(root, 'records'), files);
let nodes = 0;
let quickly = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  if (quick && fastParse(text) !== NOT_SIMPLE) {
    quickly++;
    continue;
  }
  const docs = parseAllDocuments(text, { lineCounter: new LineCounter() });
  if (Array.isArray(docs)) nodes += docs.length;
}
process.stdout.write(`${files.length} files, ${quickly} read quickly, ${nodes} documents parsed by the yaml package\n`);
