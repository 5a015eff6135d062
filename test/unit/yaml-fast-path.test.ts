/**
 * The quick reading of plain record YAML (src/core/yaml/fast-path.ts) against the `yaml` package:
 * whenever the quick reading gives a value, the full parser must give the same value and nothing
 * to report (no error, no warning, no tree finding). Checked on every record file of the example,
 * the fixtures and the corpus, on a generated province, on documents written in many styles, and
 * on files changed at random.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, parseAllDocuments, stringify, type ToStringOptions } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { fastParse, NOT_SIMPLE } from '../../src/core/yaml/fast-path.js';
import { PARSE_OPTIONS, positionOf } from '../../src/core/yaml/positions.js';
import { treeDiagnostics } from '../../src/core/yaml/tree-checks.js';
import { parseYamlFile } from '../../src/core/yaml/parse-yaml-file.js';
import { generateWorkspace } from '../../src/bench/generate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261128);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);

/** What the full parser makes of a text: its value when it reports nothing, else `reported`. */
function reference(text: string): { reported: true } | { reported: false; value: unknown } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  if (!Array.isArray(docs) || docs.length !== 1) return { reported: true };
  const doc = docs[0]!;
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { reported: true };
  if (treeDiagnostics('f.yaml', text, doc, lineCounter).length > 0) return { reported: true };
  return { reported: false, value: doc.toJS({ maxAliasCount: 0 }) };
}

/** The property: a quick value is the full parser's value, and the full parser has nothing to say. */
const seen = { texts: 0, quick: 0 };

function agrees(text: string): boolean {
  const quick = fastParse(text);
  seen.texts++;
  if (quick === NOT_SIMPLE) return true;
  seen.quick++;
  const ref = reference(text);
  expect(ref.reported, `the full parser reports something in a text the quick reading accepted:\n${text}`).toBe(false);
  if (!ref.reported) expect(quick, text).toStrictEqual(ref.value);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) yamlFiles(abs, out);
    else if (name.endsWith('.yaml')) out.push(abs);
  }
  return out;
}

/** The record files tested: the example's, the fixtures' and the corpus's, and a generated province's (made once, when first asked for). */
let files: { example: string[]; generated: string[]; texts: string[] } | null = null;
let province: string | null = null;
afterAll(() => (province ? rmSync(province, { recursive: true, force: true }) : undefined));

function recordFiles(): { example: string[]; generated: string[]; texts: string[] } {
  if (files) return files;
  province = mkdtempSync(join(tmpdir(), 'thidua-fast-path-'));
  generateWorkspace({
    root: province,
    rounds: 2,
    departments: 12,
    criteriaFile: join(ROOT, 'records', 'criteria.yaml'),
  });
  const example = yamlFiles(join(ROOT, 'records'));
  const others = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'test', 'corpus'))];
  const generated = yamlFiles(join(province, 'records'));
  files = { example, generated, texts: [...example, ...others, ...generated].map((f) => readFileSync(f, 'utf8')) };
  return files;
}

describe('the quick reading of record YAML', () => {
  it('reads the constructs of record files as the full parser does', () => {
    const cases: Array<[string, unknown]> = [
      [
        "id: d001\nsubmitted: 2020-11-20\nn: 007\nf: 1.50\ne: 1e3\nneg: -4\nz: ~\nt: True\nq: 'it''s'\n",
        { id: 'd001', submitted: '2020-11-20', n: 7, f: 1.5, e: 1000, neg: -4, z: null, t: true, q: "it's" },
      ],
      ['a: |\n  line one\n\n  line two\n\n\nb: |-\n  kept\n', { a: 'line one\n\nline two\n', b: 'kept' }],
      ['a: |\r\n  line one\r\n  line two\r\nb: x\r\n', { a: 'line one\nline two\n', b: 'x' }],
      [
        'list:\n- a: 1\n  b: [x, "y z", { c: 2 }]\n- - 3\n  - 4\nnext: # comment\n  k: v # comment\n',
        { list: [{ a: 1, b: ['x', 'y z', { c: 2 }] }, [3, 4]], next: { k: 'v' } },
      ],
      ['a:\n  plain text\nb:\n  []\nc:\n  - "x" # c\n', { a: 'plain text', b: [], c: ['x'] }],
      ['a: |\n  \n  x\nb: |\n  y', { a: '\nx\n', b: 'y\n' }],
      ['a: |\n  x\nb: 1', { a: 'x\n', b: 1 }],
      ['a: |\n  x\n  \n \n  y\n', { a: 'x\n\n\ny\n' }],
      ['-\n- x\n-\n  a: 1\n- a:\n- b\n', [null, 'x', { a: 1 }, { a: null }, 'b']],
      [
        "a:\nb: 1\nc: [ 'a b', 'it''s', x  , -1 ]\nd: { x: y  , z: -.5 }\n",
        { a: null, b: 1, c: ['a b', "it's", 'x', -1], d: { x: 'y', z: -0.5 } },
      ],
      [`${'k'.repeat(1000)}: 1\n`, { ['k'.repeat(1000)]: 1 }],
      [
        'h: 0x1Fg\no: a0o7\ni: x.inf\ne: .55e3\nf: 12e3\ng: .55\nq: "x"  \n',
        { h: '0x1Fg', o: 'a0o7', i: 'x.inf', e: 550, f: 12000, g: 0.55, q: 'x' },
      ],
      [
        'u: Null\nv: nullish\nw: x~\nx: NULL\ny: trueish\nz: FALSE\n',
        { u: null, v: 'nullish', w: 'x~', x: null, y: 'trueish', z: false },
      ],
      ['a: |  # c\n  x\nb: | \n  y\nc: | #\n  z\n', { a: 'x\n', b: 'y\n', c: 'z\n' }],
      [
        '- { id: p1, name: Nguyễn Văn Giáp, leader: true }\n- { id: p2, name: "Phòng số 2", empty: [] }\n',
        [
          { id: 'p1', name: 'Nguyễn Văn Giáp', leader: true },
          { id: 'p2', name: 'Phòng số 2', empty: [] },
        ],
      ],
    ];
    for (const [text, value] of cases) {
      expect(fastParse(text)).toStrictEqual(value);
      agrees(text);
    }
  });

  it('leaves to the full parser what it must report or place', () => {
    const refused = [
      'a: 1\na: 2\n', // a repeated key
      'a: &x 1\nb: *x\n', // an anchor and an alias
      'a: !!binary aGVsbG8=\n', // a tag
      'a: "x\\ty"\n', // an escape
      'a: >\n  folded\n', // a folded scalar
      'a: [1,\n  2]\n', // a flow collection over two lines
      'a: 0x1F\n',
      'a: 0o17\n',
      'a: .inf\n',
      'a: .nan\n', // numbers read other than in decimal
      'true: 1\n',
      'null: 1\n',
      '"quoted": 1\n',
      '__proto__: 1\n', // keys that are not plain words
      'a: b: c\n',
      'a:\n  one\n  two\n',
      'a: one\n  two\n',
      'a:\n  |\n   x\n', // a nested or continued scalar
      'a: 1\n---\nb: 2\n',
      '---\na: 1\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1\n',
      '',
      '# only a comment\n',
      'a:\tb\n',
      'a: 1\rb: 2\n',
      'a: -\n',
      'a: - b\n',
      'a: "abc\n',
      'a: [a, ]\n',
      'a: [a,\n',
      '- a: 1\n - b\n',
      'a: 1\n- x\n',
      'a:\n  b: 1\n  - x\n', // refused by the full parser, or read otherwise
      'a: |\n',
      'a: |\nb: 1\n',
      'a: |\n     \n  x\n',
      'a: |\n  x\n     \n  y\n',
      'a: |+\n  x\n',
      'a: |2\n  x\n',
      'a: |x |\n  y\n', // literal texts read only in part
      `${'k'.repeat(1001)}: 1\n`, // a key longer than the subset's 1,000 characters
      'a: { -: x }\n',
      'a: { a, b }\n',
      'a: { a:b }\n', // flow mapping entries that are not `word: value`
    ];
    for (const text of refused) expect(fastParse(text), JSON.stringify(text)).toBe(NOT_SIMPLE);
  });

  it('leaves a nesting deeper than its limit to the full parser, however the levels are written', () => {
    const styles: Array<[string, (d: number) => string, number]> = [
      ['mappings', (d) => Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + 'a:').join('\n') + ' 1\n', 32],
      ['dashes on one line', (d) => '- '.repeat(d) + 'x\n', 32],
      ['a flow collection', (d) => 'a: ' + '['.repeat(d) + ']'.repeat(d) + '\n', 31],
      [
        'lists at their key’s indentation',
        (d) => 'a:\n' + Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + '- a:').join('\n') + ' 1\n',
        15,
      ],
    ];
    for (const [name, text, deepest] of styles) {
      expect(fastParse(text(deepest)), name).not.toBe(NOT_SIMPLE);
      agrees(text(deepest));
      expect(fastParse(text(deepest + 1)), name).toBe(NOT_SIMPLE);
    }
  });

  it('keeps no syntax tree for a quick file, and places a finding in it all the same', () => {
    const bytes = new TextEncoder().encode('id: d001\ncriteria:\n  a: true\n');
    const file = parseYamlFile('records/2020/nominations/d001.yaml', bytes);
    expect(file.doc).toBeNull();
    expect(file.value).toStrictEqual({ id: 'd001', criteria: { a: true } });
    expect(file.diagnostics).toEqual([]);
    expect(positionOf(file, ['criteria', 'a'])).toEqual({ line: 3, column: 6 });
    expect(positionOf(file, ['criteria', 'a'], 'key')).toEqual({ line: 3, column: 3 });
  });

  it('agrees with the full parser on documents written in many styles', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
    const scalar = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        'null',
        'Null',
        '~',
        'true',
        'FALSE',
        'yes',
        '007',
        '-0',
        '+1',
        '1.',
        '.5',
        '1e3',
        '1E-2',
        '0x1F',
        '0o7',
        '.inf',
        '2020-11-20',
        '10:30',
        'a: b',
        'a #b',
        'a#b',
        '#x',
        '- x',
        '-x',
        '-1',
        '[x]',
        '{x}',
        'x, y',
        "it's",
        'say "hi"',
        'Phòng số 1',
        ' lead',
        'trail ',
        'a\nb',
        'a\n\nb\n',
        '\\',
        '|',
        '>',
        '&a',
        '*a',
        '!x',
        '%',
        '@',
        '`',
        '?',
        ':',
      ),
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[A-Za-zĐđÀ-ỹ0-9][A-Za-zĐđÀ-ỹ0-9 .,:#'"()/-]{0,24}$/),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(word, tie('node'), { maxKeys: 4 }),
    }));
    const root = fc.oneof(value.list, value.map);
    const options = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      flowCollectionPadding: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
    });
    Object.assign(seen, { texts: 0, quick: 0 });
    fc.assert(
      fc.property(root, options, (v, o) => agrees(stringify(v, o as ToStringOptions))),
      { seed: SEED, numRuns: RUNS },
    );
    // The property speaks only of the texts the quick reading accepts: enough of them must be.
    expect(seen.quick / seen.texts).toBeGreaterThan(0.1);
  });

  it('agrees with the full parser on record files changed at random', () => {
    const pieces = [
      '\n',
      ' ',
      '  ',
      ':',
      ': ',
      '- ',
      '-',
      '#',
      ' #',
      '"',
      "'",
      "''",
      '[',
      ']',
      '{',
      '}',
      ', ',
      ',',
      '|',
      '|-',
      '|+',
      '|2',
      '>',
      '&a ',
      '*a',
      '!!str ',
      '~',
      'null',
      'True',
      '0x1F',
      '1e3',
      '-1',
      '.5',
      '007',
      '\t',
      '\r',
      '\\',
      '%',
      '@',
      '`',
      '---',
      '...',
      '? ',
      'a: b',
      '\n  ',
      '\n- ',
      '\n\n',
      'é',
      '__proto__',
      'ừ',
    ];
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.constantFrom(...pieces) }),
      fc.record({ at: fc.nat(), del: fc.integer({ min: 1, max: 12 }), ins: fc.constant('') }),
    );
    const seeds = recordFiles().texts.filter((t) => t.length < 4000);
    Object.assign(seen, { texts: 0, quick: 0 });
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 3 }), (pick, windows, edits) => {
        let text = seeds[pick % seeds.length]!;
        if (windows) text = text.replaceAll('\n', '\r\n');
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(at + e.del);
        }
        return agrees(text);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    expect(seen.quick / seen.texts).toBeGreaterThan(0.2);
  });

  it('gives the full parser’s value for every record file of the example, the fixtures, the corpus and a generated province', () => {
    for (const text of recordFiles().texts) {
      agrees(text);
      agrees(text.replaceAll('\n', '\r\n')); // as saved on Windows
    }
  });

  it('reads every file of the example and of a generated province itself (else it buys nothing)', () => {
    const { example, generated } = recordFiles();
    const missed = [...example, ...generated].filter((f) => fastParse(readFileSync(f, 'utf8')) === NOT_SIMPLE);
    expect(missed).toEqual([]);
  });
});
