/**
 * The single executables of `npm run dist` (run it first: `npm run test:dist` does both). The Linux
 * one alone in an empty folder with no Node on PATH; the Windows one under wine (a fresh prefix, no
 * git, output to files — a pipe gives EBADF under wine), on the example and on a generated agency
 * kept under C:\ in a folder with Vietnamese letters. Both print and write what bin/thidua does.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  cpSync,
  symlinkSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, cli, PROJECT, tempDir, workspace, type CliResult } from '../helpers/workspace.js';
import { decidedAgency, ENV } from '../helpers/round.js';
import { staffList, writeStaff } from '../helpers/staff.js';
import { generateWorkspace } from '../../src/bench/generate.js';
import { POOL_THRESHOLD } from '../../src/shell/parse-pool.js';

afterAll(cleanupTemp);

const DIST = join(PROJECT, 'dist-bin');
const EXE = join(DIST, 'thidua-win-x64.exe');
const LINUX = join(DIST, 'thidua-linux-x64');
const VERSION = (JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;

/** Run a program with stdout and stderr sent to files, never to a pipe. */
function runToFiles(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): CliResult {
  const dir = tempDir('thidua-out-');
  const out = openSync(join(dir, 'out'), 'w');
  const err = openSync(join(dir, 'err'), 'w');
  const res = spawnSync(program, args, { cwd, env, stdio: ['ignore', out, err], timeout: 240_000 });
  closeSync(out);
  closeSync(err);
  return {
    code: res.status ?? -1,
    stdout: readFileSync(join(dir, 'out'), 'utf8'),
    stderr: readFileSync(join(dir, 'err'), 'utf8'),
  };
}

/** The same command through bin/thidua (the Node build). */
const node = (args: string[], cwd: string) => cli(args, { cwd, env: { ...ENV } });

describe('npm run dist', () => {
  it('wrote a Windows .exe and a Linux executable, each under 150 MB', () => {
    expect(existsSync(EXE) && existsSync(LINUX), 'run npm run dist first (npm run test:dist does)').toBe(true);
    for (const f of [EXE, LINUX]) expect(statSync(f).size).toBeLessThan(150 * 1024 * 1024);
    expect(readFileSync(EXE).subarray(0, 2).toString('latin1')).toBe('MZ');
    expect(readFileSync(LINUX).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});

describe('the Linux executable, alone in an empty folder with no Node on PATH', () => {
  let exe: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    const folder = tempDir('thidua-alone-');
    exe = join(folder, 'thidua');
    copyFileSync(LINUX, exe);
    const emptyPath = tempDir('thidua-path-');
    env = { PATH: emptyPath, HOME: tempDir('thidua-home-'), NO_COLOR: '1', THIDUA_TODAY: ENV.THIDUA_TODAY };
    expect(readdirSync(folder)).toEqual(['thidua']);
  });

  it('prints its version, and the same validate and tally 2016 --json as bin/thidua', () => {
    const root = workspace({ from: 'example' });
    expect(runToFiles(exe, ['--version'], root, env)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    for (const args of [['validate'], ['--lang', 'en', 'validate'], ['tally', '2016', '--json']]) {
      const mine = runToFiles(exe, args, root, env);
      const theirs = node(args, root);
      expect(mine, args.join(' ')).toEqual(theirs);
      expect(mine.code).toBe(0);
    }
    expect(runToFiles(exe, ['validate'], root, env).stdout).toBe(
      '✓ Hồ sơ hợp lệ: 3 đợt (2016, 2017, 2025), 38 đề nghị, 18 phiếu; 0 lỗi, 0 cảnh báo.\n',
    );
  });

  it('a workspace of more files than POOL_THRESHOLD (parsed on threads, their script carried inside): the findings of bin/thidua', () => {
    const root = tempDir();
    const g = generateWorkspace({
      root,
      seed: 37,
      departments: 40,
      people: 600,
      rounds: 6,
      ballots: 9,
      criteriaFile: join(PROJECT, 'records', 'criteria.yaml'),
    });
    expect(g.files).toBeGreaterThan(POOL_THRESHOLD);
    // A broken record among them: its finding, place and source line come back from a thread.
    writeFileSync(join(root, 'records', String(g.years[0]), 'nominations', 'zz-broken.yaml'), 'id: [unclosed\n');
    const threaded = runToFiles(exe, ['validate', '--json'], root, { ...env, THIDUA_NO_CACHE: '1' });
    const alone = runToFiles(exe, ['validate', '--json'], root, { ...env, THIDUA_NO_CACHE: '1', THIDUA_THREADS: '0' });
    expect(threaded.code).toBe(1);
    expect(threaded).toEqual(alone);
    expect(threaded.stdout).toBe(cli(['validate', '--json'], { cwd: root, env: { THIDUA_NO_CACHE: '1' } }).stdout);
    expect(threaded.stdout).toContain('zz-broken.yaml');
  });

  it('init writes the templates, the criteria and the rule pack it carries, byte for byte those of the package', () => {
    const parent = tempDir();
    const r = runToFiles(
      exe,
      ['init', 'xa-an-phu', '--agency', 'UBND xã An Phú', '--symbol', 'UBND', '--place', 'An Phú', '--titles'],
      parent,
      { ...env, ...ENV, PATH: dirOfGit() },
    );
    expect(r.code, r.stderr).toBe(0);
    const made = join(parent, 'xa-an-phu');
    const templates = join(PROJECT, 'templates');
    expect(readdirSync(join(made, 'templates')).sort()).toEqual(readdirSync(templates).sort());
    const pairs: Array<[string, string]> = [
      ...readdirSync(templates).map((n): [string, string] => [`templates/${n}`, `templates/${n}`]),
      ['records/criteria.yaml', 'records/criteria.yaml'],
      ['records/titles.yaml', 'packs/vn-2025-07.yaml'],
    ];
    for (const [written, shipped] of pairs)
      expect(readFileSync(join(made, written)).equals(readFileSync(join(PROJECT, shipped))), written).toBe(true);
    expect(runToFiles(exe, ['validate'], made, env).code).toBe(0);
  });
});

/** A folder holding only the git program (init commits: git, but never node). */
function dirOfGit(): string {
  const dir = tempDir('thidua-gitonly-');
  symlinkSync(spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim(), join(dir, 'git'));
  return dir;
}

describe('thidua-win-x64.exe under wine', () => {
  let prefix: string;
  let wine: string;
  let env: NodeJS.ProcessEnv;
  /** The C: drive of the prefix, as a Linux folder. */
  let driveC: string;

  beforeAll(() => {
    // wine64 itself: Debian's `wine` wrapper adds a note about wine32 on stderr.
    wine = existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : 'wine64';
    prefix = tempDir('thidua-wine-');
    env = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      LANG: 'C.UTF-8',
      WINEPREFIX: prefix,
      WINEDEBUG: '-all',
      // No Mono or Gecko installer on the prefix's first start: it would wait for an answer.
      WINEDLLOVERRIDES: 'mscoree,mshtml=',
      NODE_SKIP_PLATFORM_CHECK: '1',
      NO_COLOR: '1',
      THIDUA_TODAY: ENV.THIDUA_TODAY,
    };
    const boot = runToFiles(wine, ['wineboot', '--init'], prefix, env);
    expect(boot.code, boot.stderr).toBe(0);
    driveC = join(prefix, 'drive_c');
  }, 240_000);

  const exe = (args: string[], cwd: string) => runToFiles(wine, [EXE, ...args], cwd, env);

  it('prints its version', () => {
    expect(exe(['--version'], prefix)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('validates the example with the same output as bin/thidua, in Vietnamese and English', () => {
    const root = workspace({ from: 'example' });
    for (const args of [['validate'], ['--lang', 'en', 'validate'], ['tally', '2016', '--json']]) {
      const r = exe(args, root);
      expect(r, args.join(' ')).toEqual(node(args, root));
    }
  });

  it('render all 2016 in C:\\Hồ sơ thi đua writes .docx files identical to the Node build’s', () => {
    const mine = join(driveC, 'Hồ sơ thi đua');
    mkdirSync(mine);
    for (const d of ['records', 'templates']) cpDir(join(PROJECT, d), join(mine, d));
    const theirs = workspace({ from: 'example' });
    const n = node(['render', 'all', '2016'], theirs);
    expect(n.code, n.stderr).toBe(0);
    const r = exe(['--root', 'C:\\Hồ sơ thi đua', 'render', 'all', '2016'], prefix);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('C:\\Hồ sơ thi đua\\documents\\2016\\quyet-dinh-2016.docx');
    const files = readdirSync(join(theirs, 'documents', '2016')).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(readdirSync(join(mine, 'documents', '2016')).sort()).toEqual(
      readdirSync(join(theirs, 'documents', '2016')).sort(),
    );
    for (const f of files)
      expect(
        readFileSync(join(mine, 'documents', '2016', f)).equals(readFileSync(join(theirs, 'documents', '2016', f))),
        f,
      ).toBe(true);
  });

  it('a generated agency, decided: its documents byte for byte those of the Node build', async () => {
    const a = await decidedAgency({ seed: 371, departments: 3, councilSize: 7 });
    const folder = join(driveC, 'Thi đua khen thưởng');
    cpDir(a.root, folder);
    const n = node(['render', 'all', String(a.year)], a.root);
    expect(n.code, n.stderr).toBe(0);
    const r = exe(['render', 'all', String(a.year)], folder);
    expect(r.code, r.stderr).toBe(0);
    const docs = readdirSync(join(a.root, 'documents', String(a.year))).filter((f) => f.endsWith('.docx'));
    expect(docs.length).toBeGreaterThan(0);
    for (const f of docs)
      expect(
        readFileSync(join(folder, 'documents', String(a.year), f)).equals(
          readFileSync(join(a.root, 'documents', String(a.year), f)),
        ),
        f,
      ).toBe(true);
  });

  it('verify without git names git, its download and --no-history, in one line with no stack trace; --no-history checks the rest', () => {
    const root = workspace({ from: 'example' });
    const r = exe(['verify'], root);
    expect(r).toEqual({
      code: 3,
      stdout: '',
      stderr:
        'thidua: không tìm thấy chương trình git; cài Git for Windows (https://git-scm.com/download/win) rồi mở cửa sổ lệnh mới, hoặc chạy thidua verify --no-history để kiểm tra mọi thứ trừ lịch sử commit\n',
    });
    expect(exe(['--lang', 'en', 'commit', '-m', 'Đợt 2016'], root).stderr).toBe(
      'thidua: the git program was not found; install Git for Windows (https://git-scm.com/download/win) and open a new command window\n',
    );
    const rest = exe(['verify', '2016', '--no-history'], root);
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stdout).toBe(node(['verify', '2016', '--no-history'], root).stdout);
  });

  it('render --pdf looks for LibreOffice in Program Files: absent, one line with its download; present, it is run', () => {
    const root = workspace({ from: 'example' });
    const none = exe(['--lang', 'en', 'render', 'decision', '2016', '--pdf'], root);
    expect([none.code, none.stderr]).toEqual([
      3,
      'thidua: a PDF (--pdf) needs LibreOffice, but no soffice.exe was found (in Program Files or on PATH); install LibreOffice (https://www.libreoffice.org/download/) or leave out --pdf\n',
    ]);
    // A program that converts nothing, where LibreOffice's installer puts soffice.exe.
    const program = join(driveC, 'Program Files', 'LibreOffice', 'program');
    mkdirSync(program, { recursive: true });
    copyFileSync(join(driveC, 'windows', 'system32', 'hostname.exe'), join(program, 'soffice.exe'));
    const found = exe(['--lang', 'en', 'render', 'decision', '2016', '--pdf', '--force'], root);
    expect([found.code, found.stderr]).toEqual([
      3,
      'thidua: LibreOffice could not convert quyet-dinh-2016.docx to PDF\n',
    ]);
  });

  it('imports a staff list made in Calc and exports a list to .xlsx, as the Node build does', () => {
    const rows = staffList(3701, 12);
    const { xlsx } = writeStaff(tempDir(), rows);
    const mine = workspace();
    const theirs = workspace();
    const r = exe(['import', 'people', xlsx], mine);
    expect(r.code, r.stderr).toBe(0);
    // The same table; the path as Windows writes it.
    expect(r.stdout.replaceAll('\\', '/')).toBe(node(['import', 'people', xlsx], theirs).stdout);
    expect(r.stdout).toMatch(/^Nhập từ \.\.\\thidua-test-/);
    for (const f of ['records/people.yaml', 'records/departments.yaml'])
      expect(readFileSync(join(mine, f), 'utf8'), f).toBe(readFileSync(join(theirs, f), 'utf8'));

    const example = workspace({ from: 'example' });
    const out = exe(['export', 'list', '2016', '--xlsx', 'danh-sach-exe.xlsx'], example);
    expect(out.code, out.stderr).toBe(0);
    expect(node(['export', 'list', '2016', '--xlsx', 'danh-sach-node.xlsx'], example).code).toBe(0);
    // The same parts, byte for byte (the zip's own timestamps are the time of writing, in either build).
    const parts = (f: string) => unzipSync(readFileSync(join(example, f)));
    const mineParts = parts('danh-sach-exe.xlsx');
    const theirParts = parts('danh-sach-node.xlsx');
    expect(Object.keys(mineParts).sort()).toEqual(Object.keys(theirParts).sort());
    for (const [name, bytes] of Object.entries(theirParts))
      expect(Buffer.from(mineParts[name]!).equals(Buffer.from(bytes)), name).toBe(true);
  });
});

function cpDir(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
