/** The small pure modules: calendar checks, date arithmetic and words, closest words, record diffs, commit messages. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysInMonth, isIsoDate, isLeapYear, isMonthDay, isoFromDate } from '../../src/core/dates.js';
import { addDays, addMonths, daysBetween, yearOf } from '../../src/core/dates.js';
import { dateInWords, shortDate } from '../../src/core/dates.js';
import { closest, closestMany, editDistance } from '../../src/core/text/closest.js';
import { describeChange, diffValues } from '../../src/core/record-diff.js';
import { commitMessage } from '../../src/core/commit-message.js';
import { parseDate } from '../../src/core/args.js';
import { parse } from 'yaml';
import { roundFileGlob, roundFileNameOf } from '../../src/core/records/paths.js';
import { DEFAULT_THRESHOLD } from '../../src/core/defaults.js';
import { effectiveQuorum } from '../../src/core/records/basis.js';
import { renderAgencyYaml } from '../../src/core/init/agency-file.js';

describe('calendar', () => {
  it('leap years follow the Gregorian rule', () => {
    expect([1900, 2000, 2016, 2017, 2024, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
    expect([daysInMonth(2016, 2), daysInMonth(2017, 2), daysInMonth(2017, 4), daysInMonth(2017, 12)]).toEqual([
      29, 28, 30, 31,
    ]);
  });
  it('ISO dates must be real, month-days too', () => {
    expect(['2016-02-29', '2017-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2017-02-29', '2017-13-01', '2017-00-10', '2017-1-5', '17-01-05', '2017-04-31'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['02-29', '12-15', '02-30', '13-01', '1-05'].map(isMonthDay)).toEqual([true, true, false, false, false]);
    // Nothing before or after, no day 0 or month 0.
    expect(['x2017-01-05', '2017-01-05x', '2017-01-00', '2017-12-01', '2017-01-31'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(['x12-15', '12-15x', '00-10', '01-00', '01-01', '12-31'].map(isMonthDay)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(isoFromDate(new Date(2016, 0, 5, 23, 59))).toBe('2016-01-05');
    expect(isoFromDate(new Date(2017, 11, 31, 0, 1))).toBe('2017-12-31');
  });
});

describe('date arithmetic', () => {
  it('adds days across months and years, and counts them back', () => {
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -3000, max: 3000 }), (start, n) => {
        const from = addDays('1990-01-01', start);
        expect(daysBetween(from, addDays(from, n))).toBe(n);
      }),
    );
  });
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-28');
    expect(addMonths('2016-05-10', 12)).toBe('2017-05-10');
    expect(addMonths('2016-03-15', -3)).toBe('2015-12-15');
    expect(yearOf('2017-01-20')).toBe(2017);
  });
  it('writes dates the Vietnamese way: leading zeros on days below 10 and on January and February', () => {
    expect(dateInWords('2016-12-05')).toBe('ngày 05 tháng 12 năm 2016');
    expect(dateInWords('2017-02-03')).toBe('ngày 03 tháng 02 năm 2017');
    expect(dateInWords('2017-03-10')).toBe('ngày 10 tháng 3 năm 2017');
    expect([shortDate('2017-01-05'), shortDate('2017-01-05', 'en')]).toEqual(['05/01/2017', '2017-01-05']);
  });
  it('a typed date is read as dd/mm/yyyy or YYYY-MM-DD, and must be real', () => {
    expect([
      parseDate('05/01/2017', '--date'),
      parseDate('5/1/2017', '--date'),
      parseDate('2017-01-05', '--date'),
    ]).toEqual(['2017-01-05', '2017-01-05', '2017-01-05']);
    expect(() => parseDate('29/02/2017', '--date')).toThrow(/29\/02\/2017/);
    expect(() => parseDate('2017/01/05', '--date')).toThrow();
  });
});

describe('closest', () => {
  it('edit distance is a distance', () => {
    expect([editDistance('', 'abc'), editDistance('kitten', 'sitting'), editDistance('seal', 'sael')]).toEqual([
      3, 3, 2,
    ]);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
      }),
    );
  });
  it('suggests a near word, not a far one; ties go to the first in order', () => {
    expect(closest('critera', ['criteria', 'kind', 'title'])).toBe('criteria');
    expect(closest('valdate', ['validate', 'verify'])).toBe('validate');
    expect(closest('xyz', ['validate', 'verify'])).toBeNull();
    expect(closest('ab', ['ac', 'ab-'])).toBe('ab-');
    expect(closestMany('nv', ['nv1', 'nv2', 'vp', 'tcd'])).toEqual(['nv1', 'nv2', 'vp']);
  });
});

describe('record diff', () => {
  it('names each field that changed, item by item in lists of records', () => {
    const before = [
      { id: 'a', name: 'An', leader: false },
      { id: 'b', name: 'Bình' },
    ];
    const after = [
      { id: 'a', name: 'An', leader: true },
      { id: 'c', name: 'Cúc' },
    ];
    expect(diffValues(before, after).map((c) => describeChange(c).vi)).toEqual([
      'đổi [a].leader: false → true',
      'thêm [c]: {"id":"c","name":"Cúc"}',
      'bỏ [b] (trước là {"id":"b","name":"Bình"})',
    ]);
    expect(diffValues({ title: 'x', note: 'n' }, { title: 'y' }).map((c) => describeChange(c).en)).toEqual([
      'changed title: x → y',
      'removed note (was n)',
    ]);
    expect(diffValues({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('commit message', () => {
  it('says what changed in each round, in words, with trailers', () => {
    const m = commitMessage(
      [
        { status: 'A', path: 'records/2025/ballots/001.yaml' },
        { status: 'A', path: 'records/2025/ballots/002.yaml' },
        { status: 'M', path: 'records/2025/nominations/vp-tap-the.yaml' },
        { status: 'A', path: 'records/2025/tally.yaml' },
        { status: 'M', path: 'records/people.yaml' },
        { status: 'M', path: 'templates/quyet-dinh.txt' },
      ],
      'vi',
      { 'Thidua-Version': '0.1.0' },
    );
    expect(m.subject).toBe(
      '2025: thêm 2 phiếu; sửa 1 đề nghị; niêm phong kết quả — cập nhật cán bộ — sửa 1 mẫu văn bản',
    );
    expect(m.body).toBe('Thidua-Round: 2025\nThidua-Version: 0.1.0');
    expect(m.rounds).toEqual([2025]);
  });
  it('an unsealing gives its reason in the subject and a trailer', () => {
    const m = commitMessage(
      [
        { status: 'A', path: 'records/2025/unseals.yaml' },
        { status: 'D', path: 'records/2025/tally.yaml' },
        { status: 'D', path: 'records/2025/decision.yaml' },
      ],
      'en',
      {},
      new Map([[2025, 'ballot 1 mistyped']]),
    );
    expect(m.subject).toBe('2025: unseal (reason: ballot 1 mistyped); withdraw the decision');
    expect(m.body).toBe('Thidua-Round: 2025\nThidua-Unsealed: 2025: ballot 1 mistyped');
  });
});

describe('record paths and defaults, each in one home', () => {
  it('names a round file only at its own place in a round', () => {
    expect(roundFileNameOf('records/2031/tally.yaml')).toBe('tally.yaml');
    expect(roundFileNameOf('records/2031/council.yaml')).toBe('council.yaml');
    expect(roundFileNameOf('records/2031/nominations/tally.yaml')).toBeNull();
    expect(roundFileNameOf('records/tally.yaml')).toBeNull();
    expect(roundFileNameOf('documents/2031/tally.yaml')).toBeNull();
    expect(roundFileGlob('unseals.yaml')).toBe('records/*/unseals.yaml');
  });
  it('a new agency and an agency.yaml without a threshold get the same 2/3 of the members', () => {
    const written = parse(renderAgencyYaml({}).text) as { threshold: unknown };
    expect(written.threshold).toEqual(DEFAULT_THRESHOLD);
    expect(DEFAULT_THRESHOLD).toEqual({ numerator: 2, denominator: 3, of: 'members' });
    expect(effectiveQuorum({ numerator: 1, denominator: 2, of: 'ballots' })).toEqual({ numerator: 2, denominator: 3 });
    expect(effectiveQuorum({ numerator: 1, denominator: 2, of: 'members' })).toBeNull();
  });
});

describe('the JSON Schemas in schemas/', () => {
  it('are what thidua schema writes from the record schemas today (an editor checks against them)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { RECORD_KINDS } = await import('../../src/core/schemas/index.js');
    const { jsonSchemaText } = await import('../../src/core/schemas/json-schema.js');
    for (const kind of RECORD_KINDS) {
      expect(
        fs.readFileSync(path.join(__dirname, '../../schemas', `${kind.name}.schema.json`), 'utf8'),
        kind.name,
      ).toBe(jsonSchemaText(kind));
    }
  });
});

describe('the fuzz harness', () => {
  it('mutates a file holding a !!binary value without throwing (seed 20261126 crashed it)', async () => {
    const { applyMutation, slots } = await import('../fuzz/mutate.js');
    const text = Buffer.from('id: a\nblob: !!binary aGVsbG8=\nlist: [1, 2]\n');
    expect(slots({ blob: new Uint8Array([1, 2]), list: [1] }).map(([, k]) => k)).toEqual(['blob', 'list', 0]);
    for (let pick = 0; pick < 6; pick++) {
      expect(() => applyMutation(text, { op: 'drop', pick })).not.toThrow();
      expect(() => applyMutation(text, { op: 'rename', pick, name: '__proto__' })).not.toThrow();
    }
  });
});

describe('the document model’s builders', () => {
  it('a paragraph takes text with its formatting, or runs as given; a cell takes text or paragraphs', async () => {
    const { cell, p } = await import('../../src/core/documents/model.js');
    expect(p('Điều 1.', { bold: true, align: 'justify' })).toEqual({
      kind: 'p',
      runs: [{ text: 'Điều 1.', bold: true, italic: undefined, underline: undefined, size: undefined }],
      align: 'justify',
    });
    const runs = [{ text: 'Nơi nhận:', bold: true, italic: true }, { text: ' như trên' }];
    expect(p(runs)).toEqual({ kind: 'p', runs });
    expect(cell('TT', 600, { header: true, span: 2 })).toEqual({
      blocks: [p('TT')],
      width: 600,
      header: true,
      span: 2,
    });
    const blocks = [p('a'), p('b')];
    expect(cell(blocks, 1200).blocks).toBe(blocks);
  });
});
