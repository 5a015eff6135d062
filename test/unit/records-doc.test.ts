/** docs/records.md, the reference users read, names every field of every record kind's schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/workspace.js';
import { RECORD_KINDS } from '../../src/core/schemas/index.js';
import { jsonSchemaText } from '../../src/core/schemas/json-schema.js';

/** Every property name in a JSON Schema, at any depth. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const x of node) propertyNames(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['properties'] && typeof o['properties'] === 'object')
      for (const k of Object.keys(o['properties'])) out.add(k);
    for (const v of Object.values(o)) propertyNames(v, out);
  }
  return out;
}

const DOC = readFileSync(join(PROJECT, 'docs/records.md'), 'utf8');

/** The part of records.md about one file: from its heading to the next. */
function sectionOf(kind: string, glob: string): string {
  const file = glob.split('/').pop()!.replace('*.yaml', '');
  const headings = [...DOC.matchAll(/^## (.*)$/gm)];
  const i = headings.findIndex((h) => h[1]!.includes(file === '' ? kind : file));
  expect(i, `records.md has a section for ${glob}`).toBeGreaterThanOrEqual(0);
  const start = headings[i]!.index;
  const end = headings[i + 1]?.index ?? DOC.length;
  return DOC.slice(start, end);
}

describe('docs/records.md', () => {
  for (const kind of RECORD_KINDS) {
    it(`documents every field of ${kind.glob}`, () => {
      const names = [...propertyNames(JSON.parse(jsonSchemaText(kind)))];
      const text =
        kind.name === 'tally' || kind.name === 'decision' || kind.name === 'unseals'
          ? DOC
          : sectionOf(kind.name, kind.glob);
      const missing = names.filter(
        (n) => !text.includes(`\`${n}\``) && !new RegExp(`(^|[\\s{,])${n}:`, 'm').test(text),
      );
      expect(missing, `fields of ${kind.glob} not described in docs/records.md`).toEqual([]);
    });
  }
});
