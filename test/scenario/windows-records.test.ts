/**
 * Records kept on a Windows PC: typed in Notepad (CRLF), read as any other; a record thidua
 * rewrites keeps the line endings it had. And a machine without git: one line naming the download.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli, tempDir, workspace } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { ok, run } from '../helpers/round.js';
import { usesCrlf, withLineEndings } from '../../src/core/text/line-endings.js';

afterAll(cleanupTemp);

const crlf = (path: string) => writeFileSync(path, withLineEndings(readFileSync(path, 'utf8'), true));
const bareLf = (text: string) => /(^|[^\r])\n/.test(text);

describe('records with CRLF line endings', () => {
  it('a council file typed in Notepad: the round validates, session rewrites it in CRLF; the next round’s new file is LF', async () => {
    const a = generateAgency({ seed: 3712, departments: 3, councilSize: 5, noSession: true });
    const council = join(a.root, `records/${a.year}/council.yaml`);
    const people = join(a.root, 'records/people.yaml');
    crlf(council);
    crlf(people);
    expect(bareLf(readFileSync(council, 'utf8'))).toBe(false);
    expect((await run(a, 'validate')).code).toBe(0);

    await ok(
      a,
      'session',
      String(a.year),
      '--date',
      `${a.year}-12-20`,
      '--place',
      'Hội trường xã',
      '--counter',
      a.council[1]!,
    );
    const after = readFileSync(council, 'utf8');
    expect(after).toContain(`\r\n`);
    expect(after).toContain('Hội trường xã');
    expect(bareLf(after)).toBe(false);
    expect((await run(a, 'validate')).code).toBe(0);

    // A file thidua writes new follows its own convention (LF).
    const next = String(a.year + 1);
    await ok(a, 'round', next);
    expect(bareLf(readFileSync(join(a.root, `records/${next}/council.yaml`), 'utf8'))).toBe(true);
  });

  it('usesCrlf reads the first line ending', () => {
    expect(usesCrlf(Buffer.from('a: 1\r\nb: 2\n'))).toBe(true);
    expect(usesCrlf(Buffer.from('a: 1\nb: 2\r\n'))).toBe(false);
    expect(usesCrlf(Buffer.from('\nx'))).toBe(false);
    expect(usesCrlf(Buffer.from('no line end'))).toBe(false);
    expect(withLineEndings('a\nb\r\nc\n', true)).toBe('a\r\nb\r\nc\r\n');
    expect(withLineEndings('a\nb\n', false)).toBe('a\nb\n');
  });
});

describe('without git', () => {
  it('verify names git, where to get it and --no-history, in one line, both languages; --no-history works', () => {
    const root = workspace({ from: 'example' });
    const env = { PATH: tempDir('thidua-nogit-') };
    const vi = cli(['verify'], { cwd: root, env });
    expect([vi.code, vi.stdout, vi.stderr]).toEqual([
      3,
      '',
      'thidua: không tìm thấy chương trình git; hãy cài git (https://git-scm.com/downloads; Debian, Ubuntu: apt-get install git), hoặc chạy thidua verify --no-history để kiểm tra mọi thứ trừ lịch sử commit\n',
    ]);
    const en = cli(['--lang', 'en', 'commit', '-m', 'x'], { cwd: root, env });
    expect([en.code, en.stderr]).toEqual([
      3,
      'thidua: the git program was not found; install git (https://git-scm.com/downloads; Debian, Ubuntu: apt-get install git)\n',
    ]);
    expect(cli(['verify', '2016', '--no-history'], { cwd: root, env }).code).toBe(0);
  });
});
