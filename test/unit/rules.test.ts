/** One fixture workspace per rule code: each triggers its code at the right file, line and column. */
import { rmSync, cpSync, readdirSync, readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { allCapitals, asInSentence, isAbbreviation } from '../../src/core/rules/name-in-capitals.js';
import { TEMPLATE_RULES } from '../../src/core/documents/template-rules.js';
import { validateSnapshot } from '../../src/core/validate.js';
import { readSnapshot } from '../../src/shell/read-snapshot.js';
import { tallyRound } from '../../src/core/tally.js';
import { renderTallyFile } from '../../src/core/tally-file.js';
import { inputHashes } from '../../src/core/seal.js';
import { basisForSeal } from '../../src/core/records/basis.js';
import { FIXTURES, cleanupTemp, workspace, BASE } from '../helpers/workspace.js';

interface Expected {
  diagnostics: Array<{
    code: string;
    file: string;
    line: number;
    column: number;
    severity?: string;
    message: string;
    en: string;
  }>;
  generate?: { path: string; bytes: number };
  sealFirst?: boolean;
  /** The overlay first, then the seal of 2016: an earlier round sealed with records of its own. */
  sealAfter?: boolean;
  /** Files removed after the seal and the overlay. */
  remove?: string[];
}

const RULE_FIXTURES = join(FIXTURES, 'rules');

function seal(root: string): void {
  const snap = readSnapshot(root);
  const v = validateSnapshot(snap);
  // The round sealed is sound; a later round may hold the fixture's finding.
  expect(
    v.diagnostics.filter(
      (d) => d.severity === 'error' && (!d.file.startsWith('records/20') || d.file.startsWith('records/2016/')),
    ),
  ).toEqual([]);
  const round = v.workspace.rounds.find((r) => r.year === 2016)!;
  const tally = tallyRound(round, v.view(round), v.view(round).agency!.threshold);
  const bytes = (p: string) => {
    const e = snap.files.get(p);
    return e && e.kind === 'file' ? e.bytes : null;
  };
  writeFileSync(
    join(root, round.tallyFile),
    renderTallyFile(tally, {
      sealedBy: 'thidua test',
      sealedOn: '2016-12-10',
      inputs: inputHashes(round, bytes),
      basis: basisForSeal(v.view(round), round),
    }),
  );
}

/** The first 8 hex digits of a SHA-256 over a fixture's files: their paths and bytes, in path order. */
function fixtureDigest(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
  for (const f of files)
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\0');
  return hash.digest('hex').slice(0, 8);
}

afterAll(cleanupTemp);

describe('the registry', () => {
  it('every code has its description, fix and example in both languages, and the README’s rule table lists exactly the registry', () => {
    const readme = readFileSync(join(FIXTURES, '..', '..', 'README.md'), 'utf8');
    const tableStart = readme.indexOf('| code | severity | when |');
    const tableText = readme.slice(tableStart, readme.indexOf('\n\n', tableStart));
    const inTable = new Set(
      [...tableText.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+)`/g)].map((c) => c[1]!)),
    );
    const codes = [...RULES, ...TEMPLATE_RULES].map((r) => r.code as string);
    expect([...inTable].sort()).toEqual([...codes].sort());
    for (const r of [...RULES, ...TEMPLATE_RULES]) {
      for (const text of [r.description, r.fix]) expect(text.vi.length > 0 && text.en.length > 0, r.code).toBe(true);
      expect(r.example.startsWith('# '), r.code).toBe(true);
    }
  });
});

describe('the registry, loaded afresh', () => {
  // Each rule is an object built when its module loads; this reads the registry as a fresh load
  // makes it, so a rule whose definition came out empty or wrong is caught here.
  it('every rule has its own file’s code, a severity, a stage, and a check exactly when it checks records', async () => {
    vi.resetModules();
    const fresh = (await import('../../src/core/rules/index.js')).RULES;
    const files = readdirSync(join(FIXTURES, '..', '..', 'src', 'core', 'rules')).filter(
      (f) => !['index.ts', 'rule.ts'].includes(f),
    );
    expect(fresh.map((r) => `${r.code}.ts`).sort()).toEqual(files.sort());
    for (const r of fresh) {
      expect(['error', 'warning'], r.code).toContain(r.severity);
      expect(typeof r.check === 'function', r.code).toBe(r.stage === 'records');
      expect(
        r.description.vi.length * r.description.en.length * r.fix.vi.length * r.fix.en.length,
        r.code,
      ).toBeGreaterThan(0);
    }
  });
});

describe('the base fixture', () => {
  it('validates with no finding', () => {
    const v = validateSnapshot(readSnapshot(BASE));
    expect(v.diagnostics).toEqual([]);
  });
});

describe('rule fixtures', () => {
  it('every rule in the registry has a fixture that triggers it', () => {
    const dirs = new Set(readdirSync(RULE_FIXTURES));
    for (const rule of RULES) expect(dirs, rule.code).toContain(rule.code);
  });

  for (const code of readdirSync(RULE_FIXTURES).sort()) {
    // The fixture's digest is in the test's name, so that `npm run mutate`, which compares test
    // names and test files with its record (not test/fixtures/), retests a rule whose fixture changed.
    it(`${code}: reported at its file, line and column (fixture ${fixtureDigest(join(RULE_FIXTURES, code))})`, () => {
      const dir = join(RULE_FIXTURES, code);
      const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expected;
      const root = workspace();
      if (expected.sealFirst) seal(root);
      // The overlay comes after the seal, so its change is a change to a sealed input.
      if (existsSync(join(dir, 'records'))) cpSync(join(dir, 'records'), join(root, 'records'), { recursive: true });
      // Anything else of the fixture goes to the workspace's root as it is (a committed .thidua.lock folder).
      for (const name of readdirSync(dir))
        if (name !== 'records' && name !== 'expect.json')
          cpSync(join(dir, name), join(root, name), { recursive: true });
      if (expected.sealAfter) seal(root);
      if (expected.generate) writeFileSync(join(root, expected.generate.path), 'x'.repeat(expected.generate.bytes));
      for (const p of expected.remove ?? []) rmSync(join(root, p));
      const v = validateSnapshot(readSnapshot(root));
      // The full text, as hledger's error tests hold it: a message is part of the contract with the clerk.
      const got = v.diagnostics.map((d) => ({
        code: d.code,
        file: d.file,
        line: d.line,
        column: d.column,
        severity: d.severity,
        message: d.message.vi,
        en: d.message.en,
      }));
      const want = expected.diagnostics.map((d) => ({
        severity: RULES.find((r) => r.code === d.code)!.severity,
        ...d,
      }));
      expect(got).toEqual(want);
      for (const d of v.diagnostics) {
        expect(d.message.vi.length).toBeGreaterThan(0);
        expect(d.message.en.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('replication-reference, one year validated', () => {
  it('a model of a round that exists but is not loaded (validate 2017) is not “no round”; a missing round still is', () => {
    const root = workspace();
    cpSync(join(RULE_FIXTURES, 'replication-reference', 'records'), join(root, 'records'), { recursive: true });
    const v = validateSnapshot(readSnapshot(root, [2017]), [2017]);
    const missing = v.diagnostics.filter(
      (d) => d.code === 'replication-reference' && d.message.vi.startsWith('không có đợt'),
    );
    expect(missing.map((d) => d.message.vi)).toEqual(['không có đợt 2015 (mô hình 2015/nv1-mo-hinh)']);
    expect(v.diagnostics.some((d) => d.message.vi.includes('2016/khong-co'))).toBe(false);
  });
});

describe('award-members after the vote', () => {
  it('a collective nomination a ballot already votes on is left to the count (“Không đạt” on the recognitions); the others are still refused', () => {
    const root = workspace();
    cpSync(join(RULE_FIXTURES, 'award-members', 'records'), join(root, 'records'), { recursive: true });
    const before = validateSnapshot(readSnapshot(root, [2017]), [2017]).diagnostics.filter(
      (d) => d.code === 'award-members',
    );
    expect(before.map((d) => d.file)).toContain('records/2017/nominations/nv1-ttldxs.yaml');
    mkdirSync(join(root, 'records/2017/ballots'), { recursive: true });
    writeFileSync(join(root, 'records/2017/ballots/001.yaml'), 'serial: 1\nvotes:\n  nv1-ttldxs: agree\n');
    const after = validateSnapshot(readSnapshot(root, [2017]), [2017]).diagnostics.filter(
      (d) => d.code === 'award-members',
    );
    expect(after.map((d) => d.file)).toEqual(before.map((d) => d.file).filter((f) => !f.endsWith('/nv1-ttldxs.yaml')));
    expect(after.length).toBeGreaterThan(0);
  });
});

describe('unknown-reference without criteria.yaml', () => {
  it('a title’s criteria are not called unknown when there is no catalogue to look them up in; the missing file is the finding', () => {
    const root = workspace();
    cpSync(join(RULE_FIXTURES, 'award-members', 'records'), join(root, 'records'), { recursive: true });
    rmSync(join(root, 'records', 'criteria.yaml'));
    const v = validateSnapshot(readSnapshot(root));
    expect(v.diagnostics.filter((d) => d.file === 'records/titles.yaml').map((d) => d.message.vi)).toEqual([
      'danh hiệu “chua-khai-bao” không tồn tại',
    ]);
    expect(v.diagnostics.some((d) => d.file === 'records/criteria.yaml')).toBe(true);
  });
});

describe('name-in-capitals: which words count', () => {
  // A clerk types a name in capitals with or without its marks; abbreviations stay in capitals in a sentence.
  it.each([
    ['THANH TRA TỈNH MẪU', true],
    ['CHANH THANH TRA TINH', true],
    ['THANH TRA', true],
    ['SỞ GD&ĐT', true],
    ['TP. HỒ CHÍ MINH', true],
    ['UBND', false],
    ['HĐTĐKT', false],
    ['UBND tỉnh Mẫu', false],
    ['Chánh Thanh tra tỉnh MẪU', false],
    ['Phòng Nghiệp vụ 1', false],
    ['Thanh Tra Tỉnh Mẫu', false],
    ['2025', false],
  ])('%s: all in capitals %s', (name, expected) => {
    expect(allCapitals(name)).toBe(expected);
  });

  it.each([
    ['UBND', true],
    ['HĐND', true],
    ['TP.', true],
    ['GD&ĐT', true],
    ['(MTTQ)', true],
    ['B', true],
    ['THANH', false],
    ['TRA', false],
    ['TỈNH', false],
    ['NGHIỆP', false],
    ['PHƯỚC', false],
    ['KHUYẾN', false],
    ['QUỐC', false],
    ['TRƯỜNG', false],
    ['NGƯỜI', false],
    ['GIỮA', false],
    ['Y', false],
    ['OANH', false],
    ['1', false],
    // Not one syllable: a letter too many before or after one, or a letter Vietnamese does not write.
    ['TTHANH', true],
    ['MẪUX', true],
    ['FA', true],
  ])('%s: an abbreviation %s', (word, expected) => {
    expect(isAbbreviation(word)).toBe(expected);
  });

  it.each([
    ['THANH TRA TỈNH MẪU', 'Thanh tra tỉnh mẫu'],
    ['UBND TỈNH MẪU', 'UBND tỉnh mẫu'],
    ['SỞ  GD&ĐT', 'Sở  GD&ĐT'],
    ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'Hội đồng thi đua - khen thưởng'],
    ['“THANH TRA” TỈNH', '“Thanh tra” tỉnh'],
  ])('%s is written in a sentence as %s', (name, sentence) => {
    expect(asInSentence(name)).toBe(sentence);
  });
});
