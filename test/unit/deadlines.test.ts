/** Deadline rules, overdue, status and awards. */
import { describe, expect, it, afterAll } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { roundDeadlines, isOnTime } from '../../src/core/deadlines.js';
import { ofPeriod, overdueItems } from '../../src/core/overdue.js';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import { roundStatus } from '../../src/core/status.js';
import { awardsOf } from '../../src/core/awards.js';
import { dateInWords, shortDate } from '../../src/core/dates.js';
import type { Agency } from '../../src/core/schemas/agency.js';
import { cleanupTemp, runCli, workspace, write } from '../helpers/workspace.js';

afterAll(cleanupTemp);

const agency = (deadlines: Agency['deadlines']) => ({ deadlines }) as Agency;

describe('deadline rules', () => {
  const rules: Agency['deadlines'] = [
    { id: 'registration', title: 'Đăng ký', before: '11-30' },
    { id: 'plan', title: 'Kế hoạch', before: '12-15' },
    { id: 'registration', year: 2016, before: '2016-12-31' },
    { id: 'proposal', year: 2016, before: '2017-02-10' },
  ];
  const table: Array<[string, number, string, string | null]> = [
    ['a yearly rule falls in the round’s year', 2017, 'plan', '2017-12-15'],
    ['a one-off date replaces the yearly rule for its year', 2016, 'registration', '2016-12-31'],
    ['another year’s one-off does not apply', 2017, 'registration', '2017-11-30'],
    ['a one-off with no yearly rule applies to its year only', 2016, 'proposal', '2017-02-10'],
    ['… and not to another year', 2017, 'proposal', null],
  ];
  for (const [name, year, id, before] of table) {
    it(name, () => {
      const d = roundDeadlines(agency(rules), year).find((x) => x.id === id);
      expect(d?.before ?? null).toBe(before);
    });
  }
  it('the one-off keeps the title of the yearly rule', () => {
    expect(roundDeadlines(agency(rules), 2016).find((x) => x.id === 'registration')?.title).toBe('Đăng ký');
  });
  it('“trước ngày D”: the day itself is late', () => {
    expect(isOnTime('2016-12-14', '2016-12-15')).toBe(true);
    expect(isOnTime('2016-12-15', '2016-12-15')).toBe(false);
  });
  it('before 29 February: 1 March in a common year', () => {
    const r = [{ id: 'x', before: '02-29' }];
    expect(roundDeadlines(agency(r), 2016)[0]!.before).toBe('2016-02-29');
    expect(roundDeadlines(agency(r), 2017)[0]!.before).toBe('2017-03-01');
  });
});

describe('dates in words', () => {
  const cases: Array<[string, string, string]> = [
    ['2016-02-03', 'ngày 03 tháng 02 năm 2016', '03/02/2016'],
    ['2016-12-05', 'ngày 05 tháng 12 năm 2016', '05/12/2016'],
    ['2017-03-10', 'ngày 10 tháng 3 năm 2017', '10/03/2017'],
    ['2017-01-20', 'ngày 20 tháng 01 năm 2017', '20/01/2017'],
    ['2016-11-30', 'ngày 30 tháng 11 năm 2016', '30/11/2016'],
  ];
  for (const [iso, words, short] of cases) {
    it(iso, () => {
      expect(dateInWords(iso)).toBe(words);
      expect(shortDate(iso)).toBe(short);
    });
  }
});

/** A workspace whose only deadline is the plan, before 15/12, with three departments. */
function planWorkspace(): string {
  const root = workspace();
  const p = join(root, 'records/agency.yaml');
  writeFileSync(
    p,
    readFileSync(p, 'utf8').replace(
      /deadlines:\n( {2}- .*\n)+/,
      'deadlines:\n  - { id: plan, title: Kế hoạch, before: "12-15" }\n',
    ),
  );
  write(
    root,
    'records/departments.yaml',
    '- { id: nv1, name: Phòng Nghiệp vụ 1, head: an }\n- { id: nv2, name: Phòng Nghiệp vụ 2, head: tuan }\n- { id: nv3, name: Phòng Nghiệp vụ 3 }\n',
  );
  write(
    root,
    'records/2016/submissions.yaml',
    '- { deadline: plan, department: nv1, received: 2016-12-15, reference: 25/KH-NV1 }\n- { deadline: plan, department: nv3, received: 2016-12-14 }\n',
  );
  return root;
}

describe('thidua overdue', () => {
  it('as of 2016-12-20: missing by 6 days (exit 1), late by 1, on time not listed', async () => {
    const root = planWorkspace();
    const r = await runCli(['overdue', '--as-of', '2016-12-20', '--json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      as_of: '2016-12-20',
      items: [
        {
          year: 2016,
          deadline: 'plan',
          department: 'nv1',
          before: '2016-12-15',
          status: 'late',
          received: '2016-12-15',
          reference: '25/KH-NV1',
          days_late: 1,
        },
        {
          year: 2016,
          deadline: 'plan',
          department: 'nv2',
          before: '2016-12-15',
          status: 'missing',
          received: null,
          reference: null,
          days_late: 6,
        },
      ],
    });
    const human = await runCli(['overdue', '--as-of', '2016-12-20'], { cwd: root });
    expect(human.stdout).toContain('Phòng Nghiệp vụ 2: chưa nộp, quá hạn 6 ngày');
    expect(human.stdout).toContain('Phòng Nghiệp vụ 1: nộp ngày 15/12/2016 (25/KH-NV1), trễ 1 ngày');
    expect(human.stdout).not.toContain('Phòng Nghiệp vụ 3');
  });
  it('as of 2016-12-10 nothing is missing and the exit code is 0', async () => {
    const root = planWorkspace();
    const r = await runCli(['overdue', '--as-of', '2016-12-10', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items).toEqual([]);
  });
  it('a malformed date is a usage error', async () => {
    expect((await runCli(['overdue', '--as-of', '2016-2-30'])).code).toBe(2);
  });
  it('counts days across a leap day', () => {
    const root = workspace();
    const v = validateSnapshot(readSnapshot(root));
    v.workspace.agency!.value.deadlines = [{ id: 'plan', before: '2016-02-28', year: 2016 }];
    const items = overdueItems(v.workspace, '2016-03-01', [2016]);
    expect(items.map((i) => i.days_late)).toEqual([3, 3]);
  });
});

describe('status', () => {
  it('on the example: 2016 is complete, 2017 waits for its ballots', async () => {
    const r = await runCli(['status', '--json'], { env: { THIDUA_TODAY: '2026-11-26' } });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const byYear = Object.fromEntries(s.rounds.map((x: { year: number }) => [x.year, x]));
    expect(byYear[2016]).toMatchObject({
      sealed: true,
      ballots: { entered: 9, issued: 9 },
      stage: 'complete',
      next: null,
      decision: { number: 5, date: '2017-01-25' },
    });
    expect(byYear[2016].documents.map((d: { state: string }) => d.state)).toEqual([
      'current',
      'current',
      'current',
      'current',
      'current',
      'current',
      'current',
    ]);
    expect(byYear[2017]).toMatchObject({
      sealed: false,
      session: true,
      stage: 'voting',
      ballots: { entered: 0, issued: 9 },
      deadlines: { missing: 1, late: 1 },
    });
    expect(byYear[2017].next).toContain('thidua ballot 2017');
  });

  it('walks a round through every stage', async () => {
    const root = workspace();
    const stage = (asOf = '2016-12-20') => {
      const v = validateSnapshot(readSnapshot(root));
      return roundStatus(v.workspace, v.workspace.rounds[0]!, v.diagnostics, asOf, []).stage;
    };
    expect(stage()).toBe('counted');
    rmSync(join(root, 'records/2016/ballots/003.yaml'));
    expect(stage()).toBe('voting');
    const council = readFileSync(join(root, 'records/2016/council.yaml'), 'utf8');
    write(root, 'records/2016/council.yaml', council.replace(/session:[\s\S]*/, ''));
    rmSync(join(root, 'records/2016/ballots'), { recursive: true });
    expect(stage('2016-11-01')).toBe('registration');
    expect(stage('2016-12-20')).toBe('review');
    write(root, 'records/2016/council.yaml', council);
    for (const s of [1, 2, 3])
      write(
        root,
        `records/2016/ballots/00${s}.yaml`,
        `serial: ${s}\nvotes: { nv1-mo-hinh: agree, nv1-ca-nhan: agree }\n`,
      );
    expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
    expect(stage()).toBe('sealed');
  });
});

describe('awards', () => {
  it('a person with nominations in several rounds', async () => {
    const root = workspace();
    write(
      root,
      'records/2017/nominations/nv1-ca-nhan.yaml',
      'id: nv1-ca-nhan\nkind: individual\ndepartment: nv1\nperson: an\ntitle: Lần hai\nsubmitted: 2017-11-01\ncriteria: { trach-nhiem: true, nguoi-dung-dau: true }\n',
    );
    write(
      root,
      'records/2017/nominations/nv1-mo-hinh.yaml',
      'id: nv1-mo-hinh\nkind: collective\ndepartment: nv1\ntitle: Mô hình\ninitiative: x\nsubmitted: 2017-11-01\ncriteria: { xuat-sac: true, sang-kien: true }\n',
    );
    expect((await runCli(['tally', '2016', '--seal', '--date', '2016-12-10'], { cwd: root })).code).toBe(0);
    const v = validateSnapshot(readSnapshot(root));
    const a = awardsOf(v.workspace, 'an');
    expect(a.map((x) => [x.year, x.status])).toEqual([
      [2016, 'recognised'],
      [2017, 'pending'],
    ]);
    const r = await runCli(['awards', 'an', '--json'], { cwd: root });
    expect(JSON.parse(r.stdout).awards).toHaveLength(2);
    const unknown = await runCli(['awards', 'ann'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('an');
  });
});

describe('a round’s deadlines, as overdue and status list them', () => {
  it('in order of date, then of id for the same date; each with the title its yearly rule gives', () => {
    const list = roundDeadlines(
      agency([
        { id: 'zeta', title: 'Báo cáo', before: '12-01' },
        { id: 'alpha', title: 'Đăng ký', before: '12-01' },
        { id: 'early', before: '03-15' },
        { id: 'late', title: 'Tổng kết', before: '12-20' },
        // A one-off date without a title of its own keeps the yearly rule's; one with a title gives its own.
        { id: 'late', year: 2033, before: '2034-01-10' },
        { id: 'alpha', year: 2033, title: 'Đăng ký (gia hạn)', before: '2033-12-05' },
      ]),
      2033,
    );
    expect(list.map((d) => [d.id, d.before, d.title])).toEqual([
      ['early', '2033-03-15', null],
      ['zeta', '2033-12-01', 'Báo cáo'],
      ['alpha', '2033-12-05', 'Đăng ký (gia hạn)'],
      ['late', '2034-01-10', 'Tổng kết'],
    ]);
    // The order does not depend on the order of the rules in agency.yaml.
    const reversed = roundDeadlines(
      agency([
        { id: 'alpha', title: 'Đăng ký', before: '12-01' },
        { id: 'zeta', title: 'Báo cáo', before: '12-01' },
        { id: 'early', before: '03-15' },
      ]),
      2033,
    );
    expect(reversed.map((d) => d.id)).toEqual(['early', 'alpha', 'zeta']);
    for (const order of [
      ['zeta', 'alpha', 'mid'],
      ['mid', 'zeta', 'alpha'],
      ['alpha', 'mid', 'zeta'],
    ]) {
      const same = roundDeadlines(agency(order.map((id) => ({ id, before: id === 'mid' ? '06-01' : '12-01' }))), 2033);
      expect(
        same.map((d) => d.id),
        order.join(),
      ).toEqual(['mid', 'alpha', 'zeta']);
    }
  });

  it('a title given only on a later rule of the same id is the title; the first title given wins', () => {
    const list = roundDeadlines(
      agency([
        { id: 'plan', before: '12-15' },
        { id: 'plan', year: 2031, title: 'Kế hoạch năm 2031', before: '2031-12-20' },
        { id: 'plan', year: 2032, title: 'Kế hoạch năm 2032', before: '2032-12-20' },
      ]),
      2033,
    );
    expect(list).toEqual([{ id: 'plan', title: 'Kế hoạch năm 2031', year: 2033, before: '2033-12-15' }]);
  });
});

describe('the period’s deadlines', () => {
  it('the round whose period holds the day, and a deadline of an earlier round due in that period', () => {
    const cases: Array<[string, number, string, string, 'calendar' | 'school-year', boolean]> = [
      ['the current round', 2025, '2025-12-15', '2025-12-20', 'calendar', true],
      ['a round left years ago', 2017, '2017-12-15', '2025-12-20', 'calendar', false],
      ['last year’s round, due last year', 2024, '2024-12-15', '2025-01-10', 'calendar', false],
      ['last year’s round, due this year', 2016, '2017-02-10', '2017-02-20', 'calendar', true],
      ['due on 1 January: on time up to 31 December, last year’s', 2016, '2017-01-01', '2017-02-20', 'calendar', false],
      ['a school year from September', 2026, '2026-07-10', '2025-09-01', 'school-year', true],
      ['the school year before, in September', 2025, '2025-07-10', '2025-09-01', 'school-year', false],
      ['the school year still running in August', 2025, '2025-07-10', '2025-08-31', 'school-year', true],
    ];
    for (const [what, year, before, asOf, period, open] of cases)
      expect(ofPeriod({ year, before }, asOf, period), what).toBe(open);
  });
});
