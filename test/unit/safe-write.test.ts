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

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fsyncSync: (fd: number) => { calls.push('fsync'); return fs.fsyncSync(fd); },
    renameSync: (a: string, b: string) => { calls.push('rename'); return fs.renameSync(a, b); },
    linkSync: (a: string, b: string) => {
      if (failLink.code) throw Object.assign(new Error(failLink.code), { code: failLink.code });
      calls.push('link');
      return fs.linkSync(a, b);
    },
  };
});

const { assertInside, createFileExclusive, currentBytes, ensureDirInside, FileExistsError, linkOutside, removeFileChecked, replaceFileChecked, writeFileAtomic } = await import('../../src/shell/safe-write.js');
const { ThiduaError } = await import('../../src/errors.js');

afterAll(cleanupTemp);
beforeEach(() => {
  calls.length = 0;
  failLink.code = null;
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
    try { writeFileAtomic(target, 'mới'); } catch (e) { err = e; }
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

  it('another failure of the link is an environment error, with nothing left behind', () => {
    const dir = tempDir();
    failLink.code = 'EIO';
    let err: unknown;
    try { createFileExclusive(join(dir, 'a'), 'x'); } catch (e) { err = e; }
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
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
    expect(() => replaceFileChecked(file, 'hai\n', null, 'submissions.yaml')).toThrow(/was changed by another command or person while this one ran; nothing written/);
    // Read as "một", changed meanwhile to "khác": refused.
    writeFileSync(file, 'khác\n');
    expect(() => replaceFileChecked(file, 'hai\n', Buffer.from('một\n'), 'submissions.yaml')).toThrow(/was changed by another command or person while this one ran; nothing written/);
    expect(readFileSync(file, 'utf8')).toBe('khác\n');
    // Read as it is: replaced.
    replaceFileChecked(file, 'hai\n', Buffer.from('khác\n'), 'submissions.yaml');
    expect(readFileSync(file, 'utf8')).toBe('hai\n');
    // Read as present, removed meanwhile: refused, not recreated.
    const gone = join(dir, 'gone.yaml');
    expect(() => replaceFileChecked(gone, 'x', Buffer.from('y'), 'gone.yaml')).toThrow(/was changed by another command or person while this one ran; nothing written/);
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
    try { currentBytes(dir); } catch (e) { err = e; }
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(3);
    expect((err as InstanceType<typeof ThiduaError>).text.en).toContain('(EISDIR)');
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
    try { assertInside(root, join(root, 'documents', '2016', 'a.docx')); } catch (e) { err = e; }
    expect((err as InstanceType<typeof ThiduaError>).exitCode).toBe(1);
    expect((err as InstanceType<typeof ThiduaError>).text.vi).toBe('không ghi documents/2016/a.docx: documents là liên kết tượng trưng trỏ ra ngoài không gian làm việc');
    expect(() => ensureDirInside(root, join(root, 'documents', '2016'))).toThrow(/symbolic link/);
    expect(existsSync(join(outside, '2016'))).toBe(false);
    assertInside(root, join(root, 'records', 'x.yaml'));
    ensureDirInside(root, join(root, 'records', '2030', 'ballots'));
    expect(existsSync(join(root, 'records', '2030', 'ballots'))).toBe(true);
  });
});
