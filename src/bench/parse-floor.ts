/** The floor for `validate`: read and parse the same YAML files with the same yaml package, nothing more. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else if (name.endsWith('.yaml')) out.push(abs);
  }
}

const root = process.argv[2] ?? '.';
const files: string[] = [];
walk(join(root, 'records'), files);
let nodes = 0;
for (const f of files) {
  const docs = parseAllDocuments(readFileSync(f, 'utf8'), { lineCounter: new LineCounter() });
  if (Array.isArray(docs)) nodes += docs.length;
}
process.stdout.write(`${files.length} files, ${nodes} documents\n`);
