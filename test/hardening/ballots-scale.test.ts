/**
 * Issue 33, expected to hold: 10,000 ballots tally correctly. A council of 10,000 (people.yaml
 * under its 1 MiB), 10,000 papers written as files (every 101st invalid), votes spread so that
 * some nominations pass 2/3 of the members by one vote and others miss it by one; the counts are
 * made here from the papers and compared with `tally --json`. Its seal would pass 1 MiB: refused, nothing written.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, write } from '../helpers/workspace.js';
import { generateAgency } from '../helpers/agency.js';
import { ok, run } from '../helpers/round.js';

afterAll(cleanupTemp);

const MEMBERS = 10_000;
type Vote = 'agree' | 'disagree' | 'abstain';

describe('10,000 ballots', () => {
  it('are counted exactly: agree, disagree and abstain of each nomination, the threshold at one vote either side', async () => {
    const a = generateAgency({
      seed: 3310,
      councilSize: 7,
      threshold: { numerator: 2, denominator: 3, of: 'members' },
    });
    const y = a.year;
    // The council: the seven generated members and 9,993 more, in a department of their own.
    appendFileSync(join(a.root, 'records/departments.yaml'), '- { id: hd, name: "Hội đồng mở rộng" }\n');
    const extra = Array.from({ length: MEMBERS - a.council.length }, (_, i) => `t${String(i + 1).padStart(5, '0')}`);
    appendFileSync(
      join(a.root, 'records/people.yaml'),
      extra.map((id, i) => `- { id: ${id}, name: "Thành viên ${i + 1}", department: hd }\n`).join(''),
    );
    expect(readFileSync(join(a.root, 'records/people.yaml')).length).toBeLessThan(1024 * 1024);
    const council = join(a.root, `records/${y}/council.yaml`);
    const text = readFileSync(council, 'utf8');
    const [members, session] = text.split('session:\n') as [string, string];
    writeFileSync(
      council,
      `${members}${extra.map((id) => `  - { person: ${id}, role: uy-vien }\n`).join('')}session:\n${session.replace(/ballots_issued: \d+/, `ballots_issued: ${MEMBERS}`)}`,
    );
    // 2/3 of 10,000 members: 6,667 agree. Nomination j is agreed on by 6,665 + j valid papers.
    const noms = a.nominations;
    const required = Math.ceil((MEMBERS * 2) / 3);
    const invalid = (k: number) => k % 101 === 0;
    const valid = Array.from({ length: MEMBERS }, (_, i) => i + 1).filter((k) => !invalid(k));
    const agreeOn = noms.map((_, j) => 6665 + j);
    const vote = (j: number, v: number): Vote => (v < agreeOn[j]! ? 'agree' : v % 3 === 0 ? 'abstain' : 'disagree');
    const expected = noms.map((id, j) => {
      const counts = { agree: 0, disagree: 0, abstain: 0 };
      valid.forEach((_, v) => counts[vote(j, v)]++);
      return { nomination: id, ...counts, recognised: counts.agree >= required };
    });
    let v = 0;
    for (let k = 1; k <= MEMBERS; k++) {
      const serial = String(k).padStart(3, '0'); // 001.yaml … 10000.yaml, as thidua ballot names them
      if (invalid(k)) {
        write(a.root, `records/${y}/ballots/${serial}.yaml`, `serial: ${k}\nvalid: false\nvotes: {}\n`);
        continue;
      }
      const votes = noms.map((id, j) => `  ${id}: ${vote(j, v)}\n`).join('');
      write(a.root, `records/${y}/ballots/${serial}.yaml`, `serial: ${k}\nvotes:\n${votes}`);
      v++;
    }
    await ok(a, 'validate', String(y));
    const tally = JSON.parse((await ok(a, 'tally', String(y), '--json')).stdout) as {
      members: number;
      threshold: { required: number };
      ballots: { issued: number; received: number; valid: number; invalid: number };
      results: Array<{ nomination: string; agree: number; disagree: number; abstain: number; recognised: boolean }>;
    };
    expect(tally.members).toBe(MEMBERS);
    expect(tally.threshold.required).toBe(required);
    expect(tally.ballots).toEqual({
      issued: MEMBERS,
      received: MEMBERS,
      valid: valid.length,
      invalid: MEMBERS - valid.length,
    });
    const got = tally.results.map(({ nomination, agree, disagree, abstain, recognised }) => ({
      nomination,
      agree,
      disagree,
      abstain,
      recognised,
    }));
    // The results come in the documents' order (collectives first): compared by nomination.
    const byId = (list: typeof expected) => Object.fromEntries(list.map((r) => [r.nomination, r]));
    expect(got).toHaveLength(noms.length);
    expect(byId(got)).toEqual(byId(expected));
    // The threshold is met at exactly 6,667 and missed at 6,666, whatever the order of the results.
    expect(expected.filter((e) => e.recognised).length).toBe(noms.length - 2);
    // The seal of 10,000 papers (a hash each, and the 10,000 members in its basis) would pass the
    // 1 MiB a record file may hold, which every later read would refuse: it is not written.
    const seal = await run(a, 'tally', String(y), '--seal');
    expect(seal.code).toBe(1);
    expect(seal.stderr).toMatch(
      new RegExp(
        `^thidua: không niêm phong: records/${y}/tally\\.yaml sẽ lớn \\d+ byte, vượt giới hạn 1 MiB \\(1048576 byte\\) của một tệp hồ sơ; không ghi gì\n$`,
      ),
    );
    expect(existsSync(join(a.root, `records/${y}/tally.yaml`))).toBe(false);
    await ok(a, 'validate', String(y));
  }, 600_000);
});
