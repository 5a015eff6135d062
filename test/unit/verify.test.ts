/**
 * The pure half of `thidua verify` (src/core/verify.ts), one function at a time, with the full text
 * a clerk reads: what changed after a seal, a seal or decision removed or rewritten, a decision that
 * names other people than the seal, a seal made again under another threshold. The git half
 * (src/shell/git-audit.ts) is tested against real repositories in test/unit/git-audit.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  compareWithSeal,
  resealNotes,
  resealThresholdNote,
  sealSettings,
  verifyDecision,
} from '../../src/core/verify.js';
import {
  isSealedInputPath,
  sameSeal,
  verifyHidden,
  verifyHistory,
  verifyRemovals,
  verifyRewrites,
  type Removal,
} from '../../src/core/verify-history.js';
import type { Tally } from '../../src/core/tally.js';
import type { TallyFile } from '../../src/core/schemas/sealed.js';

const C1 = 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';
const C2 = 'ffeeddccbbaa99887766554433221100ffeeddcc';

describe('isSealedInputPath', () => {
  it('names the council, the round settings, and every nomination and ballot of that round only', () => {
    for (const p of [
      'records/2031/council.yaml',
      'records/2031/round.yaml',
      'records/2031/nominations/a.yaml',
      'records/2031/ballots/007.yaml',
    ]) {
      expect(isSealedInputPath(2031, p), p).toBe(true);
    }
    for (const p of [
      'records/2031/tally.yaml',
      'records/2031/decision.yaml',
      'records/2031/unseals.yaml',
      'records/2030/council.yaml',
      'records/2032/ballots/001.yaml',
      'records/people.yaml',
    ]) {
      expect(isSealedInputPath(2031, p), p).toBe(false);
    }
  });
});

describe('verifyHistory', () => {
  const commit = (files: Array<{ status: string; path: string }>, c = C1) => ({
    commit: c,
    date: '2031-12-20T08:00:00+07:00',
    subject: 'sửa hồ sơ',
    files,
  });

  it('a seal never committed is a finding; an uncommitted seal is then not reported twice', () => {
    expect(verifyHistory(2031, null, [], [{ status: 'A', path: 'records/2031/tally.yaml' }])).toEqual([
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/tally.yaml',
        message: {
          vi: 'tệp niêm phong chưa được commit vào git (thidua commit)',
          en: 'the seal is not committed to git (thidua commit)',
        },
      },
    ]);
  });

  it('every sealed input added, removed or changed in a later commit, with the commit, its date and subject', () => {
    const out = verifyHistory(
      2031,
      C2,
      [
        commit([
          { status: 'A', path: 'records/2031/ballots/012.yaml' },
          { status: 'D', path: 'records/2031/nominations/x.yaml' },
          { status: 'M', path: 'records/2031/council.yaml' },
          { status: 'M', path: 'records/2031/decision.yaml' },
          { status: 'M', path: 'records/people.yaml' },
        ]),
      ],
      [],
    );
    expect(out).toEqual([
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/ballots/012.yaml',
        commit: C1,
        message: {
          vi: 'được thêm trong commit a1b2c3d4e5f6 (2031-12-20: sửa hồ sơ), sau khi niêm phong, mà không qua “thidua unseal”',
          en: 'added in commit a1b2c3d4e5f6 (2031-12-20: sửa hồ sơ), after the seal, without “thidua unseal”',
        },
      },
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/nominations/x.yaml',
        commit: C1,
        message: {
          vi: 'bị xoá trong commit a1b2c3d4e5f6 (2031-12-20: sửa hồ sơ), sau khi niêm phong, mà không qua “thidua unseal”',
          en: 'removed in commit a1b2c3d4e5f6 (2031-12-20: sửa hồ sơ), after the seal, without “thidua unseal”',
        },
      },
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/council.yaml',
        commit: C1,
        message: {
          vi: 'bị sửa trong commit a1b2c3d4e5f6 (2031-12-20: sửa hồ sơ), sau khi niêm phong, mà không qua “thidua unseal”',
          en: 'changed in commit a1b2c3d4e5f6 (2031-12-20: sửa hồ sơ), after the seal, without “thidua unseal”',
        },
      },
    ]);
  });

  it('uncommitted changes to sealed inputs and to the committed seal; other files are not its business', () => {
    const out = verifyHistory(
      2031,
      C2,
      [],
      [
        { status: 'M', path: 'records/2031/ballots/001.yaml' },
        { status: '??', path: 'records/2031/nominations/new.yaml' },
        { status: 'M', path: 'records/2031/tally.yaml' },
        { status: 'M', path: 'records/2031/submissions.yaml' },
        { status: 'M', path: 'records/2030/ballots/001.yaml' },
      ],
    );
    expect(out.map((f) => [f.file, f.message.en])).toEqual([
      ['records/2031/ballots/001.yaml', 'an uncommitted change (M) in a sealed round'],
      ['records/2031/nominations/new.yaml', 'an uncommitted change (??) in a sealed round'],
      ['records/2031/tally.yaml', 'an uncommitted change (M) in a sealed round'],
    ]);
    expect(out[0]!.message.vi).toBe('có thay đổi chưa commit (M) trong đợt đã niêm phong');
    expect(out.every((f) => f.commit === undefined)).toBe(true);
  });

  it('a committed seal with nothing after it and a clean working tree: no finding', () => {
    expect(verifyHistory(2031, C2, [commit([{ status: 'M', path: 'records/2031/decision.yaml' }])], [])).toEqual([]);
  });
});

describe('verifyRemovals', () => {
  const removal = (over: Partial<Removal>): Removal => ({
    path: 'records/2031/tally.yaml',
    commit: C1,
    date: '2032-01-05T10:00:00+07:00',
    subject: 'dọn dẹp',
    addedIn: C2,
    hash: 'h1',
    recorded: new Set(),
    withRecordedSeal: false,
    ...over,
  });

  it('a seal removed in a commit without unseal, with the commit that had added it', () => {
    expect(verifyRemovals(2031, [removal({})])).toEqual([
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/tally.yaml',
        commit: C1,
        message: {
          vi: 'đã niêm phong từ commit ffeeddccbbaa, bị xoá trong commit a1b2c3d4e5f6 (2032-01-05: dọn dẹp) mà không qua “thidua unseal”',
          en: 'sealed since commit ffeeddccbbaa, removed in commit a1b2c3d4e5f6 (2032-01-05: dọn dẹp) without “thidua unseal”',
        },
      },
    ]);
  });

  it('a decision removed in the working tree, its adding commit unknown', () => {
    expect(
      verifyRemovals(2031, [
        removal({ path: 'records/2031/decision.yaml', commit: null, date: '', subject: '', addedIn: null }),
      ]),
    ).toEqual([
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/decision.yaml',
        message: {
          vi: 'đã ghi quyết định, bị xoá (chưa commit) mà không qua “thidua unseal”',
          en: 'decided, removed (not committed yet) without “thidua unseal”',
        },
      },
    ]);
  });

  it('a seal whose hash unseals.yaml records, and a decision removed with such a seal, are not findings', () => {
    expect(
      verifyRemovals(2031, [
        removal({ hash: 'h1', recorded: new Set(['h0', 'h1']) }),
        removal({ path: 'records/2031/decision.yaml', withRecordedSeal: true }),
      ]),
    ).toEqual([]);
    // The recorded hash must be this seal's; a decision needs the seal removed with it.
    expect(verifyRemovals(2031, [removal({ hash: 'h2', recorded: new Set(['h1']) })])).toHaveLength(1);
    expect(
      verifyRemovals(2031, [removal({ path: 'records/2031/decision.yaml', hash: 'h1', recorded: new Set(['h1']) })]),
    ).toHaveLength(1);
  });
});

describe('sameSeal', () => {
  const seal = {
    year: 2031,
    threshold: { numerator: 2, denominator: 3, of: 'members' },
    results: [{ nomination: 'a', agree: 5 }],
  };

  it('the same fields in another order or spelling say the same', () => {
    expect(
      sameSeal(seal, {
        results: [{ agree: 5, nomination: 'a' }],
        threshold: { of: 'members', denominator: 3, numerator: 2 },
        year: 2031,
      }),
    ).toBe(true);
  });

  it('any field changed, added or dropped, deep inside too, is another seal', () => {
    expect(sameSeal(seal, { ...seal, year: 2032 })).toBe(false);
    expect(sameSeal(seal, { ...seal, results: [{ nomination: 'a', agree: 4 }] })).toBe(false);
    expect(sameSeal(seal, { ...seal, extra: 1 })).toBe(false);
    const { results: _r, ...withoutResults } = seal;
    expect(sameSeal(seal, withoutResults)).toBe(false);
    expect(sameSeal(seal, { ...seal, results: [...seal.results, { nomination: 'b', agree: 1 }] })).toBe(false);
  });

  it('a basis added to a seal that had none is the same seal; a basis changed or dropped is not', () => {
    expect(sameSeal(seal, { ...seal, basis: { agency: { name: 'X' } } })).toBe(true);
    const based = { ...seal, basis: { agency: { name: 'X' } } };
    expect(sameSeal(based, { ...seal, basis: { agency: { name: 'Y' } } })).toBe(false);
    expect(sameSeal(based, seal)).toBe(false);
    expect(sameSeal(based, { ...seal, basis: { agency: { name: 'X' } } })).toBe(true);
  });

  it('a version that is not a mapping (unparsable text, empty, a list) is never the same', () => {
    for (const [a, b] of [
      [seal, 'year: 2031'],
      ['x', 'x'],
      [null, seal],
      [null, null],
      [seal, undefined],
      [[1], [1]],
      [seal, 5],
    ] as Array<[unknown, unknown]>) {
      expect(sameSeal(a, b), JSON.stringify([a, b])).toBe(Array.isArray(a) && Array.isArray(b));
    }
  });
});

describe('verifyRewrites and verifyHidden', () => {
  it('name the commit that rewrote the seal, and how to make git look at a hidden file again', () => {
    expect(verifyRewrites(2031, [{ commit: C2, date: '2032-02-01T09:00:00+07:00', subject: 'sửa kết quả' }])).toEqual([
      {
        year: 2031,
        check: 'git',
        file: 'records/2031/tally.yaml',
        commit: C2,
        message: {
          vi: 'tệp niêm phong bị viết lại trong commit ffeeddccbbaa (2032-02-01: sửa kết quả) mà không qua “thidua unseal”',
          en: 'the seal was rewritten in commit ffeeddccbbaa (2032-02-01: sửa kết quả) without “thidua unseal”',
        },
      },
    ]);
    const hidden = verifyHidden(2031, ['records/2031/ballots/003.yaml']);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ year: 2031, check: 'git', file: 'records/2031/ballots/003.yaml' });
    expect(hidden[0]!.message.en).toBe(
      'git is set to ignore changes to this file (skip-worktree or assume-unchanged), so it cannot be checked; clear it with: git update-index --no-skip-worktree --no-assume-unchanged records/2031/ballots/003.yaml',
    );
  });
});

describe('verifyDecision', () => {
  const sealed = {
    results: [
      { nomination: 'a', recognised: true },
      { nomination: 'b', recognised: false },
      { nomination: 'c', recognised: true },
    ],
  } as unknown as TallyFile;

  it('the decision names exactly whom the seal recognised: no finding, in any order', () => {
    expect(verifyDecision(2031, ['c', 'a'], sealed)).toEqual([]);
  });

  it('a name added, a name left out, or both, each said', () => {
    expect(verifyDecision(2031, ['a', 'b', 'c'], sealed)).toEqual([
      {
        year: 2031,
        check: 'results',
        file: 'records/2031/decision.yaml',
        message: {
          vi: 'quyết định ghi công nhận b mà kết quả niêm phong không công nhận',
          en: 'the decision recognises b, which the seal does not',
        },
      },
    ]);
    expect(verifyDecision(2031, ['a'], sealed)[0]!.message.en).toBe(
      'the decision leaves out c, which the seal recognises',
    );
    expect(verifyDecision(2031, ['a', 'b', 'x'], sealed)[0]!.message).toEqual({
      vi: 'quyết định ghi công nhận b, x mà kết quả niêm phong không công nhận; thiếu c mà kết quả niêm phong công nhận',
      en: 'the decision recognises b, x, which the seal does not; leaves out c, which the seal recognises',
    });
  });
});

describe('resealThresholdNote', () => {
  const twoThirds = { numerator: 2, denominator: 3, of: 'members' as const };

  it('nothing to say without an opening, or under the same threshold', () => {
    expect(resealThresholdNote(undefined, twoThirds)).toBeNull();
    expect(resealThresholdNote({ ...twoThirds }, twoThirds)).toBeNull();
    expect(
      resealThresholdNote(
        { ...twoThirds, quorum: { numerator: 1, denominator: 2 } },
        { ...twoThirds, quorum: { numerator: 1, denominator: 2 } },
      ),
    ).toBeNull();
  });

  it('says both thresholds when any part differs: the fraction, its base, or the quorum', () => {
    expect(resealThresholdNote(twoThirds, { numerator: 1, denominator: 2, of: 'ballots' })).toEqual({
      vi: 'niêm phong lại theo ngưỡng khác: trước 2/3 tổng số thành viên, nay 1/2 số phiếu hợp lệ',
      en: 'sealed again under another threshold: before 2/3 of the members, now 1/2 of the valid ballots',
    });
    expect(resealThresholdNote(twoThirds, { ...twoThirds, numerator: 3, denominator: 4 })?.en).toBe(
      'sealed again under another threshold: before 2/3 of the members, now 3/4 of the members',
    );
    expect(resealThresholdNote(twoThirds, { ...twoThirds, denominator: 4 })?.en).toBe(
      'sealed again under another threshold: before 2/3 of the members, now 2/4 of the members',
    );
    expect(resealThresholdNote(twoThirds, { ...twoThirds, numerator: 1 })?.en).toBe(
      'sealed again under another threshold: before 2/3 of the members, now 1/3 of the members',
    );
    expect(resealThresholdNote(twoThirds, { ...twoThirds, of: 'ballots' })?.en).toBe(
      'sealed again under another threshold: before 2/3 of the members, now 2/3 of the valid ballots',
    );
    expect(resealThresholdNote(twoThirds, { ...twoThirds, quorum: { numerator: 2, denominator: 3 } })).toEqual({
      vi: 'niêm phong lại theo ngưỡng khác: trước 2/3 tổng số thành viên, không có túc số, nay 2/3 tổng số thành viên, túc số 2/3',
      en: 'sealed again under another threshold: before 2/3 of the members, no quorum, now 2/3 of the members, quorum 2/3',
    });
  });
});

describe('compareWithSeal', () => {
  const fresh: Tally = {
    year: 2031,
    members: 9,
    base: 9,
    required: 6,
    threshold: { numerator: 2, denominator: 3, of: 'members', quorum: { numerator: 1, denominator: 2 } },
    ballots: { issued: 9, received: 9, valid: 8, invalid: 1 },
    quorum: null,
    results: [
      { nomination: 'a', kind: 'collective', department: 'd', agree: 7, disagree: 1, abstain: 0, recognised: true },
      {
        nomination: 'b',
        kind: 'individual',
        department: 'd',
        person: 'p',
        agree: 3,
        disagree: 5,
        abstain: 0,
        recognised: false,
      },
    ] as unknown as Tally['results'],
  };
  const sealedOf = (t: Tally): TallyFile =>
    JSON.parse(
      JSON.stringify({
        year: t.year,
        sealed_by: 'x',
        threshold: t.threshold,
        members: t.members,
        base: t.base,
        required: t.required,
        ballots: t.ballots,
        inputs: {},
        results: t.results,
      }),
    ) as TallyFile;

  it('the same count: no difference', () => {
    expect(compareWithSeal(sealedOf(fresh), fresh)).toEqual([]);
  });

  it('each stored figure that differs from the fresh count is named', () => {
    const s = sealedOf(fresh);
    expect(compareWithSeal({ ...s, members: 10 }, fresh)).toEqual(['members']);
    expect(compareWithSeal({ ...s, base: 8 }, fresh)).toEqual(['base']);
    expect(compareWithSeal({ ...s, required: 5 }, fresh)).toEqual(['required']);
    expect(compareWithSeal({ ...s, ballots: { ...s.ballots, invalid: 0 } }, fresh)).toEqual(['ballots']);
    expect(compareWithSeal({ ...s, threshold: { ...s.threshold, numerator: 3 } }, fresh)).toEqual(['threshold']);
    expect(compareWithSeal({ ...s, threshold: { ...s.threshold, denominator: 4 } }, fresh)).toEqual(['threshold']);
    expect(compareWithSeal({ ...s, threshold: { ...s.threshold, of: 'ballots' } }, fresh)).toEqual(['threshold']);
    expect(compareWithSeal({ ...s, threshold: { numerator: 2, denominator: 3, of: 'members' } }, fresh)).toEqual([
      'threshold',
    ]);
    expect(compareWithSeal({ ...s, results: [s.results[0]!, { ...s.results[1]!, agree: 4 }] }, fresh)).toEqual([
      'results.b',
    ]);
    expect(compareWithSeal({ ...s, results: [s.results[1]!] }, fresh)).toEqual(['results.a']);
    expect(compareWithSeal({ ...s, results: [...s.results, { ...s.results[0]!, nomination: 'z' }] }, fresh)).toEqual([
      'results.z',
    ]);
  });

  it('titles: the same list is no difference; a threshold, base or required count changed is', () => {
    const titles = [
      { id: 'ldtt', threshold: { numerator: 1, denominator: 2, of: 'members' as const }, base: 9, required: 5 },
    ];
    const withTitles: Tally = { ...fresh, titles };
    const s: TallyFile = { ...sealedOf(fresh), titles: JSON.parse(JSON.stringify(titles)) as TallyFile['titles'] };
    expect(compareWithSeal(s, withTitles)).toEqual([]);
    expect(compareWithSeal({ ...s, titles: [{ ...s.titles![0]!, required: 6 }] }, withTitles)).toEqual(['titles']);
    expect(
      compareWithSeal(
        {
          ...s,
          titles: [{ ...s.titles![0]!, threshold: { ...s.titles![0]!.threshold, numerator: 2, denominator: 3 } }],
        },
        withTitles,
      ),
    ).toEqual(['titles']);
    expect(compareWithSeal(sealedOf(fresh), withTitles)).toEqual(['titles']);
    expect(compareWithSeal(s, fresh)).toEqual(['titles']);
  });
});

describe('resealNotes', () => {
  const th = { numerator: 2, denominator: 3, of: 'members' as const };
  const eighty = { numerator: 80, denominator: 100, of: 'members' as const, percent: 80 };
  type Req = { title: string; same_round?: true; members_percent?: number; years?: number; members_at_least?: number };
  const seal = (
    titles: Array<{
      id: string;
      threshold: typeof eighty;
      quota?: number;
      tie_break?: 'chair' | 'women';
      vote?: boolean;
      requires?: Req[];
    }>,
  ) =>
    ({
      threshold: th,
      titles: titles.map((x) => ({ id: x.id, threshold: x.threshold, base: 10, required: 8 })),
      basis: {
        titles: titles.map((x) => ({
          id: x.id,
          name: x.id === 'cs' ? 'Chiến sĩ thi đua cơ sở' : x.id,
          ...(x.quota !== undefined ? { quota: x.quota } : {}),
          ...(x.tie_break ? { tie_break: x.tie_break } : {}),
          vote: x.vote ?? true,
          requires: x.requires ?? [],
        })),
      },
    }) as unknown as TallyFile;

  it('nothing without an opening or under the same settings; a title voted on in only one seal is not compared', () => {
    expect(resealNotes(null, seal([{ id: 'cs', threshold: eighty }]))).toEqual([]);
    const same = sealSettings(seal([{ id: 'cs', threshold: eighty, quota: 2 }]));
    expect(resealNotes(same, seal([{ id: 'cs', threshold: eighty, quota: 2 }]))).toEqual([]);
    expect(resealNotes(same, seal([{ id: 'other', threshold: { ...eighty, numerator: 1 } }]))).toEqual([]);
    // An opening that recorded no titles compares the round's threshold only.
    expect(resealNotes({ threshold: th, titles: null }, seal([{ id: 'cs', threshold: eighty }]))).toEqual([]);
  });

  it('names each changed title setting: threshold (with its quorum), quota, tie-break at a quota', () => {
    const before = sealSettings(seal([{ id: 'cs', threshold: eighty, quota: 2 }]));
    const after = seal([
      {
        id: 'cs',
        threshold: { ...eighty, numerator: 70, percent: 70, quorum: { numerator: 2, denominator: 3 } } as typeof eighty,
        quota: 3,
        tie_break: 'women',
      },
    ]);
    expect(resealNotes(before, after).map((n) => n.en)).toEqual([
      'sealed again under another threshold for “Chiến sĩ thi đua cơ sở”: before 80 % of the members, no quorum, now 70 % of the members, quorum 2/3',
      'sealed again under another quota for “Chiến sĩ thi đua cơ sở”: before 2, now 3',
      'sealed again under another tie-break for “Chiến sĩ thi đua cơ sở”: before the chair decides, now women first at equal merit',
    ]);
    expect(resealNotes(before, after)[1]!.vi).toBe(
      'niêm phong lại theo số lượng tối đa khác của “Chiến sĩ thi đua cơ sở”: trước 2, nay 3',
    );
    expect(
      resealNotes({ ...before, threshold: { ...th, of: 'ballots' } }, seal([{ id: 'cs', threshold: eighty }])).map(
        (n) => n.en,
      ),
    ).toEqual([
      'sealed again under another threshold: before 2/3 of the valid ballots, now 2/3 of the members',
      'sealed again under another quota for “Chiến sĩ thi đua cơ sở”: before 2, now none',
    ]);
  });

  it('names a title now decided without a vote, and changed requirements (their sources left out)', () => {
    const ldtt = { id: 'ldtt', threshold: eighty };
    const before = sealSettings(
      seal([
        ldtt,
        {
          id: 'cs',
          threshold: eighty,
          requires: [
            { title: 'ldtt', same_round: true, source: { instrument: 'a', article: 'b', certainty: 'firm' } } as Req,
          ],
        },
      ]),
    );
    expect(before.titles![1]!.requires).toEqual([{ title: 'ldtt', same_round: true }]);
    const after = seal([
      { ...ldtt, vote: false },
      {
        id: 'cs',
        threshold: eighty,
        requires: [
          { title: 'ldtt', same_round: true },
          { title: 'ldtt', years: 2 },
        ],
      },
    ]);
    expect(resealNotes(before, after).map((n) => n.en)).toEqual([
      'sealed again with “ldtt” now decided by the head without a vote (before: voted on by the council)',
      'sealed again under other requirements for “Chiến sĩ thi đua cơ sở”: before “ldtt” in the same round, now “ldtt” in the same round; “ldtt” in each of the 2 years before',
    ]);
    expect(
      resealNotes(
        sealSettings(after),
        seal([ldtt, { id: 'cs', threshold: eighty, requires: [{ title: 'ldtt', members_percent: 70 }] }]),
      )[1]!.vi,
    ).toBe(
      'niêm phong lại theo điều kiện khác của “Chiến sĩ thi đua cơ sở”: trước “ldtt” cùng đợt; “ldtt” 2 năm liền trước, nay ít nhất 70 % người của phòng đạt “ldtt”',
    );
  });
});
