/** The hostile-input corpus: each file broken one way gives its diagnostic; nothing crashes, hangs or pollutes. */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import { cleanupTemp, FIXTURES, PROJECT, cli, workspace } from '../helpers/workspace.js';

afterAll(cleanupTemp);

interface Case {
  file: string;
  target: string;
  code: string | null;
  line: number | null;
  what: string;
}

const CORPUS = join(PROJECT, 'test', 'corpus');
const cases = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as Case[];

describe('hostile-input corpus', () => {
  it('holds at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  for (const c of cases) {
    it(`${c.file}: ${c.what}`, () => {
      const root = workspace();
      writeFileSync(join(root, c.target), readFileSync(join(CORPUS, c.file)));
      const started = Date.now();
      const v = validateSnapshot(readSnapshot(root));
      // A hang guard, not a timing test: speed is measured by `npm run bench`.
      expect(Date.now() - started, 'time to validate').toBeLessThan(60_000);
      const here = v.diagnostics.filter((d) => d.file === c.target);
      if (c.code === null) expect(here).toEqual([]);
      else expect(here.map((d) => `${d.code}@${d.line}`)).toContain(`${c.code}@${String(c.line)}`);
      for (const d of v.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message.vi).not.toBe('');
        expect(d.message.en).not.toBe('');
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }

  it('a folder where a file is expected, a link loop, a file over 1 MiB, an unreadable file', () => {
    const root = workspace();
    rmSync(join(root, 'records/people.yaml'));
    mkdirSync(join(root, 'records/people.yaml'));
    symlinkSync('loop-2.yaml', join(root, 'records/2016/ballots/loop-1.yaml'));
    symlinkSync('loop-1.yaml', join(root, 'records/2016/ballots/loop-2.yaml'));
    writeFileSync(join(root, 'records/discipline.yaml'), Buffer.alloc(1024 * 1024 + 10, 0x20));
    const snapshot = readSnapshot(root);
    const files = new Map(snapshot.files);
    files.set('records/departments.yaml', { kind: 'unreadable', reason: 'permission' });
    const v = validateSnapshot({ ...snapshot, files });
    const by = (f: string) => v.diagnostics.filter((d) => d.file === f).map((d) => `${d.code}: ${d.message.en}`);
    expect(by('records/people.yaml')).toEqual(['schema: this is a folder, not a file']);
    expect(by('records/2016/ballots/loop-1.yaml')).toContain('schema: a symbolic link loop');
    expect(by('records/discipline.yaml')[0]).toMatch(/^file-too-large/);
    expect(by('records/departments.yaml')).toEqual(['schema: no permission to read the file']);
  });

  it('a name with terminal escape sequences prints inert', () => {
    const root = workspace();
    writeFileSync(
      join(root, 'records/people.yaml'),
      readFileSync(join(root, 'records/people.yaml'), 'utf8').replace(
        'name: Trần Văn An',
        'name: "Trần \\e[2J\\e]0;pwned\\aVăn An"',
      ),
    );
    for (const args of [['tally', '2016'], ['awards', 'an'], ['validate']]) {
      const r = cli(args, { cwd: root, env: { NO_COLOR: '1' } });
      expect(r.stdout + r.stderr).not.toContain('\u001b');
      expect(r.stdout + r.stderr).not.toContain('\u0007');
    }
    expect(cli(['tally', '2016'], { cwd: root }).stdout).toContain('Trần \\x1b[2J\\x1b]0;pwned\\x07Văn An');
    const bad = workspace();
    writeFileSync(
      join(bad, 'records/2016/nominations/nv1-mo-hinh.yaml'),
      readFileSync(join(CORPUS, 'control-in-key.yaml')),
    );
    const out = cli(['validate'], { cwd: bad, env: { NO_COLOR: '1' } });
    expect(out.stdout).not.toContain('\u001b');
    expect(out.stdout).toContain('\\x1b[2Jkey');
  });

  it('the base fixture stays clean', () => {
    expect(validateSnapshot(readSnapshot(join(FIXTURES, 'base'))).errors).toBe(0);
  });
});
