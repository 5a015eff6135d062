/** The loader on malformed input: always diagnostics, never an exception. */
import { mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseYamlFile } from '../../src/core/yaml/parse-yaml-file.js';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import type { Snapshot } from '../../src/core/records/workspace.js';
import { cleanupTemp, workspace, tempDir } from '../helpers/workspace.js';

afterAll(cleanupTemp);

const enc = (s: string) => new TextEncoder().encode(s);
const NOMINATION = 'records/2016/nominations/nv1-mo-hinh.yaml';

function validateWith(path: string, bytes: Uint8Array | string) {
  const root = workspace();
  writeFileSync(join(root, path), bytes);
  return validateSnapshot(readSnapshot(root)).diagnostics;
}

function codesAt(path: string, bytes: Uint8Array | string) {
  return validateWith(path, bytes)
    .filter((d) => d.file === path)
    .map((d) => `${d.code}@${d.line}:${d.column}`);
}

describe('parseYamlFile', () => {
  it('accepts a UTF-8 byte order mark', () => {
    const f = parseYamlFile('a.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('a: 1\n')]));
    expect(f.diagnostics).toEqual([]);
    expect(f.value).toEqual({ a: 1 });
  });
  it('an unclosed { is placed at its own bracket, not at a brace inside a quoted string', () => {
    const text = 'title: "Mô hình { mới"\ncriteria: { note: "}", xuat-sac: true\n';
    const f = parseYamlFile('a.yaml', enc(text));
    const d = f.diagnostics.find((x) => /never closed/.test(x.message.en))!;
    expect([d.code, d.line, d.column, d.message.vi]).toEqual([
      'yaml-syntax',
      2,
      11,
      'ngoặc “{” mở ở đây nhưng không đóng',
    ]);
  });
  it('a model named without its round is told the round is missing, not that the id is invalid', () => {
    const d = validateWith(
      'records/2016/submissions.yaml',
      '- { deadline: plan, department: nv1, received: 2016-12-10, replicates: [ nv1-mo-hinh ] }\n',
    ).filter((x) => x.file === 'records/2016/submissions.yaml');
    expect(d.map((x) => [x.code, x.line, x.column, x.message.vi])).toEqual([
      [
        'schema',
        1,
        74,
        '“replicates” (mục thứ 1): “nv1-mo-hinh” thiếu đợt của mô hình; viết “NĂM/nv1-mo-hinh”, ví dụ “2016/nv1-mo-hinh”',
      ],
    ]);
  });
  it('refuses UTF-16 with a diagnostic', () => {
    const f = parseYamlFile('a.yaml', new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    expect(f.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(f.diagnostics[0]!.message.en).toMatch(/UTF-16/);
  });
  it('places invalid UTF-8 at its line and column', () => {
    const f = parseYamlFile('a.yaml', new Uint8Array([...enc('a: 1\nb: x'), 0xc3, 0x28, ...enc('\n')]));
    expect(f.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['yaml-syntax', 2, 5]]);
  });
  it('refuses a tab used for indentation', () => {
    const f = parseYamlFile('a.yaml', enc('a:\n\tb: 1\n'));
    expect(f.diagnostics[0]?.code).toBe('yaml-syntax');
    expect(f.diagnostics[0]?.line).toBe(2);
  });
  it('refuses several documents in one file', () => {
    const f = parseYamlFile('a.yaml', enc('a: 1\n---\nb: 2\n'));
    expect(f.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-syntax', 2]]);
  });
  it('reads an empty file and a file of comments as null', () => {
    expect(parseYamlFile('a.yaml', enc('')).value).toBeNull();
    expect(parseYamlFile('a.yaml', enc('# only a comment\n')).value).toBeNull();
  });
  it('refuses custom tags and !!binary', () => {
    expect(parseYamlFile('a.yaml', enc('a: !foo x\n')).diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    expect(parseYamlFile('a.yaml', enc('a: !!binary aGVsbG8=\n')).diagnostics.map((d) => d.code)).toEqual([
      'yaml-syntax',
    ]);
  });
  it('keeps CRLF line endings readable with right positions', () => {
    const f = parseYamlFile('a.yaml', enc('a: 1\r\na: 2\r\n'));
    expect(f.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['duplicate-key', 2, 1]]);
  });
  it('refuses files over 1 MiB', () => {
    const f = parseYamlFile('a.yaml', new Uint8Array(1024 * 1024 + 1).fill(0x61));
    expect(f.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });
  it('never pollutes the object prototype through __proto__', () => {
    const f = parseYamlFile('a.yaml', enc('__proto__: { polluted: true }\n'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(f.value)).toBe(Object.prototype);
  });
});

describe('malformed records in a workspace', () => {
  it('a top-level scalar where a mapping is expected', () => {
    expect(codesAt(NOMINATION, 'just text\n')).toEqual(['schema@1:1']);
  });
  it('a list file that is a mapping', () => {
    expect(codesAt('records/people.yaml', 'a: 1\n')).toEqual(['schema@1:1']);
  });
  it('__proto__ and constructor keys are unknown fields', () => {
    const src =
      'id: nv1-mo-hinh\nkind: collective\ndepartment: nv1\ntitle: x\ninitiative: y\nsubmitted: 2016-11-20\ncriteria: { xuat-sac: true, sang-kien: true }\n__proto__: 1\nconstructor: 2\n';
    expect(codesAt(NOMINATION, src)).toEqual(['unknown-field@8:1', 'unknown-field@9:1']);
  });
  it('dates like 2016-2-3 and 03/02/2016 are refused', () => {
    const base =
      'id: nv1-mo-hinh\nkind: collective\ndepartment: nv1\ntitle: x\ninitiative: y\ncriteria: { xuat-sac: true, sang-kien: true }\n';
    expect(codesAt(NOMINATION, `${base}submitted: 2016-2-3\n`)).toEqual(['schema@7:12']);
    expect(codesAt(NOMINATION, `${base}submitted: 03/02/2016\n`)).toEqual(['schema@7:12']);
  });
  it('a folder where a file is expected', () => {
    const root = workspace();
    rmSync(join(root, 'records/discipline.yaml'));
    mkdirSync(join(root, 'records/discipline.yaml'));
    const ds = validateSnapshot(readSnapshot(root)).diagnostics;
    expect(ds.map((d) => [d.file, d.code])).toEqual([['records/discipline.yaml', 'schema']]);
    expect(ds[0]!.message.en).toMatch(/folder/);
  });
  it('a symbolic link loop and a link outside the workspace', () => {
    const root = workspace();
    symlinkSync('loop-b.yaml', join(root, 'records/2016/nominations/loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(root, 'records/2016/nominations/loop-b.yaml'));
    const outside = join(tempDir(), 'x.yaml');
    writeFileSync(outside, 'a: 1\n');
    rmSync(join(root, 'records/discipline.yaml'));
    symlinkSync(outside, join(root, 'records/discipline.yaml'));
    const ds = validateSnapshot(readSnapshot(root)).diagnostics;
    const byFile = Object.fromEntries(ds.map((d) => [d.file, d.message.en]));
    expect(byFile['records/2016/nominations/loop-a.yaml']).toMatch(/loop/);
    expect(byFile['records/discipline.yaml']).toMatch(/outside/);
  });
  it('a link to a file inside the workspace is read as that file; a named pipe is refused without waiting on it', () => {
    const root = workspace();
    const discipline = readSnapshot(root).files.get('records/discipline.yaml');
    writeFileSync(join(root, 'discipline-goc.yaml'), (discipline as { bytes: Uint8Array }).bytes);
    rmSync(join(root, 'records/discipline.yaml'));
    symlinkSync(join(root, 'discipline-goc.yaml'), join(root, 'records/discipline.yaml'));
    expect(readSnapshot(root).files.get('records/discipline.yaml')).toEqual(discipline);
    expect(spawnSync('mkfifo', [join(root, 'records/2016/nominations/ong.yaml')]).status).toBe(0);
    expect(readSnapshot(root).files.get('records/2016/nominations/ong.yaml')).toEqual({
      kind: 'unreadable',
      reason: 'other',
      detail: 'not a regular file',
    });
    const ds = validateSnapshot(readSnapshot(root)).diagnostics;
    expect(ds.map((d) => [d.file, d.code])).toEqual([['records/2016/nominations/ong.yaml', 'schema']]);
    // Through a link, the pipe and a folder are refused as they are without one.
    symlinkSync('ong.yaml', join(root, 'records/2016/nominations/lien-ket-ong.yaml'));
    symlinkSync('../../2016', join(root, 'records/2016/nominations/lien-ket-thu-muc.yaml'));
    const files = readSnapshot(root).files;
    expect(files.get('records/2016/nominations/lien-ket-ong.yaml')).toEqual({
      kind: 'unreadable',
      reason: 'other',
      detail: 'not a regular file',
    });
    expect(files.get('records/2016/nominations/lien-ket-thu-muc.yaml')).toEqual({
      kind: 'unreadable',
      reason: 'directory',
    });
  });
  it('a missing required file is named', () => {
    const root = workspace();
    rmSync(join(root, 'records/people.yaml'));
    const ds = validateSnapshot(readSnapshot(root)).diagnostics;
    expect(ds.map((d) => [d.file, d.code, d.line])).toContainEqual(['records/people.yaml', 'schema', 1]);
  });
});

describe('properties', () => {
  it('parseYamlFile returns diagnostics and never throws, for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const f = parseYamlFile('x.yaml', bytes);
        expect(Array.isArray(f.diagnostics)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('validation never throws for arbitrary text or YAML in any record file', () => {
    const root = workspace();
    const base = readSnapshot(root);
    const paths = [...base.files.keys()];
    const yamlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .array(
          fc.tuple(
            fc.constantFrom(
              'id',
              'kind',
              'criteria',
              'votes',
              'serial',
              'members',
              'person',
              '- ',
              ':',
              '  ',
              '&a',
              '*a',
              '!!str',
              '{',
              '[',
              '"',
            ),
            fc.string({ maxLength: 8 }),
          ),
          { maxLength: 20 },
        )
        .map((parts) => parts.map(([k, v]) => `${k}: ${v}`).join('\n')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), yamlish, (path, text) => {
        const files = new Map(base.files);
        files.set(path, { kind: 'file', bytes: enc(text) });
        const snapshot: Snapshot = { files, years: base.years };
        const v = validateSnapshot(snapshot);
        for (const d of v.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});
