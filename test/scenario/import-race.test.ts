/**
 * Issue 36: an import writes its sheet whole or not at all. Another writer that takes one of its
 * ids, or changes the people or departments it matched, between the import's read and its write
 * (while the import waits for the workspace lock) makes it refuse, writing nothing; run again, it
 * imports. The other writer is played by a hook the lock module runs just before the import takes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanupTemp, runCli, tempDir } from '../helpers/workspace.js';
import { ENV } from '../helpers/round.js';
import { nominationCsv, schoolStaff, staffCsv, TO, type Teacher } from '../helpers/school.js';
import { changedSinceRead, writeAll } from '../../src/shell/write-all.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';

const hook = vi.hoisted(() => ({ beforeLock: null as null | (() => void) }));
vi.mock('../../src/shell/lock.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/shell/lock.js')>();
  return {
    ...real,
    withLock: <T>(root: string, warn: Parameters<typeof real.withLock>[1], fn: () => Promise<T> | T) => {
      const other = hook.beforeLock;
      hook.beforeLock = null;
      other?.();
      return real.withLock(root, warn, fn);
    },
  };
});

afterAll(cleanupTemp);
beforeEach(() => {
  hook.beforeLock = null;
});

const env = { ...ENV, THIDUA_TODAY: '2025-06-20', NO_COLOR: '1', COLUMNS: '200' };
const run = (root: string, ...args: string[]) => runCli(args, { cwd: root, env });
async function ok(root: string, ...args: string[]) {
  const r = await run(root, ...args);
  if (r.code !== 0) throw new Error(`thidua ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A school of 16 in 8 tổ with its round 2025, and the sheet of Tổ Toán and Tổ Ngữ văn (4 teachers). */
async function school(): Promise<{ root: string; sheet: string; staff: Teacher[]; idOf: (name: string) => string }> {
  const parent = tempDir();
  await ok(
    parent,
    'init',
    'thpt',
    ...['--agency', 'Trường THPT E', '--symbol', 'THPTE', '--place', 'Huế', '--head-name', 'Lê F'],
    ...['--head-title', 'Hiệu trưởng', '--titles', '--period', 'school-year'],
  );
  const root = join(parent, 'thpt');
  const dir = tempDir();
  const staff = schoolStaff(2026, 16);
  await ok(root, 'import', 'people', staffCsv(dir, staff));
  const idOf = (name: string) =>
    (parse(readFileSync(join(root, 'records/people.yaml'), 'utf8')) as Array<{ id: string; name: string }>).find(
      (p) => p.name === name,
    )!.id;
  await ok(root, 'round', '2025', ...staff.slice(0, 3).flatMap((p) => ['--member', idOf(p.name)]));
  const lists = TO.slice(0, 2).map((to) => ({
    to,
    own: false,
    teachers: staff.filter((p) => p.to === to).map((p) => p.name),
  }));
  return { root, sheet: nominationCsv(dir, 'de-nghi', lists), staff, idOf };
}

const nominations = (root: string) => {
  const dir = join(root, 'records/2025/nominations');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

describe('import nominations: all or nothing under the lock', () => {
  it('another writer takes one of its ids meanwhile: refused at that file, nothing of the sheet written; run again, it imports', async () => {
    const { root, sheet, staff, idOf } = await school();
    // The second row's nomination, entered by another clerk (nominate) while the import waited.
    const taken = `${idOf(staff[8]!.name)}-lao-dong-tien-tien`;
    const theirs = `id: ${taken}\nkind: individual\ndepartment: toan\nperson: ${idOf(staff[8]!.name)}\naward: lao-dong-tien-tien\nrating: tot\ntitle: Nhập tay\nsubmitted: 2025-06-19\ncriteria: { chap-hanh-noi-quy: true, doan-ket-tap-the: true, huong-ung-thi-dua: true }\n`;
    expect(staff[8]!.to).toBe(TO[0]);
    hook.beforeLock = () => {
      mkdirSync(join(root, 'records/2025/nominations'), { recursive: true });
      writeFileSync(join(root, `records/2025/nominations/${taken}.yaml`), theirs);
    };
    const r = await run(root, 'import', 'nominations', sheet, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `thidua: records/2025/nominations/${taken}.yaml vừa bị thay đổi bởi một lệnh hoặc người khác trong lúc nhập; không ghi gì — nhập lại\n`,
    );
    expect(nominations(root)).toEqual([`${taken}.yaml`]);
    expect(readFileSync(join(root, `records/2025/nominations/${taken}.yaml`), 'utf8')).toBe(theirs);

    const again = await ok(root, 'import', 'nominations', sheet, '--year', '2025');
    expect(again.stdout).toContain(': 4 đề nghị — 3 mới, 1 thay đổi, 0 không đổi.');
    expect(nominations(root)).toHaveLength(4);
  });

  it('the people it matched change meanwhile: refused naming people.yaml, nothing written', async () => {
    const { root, sheet } = await school();
    hook.beforeLock = () => {
      const p = join(root, 'records/people.yaml');
      writeFileSync(p, readFileSync(p, 'utf8') + '- { id: moi-vao, name: Người Mới Vào, department: toan }\n');
    };
    const r = await run(root, '--lang', 'en', 'import', 'nominations', sheet, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'thidua: records/people.yaml changed by another command or person during the import; nothing written — import again\n',
    );
    expect(nominations(root)).toEqual([]);
  });
});

describe('import people: both lists or neither', () => {
  it('departments.yaml changed meanwhile: people.yaml is not written either', async () => {
    const { root, staff } = await school();
    const dir = tempDir();
    const more = [...staff, { ...staff[0]!, name: 'Trịnh Văn Mới', position: 'Giáo viên', to: 'Tổ Tin học' }];
    const people = readFileSync(join(root, 'records/people.yaml'));
    const departments = join(root, 'records/departments.yaml');
    hook.beforeLock = () =>
      writeFileSync(departments, readFileSync(departments, 'utf8') + '- { id: gdtc, name: Tổ Giáo dục thể chất }\n');
    const r = await run(root, 'import', 'people', staffCsv(dir, more));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('records/departments.yaml vừa bị thay đổi bởi một lệnh hoặc người khác');
    expect(readFileSync(join(root, 'records/people.yaml')).equals(people)).toBe(true);
    expect(readFileSync(departments, 'utf8')).toContain('gdtc');
  });
});

describe('writeAll', () => {
  it('a file in the way of the third: the two written are removed, the replaced one put back, the other’s file kept', () => {
    const root = tempDir();
    mkdirSync(join(root, 'records'));
    writeFileSync(join(root, 'records/b.yaml'), 'b: old\n');
    writeFileSync(join(root, 'records/c.yaml'), 'c: theirs\n');
    expect(() =>
      writeAll(root, [
        { rel: 'records/a.yaml', text: 'a: new\n', before: null },
        { rel: 'records/b.yaml', text: 'b: new\n', before: Buffer.from('b: old\n') },
        { rel: 'records/c.yaml', text: 'c: mine\n', before: null },
      ]),
    ).toThrow('records/c.yaml was made by another command or person while this one ran; nothing written, run it again');
    expect(readdirSync(join(root, 'records')).sort()).toEqual(['b.yaml', 'c.yaml']);
    expect(readFileSync(join(root, 'records/b.yaml'), 'utf8')).toBe('b: old\n');
    expect(readFileSync(join(root, 'records/c.yaml'), 'utf8')).toBe('c: theirs\n');
  });

  it('changedSinceRead names what appeared, went or changed in a folder and the files given', () => {
    const root = tempDir();
    mkdirSync(join(root, 'records/2025/nominations'), { recursive: true });
    writeFileSync(join(root, 'records/agency.yaml'), 'name: A\n');
    writeFileSync(join(root, 'records/people.yaml'), '[]\n');
    writeFileSync(join(root, 'records/2025/nominations/x.yaml'), 'id: x\n');
    writeFileSync(join(root, 'records/2025/nominations/y.yaml'), 'id: y\n');
    const snapshot = readSnapshot(root);
    const dirs = ['records/2025/nominations'];
    expect(changedSinceRead(root, snapshot, dirs, ['records/people.yaml'])).toEqual([]);
    writeFileSync(join(root, 'records/2025/nominations/x.yaml'), 'id: x\ntitle: khác\n');
    writeFileSync(join(root, 'records/2025/nominations/z.yaml'), 'id: z\n');
    writeFileSync(join(root, 'records/people.yaml'), '- { id: a, name: A }\n');
    writeFileSync(join(root, 'records/agency.yaml'), 'name: B\n');
    expect(changedSinceRead(root, snapshot, dirs, ['records/people.yaml'])).toEqual([
      'records/2025/nominations/x.yaml',
      'records/2025/nominations/z.yaml',
      'records/people.yaml',
    ]);
  });
});
