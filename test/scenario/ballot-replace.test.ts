/**
 * Issue 36: a ballot corrected after an unseal with `thidua ballot YEAR --replace N`, on a generated
 * agency: the old paper is kept in the unseal record, one commit of the whole correction passes
 * verify, and every refusal writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupTemp, git, input } from '../helpers/workspace.js';
import { CANCEL, scripted } from '../helpers/fake-prompter.js';
import { createContext } from '../../src/shell/context.js';
import { run as ballot } from '../../src/commands/ballot.js';
import { generateAgency, type Agency } from '../helpers/agency.js';
import { all, ballots, ENV, ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

/** A council of five, 4/5 of the members to be recognised; papers 1 and 3 against the first nominee: 3/5. */
async function votedAgency(seed: number): Promise<Agency> {
  const a = generateAgency({ seed, councilSize: 5, threshold: { numerator: 4, denominator: 5, of: 'members' } });
  const n = a.nominations;
  const against = { ...all(n), [n[0]!]: 'disagree' };
  await ballots(a, a.year, [against, all(n), against, all(n), all(n)]);
  await ok(a, 'commit', '-m', 'Phiếu bầu');
  return a;
}

async function recognised(a: Agency, id: string): Promise<boolean> {
  const r = JSON.parse((await ok(a, 'tally', String(a.year), '--json')).stdout) as {
    results: Array<{ nomination: string; recognised: boolean }>;
  };
  return r.results.find((x) => x.nomination === id)!.recognised;
}

/** A refusal: exit 1, one line on stderr, and the working tree as it was. */
async function refused(a: Agency, ...args: string[]): Promise<string> {
  const before = git(a.root, ['status', '--porcelain', '--untracked-files=all']);
  const unseals = join(a.root, `records/${a.year}/unseals.yaml`);
  const unsealsBefore = (() => {
    try {
      return readFileSync(unseals, 'utf8');
    } catch {
      return null;
    }
  })();
  const r = await run(a, ...args);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(git(a.root, ['status', '--porcelain', '--untracked-files=all'])).toBe(before);
  if (unsealsBefore !== null) expect(readFileSync(unseals, 'utf8')).toBe(unsealsBefore);
  return r.stderr.trim();
}

/** The command run in this process with scripted answers for its prompts; what it said. */
async function prompted(a: Agency, answers: unknown[], replace: number) {
  const said: string[] = [];
  const ctx = createContext({ lang: 'vi', rootOption: a.root, version: 'test', env: ENV, cwd: a.root });
  ctx.out = ctx.err = (s) => said.push(s);
  ctx.say = ctx.warn = (s) => said.push(s.vi);
  const p = scripted(answers);
  const code = await ballot(ctx, input('ballot', [String(a.year)], { replace: String(replace) }), p);
  return { code, said: said.join('\n'), p };
}

const paperOf = (a: Agency, serial: number) =>
  parse(readFileSync(join(a.root, `records/${a.year}/ballots/${String(serial).padStart(3, '0')}.yaml`), 'utf8')) as {
    votes: Record<string, string>;
  };

describe('thidua ballot YEAR --replace N by prompts', () => {
  it('shows the paper as it stands, offers its marks, and writes the new one; the old is kept', async () => {
    const a = await votedAgency(364);
    const y = String(a.year);
    const [first, second] = [a.nominations[0]!, a.nominations[1]!];
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', y, '--reason', 'Phiếu số 3 nhập nhầm');
    // Valid and not written as before; "all agree, except": the second, abstaining.
    const r = await prompted(a, [undefined, undefined, 'except', [second], 'abstain', true], 3);
    expect(r.code).toBe(0);
    expect(r.said).toContain(`Thay phiếu số 3 của đợt ${y}: phiếu cũ được giữ trong records/${y}/unseals.yaml`);
    expect(r.p.notes[0]).toContain('Phiếu đang có — Phiếu số 3: ');
    expect(r.p.notes[0]).toContain('1 không đồng ý');
    expect(r.p.asked).toContain('confirm: Phiếu số 3: phiếu hợp lệ?');
    expect(paperOf(a, 3).votes[first]).toBe('agree');
    expect(paperOf(a, 3).votes[second]).toBe('abstain');
    const unseals = parse(readFileSync(join(a.root, `records/${y}/unseals.yaml`), 'utf8')) as Array<{
      replaced?: Array<{ serial: number; votes: Record<string, string> }>;
    }>;
    expect(unseals[0]!.replaced![0]!.votes[first]).toBe('disagree');
    expect(await recognised(a, first)).toBe(true);
  });

  it('one by one, every answer left as offered is the old paper’s mark', async () => {
    const a = await votedAgency(365);
    const y = String(a.year);
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', y, '--reason', 'Kiểm tra phiếu số 1');
    const before = paperOf(a, 1).votes;
    const n = a.nominations.length;
    const r = await prompted(a, [undefined, undefined, 'each', ...Array.from({ length: n }, () => undefined), true], 1);
    expect(r.code).toBe(0);
    expect(paperOf(a, 1).votes).toEqual(before);
    const changed = await prompted(
      a,
      [undefined, undefined, 'each', 'disagree', ...Array.from({ length: n - 1 }, () => undefined), true],
      1,
    );
    expect(changed.code).toBe(0);
    expect(paperOf(a, 1).votes).toEqual({ ...before, [a.nominations[0]!]: 'disagree' });
  });

  it('not confirmed, or Ctrl-C: nothing written; without a terminal it names the flags', async () => {
    const a = await votedAgency(366);
    const y = String(a.year);
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', y, '--reason', 'Kiểm tra phiếu số 2');
    await ok(a, 'commit', '-m', 'Mở niêm phong');
    const no = await prompted(a, [false, '', false], 2);
    expect(no.code).toBe(0);
    expect(no.said).toContain('Không thay phiếu số 2; không ghi gì.');
    await expect(prompted(a, [undefined, CANCEL], 2)).rejects.toMatchObject({ exitCode: 130 });
    const tty = await run(a, 'ballot', y, '--replace', '2');
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('không có terminal để hỏi (không phải TTY): cho ý kiến của phiếu mới bằng cờ: --all');
    expect(git(a.root, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });
});

describe('thidua ballot YEAR --replace N', () => {
  it('unseal, replace paper 3, seal, decide, one thidua commit: verify passes and shows the reason; the old paper is kept', async () => {
    const a = await votedAgency(361);
    const y = String(a.year);
    const [first, second] = [a.nominations[0]!, a.nominations[1]!];
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    expect(await recognised(a, first)).toBe(false);
    await ok(a, 'unseal', y, '--reason', 'Phiếu số 3 nhập nhầm ý kiến');
    const r = await ok(a, 'ballot', y, '--replace', '3', '--all', 'agree', '--vote', `${second}=abstain`);
    expect(r.stdout + r.stderr).toContain(`records/${y}/ballots/003.yaml`);

    const paper = parse(readFileSync(join(a.root, `records/${y}/ballots/003.yaml`), 'utf8')) as {
      serial: number;
      votes: Record<string, string>;
    };
    expect(paper.serial).toBe(3);
    expect(paper.votes[first]).toBe('agree');
    expect(paper.votes[second]).toBe('abstain');
    const unseals = parse(readFileSync(join(a.root, `records/${y}/unseals.yaml`), 'utf8')) as Array<{
      reason: string;
      replaced?: Array<{ serial: number; votes: Record<string, string> }>;
    }>;
    expect(unseals).toHaveLength(1);
    expect(unseals[0]!.reason).toBe('Phiếu số 3 nhập nhầm ý kiến');
    expect(unseals[0]!.replaced).toHaveLength(1);
    expect(unseals[0]!.replaced![0]!.serial).toBe(3);
    expect(unseals[0]!.replaced![0]!.votes[first]).toBe('disagree');
    expect(unseals[0]!.replaced![0]!.votes[second]).toBe('agree');
    expect(await recognised(a, first)).toBe(true);

    await ok(a, 'tally', y, '--seal');
    await ok(a, 'decide', y, '--number', '7', '--date', `${a.year + 1}-01-20`);
    await ok(a, 'commit', '-m', 'Thay phiếu số 3 và niêm phong lại');
    const v = await run(a, 'verify');
    expect(v.stdout).not.toContain('✗');
    expect(v.stdout).toContain('Phiếu số 3 nhập nhầm ý kiến');
    expect(v.code, v.stdout + v.stderr).toBe(0);

    // The kept paper is part of the record: rewritten in a later commit, verify fails.
    const p = join(a.root, `records/${y}/unseals.yaml`);
    const text = readFileSync(p, 'utf8');
    const forged = text.replace(`${first}: disagree`, `${first}: agree`);
    expect(forged).not.toBe(text);
    writeFileSync(p, forged);
    git(a.root, ['commit', '-q', '-am', 'Sửa hồ sơ mở niêm phong']);
    const after = await run(a, 'verify');
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('hồ sơ này chỉ được ghi thêm');
  });

  it('an unseal committed on its own, then the replacement, seal and decision in one commit: adding to replaced is not a rewrite', async () => {
    const a = await votedAgency(363);
    const y = String(a.year);
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    await ok(a, 'unseal', y, '--reason', 'Phiếu số 3 ghi sai');
    await ok(a, 'commit', '-m', 'Mở niêm phong');
    await ok(a, 'ballot', y, '--replace', '3', '--all', 'agree');
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'decide', y, '--number', '8', '--date', `${a.year + 1}-01-20`);
    await ok(a, 'commit', '-m', 'Thay phiếu số 3');
    const v = await run(a, 'verify');
    expect(v.stdout).not.toContain('✗');
    expect(v.stdout).toContain('Phiếu số 3 ghi sai');
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('refuses, writing nothing: a round never unsealed, a sealed round, a paper that does not exist', async () => {
    const a = await votedAgency(362);
    const y = String(a.year);
    expect(await refused(a, 'ballot', y, '--replace', '3', '--all', 'agree')).toContain(
      `đợt ${y} chưa mở niêm phong lần nào`,
    );
    expect(await refused(a, '--lang', 'en', 'ballot', y, '--replace', '3', '--all', 'agree')).toContain(
      `round ${y} has no unseal since its seal`,
    );
    await ok(a, 'tally', y, '--seal');
    await ok(a, 'commit', '-m', 'Niêm phong');
    expect(await refused(a, 'ballot', y, '--replace', '3', '--all', 'agree')).toContain(
      `đợt ${y} đang niêm phong (records/${y}/tally.yaml); mở niêm phong trước`,
    );
    expect(await refused(a, '--lang', 'en', 'ballot', y, '--replace', '3', '--all', 'agree')).toContain(
      `round ${y} is sealed (records/${y}/tally.yaml); unseal it first`,
    );
    await ok(a, 'unseal', y, '--reason', 'Kiểm tra lại phiếu');
    await ok(a, 'commit', '-m', 'Mở niêm phong');
    expect(await refused(a, 'ballot', y, '--replace', '9', '--all', 'agree')).toBe(
      `thidua: đợt ${y} không có phiếu số 9 (records/${y}/ballots/009.yaml); không ghi gì`,
    );
    expect(await refused(a, '--lang', 'en', 'ballot', y, '--replace', '9', '--all', 'agree')).toBe(
      `thidua: round ${y} has no ballot 9 (records/${y}/ballots/009.yaml); nothing written`,
    );
    // After a refusal the round is as it was: a replacement still works.
    await ok(a, 'ballot', y, '--replace', '1', '--all', 'agree');
    expect(await recognised(a, a.nominations[0]!)).toBe(true);
  });
});
