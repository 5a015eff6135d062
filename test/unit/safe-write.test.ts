/**
 * The safe-write guarantees in-process, each by the behaviour a clerk would notice: a write is the
 * old file or the new one, flushed before it replaces anything; a create never replaces another
 * writer's file; a checked replace or remove refuses a file changed meanwhile; no link leads out.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanupTemp, tempDir } from '../helpers/workspace.js';

/** Every fs call the module makes that matters for durability, in order. */
const calls: string[] = [];
const failLink = { code: null as string | null };
/** Faults to inject: writes that stop short, the n-th fsync failing, a remove failing, an exclusive create failing. */
const fault = { shortWrites: 0, fsyncFailsAt: 0, rmFails: null as string | null, createFails: null as string | null };
let fsyncs = 0;

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fsyncSync: (fd: number) => {
      calls.push('fsync');
      if (++fsyncs === fault.fsyncFailsAt) throw Object.assign(new Error('EIO'), { code: 'EIO' });
      return fs.fsyncSync(fd);
    },
    writeSync: (fd: number, buf: Uint8Array, off: number, len: number) =>
      fs.writeSync(fd, buf, off, fault.shortWrites ? Math.min(len, fault.shortWrites) : len),
    rmSync: (path: string, options?: { force?: boolean }) => {
      if (fault.rmFails && !options?.force) throw Object.assign(new Error(fault.rmFails), { code: fault.rmFails });
      return fs.rmSync(path, options);
    },
    renameSync: (a: string, b: string) => {
      calls.push('rename');
      return fs.renameSync(a, b);
    },
    openSync: (path: string, flags: string, mode?: number) => {
      if (fault.createFails && flags === 'wx' && !path.includes('.tmp'))
        throw Object.assign(new Error(fault.createFails), { code: fault.createFails });
      return fs.openSync(path, flags, mode);
    },
    linkSync: (a: string, b: string) => {
      if (failLink.code) throw Object.assign(new Error(failLink.code), { code: failLink.code });
      calls.push('link');
      return fs.linkSync(a, b);
    },
  };
});

const {
  assertInside,
  createFileExclusive,
  currentBytes,
  ensureDir,
  ensureDirInside,
  FileExistsError,
  linkOutside,
  removeFileChecked,
  replaceFileChecked,
  writeFileAtomic,
} = await import('../../src/shell/safe-write.js');
const { ThiduaError } = await import('../../src/errors.js');

afterAll(cleanupTemp);
beforeEach(() => {
  calls.length = 0;
  failLink.code = null;
  Object.assign(fault, { shortWrites: 0, fsyncFailsAt: 0, rmFails: null, createFails: null });
  fsyncs = 0;
});

const envError = (fn: () => void): InstanceType<typeof ThiduaError> => {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ThiduaError);
  expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
  return err as InstanceType<typeof ThiduaError>;
};

describe('when the disk misbehaves', () => {
  it('a disk that takes a few bytes per write still gets the whole file, atomically or created', () => {
    const dir = tempDir();
    fault.shortWrites = 7;
    const text = 'Thi đua là yêu nước, yêu nước thì phải thi đua.\n'.repeat(20);
    writeFileAtomic(join(dir, 'a.yaml'), text);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(text);
    failLink.code = 'EPERM';
    createFileExclusive(join(dir, 'b.yaml'), text);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(text);
  });

  it('a flush that fails: the old file kept, the code named, no temporary file left', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'cũ\n');
    fault.fsyncFailsAt = 1;
    expect(envError(() => writeFileAtomic(file, 'mới\n')).text.vi).toBe(
      `không ghi được ${file} (EIO); tệp cũ được giữ nguyên`,
    );
    expect(readFileSync(file, 'utf8')).toBe('cũ\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('without hard links, a flush that fails in place removes the half-written file', () => {
    const dir = tempDir();
    failLink.code = 'EPERM';
    fault.fsyncFailsAt = 2; // the temporary file's flush passes, the file's own fails
    expect(envError(() => createFileExclusive(join(dir, '001.yaml'), 'serial: 1\n')).text.en).toBe(
      `cannot write ${join(dir, '001.yaml')} (EIO)`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that is missing: the write names the code and leaves nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'khong-co', 'a.yaml');
    expect(envError(() => writeFileAtomic(file, 'x')).text.vi).toBe(
      `không ghi được ${file} (ENOENT); tệp cũ được giữ nguyên`,
    );
    expect(envError(() => createFileExclusive(file, 'x')).text.vi).toBe(`không ghi được ${file} (ENOENT)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that cannot be made, and a file that cannot be removed, are errors of the environment that say why', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'records'), 'một tệp, không phải thư mục');
    expect(envError(() => ensureDir(join(dir, 'records', '2030'))).text.vi).toMatch(
      new RegExp(`^không tạo được thư mục ${join(dir, 'records', '2030')}: `),
    );
    const file = join(dir, 'tally.yaml');
    writeFileSync(file, 'niêm phong\n');
    fault.rmFails = 'EACCES';
    expect(envError(() => removeFileChecked(file, Buffer.from('niêm phong\n'), 'tally.yaml')).text.vi).toBe(
      'không xoá được tally.yaml (EACCES)',
    );
    expect(existsSync(file)).toBe(true);
  });
});

describe('every code of a file system without hard links', () => {
  for (const code of ['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']) {
    it(`${code}: the file is created by name, once`, () => {
      const dir = tempDir();
      failLink.code = code;
      createFileExclusive(join(dir, 'a'), 'một');
      expect(() => createFileExclusive(join(dir, 'a'), 'hai')).toThrow(FileExistsError);
      expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('một');
      expect(readdirSync(dir)).toEqual(['a']);
    });
  }
});

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes the whole file, flushed before the rename puts it in place, and the folder flushed after', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'cũ\n');
    writeFileAtomic(file, 'mới\n');
    expect(readFileSync(file, 'utf8')).toBe('mới\n');
    expect(calls).toEqual(['fsync', 'rename', 'fsync']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps the old file and removes its temporary one when the rename fails', () => {
    const dir = tempDir();
    const target = join(dir, 'thu-muc');
    mkdirSync(target);
    writeFileSync(join(target, 'x'), 'x');
    let err: unknown;
    try {
      writeFileAtomic(target, 'mới');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ThiduaError);
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
    expect((err as InstanceType<typeof ThiduaError>).text.vi).toContain('tệp cũ được giữ nguyên');
    expect(readFileSync(join(target, 'x'), 'utf8')).toBe('x');
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes bytes as given, and a large file completely', () => {
    const dir = tempDir();
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61);
    writeFileAtomic(join(dir, 'b'), big);
    expect(readFileSync(join(dir, 'b')).equals(big)).toBe(true);
  });
});

describe('createFileExclusive', () => {
  it('creates a new file, flushed before it is linked into place; leaves no temporary file', () => {
    const dir = tempDir();
    createFileExclusive(join(dir, '001.yaml'), 'serial: 1\n');
    expect(readFileSync(join(dir, '001.yaml'), 'utf8')).toBe('serial: 1\n');
    expect(calls.slice(0, 2)).toEqual(['fsync', 'link']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('never replaces a file that is there: FileExistsError, the file untouched, no temporary left', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001.yaml'), 'của người khác\n');
    expect(() => createFileExclusive(join(dir, '001.yaml'), 'serial: 1\n')).toThrow(FileExistsError);
    expect(readFileSync(join(dir, '001.yaml'), 'utf8')).toBe('của người khác\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('on a file system without hard links, creates the name exclusively and still refuses an existing one', () => {
    const dir = tempDir();
    failLink.code = 'EPERM';
    createFileExclusive(join(dir, 'a'), 'một');
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('một');
    expect(() => createFileExclusive(join(dir, 'a'), 'hai')).toThrow(FileExistsError);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('một');
    expect(leftovers(dir)).toEqual([]);
  });

  it('without hard links, a create refused for another reason than an existing file says that reason', () => {
    const dir = tempDir();
    failLink.code = 'EPERM';
    fault.createFails = 'EACCES';
    const err = envError(() => createFileExclusive(join(dir, 'a'), 'x'));
    expect(err.text.vi).toBe(`không ghi được ${join(dir, 'a')} (EACCES)`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('another failure of the link is an environment error, with nothing left behind', () => {
    const dir = tempDir();
    failLink.code = 'EIO';
    let err: unknown;
    try {
      createFileExclusive(join(dir, 'a'), 'x');
    } catch (e) {
      err = e;
    }
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
    expect((err as InstanceType<typeof ThiduaError>).text.vi).toBe(`không ghi được ${join(dir, 'a')} (EIO)`);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('replaceFileChecked and removeFileChecked', () => {
  it('replace: only when the file still holds what was read; absent read as absent', () => {
    const dir = tempDir();
    const file = join(dir, 'submissions.yaml');
    replaceFileChecked(file, 'một\n', null, 'submissions.yaml');
    expect(readFileSync(file, 'utf8')).toBe('một\n');
    // Read as absent, but someone wrote it meanwhile: refused, theirs kept.
    expect(() => replaceFileChecked(file, 'hai\n', null, 'submissions.yaml')).toThrow(
      /was changed by another command or person while this one ran; nothing written/,
    );
    // Read as "một", changed meanwhile to "khác": refused.
    writeFileSync(file, 'khác\n');
    expect(() => replaceFileChecked(file, 'hai\n', Buffer.from('một\n'), 'submissions.yaml')).toThrow(
      /was changed by another command or person while this one ran; nothing written/,
    );
    expect(readFileSync(file, 'utf8')).toBe('khác\n');
    // Read as it is: replaced.
    replaceFileChecked(file, 'hai\n', Buffer.from('khác\n'), 'submissions.yaml');
    expect(readFileSync(file, 'utf8')).toBe('hai\n');
    // Read as present, removed meanwhile: refused, not recreated.
    const gone = join(dir, 'gone.yaml');
    expect(() => replaceFileChecked(gone, 'x', Buffer.from('y'), 'gone.yaml')).toThrow(
      /was changed by another command or person while this one ran; nothing written/,
    );
    expect(existsSync(gone)).toBe(false);
  });

  it('remove: an absent file is fine, a changed one is refused and kept, the one read is removed', () => {
    const dir = tempDir();
    const file = join(dir, 'tally.yaml');
    removeFileChecked(file, null, 'tally.yaml');
    writeFileSync(file, 'niêm phong\n');
    expect(() => removeFileChecked(file, Buffer.from('khác\n'), 'tally.yaml')).toThrow(/not removed, run it again/);
    expect(() => removeFileChecked(file, null, 'tally.yaml')).toThrow(/not removed, run it again/);
    expect(existsSync(file)).toBe(true);
    removeFileChecked(file, Buffer.from('niêm phong\n'), 'tally.yaml');
    expect(existsSync(file)).toBe(false);
  });

  it('currentBytes: null when absent, an environment error when unreadable', () => {
    const dir = tempDir();
    expect(currentBytes(join(dir, 'none'))).toBeNull();
    let err: unknown;
    try {
      currentBytes(dir);
    } catch (e) {
      err = e;
    }
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
    expect((err as InstanceType<typeof ThiduaError>).text.vi).toBe(`không đọc được ${dir} (EISDIR)`);
  });
});

describe('linkOutside', () => {
  it('finds the first part of a path that is a link out of the workspace, or that leads nowhere', () => {
    const root = tempDir();
    const outside = tempDir();
    mkdirSync(join(root, 'records'));
    mkdirSync(join(root, 'inner'));
    symlinkSync(join(root, 'inner'), join(root, 'ok-link'));
    symlinkSync(outside, join(root, 'out'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    expect(linkOutside(root, join(root, 'records', 'a.yaml'))).toBeNull();
    expect(linkOutside(root, join(root, 'ok-link', 'a.yaml'))).toBeNull();
    expect(linkOutside(root, join(root, 'out', 'a.yaml'))).toBe(join(root, 'out'));
    expect(linkOutside(root, join(root, 'out'))).toBe(join(root, 'out'));
    expect(linkOutside(root, join(root, 'dangling', 'x'))).toBe(join(root, 'dangling'));
    expect(linkOutside(root, join(root, '..', 'elsewhere'))).toBe(join(root, '..', 'elsewhere'));
    expect(linkOutside(root, join(root, 'not-yet', 'deeper'))).toBeNull();
    expect(linkOutside(join(root, 'no-root'), join(root, 'no-root', 'x'))).toBeNull();
  });
});

describe('assertInside and ensureDirInside', () => {
  it('refuse a path through a link out of the workspace, naming the link; create folders inside', () => {
    const root = tempDir();
    const outside = tempDir();
    symlinkSync(outside, join(root, 'documents'));
    let err: unknown;
    try {
      assertInside(root, join(root, 'documents', '2016', 'a.docx'));
    } catch (e) {
      err = e;
    }
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(1);
    expect((err as InstanceType<typeof ThiduaError>).text.vi).toBe(
      'không ghi documents/2016/a.docx: documents là liên kết tượng trưng trỏ ra ngoài không gian làm việc',
    );
    expect(() => ensureDirInside(root, join(root, 'documents', '2016'))).toThrow(/symbolic link/);
    expect(existsSync(join(outside, '2016'))).toBe(false);
    assertInside(root, join(root, 'records', 'x.yaml'));
    ensureDirInside(root, join(root, 'records', '2030', 'ballots'));
    expect(existsSync(join(root, 'records', '2030', 'ballots'))).toBe(true);
  });
});
