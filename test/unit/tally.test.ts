/** The count: exact integer threshold, leader rule, invalid ballots, abstentions, order independence. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { passes, percentOfBase, quorumState, requiredAgree, tallyRound } from '../../src/core/tally.js';
import { compareSeal, inputHashes, sha256Hex } from '../../src/core/seal.js';
import { renderTallyFile } from '../../src/core/tally-file.js';
import { verifySeal } from '../../src/core/verify.js';
import type { Basis } from '../../src/core/schemas/sealed.js';
import { buildIndex } from '../../src/core/records/index.js';
import type { Round, Workspace, Rec } from '../../src/core/records/workspace.js';
import type { Ballot, Nomination } from '../../src/core/schemas/round.js';
import type { Threshold } from '../../src/core/schemas/agency.js';

/** Reference: the smallest a with a/base ≥ num/den, found by counting up with exact fractions. */
function bruteRequired(num: number, den: number, base: number): number {
  for (let a = 0; a <= base; a++) if (a * den >= num * base) return a;
  return base + 1;
}

describe('threshold arithmetic', () => {
  for (const [num, den] of [
    [2, 3],
    [1, 2],
    [3, 4],
    [1, 1],
    [1, 3],
  ] as const) {
    it(`${num}/${den}: every base from 1 to 30 agrees with a brute-force reference`, () => {
      for (let base = 1; base <= 30; base++) {
        const req = requiredAgree({ numerator: num, denominator: den }, base);
        expect(req, `base ${base}`).toBe(bruteRequired(num, den, base));
        for (let a = 0; a <= base; a++) expect(passes(a, { numerator: num, denominator: den }, base)).toBe(a >= req);
      }
    });
  }
  it('the figures of the plan: 7 members need 5, 9 need 6, 10 need 7', () => {
    const th = { numerator: 2, denominator: 3 };
    expect([passes(5, th, 7), passes(4, th, 7)]).toEqual([true, false]);
    expect([passes(6, th, 9), passes(5, th, 9)]).toEqual([true, false]);
    expect([passes(7, th, 10), passes(6, th, 10)]).toEqual([true, false]);
  });
});

function nomination(
  id: string,
  kind: 'collective' | 'individual',
  department: string,
  person?: string,
): Rec<Nomination> {
  const v =
    kind === 'collective'
      ? { id, kind, department, title: id, initiative: 'x', submitted: '2016-11-01' }
      : { id, kind, department, person: person!, title: id, submitted: '2016-11-01' };
  return { value: v, loc: { file: `records/2016/nominations/${id}.yaml`, path: [] } };
}

function ballot(
  serial: number,
  votes: Record<string, 'agree' | 'disagree' | 'abstain'>,
  valid = true,
  written = false,
): Rec<Ballot> {
  return { value: { serial, valid, written, votes }, loc: { file: `records/2016/ballots/${serial}.yaml`, path: [] } };
}

function makeRound(
  members: number,
  nominations: Rec<Nomination>[],
  ballots: Rec<Ballot>[],
): { round: Round; ws: Workspace } {
  const people = [
    {
      value: { id: 'boss', name: 'Trưởng phòng', department: 'nv1', leader: true },
      loc: { file: 'records/people.yaml', path: [0] },
    },
    {
      value: { id: 'staff', name: 'Chuyên viên', department: 'nv1', leader: false },
      loc: { file: 'records/people.yaml', path: [1] },
    },
  ];
  const round: Round = {
    year: 2016,
    dir: 'records/2016',
    councilFile: 'records/2016/council.yaml',
    councilPresent: true,
    council: {
      value: {
        members: Array.from({ length: members }, (_, i) => ({ person: `m${i}`, role: 'uy-vien' as const })),
        session: {
          date: '2016-12-01',
          place: 'x',
          chair: 'm0',
          secretary: 'm1',
          counters: ['m0'],
          ballots_issued: ballots.length,
        },
      },
      loc: { file: 'records/2016/council.yaml', path: [] },
    },
    nominations,
    brokenNominationIds: new Set(),
    brokenNominationDepartments: [],
    ballots,
    ballotFiles: ballots.map((b) => b.loc.file),
    nominationFiles: nominations.map((n) => n.loc.file),
    submissionsFile: '',
    submissions: [],
    tallyFile: '',
    tally: null,
    tallyPresent: false,
    decisionFile: '',
    decision: null,
    settingsFile: 'records/2016/round.yaml',
    settingsPresent: false,
    settings: null,
    unsealsFile: 'records/2016/unseals.yaml',
    unsealsPresent: false,
    unseals: [],
    ratingsFile: 'records/2016/ratings.yaml',
    ratingsPresent: false,
    ratings: [],
  };
  const ws = {
    files: new Map(),
    agency: null,
    criteria: null,
    departments: [{ value: { id: 'nv1', name: 'Phòng 1' }, loc: { file: 'records/departments.yaml', path: [0] } }],
    people,
    discipline: [],
    titles: [],
    history: [],
    pending: [],
    brokenIds: { departments: new Set<string>(), people: new Set<string>() },
    unavailable: { departments: false, people: false },
    rounds: [round],
  } as unknown as Workspace;
  return { round, ws };
}

const TWO_THIRDS: Threshold = { numerator: 2, denominator: 3, of: 'members' };

describe('tallyRound', () => {
  it('counts invalid ballots as received with no votes, and missing marks as abstentions', () => {
    const { round, ws } = makeRound(
      3,
      [nomination('c', 'collective', 'nv1')],
      [ballot(1, { c: 'agree' }), ballot(2, {}), ballot(3, { c: 'agree' }, false)],
    );
    const t = tallyRound(round, buildIndex(ws), TWO_THIRDS);
    expect(t.ballots).toEqual({ issued: 3, received: 3, valid: 2, invalid: 1 });
    expect(t.results[0]).toMatchObject({ agree: 1, disagree: 0, abstain: 1, passed: false, reason: 'below-threshold' });
  });

  it('with of: ballots the base is the valid ballots', () => {
    const { round, ws } = makeRound(
      9,
      [nomination('c', 'collective', 'nv1')],
      [
        ballot(1, { c: 'agree' }),
        ballot(2, { c: 'agree' }),
        ballot(3, { c: 'disagree' }),
        ballot(4, { c: 'agree' }, false),
      ],
    );
    const t = tallyRound(round, buildIndex(ws), {
      ...TWO_THIRDS,
      of: 'ballots',
      quorum: { numerator: 1, denominator: 3 },
    });
    expect([t.base, t.required, t.results[0]!.passed]).toEqual([3, 2, true]);
  });

  it('written votes of absent members count like any other', () => {
    const { round, ws } = makeRound(
      3,
      [nomination('c', 'collective', 'nv1')],
      [ballot(1, { c: 'agree' }), ballot(2, { c: 'agree' }, true, true)],
    );
    expect(tallyRound(round, buildIndex(ws), TWO_THIRDS).results[0]!.passed).toBe(true);
  });

  it('a leader who passes is not recognised when the department’s collective fails', () => {
    const noms = [
      nomination('c', 'collective', 'nv1'),
      nomination('l', 'individual', 'nv1', 'boss'),
      nomination('s', 'individual', 'nv1', 'staff'),
    ];
    const { round, ws } = makeRound(3, noms, [
      ballot(1, { c: 'agree', l: 'agree', s: 'agree' }),
      ballot(2, { c: 'disagree', l: 'agree', s: 'agree' }),
      ballot(3, { c: 'abstain', l: 'agree', s: 'agree' }),
    ]);
    const r = Object.fromEntries(tallyRound(round, buildIndex(ws), TWO_THIRDS).results.map((x) => [x.nomination, x]));
    expect(r['c']).toMatchObject({ passed: false, recognised: false, reason: 'below-threshold' });
    expect(r['l']).toMatchObject({ passed: true, recognised: false, reason: 'department-not-recognised' });
    expect(r['s']).toMatchObject({ passed: true, recognised: true, reason: null });
  });

  it('lists collectives first, then individuals', () => {
    const noms = [nomination('z-ind', 'individual', 'nv1', 'staff'), nomination('a-col', 'collective', 'nv1')];
    const { round, ws } = makeRound(1, noms, [ballot(1, {})]);
    expect(tallyRound(round, buildIndex(ws), TWO_THIRDS).results.map((r) => r.kind)).toEqual([
      'collective',
      'individual',
    ]);
  });

  it('does not depend on the order of ballots or of nomination files', () => {
    const vote = fc.constantFrom('agree', 'disagree', 'abstain', undefined);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(vote, vote, vote, fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 15 }),
        (papers, members) => {
          const noms = [
            nomination('c', 'collective', 'nv1'),
            nomination('l', 'individual', 'nv1', 'boss'),
            nomination('s', 'individual', 'nv1', 'staff'),
          ];
          const ballots = papers.map(([a, b, c, valid], i) => {
            const votes: Record<string, 'agree' | 'disagree' | 'abstain'> = {};
            if (a) votes['c'] = a;
            if (b) votes['l'] = b;
            if (c) votes['s'] = c;
            return ballot(i + 1, votes, valid);
          });
          const one = makeRound(members, noms, ballots);
          const two = makeRound(
            members,
            [...noms].reverse(),
            [...ballots].reverse().map((b, i) => ({ ...b, value: { ...b.value, serial: 100 + i } })),
          );
          expect(tallyRound(two.round, buildIndex(two.ws), TWO_THIRDS).results).toEqual(
            tallyRound(one.round, buildIndex(one.ws), TWO_THIRDS).results,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an empty vote never passes', () => {
  it('0 agree never passes, for any threshold, base and basis', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        (a, b, base) => {
          const th = { numerator: Math.min(a, b), denominator: Math.max(a, b) };
          expect(passes(0, th, base)).toBe(false);
          expect(requiredAgree(th, base)).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('no agree vote never passes, even under a threshold of zero', () => {
    expect(passes(0, { numerator: 0, denominator: 3 }, 5)).toBe(false);
    expect(passes(1, { numerator: 0, denominator: 3 }, 5)).toBe(true);
  });

  it('a base of 0 recognises nobody, whatever the votes', () => {
    for (const agree of [0, 1, 5]) expect(passes(agree, { numerator: 1, denominator: 3 }, 0)).toBe(false);
  });

  it('of: ballots with every ballot invalid: the base is 0 and nothing passes', () => {
    const { round, ws } = makeRound(
      7,
      [nomination('c', 'collective', 'nv1')],
      Array.from({ length: 7 }, (_, i) => ballot(i + 1, {}, false)),
    );
    const t = tallyRound(round, buildIndex(ws), { ...TWO_THIRDS, of: 'ballots' });
    expect(t.base).toBe(0);
    expect(t.results[0]).toMatchObject({ agree: 0, passed: false, recognised: false });
  });

  it('of: ballots below the default quorum of 2/3 of the members: nothing passes, reason no-quorum', () => {
    const { round, ws } = makeRound(7, [nomination('c', 'collective', 'nv1')], [ballot(1, { c: 'agree' })]);
    const t = tallyRound(round, buildIndex(ws), { ...TWO_THIRDS, of: 'ballots' });
    expect(t.quorum).toEqual({ numerator: 2, denominator: 3, required: 5, received: 1, met: false });
    expect(t.results[0]).toMatchObject({ agree: 1, passed: false, reason: 'no-quorum' });
  });

  it('the quorum counts every ballot received, invalid and written ones included, against a brute-force reference', () => {
    for (const [num, den] of [
      [2, 3],
      [1, 2],
      [3, 4],
      [1, 1],
    ] as const) {
      for (let members = 1; members <= 15; members++) {
        for (let received = 0; received <= members; received++) {
          let need = 0;
          while (need * den < num * members) need++;
          const q = quorumState(
            { numerator: 1, denominator: 2, of: 'members', quorum: { numerator: num, denominator: den } },
            members,
            received,
          )!;
          expect(q.required, `${num}/${den} of ${members}`).toBe(Math.max(1, need));
          expect(q.met).toBe(received >= Math.max(1, need));
        }
      }
    }
  });

  it('of: members has no quorum unless one is given', () => {
    expect(quorumState(TWO_THIRDS, 9, 0)).toBeNull();
  });
});

describe('every figure of the count (mutation testing found these unasserted)', () => {
  it('of: members counts against all members, not the valid ballots; disagree and abstain are told apart', () => {
    const { round, ws } = makeRound(
      5,
      [nomination('c', 'collective', 'nv1')],
      [ballot(1, { c: 'agree' }), ballot(2, { c: 'disagree' }), ballot(3, { c: 'abstain' }), ballot(4, {}, false)],
    );
    const t = tallyRound(round, buildIndex(ws), TWO_THIRDS);
    expect([t.members, t.base, t.required]).toEqual([5, 5, 4]);
    expect(t.results[0]).toMatchObject({ agree: 1, disagree: 1, abstain: 1 });
  });

  it('an individual keeps its person, a collective has none', () => {
    const { round, ws } = makeRound(
      1,
      [nomination('s', 'individual', 'nv1', 'staff'), nomination('c', 'collective', 'nv1')],
      [ballot(1, {})],
    );
    expect(tallyRound(round, buildIndex(ws), TWO_THIRDS).results.map((r) => [r.nomination, r.person])).toEqual([
      ['c', null],
      ['s', 'staff'],
    ]);
  });

  it('nominations are listed by kind, then by the departments’ order, unknown departments last, then by id', () => {
    const noms = [
      nomination('0z', 'collective', 'xx'),
      nomination('b', 'collective', 'nv1'),
      nomination('a', 'collective', 'nv1'),
      nomination('m', 'individual', 'nv1', 'staff'),
    ];
    const { round, ws } = makeRound(1, noms, [ballot(1, {})]);
    expect(tallyRound(round, buildIndex(ws), TWO_THIRDS).results.map((r) => r.nomination)).toEqual([
      'a',
      'b',
      '0z',
      'm',
    ]);
    const reversed = makeRound(1, [...noms].reverse(), [ballot(1, {})]);
    expect(tallyRound(reversed.round, buildIndex(reversed.ws), TWO_THIRDS).results.map((r) => r.nomination)).toEqual([
      'a',
      'b',
      '0z',
      'm',
    ]);
  });

  it('a round with no council file, or a council without its session, counts without failing', () => {
    const { round, ws } = makeRound(3, [nomination('c', 'collective', 'nv1')], [ballot(1, { c: 'agree' })]);
    const bare = { ...round, council: null };
    const t = tallyRound(bare, buildIndex(ws), TWO_THIRDS);
    expect([t.members, t.base, t.ballots.issued, t.results[0]!.passed]).toEqual([0, 0, 0, false]);
    const noSession = { ...round, council: { ...round.council!, value: { members: round.council!.value.members } } };
    expect(tallyRound(noSession, buildIndex(ws), TWO_THIRDS).ballots.issued).toBe(0);
  });

  it('a round with nothing nominated has no quorum to meet', () => {
    const { round, ws } = makeRound(7, [], [ballot(1, {})]);
    expect(tallyRound(round, buildIndex(ws), { ...TWO_THIRDS, of: 'ballots' }).quorum).toBeNull();
  });

  it('percentages of a base of 0 are 0, others to one decimal', () => {
    expect([percentOfBase(0, 0), percentOfBase(3, 0), percentOfBase(2, 3), percentOfBase(9, 9)]).toEqual([
      0, 0, 66.7, 100,
    ]);
  });
});

describe('the seal', () => {
  it('hashes each sealed input, and a file that cannot be read never matches', () => {
    const { round } = makeRound(1, [nomination('c', 'collective', 'nv1')], [ballot(1, {})]);
    const bytes: Record<string, Uint8Array | null> = {
      'records/2016/nominations/c.yaml': new TextEncoder().encode('id: c\n'),
      'records/2016/ballots/1.yaml': null,
      'records/2016/council.yaml': new Uint8Array(),
    };
    const hashes = inputHashes(round, (p) => bytes[p] ?? null);
    expect(hashes).toEqual({
      'records/2016/ballots/1.yaml': 'unreadable',
      'records/2016/council.yaml': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'records/2016/nominations/c.yaml': sha256Hex(new TextEncoder().encode('id: c\n')),
    });
    expect(sha256Hex(new TextEncoder().encode('id: c\n'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifySeal: an unreadable seal, each input changed, added or removed, and a recount only when every input matches and the agency is known', () => {
    const enc = (text: string) => new TextEncoder().encode(text);
    const { round, ws } = makeRound(
      3,
      [nomination('c', 'collective', 'nv1')],
      [ballot(1, { c: 'agree' }), ballot(2, { c: 'agree' }), ballot(3, { c: 'disagree' })],
    );
    const bytes: Record<string, Uint8Array> = {
      'records/2016/council.yaml': enc('hội đồng'),
      'records/2016/nominations/c.yaml': enc('id: c'),
      'records/2016/ballots/1.yaml': enc('1'),
      'records/2016/ballots/2.yaml': enc('2'),
      'records/2016/ballots/3.yaml': enc('3'),
    };
    const bytesOf = (p: string) => bytes[p] ?? null;
    const index = buildIndex({
      ...ws,
      agency: { value: { threshold: TWO_THIRDS }, loc: { file: 'records/agency.yaml', path: [] } },
    } as unknown as Workspace);
    const text = renderTallyFile(tallyRound(round, index, TWO_THIRDS), {
      sealedBy: 'thidua 9',
      inputs: inputHashes(round, bytesOf),
      basis: null,
    });
    const sealedAs = (value: unknown): Round =>
      ({
        ...round,
        tallyFile: 'records/2016/tally.yaml',
        tallyPresent: true,
        tally: { value, loc: { file: 'records/2016/tally.yaml', path: [] } },
      }) as Round;
    const sealed = parse(text) as { results: Array<{ agree: number }> };
    const forged = { ...sealed, results: sealed.results.map((r) => ({ ...r, agree: r.agree + 1 })) };

    expect(verifySeal({ ...round, tallyFile: 'records/2016/tally.yaml' }, index, bytesOf)).toEqual([]);
    expect(verifySeal({ ...round, tallyFile: 'records/2016/tally.yaml', tallyPresent: true }, index, bytesOf)).toEqual([
      {
        year: 2016,
        check: 'seal',
        file: 'records/2016/tally.yaml',
        message: {
          vi: 'records/2016/tally.yaml không đọc được hoặc sai cấu trúc (xem “thidua validate 2016”)',
          en: 'records/2016/tally.yaml is unreadable or malformed (see “thidua validate 2016”)',
        },
      },
    ]);
    expect(verifySeal(sealedAs(sealed), index, bytesOf)).toEqual([]);
    expect(verifySeal(sealedAs(forged), index, bytesOf).map((f) => [f.check, f.message.en])).toEqual([
      ['results', 'the stored results differ from a fresh count (results.c)'],
    ]);
    // Without the agency's threshold there is no recount to compare with.
    expect(verifySeal(sealedAs(forged), { ...index, agency: null }, bytesOf)).toEqual([]);

    // An input changed, one added and one removed: each named, and no recount of inputs that are not the sealed ones.
    const changed: Record<string, Uint8Array> = {
      ...bytes,
      'records/2016/ballots/1.yaml': enc('1 sửa'),
      'records/2016/ballots/4.yaml': enc('4'),
    };
    const later = {
      ...sealedAs(forged),
      ballotFiles: ['records/2016/ballots/1.yaml', 'records/2016/ballots/2.yaml', 'records/2016/ballots/4.yaml'],
    };
    expect(verifySeal(later, index, (p) => changed[p] ?? null).map((f) => [f.check, f.file, f.message.vi])).toEqual([
      ['seal', 'records/2016/ballots/1.yaml', 'đã bị sửa sau khi niêm phong'],
      ['seal', 'records/2016/ballots/3.yaml', 'bị xoá sau khi niêm phong'],
      ['seal', 'records/2016/ballots/4.yaml', 'được thêm sau khi niêm phong'],
    ]);
  });

  it('tells changed, added and removed inputs apart, sorted by path', () => {
    expect(
      compareSeal({ 'd.yaml': '4', 'b.yaml': '2', 'a.yaml': '1' }, { 'c.yaml': '3', 'b.yaml': '9', 'a.yaml': '1' }),
    ).toEqual([
      { path: 'b.yaml', change: 'changed' },
      { path: 'c.yaml', change: 'added' },
      { path: 'd.yaml', change: 'removed' },
    ]);
    expect(compareSeal({ 'a.yaml': '1' }, { 'a.yaml': '1' })).toEqual([]);
  });

  it('tally.yaml holds what the seal was given, and only that, inputs in path order', () => {
    const { round, ws } = makeRound(3, [nomination('c', 'collective', 'nv1')], [ballot(1, { c: 'agree' })]);
    const t = tallyRound(round, buildIndex(ws), { ...TWO_THIRDS, quorum: { numerator: 1, denominator: 3 } });
    const reopened = [{ date: '2016-12-05', by: 'Văn thư', reason: 'nhập sai', seal: 'a'.repeat(64) }];
    const basis = { agency: {}, criteria: {}, departments: [], people: [], discipline: [] } as unknown as Basis;
    const full = parse(
      renderTallyFile(t, {
        sealedBy: 'thidua 9',
        sealedOn: '2016-12-10',
        inputs: { 'z.yaml': '2', 'a.yaml': '1' },
        incomplete: 'thiếu 2 phiếu',
        reopened,
        basis,
      }),
    ) as Record<string, unknown>;
    expect(full).toMatchObject({
      sealed_by: 'thidua 9',
      sealed_on: '2016-12-10',
      incomplete: 'thiếu 2 phiếu',
      reopened,
      basis,
      threshold: { numerator: 2, denominator: 3, of: 'members', quorum: { numerator: 1, denominator: 3 } },
    });
    expect(Object.keys(full['inputs'] as object)).toEqual(['a.yaml', 'z.yaml']);
    const bare = parse(
      renderTallyFile(tallyRound(round, buildIndex(ws), TWO_THIRDS), {
        sealedBy: 'thidua 9',
        inputs: {},
        reopened: [],
        basis: null,
      }),
    ) as Record<string, unknown>;
    for (const key of ['sealed_on', 'incomplete', 'reopened', 'basis']) expect(bare, key).not.toHaveProperty(key);
    expect(bare['threshold']).toEqual({ numerator: 2, denominator: 3, of: 'members' });
    expect(bare).not.toHaveProperty('titles');
  });

  it("a titled round seals each title with its own threshold, base and required count, in the tally's order", () => {
    const { round, ws } = makeRound(3, [nomination('c', 'collective', 'nv1')], [ballot(1, { c: 'agree' })]);
    const t = tallyRound(round, buildIndex(ws), TWO_THIRDS);
    const titled = {
      ...t,
      titles: [
        {
          id: 'cstdcs',
          threshold: { numerator: 4, denominator: 5, of: 'ballots' as const, percent: 80 },
          base: 9,
          required: 8,
        },
        {
          id: 'ldtt',
          threshold: { numerator: 1, denominator: 2, of: 'members' as const, quorum: { numerator: 2, denominator: 3 } },
          base: 11,
          required: 6,
        },
      ],
    };
    const text = renderTallyFile(titled, { sealedBy: 'thidua 9', inputs: {}, basis: null });
    expect((parse(text) as Record<string, unknown>)['titles']).toEqual([
      { id: 'cstdcs', threshold: { numerator: 4, denominator: 5, of: 'ballots', percent: 80 }, base: 9, required: 8 },
      {
        id: 'ldtt',
        threshold: { numerator: 1, denominator: 2, of: 'members', quorum: { numerator: 2, denominator: 3 } },
        base: 11,
        required: 6,
      },
    ]);
    // The titles come after the inputs and before the results, as a reader expects them.
    expect(text.indexOf('\ntitles:')).toBeGreaterThan(text.indexOf('\ninputs:'));
    expect(text.indexOf('\ntitles:')).toBeLessThan(text.indexOf('\nresults:'));
  });
});
