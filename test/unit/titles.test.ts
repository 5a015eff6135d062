/**
 * Titles in the count: each with its own threshold (a percent or a fraction, of members or of
 * valid ballots), decided in the order their requirements give, whatever order the titles,
 * nominations or ballot files come in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passes, reachesPercent, requiredAgree, tallyRound } from '../../src/core/tally.js';
import { dependencyOrder, rankForQuota } from '../../src/core/title-order.js';
import { TitleSchema, type Title } from '../../src/core/schemas/titles.js';
import { countedThreshold } from '../../src/core/titles.js';
import { buildIndexFrom } from '../../src/core/records/index.js';
import { daysAway, daysInYearOf } from '../../src/core/leave.js';
import type { Round, Rec } from '../../src/core/records/workspace.js';
import type { Ballot, Nomination } from '../../src/core/schemas/round.js';
import type { Person } from '../../src/core/schemas/organisation.js';

/** Reference: the smallest agree count a with a/base ≥ p/100, by counting up in exact integers. */
function bruteRequiredPercent(percent: number, base: number): number {
  for (let a = 1; a <= base; a++) if (a * 100 >= percent * base) return a;
  return base + 1;
}

describe('a title’s threshold', () => {
  it('80 % of 9 members needs 8, 90 % needs 9, 2/3 needs 6, 50 % needs 5', () => {
    expect(requiredAgree(countedThreshold({ percent: 80, of: 'members' }), 9)).toBe(8);
    expect(requiredAgree(countedThreshold({ percent: 90, of: 'members' }), 9)).toBe(9);
    expect(requiredAgree(countedThreshold({ numerator: 2, denominator: 3, of: 'members' }), 9)).toBe(6);
    expect(requiredAgree(countedThreshold({ percent: 50, of: 'members' }), 9)).toBe(5);
  });

  for (const percent of [50, 66.5, 70, 80, 90, 100]) {
    it(`${percent} %: every base from 1 to 40 agrees with a brute-force reference`, () => {
      const th = countedThreshold({ percent, of: 'members' });
      for (let base = 1; base <= 40; base++) {
        expect(requiredAgree(th, base), `base ${base}`).toBe(bruteRequiredPercent(percent, base));
        for (let a = 0; a <= base; a++) expect(passes(a, th, base)).toBe(a >= 1 && a * 100 >= percent * base);
      }
    });
  }

  it('a decimal percent stays an exact fraction: 66.5 % is 665/1000', () => {
    expect(countedThreshold({ percent: 66.5, of: 'ballots' })).toEqual({
      numerator: 665,
      denominator: 1000,
      of: 'ballots',
      percent: 66.5,
    });
  });

  it('the file takes a fraction or a percent, not both and not neither', () => {
    const base = { id: 'x', name: 'X', kind: 'individual' as const };
    expect(TitleSchema.safeParse({ ...base, threshold: { percent: 80 } }).success).toBe(true);
    expect(TitleSchema.safeParse({ ...base, threshold: { numerator: 4, denominator: 5 } }).success).toBe(true);
    expect(TitleSchema.safeParse({ ...base, threshold: { numerator: 4, denominator: 5, percent: 80 } }).success).toBe(
      false,
    );
    expect(TitleSchema.safeParse({ ...base, threshold: { of: 'members' } }).success).toBe(false);
    expect(TitleSchema.safeParse({ ...base, threshold: { numerator: 4 } }).success).toBe(false);
    expect(TitleSchema.safeParse({ ...base, threshold: { numerator: 6, denominator: 5 } }).success).toBe(false);
  });

  it('a share of a department’s people, exactly: 7 of 10 is 70 %, 6 of 9 is not', () => {
    expect(reachesPercent(7, 10, 70)).toBe(true);
    expect(reachesPercent(6, 9, 70)).toBe(false);
    expect(reachesPercent(0, 0, 70)).toBe(false);
    for (let total = 1; total <= 30; total++)
      for (let k = 0; k <= total; k++) expect(reachesPercent(k, total, 70)).toBe(k * 100 >= 70 * total);
  });
});

// A department of ten: its head and nine staff; a council of nine.
const PEOPLE: Rec<Person>[] = Array.from({ length: 10 }, (_, i) => ({
  value: { id: `p${i}`, name: `Người ${i}`, department: 'vp', leader: i === 0 },
  loc: { file: 'records/people.yaml', path: [i] },
}));

const TITLES: Title[] = [
  {
    id: 'ldtt',
    name: 'Lao động tiên tiến',
    kind: 'individual',
    threshold: { percent: 50, of: 'members' },
    requires: [],
    initiative: false,
    decided_by: 'head',
    form: 'title',
    vote: true,
  },
  {
    id: 'cstdcs',
    name: 'Chiến sĩ thi đua cơ sở',
    kind: 'individual',
    threshold: { percent: 80, of: 'members' },
    requires: [{ title: 'ldtt', same_round: true }],
    initiative: false,
    decided_by: 'head',
    form: 'title',
    vote: true,
  },
  {
    id: 'ttldxs',
    name: 'Tập thể lao động xuất sắc',
    kind: 'collective',
    threshold: { numerator: 2, denominator: 3, of: 'members' },
    requires: [
      { title: 'ldtt', members_percent: 70 },
      { title: 'cstdcs', members_at_least: 1 },
    ],
    initiative: false,
    decided_by: 'head',
    form: 'title',
    vote: true,
  },
];

function nomination(id: string, award: string | undefined, person?: string): Rec<Nomination> {
  const common = { id, department: 'vp', title: id, submitted: '2025-11-01', ...(award ? { award } : {}) };
  const value: Nomination = person
    ? { ...common, kind: 'individual', person }
    : { ...common, kind: 'collective', initiative: 'x' };
  return { value, loc: { file: `records/2025/nominations/${id}.yaml`, path: [] } };
}

function round(nominations: Rec<Nomination>[], ballots: Array<Record<string, 'agree' | 'disagree'>>): Round {
  const recs: Rec<Ballot>[] = ballots.map((votes, i) => ({
    value: { serial: i + 1, valid: true, written: false, votes },
    loc: { file: `records/2025/ballots/${i + 1}.yaml`, path: [] },
  }));
  return {
    year: 2025,
    dir: 'records/2025',
    councilFile: 'records/2025/council.yaml',
    councilPresent: true,
    council: {
      value: {
        members: Array.from({ length: 9 }, (_, i) => ({ person: `m${i}`, role: 'uy-vien' as const })),
        session: {
          date: '2026-01-10',
          place: 'x',
          chair: 'm0',
          secretary: 'm1',
          counters: ['m0'],
          ballots_issued: recs.length,
        },
      },
      loc: { file: 'records/2025/council.yaml', path: [] },
    },
    nominations,
    brokenNominationIds: new Set(),
    brokenNominationDepartments: [],
    ballots: recs,
    ballotFiles: recs.map((b) => b.loc.file),
    nominationFiles: nominations.map((n) => n.loc.file),
    submissionsFile: 'records/2025/submissions.yaml',
    submissions: [],
    tallyFile: 'records/2025/tally.yaml',
    tally: null,
    tallyPresent: false,
    decisionFile: 'records/2025/decision.yaml',
    decision: null,
    settingsFile: 'records/2025/round.yaml',
    settingsPresent: false,
    settings: null,
    unsealsFile: 'records/2025/unseals.yaml',
    unsealsPresent: false,
    unseals: [],
    ratingsFile: 'records/2025/ratings.yaml',
    ratingsPresent: false,
    ratings: [],
  };
}

const index = (titles: Title[] = TITLES) =>
  buildIndexFrom({
    agency: null,
    criteria: null,
    departments: [{ value: { id: 'vp', name: 'Văn phòng' }, loc: { file: 'records/departments.yaml', path: [0] } }],
    people: PEOPLE,
    discipline: [],
    titles,
  });
const TWO_THIRDS = { numerator: 2, denominator: 3, of: 'members' as const };

/** n ballots of 9 agreeing with `agree` and disagreeing with the rest of `ids`. */
function papers(ids: string[], agreeCounts: Record<string, number>): Array<Record<string, 'agree' | 'disagree'>> {
  return Array.from({ length: 9 }, (_, i) =>
    Object.fromEntries(ids.map((id) => [id, i < (agreeCounts[id] ?? 9) ? 'agree' : 'disagree'])),
  );
}

describe('titles in the count', () => {
  it('each title counts against its own threshold, printed in tally.yaml’s titles', () => {
    const noms = [
      nomination('a-ldtt', 'ldtt', 'p1'),
      nomination('a-cs', 'cstdcs', 'p1'),
      nomination('b-ldtt', 'ldtt', 'p2'),
      nomination('b-cs', 'cstdcs', 'p2'),
    ];
    const ids = noms.map((n) => n.value.id);
    // 7 of 9 agree to b's Chiến sĩ thi đua cơ sở: below 80 % (8 of 9); 8 agree to a's: enough.
    const t = tallyRound(round(noms, papers(ids, { 'a-cs': 8, 'b-cs': 7 })), index(), TWO_THIRDS);
    expect(t.titles).toEqual([
      { id: 'ldtt', threshold: { numerator: 50, denominator: 100, of: 'members', percent: 50 }, base: 9, required: 5 },
      {
        id: 'cstdcs',
        threshold: { numerator: 80, denominator: 100, of: 'members', percent: 80 },
        base: 9,
        required: 8,
      },
    ]);
    const by = Object.fromEntries(t.results.map((r) => [r.nomination, r]));
    expect(by['a-cs']).toMatchObject({ award: 'cstdcs', agree: 8, passed: true, recognised: true, reason: null });
    expect(by['b-cs']).toMatchObject({
      award: 'cstdcs',
      agree: 7,
      passed: false,
      recognised: false,
      reason: 'below-threshold',
    });
    // Under the round's 2/3 alone, 7 of 9 would have passed: the title's own threshold is what counted.
    expect(passes(7, TWO_THIRDS, 9)).toBe(true);
  });

  it('Chiến sĩ thi đua cơ sở with enough votes is not recognised when the same person’s Lao động tiên tiến fails', () => {
    const noms = [nomination('a-ldtt', 'ldtt', 'p1'), nomination('a-cs', 'cstdcs', 'p1')];
    const t = tallyRound(round(noms, papers(['a-ldtt', 'a-cs'], { 'a-ldtt': 4, 'a-cs': 9 })), index(), TWO_THIRDS);
    const by = Object.fromEntries(t.results.map((r) => [r.nomination, r]));
    expect(by['a-ldtt']).toMatchObject({ recognised: false, reason: 'below-threshold' });
    expect(by['a-cs']).toMatchObject({ passed: true, recognised: false, reason: 'prerequisite-not-recognised' });
  });

  it('Tập thể lao động xuất sắc needs 70 % of its people recognised Lao động tiên tiến and one Chiến sĩ thi đua cơ sở, as counted', () => {
    // Seven of ten nominated Lao động tiên tiến, one also Chiến sĩ thi đua cơ sở.
    const ldtt = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((p) => nomination(`${p}-ldtt`, 'ldtt', p));
    const noms = [...ldtt, nomination('p1-cs', 'cstdcs', 'p1'), nomination('vp-tt', 'ttldxs')];
    const ids = noms.map((n) => n.value.id);
    const all = tallyRound(round(noms, papers(ids, {})), index(), TWO_THIRDS);
    expect(all.results.find((r) => r.nomination === 'vp-tt')).toMatchObject({ recognised: true });
    // One Lao động tiên tiến fails the vote: 6 of 10 is 60 %, and the collective is not recognised.
    const short = tallyRound(round(noms, papers(ids, { 'p7-ldtt': 2 })), index(), TWO_THIRDS);
    expect(short.results.find((r) => r.nomination === 'vp-tt')).toMatchObject({
      passed: true,
      recognised: false,
      reason: 'prerequisite-not-recognised',
    });
    // The Chiến sĩ thi đua cơ sở fails: none in the department, not recognised either.
    const none = tallyRound(round(noms, papers(ids, { 'p1-cs': 3 })), index(), TWO_THIRDS);
    expect(none.results.find((r) => r.nomination === 'vp-tt')).toMatchObject({
      recognised: false,
      reason: 'prerequisite-not-recognised',
    });
  });

  it('a nomination naming no title keeps the plan’s meaning beside titled ones, and a round without titles writes no titles', () => {
    const noms = [nomination('vp-mo-hinh', undefined), nomination('a-ldtt', 'ldtt', 'p1')];
    const t = tallyRound(round(noms, papers(['vp-mo-hinh', 'a-ldtt'], { 'vp-mo-hinh': 6 })), index(), TWO_THIRDS);
    expect(t.results.map((r) => [r.nomination, r.award ?? null, r.recognised])).toEqual([
      ['vp-mo-hinh', null, true],
      ['a-ldtt', 'ldtt', true],
    ]);
    const plain = tallyRound(
      round([nomination('vp-mo-hinh', undefined)], papers(['vp-mo-hinh'], {})),
      index([]),
      TWO_THIRDS,
    );
    expect(plain.titles).toBeUndefined();
    expect('award' in plain.results[0]!).toBe(false);
  });

  it('titles caught in a cycle are decided last and recognise nobody', () => {
    const cyclic: Title[] = [{ ...TITLES[0]!, requires: [{ title: 'cstdcs', same_round: true }] }, TITLES[1]!];
    expect(dependencyOrder(new Map(cyclic.map((x) => [x.id, x]))).cyclic).toEqual(new Set(['ldtt', 'cstdcs']));
    expect(dependencyOrder(new Map(TITLES.map((x) => [x.id, x]))).order).toEqual(['ldtt', 'cstdcs', 'ttldxs']);
    const noms = [nomination('a-ldtt', 'ldtt', 'p1'), nomination('a-cs', 'cstdcs', 'p1')];
    const t = tallyRound(round(noms, papers(['a-ldtt', 'a-cs'], {})), index(cyclic), TWO_THIRDS);
    expect(t.results.every((r) => r.passed && !r.recognised && r.reason === 'prerequisite-not-recognised')).toBe(true);
  });

  it('does not depend on the order of the titles, of the nominations or of the ballot files', () => {
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    fc.assert(
      fc.property(
        fc.subarray(people, { minLength: 1 }),
        fc.subarray(people),
        fc.boolean(),
        fc.array(fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 1000 }),
        (ldttPeople, csPeople, collective, marks, seed) => {
          const noms = [
            ...ldttPeople.map((p) => nomination(`${p}-ldtt`, 'ldtt', p)),
            ...csPeople.map((p) => nomination(`${p}-cs`, 'cstdcs', p)),
            ...(collective ? [nomination('vp-tt', 'ttldxs')] : []),
          ];
          const ballots = marks.map((row) =>
            Object.fromEntries(noms.map((n, i) => [n.value.id, row[i % row.length] ? 'agree' : 'disagree'] as const)),
          );
          const shuffle = <T>(list: T[], s: number): T[] =>
            list
              .map((x, i) => [x, (i * 7919 + s * 104729) % 1009] as const)
              .sort((a, b) => a[1] - b[1])
              .map(([x]) => x);
          const canonical = (ts: ReturnType<typeof tallyRound>) =>
            Object.fromEntries(ts.results.map((r) => [r.nomination, r]));
          const a = tallyRound(round(noms, ballots), index(TITLES), TWO_THIRDS);
          const r2 = round(shuffle(noms, seed), ballots);
          r2.ballots = shuffle(r2.ballots, seed + 1);
          const b = tallyRound(r2, index(shuffle(TITLES, seed + 2)), TWO_THIRDS);
          expect(canonical(b)).toEqual(canonical(a));
          expect(new Map((b.titles ?? []).map((c) => [c.id, c]))).toEqual(
            new Map((a.titles ?? []).map((c) => [c.id, c])),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a title’s quota', () => {
  const entries = (agrees: number[], women: boolean[] = []) =>
    agrees.map((agree, i) => ({ id: `n${i}`, agree, woman: women[i] ?? false }));

  it('ranks by agree votes: the most votes take the places, the rest are beyond the quota', () => {
    const r = rankForQuota(entries([9, 7, 8, 6]), 2, 'chair', new Set());
    expect(Object.fromEntries(r)).toEqual({ n0: 'in', n2: 'in', n1: 'over-quota', n3: 'over-quota' });
  });

  it('a tie for the last place waits for the chair; the chair’s recorded choice settles it', () => {
    expect(Object.fromEntries(rankForQuota(entries([9, 8, 8]), 2, 'chair', new Set()))).toEqual({
      n0: 'in',
      n1: 'tie-unresolved',
      n2: 'tie-unresolved',
    });
    expect(Object.fromEntries(rankForQuota(entries([9, 8, 8]), 2, 'chair', new Set(['n2'])))).toEqual({
      n0: 'in',
      n1: 'over-quota',
      n2: 'chair',
    });
    // A choice of the wrong size settles nothing.
    expect(Object.fromEntries(rankForQuota(entries([9, 8, 8]), 2, 'chair', new Set(['n1', 'n2'])))).toEqual({
      n0: 'in',
      n1: 'tie-unresolved',
      n2: 'tie-unresolved',
    });
  });

  it('women first at equal merit (ND 152/2025 Điều 4), then the chair among the women if they are still too many', () => {
    expect(Object.fromEntries(rankForQuota(entries([8, 8, 8], [false, true, false]), 1, 'women', new Set()))).toEqual({
      n0: 'over-quota',
      n1: 'women',
      n2: 'over-quota',
    });
    expect(
      Object.fromEntries(rankForQuota(entries([8, 8, 8], [true, true, false]), 1, 'women', new Set(['n1']))),
    ).toEqual({ n0: 'over-quota', n1: 'chair', n2: 'over-quota' });
    expect(Object.fromEntries(rankForQuota(entries([9, 8, 8], [false, false, false]), 2, 'women', new Set()))).toEqual({
      n0: 'in',
      n1: 'tie-unresolved',
      n2: 'tie-unresolved',
    });
  });

  it('never more places than the quota, never a lower count in before a higher one out, a tie left open only at the last place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<'chair' | 'women'>('chair', 'women'),
        (rows, quota, tieBreak) => {
          const list = rows.map(([agree, woman], i) => ({ id: `n${i}`, agree, woman }));
          const chair = new Set(rows.flatMap(([, , chosen], i) => (chosen ? [`n${i}`] : [])));
          const r = rankForQuota(list, quota, tieBreak, chair);
          expect(r.size).toBe(list.length);
          const placed = list.filter((e) => ['in', 'chair', 'women'].includes(r.get(e.id)!));
          const out = list.filter((e) => r.get(e.id) === 'over-quota');
          const open = list.filter((e) => r.get(e.id) === 'tie-unresolved');
          expect(placed.length).toBeLessThanOrEqual(quota);
          if (list.length <= quota) expect(placed.length).toBe(list.length);
          for (const a of placed) for (const b of out) expect(a.agree).toBeGreaterThanOrEqual(b.agree);
          if (open.length === 0 && list.length > quota) expect(placed.length).toBe(quota);
          if (open.length > 0) {
            expect(new Set(open.map((e) => e.agree)).size).toBe(1);
            expect(open.length).toBeGreaterThan(quota - placed.length);
            for (const a of placed) expect(a.agree).toBeGreaterThanOrEqual(open[0]!.agree);
          }
          // With women first, no man has a place at a count where a woman is left out.
          if (tieBreak === 'women')
            for (const m of placed.filter((e) => !e.woman))
              for (const w of out.filter((e) => e.woman)) expect(m.agree).toBeGreaterThan(w.agree);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('in the count: the quota cuts before the next title is decided, and a tie is shown until the chair settles it', () => {
    const quoted: Title[] = [{ ...TITLES[0]!, quota: 2 }, TITLES[1]!];
    const noms = [
      nomination('a', 'ldtt', 'p1'),
      nomination('b', 'ldtt', 'p2'),
      nomination('c', 'ldtt', 'p3'),
      nomination('c-cs', 'cstdcs', 'p3'),
    ];
    const ids = noms.map((n) => n.value.id);
    // a 9, b 8, c 7 agree: c is beyond the quota of 2, so c's Chiến sĩ thi đua cơ sở loses its requirement.
    const t = tallyRound(round(noms, papers(ids, { a: 9, b: 8, c: 7 })), index(quoted), TWO_THIRDS);
    const by = Object.fromEntries(t.results.map((r) => [r.nomination, r]));
    expect([by['a']!.recognised, by['b']!.recognised, by['c']!.reason, by['c-cs']!.reason]).toEqual([
      true,
      true,
      'over-quota',
      'prerequisite-not-recognised',
    ]);
    const tie = tallyRound(round(noms, papers(ids, { a: 9, b: 8, c: 8 })), index(quoted), TWO_THIRDS);
    expect(tie.results.filter((r) => r.reason === 'tie-unresolved').map((r) => r.nomination)).toEqual(['b', 'c']);
    const r2 = round(noms, papers(ids, { a: 9, b: 8, c: 8 }));
    r2.council!.value.session!.chair_decides = ['c'];
    const settled = tallyRound(r2, index(quoted), TWO_THIRDS);
    const s2 = Object.fromEntries(settled.results.map((r) => [r.nomination, r]));
    expect([s2['b']!.reason, s2['c']!.tie_break, s2['c-cs']!.recognised]).toEqual(['over-quota', 'chair', true]);
  });
});

describe('working time', () => {
  it('counts the days of leave inside the year once, maternity leave as work under the 2025 rules', () => {
    const leave = [
      { from: '2024-12-15', until: '2025-01-10', kind: 'sick' as const },
      { from: '2025-01-05', until: '2025-01-20', kind: 'unpaid' as const },
      { from: '2025-03-01', until: '2025-08-27', kind: 'maternity' as const },
      { from: '2025-12-30', until: '2026-01-05', kind: 'other' as const },
    ];
    // 1–20 January (20 days, the overlap counted once) and 30–31 December (2 days).
    expect(daysAway(leave, 2025, true)).toBe(22);
    // Without the 2025 rules the 180 days of maternity leave are days away too.
    expect(daysAway(leave, 2025, false)).toBe(22 + 180);
    expect(daysAway([], 2024, false)).toBe(0);
    expect(daysInYearOf(2024)).toBe(366);
    expect(daysAway([{ from: '2024-01-01', until: '2024-12-31', kind: 'unpaid' }], 2024, true)).toBe(366);
  });
});

describe('titles in the count, further', () => {
  it('results come the plan’s pair first, then title by title in titles.yaml’s order, whatever order the files come in', () => {
    const noms = [
      nomination('z-cs', 'cstdcs', 'p1'),
      nomination('vp-mo-hinh', undefined),
      nomination('a-ldtt', 'ldtt', 'p1'),
      nomination('b-ldtt', 'ldtt', 'p2'),
    ];
    const t = tallyRound(
      round(
        noms,
        papers(
          noms.map((n) => n.value.id),
          {},
        ),
      ),
      index(),
      TWO_THIRDS,
    );
    expect(t.results.map((r) => r.nomination)).toEqual(['vp-mo-hinh', 'a-ldtt', 'b-ldtt', 'z-cs']);
    expect(t.titles!.map((c) => c.id)).toEqual(['ldtt', 'cstdcs']);
  });

  it('an award titles.yaml does not declare is counted as the plan’s (a diagnostic blocks its seal): the round’s threshold, no title entry', () => {
    const noms = [nomination('a-x', 'khong-co', 'p1')];
    // 6 of 9 pass the round's 2/3; a title entry would have been written had it been declared.
    const t = tallyRound(round(noms, papers(['a-x'], { 'a-x': 6 })), index(), TWO_THIRDS);
    expect(t.titles).toBeUndefined();
    expect(t.results[0]).toMatchObject({ award: 'khong-co', passed: true, recognised: true, reason: null });
    const fails = tallyRound(round(noms, papers(['a-x'], { 'a-x': 5 })), index(), TWO_THIRDS);
    expect(fails.results[0]).toMatchObject({ passed: false, reason: 'below-threshold' });
  });

  it('women first at a tie, read from people.yaml’s gender, in the count itself', () => {
    const people: Array<Rec<Person>> = PEOPLE.map((p, i) =>
      i === 2
        ? { ...p, value: { ...p.value, gender: 'nu' as const } }
        : i === 1
          ? { ...p, value: { ...p.value, gender: 'nam' as const } }
          : p,
    );
    const titles: Title[] = [{ ...TITLES[0]!, quota: 1, tie_break: 'women' }];
    const idx = buildIndexFrom({
      agency: null,
      criteria: null,
      departments: [{ value: { id: 'vp', name: 'Văn phòng' }, loc: { file: 'records/departments.yaml', path: [0] } }],
      people,
      discipline: [],
      titles,
    });
    const noms = [nomination('a', 'ldtt', 'p1'), nomination('b', 'ldtt', 'p2')];
    const t = tallyRound(round(noms, papers(['a', 'b'], {})), idx, TWO_THIRDS);
    const by = Object.fromEntries(t.results.map((r) => [r.nomination, r]));
    expect([by['a']!.reason, by['b']!.tie_break]).toEqual(['over-quota', 'women']);
  });

  it('a quota exactly as large as the eligible recognises them all, and leaves no tie', () => {
    const titles: Title[] = [{ ...TITLES[0]!, quota: 2 }];
    const noms = [nomination('a', 'ldtt', 'p1'), nomination('b', 'ldtt', 'p2'), nomination('c', 'ldtt', 'p3')];
    // c fails its vote: two eligible for two places.
    const t = tallyRound(round(noms, papers(['a', 'b', 'c'], { c: 2 })), index(titles), TWO_THIRDS);
    expect(t.results.map((r) => [r.nomination, r.recognised, r.reason, r.tie_break ?? null])).toEqual([
      ['a', true, null, null],
      ['b', true, null, null],
      ['c', false, 'below-threshold', null],
    ]);
  });

  it('titles in a cycle come after the others in the order of decision', () => {
    const a: Title = { ...TITLES[0]!, id: 'a', requires: [{ title: 'b', same_round: true }] };
    const b: Title = { ...TITLES[0]!, id: 'b', requires: [{ title: 'a', same_round: true }] };
    const c: Title = { ...TITLES[0]!, id: 'c', requires: [] };
    const d: Title = {
      ...TITLES[0]!,
      id: 'd',
      requires: [
        { title: 'c', members_at_least: 1 },
        { title: 'c', years: 2 },
      ],
    };
    const { order, cyclic } = dependencyOrder(new Map([a, b, c, d].map((x) => [x.id, x])));
    expect(order).toEqual(['c', 'd', 'b', 'a']);
    expect(cyclic).toEqual(new Set(['a', 'b']));
    // A requirement of years is about earlier rounds: it orders nothing and makes no cycle.
    const e: Title = { ...TITLES[0]!, id: 'e', requires: [{ title: 'f', years: 1 }] };
    const f: Title = { ...TITLES[0]!, id: 'f', requires: [{ title: 'e', years: 1 }] };
    expect(dependencyOrder(new Map([e, f].map((x) => [x.id, x]))).cyclic).toEqual(new Set());
  });
});

describe('the order of titles and the quota, at their edges', () => {
  const entries = (agrees: number[], women: boolean[] = []) =>
    agrees.map((agree, i) => ({ id: `n${i}`, agree, woman: women[i] ?? false }));
  const title = (id: string, requires: Title['requires']): Title => ({ ...TITLES[0]!, id, requires });

  it('only the titles in a cycle are cyclic: one that requires a cyclic title is not (title-cycle names only the cycle)', () => {
    const titles = new Map([
      ['a', title('a', [{ title: 'b', same_round: true }])],
      ['b', title('b', [{ title: 'c', members_percent: 70 }])],
      ['c', title('c', [{ title: 'b', members_at_least: 1 }])],
    ]);
    expect(dependencyOrder(titles)).toEqual({ order: ['a', 'c', 'b'], cyclic: new Set(['b', 'c']) });
  });

  it('a requirement of earlier years is no dependency within the round, even on the title itself', () => {
    const titles = new Map([
      [
        'tinh',
        title('tinh', [
          { title: 'tinh', years: 2 },
          { title: 'cs', years: 3 },
        ]),
      ],
      ['cs', title('cs', [{ title: 'tinh', years: 1 }])],
    ]);
    expect(dependencyOrder(titles)).toEqual({ order: ['tinh', 'cs'], cyclic: new Set() });
  });

  it('as many eligible as places: all in, women or not, and no tie is spoken of', () => {
    expect(Object.fromEntries(rankForQuota(entries([8, 8], [true, false]), 2, 'women', new Set()))).toEqual({
      n0: 'in',
      n1: 'in',
    });
  });

  it('under the chair’s tie-break a woman has no precedence', () => {
    expect(Object.fromEntries(rankForQuota(entries([9, 8, 8], [false, true, false]), 2, 'chair', new Set()))).toEqual({
      n0: 'in',
      n1: 'tie-unresolved',
      n2: 'tie-unresolved',
    });
  });

  it('when tied women take every place left, the tied men are out, whatever the chair recorded', () => {
    expect(Object.fromEntries(rankForQuota(entries([8, 8], [true, false]), 1, 'women', new Set(['n1'])))).toEqual({
      n0: 'women',
      n1: 'over-quota',
    });
  });
});

describe('titles in the count, at their edges', () => {
  const collective = (id: string, requires: Title['requires']): Title => ({
    id,
    name: id,
    kind: 'collective',
    threshold: { percent: 50, of: 'members' },
    requires,
    initiative: false,
    decided_by: 'head',
    form: 'title',
    vote: true,
  });
  const inDept = (n: Rec<Nomination>, department: string): Rec<Nomination> => ({
    ...n,
    value: { ...n.value, department },
  });
  const resultOf = (t: ReturnType<typeof tallyRound>, id: string) => t.results.find((r) => r.nomination === id);

  it('the plan’s leader rule leaves titles alone: a titled leader needs no collective, and a titled collective does not carry the plan’s leader', () => {
    const titles = [...TITLES, collective('tttt', [])];
    const led = tallyRound(
      round([nomination('p0-ldtt', 'ldtt', 'p0')], papers(['p0-ldtt'], {})),
      index(titles),
      TWO_THIRDS,
    );
    expect(resultOf(led, 'p0-ldtt')).toMatchObject({ recognised: true, reason: null });
    const noms = [nomination('vp-tttt', 'tttt'), nomination('p0-cn', undefined, 'p0')];
    const mixed = tallyRound(round(noms, papers(['vp-tttt', 'p0-cn'], {})), index(titles), TWO_THIRDS);
    expect(resultOf(mixed, 'vp-tttt')).toMatchObject({ recognised: true });
    expect(resultOf(mixed, 'p0-cn')).toMatchObject({
      passed: true,
      recognised: false,
      reason: 'department-not-recognised',
    });
  });

  it('a collective title requiring another in the same round looks at its own department', () => {
    const titles = [...TITLES, collective('tttt', []), collective('ttxs', [{ title: 'tttt', same_round: true }])];
    const noms = [inDept(nomination('tp-tttt', 'tttt'), 'tp'), nomination('vp-ttxs', 'ttxs')];
    const t = tallyRound(round(noms, papers(['tp-tttt', 'vp-ttxs'], {})), index(titles), TWO_THIRDS);
    expect(resultOf(t, 'tp-tttt')).toMatchObject({ recognised: true });
    expect(resultOf(t, 'vp-ttxs')).toMatchObject({
      passed: true,
      recognised: false,
      reason: 'prerequisite-not-recognised',
    });
    const own = tallyRound(
      round([nomination('vp-tttt', 'tttt'), nomination('vp-ttxs', 'ttxs')], papers(['vp-tttt', 'vp-ttxs'], {})),
      index(titles),
      TWO_THIRDS,
    );
    expect(resultOf(own, 'vp-ttxs')).toMatchObject({ recognised: true });
  });

  it('a title’s own quorum counts: too few ballots received, and its nominations are not recognised', () => {
    const titles: Title[] = [
      { ...TITLES[0]!, threshold: { percent: 50, of: 'members', quorum: { numerator: 2, denominator: 3 } } },
    ];
    const five = papers(['a-ldtt'], {}).slice(0, 5);
    const t = tallyRound(round([nomination('a-ldtt', 'ldtt', 'p1')], five), index(titles), TWO_THIRDS);
    expect(resultOf(t, 'a-ldtt')).toMatchObject({ agree: 5, passed: false, recognised: false, reason: 'no-quorum' });
    const six = papers(['a-ldtt'], {}).slice(0, 6);
    expect(
      resultOf(tallyRound(round([nomination('a-ldtt', 'ldtt', 'p1')], six), index(titles), TWO_THIRDS), 'a-ldtt'),
    ).toMatchObject({ recognised: true });
  });

  it('under a quota, a nomination that misses its requirement takes no place, however many votes it has', () => {
    const titles: Title[] = [TITLES[0]!, { ...TITLES[1]!, quota: 1 }];
    const noms = [
      nomination('p1-ldtt', 'ldtt', 'p1'),
      nomination('p1-cs', 'cstdcs', 'p1'),
      nomination('p2-ldtt', 'ldtt', 'p2'),
      nomination('p2-cs', 'cstdcs', 'p2'),
    ];
    const ids = noms.map((n) => n.value.id);
    const t = tallyRound(round(noms, papers(ids, { 'p1-ldtt': 4, 'p1-cs': 9, 'p2-cs': 8 })), index(titles), TWO_THIRDS);
    expect(resultOf(t, 'p1-cs')).toMatchObject({ agree: 9, recognised: false, reason: 'prerequisite-not-recognised' });
    expect(resultOf(t, 'p2-cs')).toMatchObject({ agree: 8, recognised: true, reason: null });
  });
});

describe('the count’s last edges', () => {
  const entries = (agrees: number[], women: boolean[] = []) =>
    agrees.map((agree, i) => ({ id: `n${i}`, agree, woman: women[i] ?? false }));
  const resultOf = (t: ReturnType<typeof tallyRound>, id: string) => t.results.find((r) => r.nomination === id);

  it('with more tied women than places, the chair chooses among the women only: naming a man settles nothing', () => {
    expect(
      Object.fromEntries(rankForQuota(entries([8, 8, 8], [true, true, false]), 1, 'women', new Set(['n2']))),
    ).toEqual({ n0: 'tie-unresolved', n1: 'tie-unresolved', n2: 'over-quota' });
  });

  it('results are listed title by title in titles.yaml’s order, whatever the ids', () => {
    const noms = [
      nomination('a-cs', 'cstdcs', 'p1'),
      nomination('b-ldtt', 'ldtt', 'p2'),
      nomination('c-ldtt', 'ldtt', 'p1'),
    ];
    const t = tallyRound(
      round(
        noms,
        papers(
          noms.map((n) => n.value.id),
          {},
        ),
      ),
      index(),
      TWO_THIRDS,
    );
    expect(t.results.map((r) => r.nomination)).toEqual(['b-ldtt', 'c-ldtt', 'a-cs']);
  });

  it('a nomination naming a title titles.yaml does not declare is counted as the plan’s', () => {
    const t = tallyRound(round([nomination('a-x', 'khong-co', 'p1')], papers(['a-x'], {})), index(), TWO_THIRDS);
    expect(resultOf(t, 'a-x')).toMatchObject({ passed: true, recognised: true, reason: null });
    expect(t.titles).toBeUndefined();
  });

  it('a title without a threshold of its own counts against the round’s, quorum included', () => {
    const { threshold: _own, ...rest } = TITLES[0]!;
    const round23 = { ...TWO_THIRDS, quorum: { numerator: 1, denominator: 2 } };
    const t = tallyRound(
      round([nomination('a-ldtt', 'ldtt', 'p1')], papers(['a-ldtt'], { 'a-ldtt': 5 })),
      index([rest]),
      round23,
    );
    expect(t.titles).toEqual([
      {
        id: 'ldtt',
        threshold: { numerator: 2, denominator: 3, of: 'members', quorum: { numerator: 1, denominator: 2 } },
        base: 9,
        required: 6,
      },
    ]);
    expect(resultOf(t, 'a-ldtt')).toMatchObject({ agree: 5, recognised: false, reason: 'below-threshold' });
  });
});
