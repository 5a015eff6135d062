/**
 * The git half of `thidua verify` (src/shell/git-audit.ts, src/shell/git-history.ts) against real
 * repositories made in a temporary folder, in-process: what changed after a seal, a seal rewritten
 * or removed with or without `thidua unseal`, files git was told to ignore, and the reader that
 * answers from what it already asked git (within a run, and kept per HEAD between runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRound, preloadAudit, removalsOf } from '../../src/shell/git-audit.js';
import {
  commitsTouching,
  fileAt,
  hiddenFromGit,
  isGitRepo,
  parseLenient,
  uncommitted,
} from '../../src/shell/git-history.js';
import { HistoryReader } from '../../src/shell/history-reader.js';
import { explainRefusal, historyState } from '../../src/shell/history-state.js';
import { sha256Hex } from '../../src/core/seal.js';
import type { Round } from '../../src/core/records/workspace.js';
import { cleanupTemp, git, oldGitBin, tempDir } from '../helpers/workspace.js';
import { EXIT, ThiduaError } from '../../src/errors.js';

afterAll(cleanupTemp);

const YEAR = 2031;
const DIR = `records/${YEAR}`;
const TALLY = `${DIR}/tally.yaml`;
const DECISION = `${DIR}/decision.yaml`;
const UNSEALS = `${DIR}/unseals.yaml`;
const SEAL = 'year: 2031\nresults:\n  - nomination: a\n    agree: 5\n';

const round = {
  year: YEAR,
  dir: DIR,
  tallyFile: TALLY,
  decisionFile: DECISION,
  unsealsFile: UNSEALS,
  tallyPresent: true,
} as unknown as Round;

function put(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function commit(root: string, message: string): string {
  git(root, ['add', '-A']);
  git(root, ['commit', '-qm', message]);
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/** A repository with a round's inputs committed, then its seal committed. */
function sealedRepo(): { root: string; sealCommit: string } {
  const root = tempDir();
  git(root, ['init', '-q']);
  put(root, 'records/agency.yaml', 'name: X\n');
  put(root, `${DIR}/council.yaml`, 'members: []\n');
  put(root, `${DIR}/nominations/a.yaml`, 'id: a\n');
  put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\n');
  commit(root, 'hồ sơ');
  put(root, TALLY, SEAL);
  const sealCommit = commit(root, 'niêm phong');
  return { root, sealCommit };
}

/** A sealed repository whose decision is committed too. */
function decidedRepo(): { root: string; decided: string } {
  const { root } = sealedRepo();
  put(root, DECISION, 'number: 1\n');
  return { root, decided: commit(root, 'quyết định') };
}

/** A repository whose workspace is one of its folders: inputs committed, then the seal. */
function sealedInFolder(
  folder: string,
  alsoFirst?: (top: string) => void,
): { top: string; root: string; sealCommit: string } {
  const top = tempDir();
  git(top, ['init', '-q']);
  const root = join(top, folder);
  put(root, `${DIR}/council.yaml`, 'members: []\n');
  put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\n');
  alsoFirst?.(top);
  commit(top, 'hồ sơ');
  put(root, TALLY, SEAL);
  return { top, root, sealCommit: commit(top, 'niêm phong') };
}

const audit = async (root: string) => {
  const reader = new HistoryReader(root, 'records');
  await preloadAudit(reader, [round]);
  return [...removalsOf(reader, round), ...auditRound(reader, round)];
};

describe('auditRound', () => {
  it('a sealed round with nothing after the seal: no finding', async () => {
    const { root } = sealedRepo();
    expect(await audit(root)).toEqual([]);
  });

  it('names each sealed input changed, added or removed in a later commit, and no other file', async () => {
    const { root } = sealedRepo();
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    put(root, `${DIR}/ballots/002.yaml`, 'serial: 2\n');
    rmSync(join(root, `${DIR}/nominations/a.yaml`));
    put(root, 'records/agency.yaml', 'name: Y\n');
    put(root, DECISION, 'number: 1\n');
    const later = commit(root, 'sửa sau niêm phong');
    const found = await audit(root);
    expect(found.map((f) => [f.file, f.commit, f.message.en.split(' in commit')[0]])).toEqual([
      [`${DIR}/ballots/001.yaml`, later, 'changed'],
      [`${DIR}/ballots/002.yaml`, later, 'added'],
      [`${DIR}/nominations/a.yaml`, later, 'removed'],
    ]);
  });

  it('a seal never committed, and uncommitted changes to the inputs, are findings', async () => {
    const root = tempDir();
    git(root, ['init', '-q']);
    put(root, `${DIR}/council.yaml`, 'members: []\n');
    commit(root, 'hồ sơ');
    put(root, TALLY, SEAL);
    put(root, `${DIR}/council.yaml`, 'members: [x]\n');
    const found = await audit(root);
    expect(found.map((f) => [f.file, f.message.en])).toEqual([
      [TALLY, 'the seal is not committed to git (thidua commit)'],
      [`${DIR}/council.yaml`, 'an uncommitted change (M) in a sealed round'],
    ]);
  });

  it('a seal rewritten in a later commit is a finding, unless unseals.yaml records the seal it replaced (later only over the same inputs) or only a basis was added', async () => {
    const { root } = sealedRepo();
    put(root, TALLY, SEAL.replace('agree: 5', 'agree: 6'));
    const rewrite = commit(root, 'sửa kết quả');
    const found = await audit(root);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ check: 'git', file: TALLY, commit: rewrite });
    expect(found[0]!.message.en).toContain(`the seal was rewritten in commit ${rewrite.slice(0, 12)}`);

    // Opened with thidua unseal: unseals.yaml names the hash of the seal it replaced.
    const { root: opened } = sealedRepo();
    put(opened, UNSEALS, `- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n`);
    put(opened, TALLY, SEAL.replace('agree: 5', 'agree: 6'));
    commit(opened, 'mở niêm phong và niêm phong lại');
    expect(await audit(opened)).toEqual([]);

    // Rewritten in place over the same inputs, the seal it replaced recorded in a later commit: an
    // opening written up afterwards. Over a changed ballot it stays a finding, recorded or not.
    const { root: later } = sealedRepo();
    put(later, TALLY, SEAL.replace('agree: 5', 'agree: 6'));
    commit(later, 'sửa kết quả');
    put(later, UNSEALS, `- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n`);
    commit(later, 'ghi lại lần mở niêm phong');
    expect(await audit(later)).toEqual([]);
    const { root: ballot } = sealedRepo();
    put(ballot, TALLY, SEAL.replace('agree: 5', 'agree: 6'));
    put(ballot, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    const overBallot = commit(ballot, 'sửa phiếu và kết quả');
    put(ballot, UNSEALS, `- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n`);
    commit(ballot, 'ghi lại lần mở niêm phong');
    const stays = await audit(ballot);
    expect(stays.map((f) => [f.file, f.commit])).toContainEqual([TALLY, overBallot]);

    // Only given a basis, in another spelling: the same seal.
    const { root: based } = sealedRepo();
    put(based, TALLY, "year: 2031\nresults: [{ nomination: 'a', agree: 5 }]\nbasis: { agency: X }\n");
    commit(based, 'thêm cơ sở');
    expect(await audit(based)).toEqual([]);
  });

  it('a file git is told to ignore (skip-worktree) is named, so a hidden change cannot pass', async () => {
    const { root } = sealedRepo();
    git(root, ['update-index', '--skip-worktree', `${DIR}/ballots/001.yaml`]);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    const found = await audit(root);
    expect(found.map((f) => f.file)).toEqual([`${DIR}/ballots/001.yaml`]);
    expect(found[0]!.message.en).toContain('skip-worktree or assume-unchanged');
  });

  it('a commit hidden behind a replacement (git replace) is still named', async () => {
    const { root, sealCommit } = sealedRepo();
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    const real = commit(root, 'sửa phiếu');
    // A stand-in commit with the sealed tree: plain `git log` and `git status` now see no change at all.
    const sealedTree = git(root, ['rev-parse', `${sealCommit}^{tree}`]).trim();
    const fake = git(root, ['commit-tree', sealedTree, '-p', sealCommit, '-m', 'sửa phiếu']).trim();
    git(root, ['replace', real, fake]);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\n');
    expect(git(root, ['log', '--format=%H', '-1', '--', `${DIR}/ballots`]).trim()).toBe(
      git(root, ['rev-parse', `${sealCommit}^`]).trim(),
    );
    const found = await audit(root);
    expect(found.map((f) => [f.file, f.commit ?? null])).toEqual([
      [`${DIR}/ballots/001.yaml`, real],
      [`${DIR}/ballots/001.yaml`, null],
    ]);
  });

  it('a workspace in a folder of a larger repository: paths are the workspace’s own, committed and uncommitted', async () => {
    const { top, root, sealCommit } = sealedInFolder('thi-dua', (repo) => put(repo, 'khac/ghi-chu.txt', 'x\n'));
    const reader = new HistoryReader(root, 'records');
    expect(reader.head()).toBe(sealCommit);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    const later = commit(top, 'sửa phiếu');
    put(root, `${DIR}/council.yaml`, 'members: [x]\n');
    put(top, 'khac/ghi-chu.txt', 'y\n');
    const found = await audit(root);
    expect(found.map((f) => [f.file, f.commit ?? null])).toEqual([
      [`${DIR}/ballots/001.yaml`, later],
      [`${DIR}/council.yaml`, null],
    ]);
  });

  it('a change made on a branch and merged is seen', async () => {
    const { root } = sealedRepo();
    const main = git(root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    git(root, ['checkout', '-qb', 'nhanh']);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    const onBranch = commit(root, 'sửa trên nhánh');
    git(root, ['checkout', '-q', main]);
    put(root, 'records/agency.yaml', 'name: Z\n');
    commit(root, 'việc khác');
    git(root, ['merge', '-q', '--no-edit', 'nhanh']);
    const found = await audit(root);
    expect(found.map((f) => [f.file, f.commit])).toContainEqual([`${DIR}/ballots/001.yaml`, onBranch]);
  });
});

describe('removalsOf', () => {
  it('a seal removed in a commit without unseal: the removing commit and the one that had added it', () => {
    const { root, sealCommit } = sealedRepo();
    rmSync(join(root, TALLY));
    const removing = commit(root, 'xoá niêm phong');
    const reader = new HistoryReader(root, 'records');
    const found = removalsOf(reader, { ...round, tallyPresent: false });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: TALLY, commit: removing });
    expect(found[0]!.message.en).toContain(
      `sealed since commit ${sealCommit.slice(0, 12)}, removed in commit ${removing.slice(0, 12)}`,
    );
  });

  it('a seal and its decision removed through a recorded unseal are not findings; removed in the working tree, they are', () => {
    const { root } = decidedRepo();
    rmSync(join(root, TALLY));
    rmSync(join(root, DECISION));
    put(root, UNSEALS, `- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n`);
    commit(root, 'mở niêm phong');
    const open = { ...round, tallyPresent: false } as Round;
    expect(removalsOf(new HistoryReader(root, 'records'), open)).toEqual([]);

    const { root: dirty } = decidedRepo();
    rmSync(join(dirty, DECISION));
    const found = removalsOf(new HistoryReader(dirty, 'records'), round);
    expect(found.map((f) => [f.file, f.commit])).toEqual([[DECISION, undefined]]);
    expect(found[0]!.message.en).toContain('decided since commit');
    expect(found[0]!.message.en).toContain('removed (not committed yet) without “thidua unseal”');
  });

  it('opened, corrected and sealed again before one commit: the decision withdrawn with the recorded seal is no finding', () => {
    // thidua unseal, then tally --seal, then thidua commit: the commit rewrites the seal and removes the decision.
    const { root } = decidedRepo();
    rmSync(join(root, DECISION));
    put(root, UNSEALS, `- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n  decision: 1/QĐ\n`);
    put(root, TALLY, SEAL.replace('agree: 5', 'agree: 4'));
    commit(root, 'mở niêm phong, sửa và niêm phong lại');
    expect(removalsOf(new HistoryReader(root, 'records'), round)).toEqual([]);

    // Rewritten with no unseal recorded: the decision's removal is a finding.
    const { root: forged } = decidedRepo();
    rmSync(join(forged, DECISION));
    put(forged, TALLY, SEAL.replace('agree: 5', 'agree: 4'));
    const removing = commit(forged, 'sửa kết quả');
    expect(removalsOf(new HistoryReader(forged, 'records'), round).map((f) => [f.file, f.commit])).toEqual([
      [DECISION, removing],
    ]);

    // The same, not committed yet.
    const { root: dirty } = decidedRepo();
    rmSync(join(dirty, DECISION));
    put(dirty, UNSEALS, `- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n`);
    put(dirty, TALLY, SEAL.replace('agree: 5', 'agree: 4'));
    expect(removalsOf(new HistoryReader(dirty, 'records'), round)).toEqual([]);
    rmSync(join(dirty, UNSEALS));
    expect(removalsOf(new HistoryReader(dirty, 'records'), round).map((f) => [f.file, f.commit])).toEqual([
      [DECISION, undefined],
    ]);
  });

  it('an unseals.yaml written by hand with an empty entry and a bare word still records the seals it names', () => {
    const { root } = decidedRepo();
    rmSync(join(root, TALLY));
    rmSync(join(root, DECISION));
    put(root, UNSEALS, `-\n- mở lại\n- date: 2032-01-02\n  seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))}\n`);
    commit(root, 'mở niêm phong');
    expect(removalsOf(new HistoryReader(root, 'records'), { ...round, tallyPresent: false })).toEqual([]);
  });
});

describe('removalsOf, where the seal was opened once', () => {
  const recordedSeal = `- ~\n- 5\n- { date: 2032-01-01 }\n- { seal: 7 }\n- { date: 2032-01-02, seal: ${sha256Hex(Buffer.from(SEAL, 'utf8'))} }\n`;

  it('a decision removed in a commit of its own is a finding even when unseals.yaml records the seal, which stays', () => {
    const { root } = sealedRepo();
    put(root, DECISION, 'number: 1\n');
    put(root, UNSEALS, recordedSeal);
    const decided = commit(root, 'quyết định');
    rmSync(join(root, DECISION));
    const removing = commit(root, 'xoá quyết định');
    const found = removalsOf(new HistoryReader(root, 'records'), round);
    expect(found.map((f) => [f.file, f.commit])).toEqual([[DECISION, removing]]);
    expect(found[0]!.message.vi).toMatch(
      new RegExp(
        `^đã ghi quyết định từ commit ${decided.slice(0, 12)}, bị xoá trong commit ${removing.slice(0, 12)} \\(\\d{4}-\\d{2}-\\d{2}: xoá quyết định\\) mà không qua “thidua unseal”$`,
      ),
    );
  });

  it('in the working tree: the seal and its decision removed with the seal recorded are no finding; the decision alone is', () => {
    const { root } = decidedRepo();
    rmSync(join(root, TALLY));
    rmSync(join(root, DECISION));
    put(root, UNSEALS, recordedSeal);
    expect(removalsOf(new HistoryReader(root, 'records'), { ...round, tallyPresent: false })).toEqual([]);

    const { root: other } = decidedRepo();
    rmSync(join(other, DECISION));
    put(other, UNSEALS, recordedSeal);
    const found = removalsOf(new HistoryReader(other, 'records'), round);
    expect(found.map((f) => [f.file, f.commit])).toEqual([[DECISION, undefined]]);
  });

  it('the seal removed in the working tree without a record is a finding that names the commit that added it', () => {
    const { root, sealCommit } = sealedRepo();
    rmSync(join(root, TALLY));
    const found = removalsOf(new HistoryReader(root, 'records'), { ...round, tallyPresent: false });
    expect(found.map((f) => f.message.en)).toEqual([
      `sealed since commit ${sealCommit.slice(0, 12)}, removed (not committed yet) without “thidua unseal”`,
    ]);
  });
});

describe('auditRound, from the commit that added the seal', () => {
  it('changes are counted from the commit that added the seal, not from a later rewrite of it', async () => {
    const { root } = sealedRepo();
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    const changed = commit(root, 'sửa phiếu');
    put(root, TALLY, SEAL.replace('agree: 5', 'agree: 6'));
    const rewrote = commit(root, 'sửa niêm phong');
    const found = await audit(root);
    expect(found.map((f) => [f.file, f.commit])).toEqual(
      expect.arrayContaining([[`${DIR}/ballots/001.yaml`, changed]]),
    );
    expect(found.some((f) => f.commit === rewrote && f.file === TALLY)).toBe(true);
  });
});

describe('what verify asks git ahead (preloadAudit and the prefetches)', () => {
  /** The git commands `run` starts (through a `git` on PATH that logs, then runs the real one). */
  function gitCalls(run: () => unknown): string[] {
    const bin = tempDir('thidua-gitlog-');
    const log = join(bin, 'calls');
    const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec ${real} "$@"\n`, { mode: 0o755 });
    writeFileSync(log, '');
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      run();
    } finally {
      process.env.PATH = path;
    }
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  }

  /** Sealed, decided, the seal rewritten, the decision removed, then the seal removed in the working tree. */
  function busyRepo(): string {
    const { root } = decidedRepo();
    put(root, TALLY, SEAL.replace('agree: 5', 'agree: 6'));
    commit(root, 'sửa kết quả');
    rmSync(join(root, DECISION));
    commit(root, 'xoá quyết định');
    rmSync(join(root, TALLY));
    return root;
  }

  it('after preloadAudit, auditing a round starts no git log and reads no file one at a time, and finds the same', async () => {
    const root = busyRepo();
    const plain = new HistoryReader(root, 'records');
    const expected = [...removalsOf(plain, round), ...auditRound(plain, round)];
    // The decision removed, the seal rewritten, the seal removed and changed in the working tree.
    expect(expected.map((f) => f.file).sort()).toEqual([DECISION, TALLY, TALLY, TALLY]);

    const reader = new HistoryReader(root, 'records');
    await preloadAudit(reader, [round]);
    let found: unknown[] = [];
    const calls = gitCalls(() => (found = [...removalsOf(reader, round), ...auditRound(reader, round)]));
    expect(found).toEqual(expected);
    // The histories came from preloadAudit, the files at commits from what was read ahead.
    expect(calls.filter((c) => c === 'log' || c === 'show')).toEqual([]);
  });
});

describe('HistoryReader', () => {
  it('answers a second time from what it asked, and keeps what it learnt for a later run at the same HEAD', async () => {
    const { root, sealCommit } = sealedRepo();
    const first = new HistoryReader(root, 'records');
    expect(first.head()).toBe(sealCommit);
    await preloadAudit(first, [round]);
    expect(auditRound(first, round)).toEqual([]);
    expect(first.learnt()).toBe(true);
    expect(first.fileAt(sealCommit, TALLY)).toBe(SEAL);
    expect(first.fileAt(sealCommit, `${DIR}/missing.yaml`)).toBeNull();
    expect(first.parse(SEAL)).toEqual({ year: 2031, results: [{ nomination: 'a', agree: 5 }] });

    const second = new HistoryReader(root, 'records');
    second.adopt(first.memo());
    expect(second.learnt()).toBe(false);
    expect(second.commitsTouching([TALLY])).toEqual(first.commitsTouching([TALLY]));
    expect(second.fileAt(sealCommit, TALLY)).toBe(SEAL);
    expect(second.learnt()).toBe(false);
    // Something not asked before is asked of git, and counts as learnt.
    expect(second.commitsTouching([`${DIR}/ballots`]).map((c) => c.subject)).toEqual(['hồ sơ']);
    expect(second.learnt()).toBe(true);
  });

  it('prefetches many files at many commits in one go, the missing ones included', () => {
    const { root, sealCommit } = sealedRepo();
    const reader = new HistoryReader(root, 'records');
    reader.prefetch([
      { rev: sealCommit, path: TALLY },
      { rev: `${sealCommit}^`, path: TALLY },
      { rev: sealCommit, path: `${DIR}/ballots/001.yaml` },
    ]);
    expect(reader.memo().blobs).toEqual(
      new Map([
        [`${sealCommit}:./${TALLY}`, SEAL],
        [`${sealCommit}^:./${TALLY}`, null],
        [`${sealCommit}:./${DIR}/ballots/001.yaml`, 'serial: 1\n'],
      ]),
    );
  });

  it('commitsTouching lists newest first with date, author, parents and name-status', () => {
    const { root, sealCommit } = sealedRepo();
    const parent = git(root, ['rev-parse', `${sealCommit}^`]).trim();
    const [c] = commitsTouching(root, [TALLY]);
    expect(c).toMatchObject({
      commit: sealCommit,
      subject: 'niêm phong',
      author: 'Test',
      parents: [parent],
      files: [{ status: 'A', path: TALLY }],
    });
    expect(c!.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('the state of the history: a damaged repository is refused with git’s reason, also from a folder inside it; a shallow clone is shallow', () => {
    const damaged = tempDir();
    writeFileSync(join(damaged, '.git'), 'gitdir: /khong/co/dau\n');
    mkdirSync(join(damaged, 'records'));
    const state = historyState(damaged);
    expect(state).toEqual({
      kind: 'refused',
      detail: {
        vi: 'tệp .git trỏ tới /khong/co/dau, nơi không có kho git (not a git repository: /khong/co/dau)',
        en: 'not a git repository: /khong/co/dau',
      },
    });
    expect(historyState(join(damaged, 'records')).kind).toBe('refused');

    const { root } = sealedRepo();
    put(root, TALLY, SEAL + '# sau\n');
    commit(root, 'sau');
    const clone = join(tempDir(), 'ban-sao');
    git(tempDir(), ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    expect(historyState(clone)).toEqual({ kind: 'shallow' });
  });

  it('uncommitted changes: a rename names the new path only, each status is kept, and paths are the workspace’s own', () => {
    const { root } = sealedRepo();
    git(root, ['mv', `${DIR}/ballots/001.yaml`, `${DIR}/ballots/002.yaml`]);
    put(root, `${DIR}/council.yaml`, 'members: [a]\n');
    put(root, `${DIR}/nominations/b.yaml`, 'id: b\n');
    expect(uncommitted(root, ['records'], '')).toEqual([
      { status: 'R', path: `${DIR}/ballots/002.yaml` },
      { status: 'M', path: `${DIR}/council.yaml` },
      { status: '??', path: `${DIR}/nominations/b.yaml` },
    ]);
    const reader = new HistoryReader(root, 'records');
    expect(reader.uncommitted([`${DIR}/council.yaml`])).toEqual([{ status: 'M', path: `${DIR}/council.yaml` }]);
    expect(reader.uncommitted([`${DIR}/nominations/`])).toEqual([{ status: '??', path: `${DIR}/nominations/b.yaml` }]);
    expect(reader.uncommitted([`${DIR}/nomination`])).toEqual([]);
  });

  it('a workspace in a folder named like its own records (repo/records/records/…): hidden and changed files keep their paths', async () => {
    const { root } = sealedInFolder('records');
    git(root, ['update-index', '--skip-worktree', `${DIR}/ballots/001.yaml`]);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    put(root, `${DIR}/council.yaml`, 'members: [x]\n');
    // Asked without a prefix: the functions find the workspace's folder in the repository themselves.
    expect(hiddenFromGit(root, ['records'])).toEqual([`${DIR}/ballots/001.yaml`]);
    expect(uncommitted(root, ['records'])).toEqual([{ status: 'M', path: `${DIR}/council.yaml` }]);
    const reader = new HistoryReader(root, 'records');
    expect(reader.hidden([`${DIR}/ballots`])).toEqual([`${DIR}/ballots/001.yaml`]);
    const found = await audit(root);
    expect(found.map((f) => f.file)).toEqual(
      expect.arrayContaining([`${DIR}/ballots/001.yaml`, `${DIR}/council.yaml`]),
    );
  });

  it('a history git cannot read (an object lost) is an error naming git’s reason, never an empty history; a repository without commits has none', async () => {
    const { root } = sealedRepo();
    const tree = git(root, ['rev-parse', `HEAD~1:${DIR}`]).trim();
    rmSync(join(root, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    expect(historyState(root)).toEqual({ kind: 'ok' });
    let err: unknown;
    try {
      await audit(root);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ThiduaError);
    expect((err as ThiduaError).exitCode).toBe(EXIT.environment);
    expect((err as ThiduaError).text.vi).toBe(
      `git không đọc được lịch sử của kho (unable to read tree ${tree}); kho có thể bị hỏng: kiểm tra bằng git fsck`,
    );
    expect(() => commitsTouching(root, ['records'])).toThrow(ThiduaError);
    const empty = tempDir();
    git(empty, ['init', '-q']);
    put(empty, `${DIR}/council.yaml`, 'members: []\n');
    expect(commitsTouching(empty, ['records'])).toEqual([]);
    // Nothing committed yet: the audit answers (the seal not committed, the files not committed), it does not fail.
    expect((await audit(empty)).map((f) => f.message.en)).toEqual([
      'the seal is not committed to git (thidua commit)',
      'an uncommitted change (??) in a sealed round',
    ]);
  });

  it('a file marked assume-unchanged is hidden from git as well as one marked skip-worktree; others are not', () => {
    const { root } = sealedRepo();
    git(root, ['update-index', '--assume-unchanged', `${DIR}/council.yaml`]);
    git(root, ['update-index', '--skip-worktree', `${DIR}/ballots/001.yaml`]);
    expect(hiddenFromGit(root, ['records']).sort()).toEqual([`${DIR}/ballots/001.yaml`, `${DIR}/council.yaml`]);
    expect(new HistoryReader(root, 'records').hidden([`${DIR}/ballots`])).toEqual([`${DIR}/ballots/001.yaml`]);
  });

  it('a merge is listed once, with the files of both sides; the first commit has no parents; an empty repository has no HEAD', () => {
    const { root } = sealedRepo();
    const main = git(root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    git(root, ['checkout', '-qb', 'nhanh']);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    commit(root, 'nhánh');
    git(root, ['checkout', '-q', main]);
    put(root, `${DIR}/council.yaml`, 'members: [a]\n');
    commit(root, 'chính');
    git(root, ['merge', '-q', '--no-edit', 'nhanh']);
    const merge = git(root, ['rev-parse', 'HEAD']).trim();
    const log = commitsTouching(root, ['records']);
    expect(log.filter((c) => c.commit === merge)).toHaveLength(1);
    expect(log[0]!.parents).toHaveLength(2);
    expect(log[0]!.files.map((f) => f.path).sort()).toEqual([`${DIR}/ballots/001.yaml`, `${DIR}/council.yaml`]);
    expect(log.at(-1)!.parents).toEqual([]);

    const empty = tempDir();
    git(empty, ['init', '-q']);
    expect(new HistoryReader(empty, 'records').head()).toBeNull();
  });

  it('the state of the history: a repository, none, and lenient parsing', () => {
    const { root } = sealedRepo();
    expect(historyState(root)).toEqual({ kind: 'ok' });
    expect(historyState(tempDir('thidua-nogit-'))).toEqual({ kind: 'none' });
    expect(isGitRepo(root)).toBe(true);
    expect(isGitRepo(join(root, DIR))).toBe(true);
    expect(isGitRepo(tempDir('thidua-nogit-'))).toBe(false);
    // Inside .git itself is not inside a work tree.
    expect(historyState(join(root, '.git')).kind).toBe('refused');
    expect(parseLenient(null)).toBeUndefined();
    expect(parseLenient('a: [unclosed')).toBe('a: [unclosed');
    expect(parseLenient('a: 1')).toEqual({ a: 1 });
  });
});

describe('git-history: what git answers in the cases an office meets less often', () => {
  it('asked from inside .git, the refusal says where it was asked, since git gives no reason', () => {
    const { root } = sealedRepo();
    const inside = join(root, '.git');
    expect(historyState(inside)).toEqual({
      kind: 'refused',
      detail: {
        vi: `${inside} không thuộc cây làm việc của kho`,
        en: `${inside} is not inside the repository's work tree`,
      },
    });
  });

  // Only root can give a repository to another user.
  it.skipIf(process.getuid?.() !== 0)('a repository owned by another user is refused with git’s reason', () => {
    const { root } = sealedRepo();
    spawnSync('chown', ['-R', '12345:12345', root]);
    const state = historyState(join(root, 'records'));
    expect(state.kind).toBe('refused');
    expect(state).toEqual({
      kind: 'refused',
      detail: {
        vi: `kho ở ${root} thuộc người dùng khác nên git không tin (detected dubious ownership in repository at '${root}'); nếu tin kho này, chạy git config --global --add safe.directory ${root}`,
        en: `detected dubious ownership in repository at '${root}'; if you trust this repository, run git config --global --add safe.directory ${root}`,
      },
    });
  });

  it('git’s reasons are said in Vietnamese with git’s words after them; a reason not known here is git’s text in both languages', () => {
    const damaged = 'not a git repository (or any of the parent directories): .git';
    expect(explainRefusal(damaged)).toEqual({
      vi: `thư mục .git bị hỏng, git không nhận ra kho (${damaged})`,
      en: damaged,
    });
    expect(explainRefusal("detected dubious ownership in repository at '/srv/thi đua'")).toEqual({
      vi: "kho ở /srv/thi đua thuộc người dùng khác nên git không tin (detected dubious ownership in repository at '/srv/thi đua'); nếu tin kho này, chạy git config --global --add safe.directory /srv/thi đua",
      en: "detected dubious ownership in repository at '/srv/thi đua'; if you trust this repository, run git config --global --add safe.directory /srv/thi đua",
    });
    // Only git's whole sentence is read so; a path that merely contains the words is not.
    for (const other of [
      "warning: detected dubious ownership in repository at '/a'",
      "detected dubious ownership in repository at '/a' (again)",
      'not a git repository:',
      'xnot a git repository: /a',
      'unable to read tree 1234',
      'the not a git repository (or any of the parent directories)',
    ]) {
      expect(explainRefusal(other)).toEqual({ vi: other, en: other });
    }
  });

  it('a git too old to say whether a clone is shallow: the history is refused, naming the version', () => {
    const { root } = sealedRepo();
    const bin = oldGitBin();
    const path = process.env['PATH'];
    process.env['PATH'] = `${bin}:${path ?? ''}`;
    try {
      expect(historyState(root)).toEqual({
        kind: 'refused',
        detail: {
          vi: 'git 2.11.0 không cho biết kho có phải bản sao nông không',
          en: 'git 2.11.0 cannot tell whether the clone is shallow',
        },
      });
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('a damaged index: the hidden and the uncommitted files cannot be listed, and the error says so rather than listing none', () => {
    const { root } = sealedRepo();
    writeFileSync(join(root, '.git', 'index'), 'junk');
    const message =
      'git không đọc được lịch sử của kho (.git/index: index file smaller than expected); kho có thể bị hỏng: kiểm tra bằng git fsck';
    for (const ask of [() => hiddenFromGit(root, ['records']), () => uncommitted(root, ['records'], '')]) {
      let err: unknown;
      try {
        ask();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ThiduaError);
      expect((err as ThiduaError).text.vi).toBe(message);
    }
  });

  it('one-letter file names are listed too, hidden or uncommitted', () => {
    const { root } = sealedRepo();
    put(root, 'a', '1\n');
    commit(root, 'a');
    git(root, ['update-index', '--skip-worktree', 'a']);
    put(root, 'b', '2\n');
    expect(hiddenFromGit(root, ['.'])).toEqual(['a']);
    expect(uncommitted(root, ['.'], '')).toEqual([{ status: '??', path: 'b' }]);
  });

  it('a rename or copy changed again before committing names the new path once, not the one it came from', () => {
    const { root } = sealedRepo();
    git(root, ['config', 'status.renames', 'copies']);
    put(root, `${DIR}/nominations/a.yaml`, 'id: a\nnote: 1\nmore: 2\nand: 3\n');
    commit(root, 'dài hơn');
    // A copy is seen as one when its source changes in the same commit.
    put(root, `${DIR}/nominations/c.yaml`, 'id: a\nnote: 1\nmore: 2\nand: 3\n');
    put(root, `${DIR}/nominations/a.yaml`, 'id: a\nnote: 1\nmore: 2\nand: 4\n');
    git(root, ['mv', `${DIR}/ballots/001.yaml`, `${DIR}/ballots/002.yaml`]);
    git(root, ['add', '-A']);
    put(root, `${DIR}/nominations/c.yaml`, 'id: c\nnote: 1\nmore: 2\nand: 3\n');
    put(root, `${DIR}/ballots/002.yaml`, 'serial: 2\n');
    expect(uncommitted(root, ['records'], '')).toEqual([
      { status: 'RM', path: `${DIR}/ballots/002.yaml` },
      { status: 'M', path: `${DIR}/nominations/a.yaml` },
      { status: 'CM', path: `${DIR}/nominations/c.yaml` },
    ]);
  });

  it('a merge that changes a file itself lists it once, and each way a file differs from the two sides', () => {
    const { root } = sealedRepo();
    const main = git(root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    git(root, ['checkout', '-qb', 'nhanh']);
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvalid: false\n');
    put(root, `${DIR}/nominations/b.yaml`, 'id: b\n');
    commit(root, 'nhánh');
    git(root, ['checkout', '-q', main]);
    put(root, `${DIR}/council.yaml`, 'members: [a]\n');
    commit(root, 'chính');
    git(root, ['merge', '-q', '--no-ff', '--no-commit', 'nhanh']);
    put(root, `${DIR}/nominations/a.yaml`, 'id: a\nagree: 9\n');
    put(root, `${DIR}/nominations/b.yaml`, 'id: b\nagree: 9\n');
    commit(root, 'hợp nhất, sửa thêm');
    const [merge] = commitsTouching(root, ['records']);
    // Against the main line first, then against the branch: b.yaml is added by one, changed by the other.
    expect(merge!.files).toEqual([
      { status: 'M', path: `${DIR}/ballots/001.yaml` },
      { status: 'M', path: `${DIR}/nominations/a.yaml` },
      { status: 'A', path: `${DIR}/nominations/b.yaml` },
      { status: 'M', path: `${DIR}/council.yaml` },
      { status: 'M', path: `${DIR}/nominations/b.yaml` },
    ]);
  });

  it('a history over a range is another history than the whole: the memo keeps them apart, preloaded or asked', async () => {
    const { root, sealCommit } = sealedRepo();
    put(root, `${DIR}/ballots/001.yaml`, 'serial: 1\nvotes: { a: disagree }\n');
    const later = commit(root, 'sửa phiếu');
    const all = git(root, ['rev-list', 'HEAD']).trim().split('\n');
    for (const preload of [false, true]) {
      const reader = new HistoryReader(root, 'records');
      if (preload) await reader.preload([{ pathspecs: [DIR] }, { pathspecs: [DIR], range: `${sealCommit}..HEAD` }]);
      expect(reader.commitsTouching([DIR]).map((c) => c.commit)).toEqual(all);
      expect(reader.commitsTouching([DIR], `${sealCommit}..HEAD`).map((c) => c.commit)).toEqual([later]);
    }
  });

  it('a file read at a commit is the one committed, even when a replacement object stands in for it', () => {
    const { root, sealCommit } = sealedRepo();
    const blob = git(root, ['rev-parse', `${sealCommit}:${TALLY}`]).trim();
    put(root, 'forged', SEAL.replace('agree: 5', 'agree: 9'));
    const forged = git(root, ['hash-object', '-w', 'forged']).trim();
    git(root, ['replace', blob, forged]);
    expect(git(root, ['show', `${sealCommit}:${TALLY}`])).toContain('agree: 9');
    expect(new HistoryReader(root, 'records').fileAt(sealCommit, TALLY)).toBe(SEAL);
    // `thidua log` reads the history as committed too.
    expect(fileAt(root, sealCommit, TALLY)).toBe(SEAL);
    expect(fileAt(root, sealCommit, `${DIR}/khong-co.yaml`)).toBeNull();
  });

  it('a text parsed in an earlier run at the same HEAD is not parsed again', () => {
    const { root } = sealedRepo();
    const first = new HistoryReader(root, 'records');
    first.parse(SEAL);
    const second = new HistoryReader(root, 'records');
    second.adopt(first.memo());
    expect(second.parse(SEAL)).toEqual({ year: 2031, results: [{ nomination: 'a', agree: 5 }] });
    expect(second.learnt()).toBe(false);
    expect(second.parse('a: 1')).toEqual({ a: 1 });
    expect(second.learnt()).toBe(true);
  });
});

describe('git-history: the working tree compared with what was committed', () => {
  it('an uncommitted change stays one when a replacement commit standing in for HEAD already holds it', () => {
    const { root, sealCommit } = sealedRepo();
    put(root, `${DIR}/council.yaml`, 'members: [ke-gian]\n');
    // A commit with the changed council, put in HEAD's place without moving HEAD.
    git(root, ['add', '-A']);
    const tree = git(root, ['write-tree']).trim();
    git(root, ['reset', '-q']);
    const fake = git(root, ['commit-tree', tree, '-p', `${sealCommit}^`, '-m', 'niêm phong']).trim();
    git(root, ['replace', sealCommit, fake]);
    git(root, ['reset', '-q']);
    expect(git(root, ['status', '--porcelain', '--', 'records']).trim()).toBe('');
    expect(new HistoryReader(root, 'records').uncommitted([DIR])).toEqual([
      { status: 'M', path: `${DIR}/council.yaml` },
    ]);
  });
});
