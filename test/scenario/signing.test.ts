/**
 * Documents a văn thư signs as printed, for each kind of agency (a Sở, a UBND xã, a school) and each
 * signing form: under KT., Q. the deputy signs for the head and every document still names the
 * head's post as the authority; under TM. the body signed for. Only the signature block names the
 * deputy (ND 30/2020 Phụ lục I, II.7.b).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp } from '../helpers/workspace.js';
import { generateAgency, LEVELS } from '../helpers/agency.js';
import { all, ballots, ok } from '../helpers/round.js';
import { docxParagraphs } from '../helpers/docx.js';

afterAll(cleanupTemp);

const up = (s: string) => s.toLocaleUpperCase('vi');

describe.each(['xa', 'so', 'truong'] as const)('a %s', (level) => {
  const L = LEVELS[level];
  it('signed by the head, KT. and Q. by the deputy, TM. for the body: only the signature names the signer', async () => {
    const a = generateAgency({ level, councilSize: 5, departments: 3 });
    await ballots(
      a,
      a.year,
      Array.from({ length: 5 }, () => all(a.nominations)),
    );
    await ok(a, 'tally', String(a.year), '--seal');
    const deputy = 'Đỗ Thị Hằng';
    const forms: Array<[string, string[], string, string[]]> = [
      ['none', [], up(`${L.head} ${L.name}`), [up(L.head)]],
      [
        'KT',
        ['--signer', deputy, '--signer-title', L.deputy, '--sign-as', 'KT'],
        up(`${L.head} ${L.name}`),
        [`KT. ${up(L.head)}`, up(L.deputy)],
      ],
      [
        'Q',
        ['--signer', deputy, '--signer-title', L.deputy, '--sign-as', 'Q.'],
        up(`${L.head} ${L.name}`),
        [`Q. ${up(L.head)}`],
      ],
      [
        'TM',
        ['--signer-title', L.head, '--signer', a.people[0]!.name, '--sign-as', 'TM'],
        up(L.name),
        [`TM. ${up(L.name)}`, up(L.head)],
      ],
    ];
    for (const [form, flags, authority, signLines] of forms) {
      await ok(a, 'decide', String(a.year), '--number', '9', '--date', '2026-01-20', '--force', ...flags);
      await ok(a, 'render', 'all', String(a.year), '--force');
      const dir = join(a.root, 'documents', String(a.year));
      const docs = Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.endsWith('.docx'))
          .map((f) => [f, docxParagraphs(join(dir, f))]),
      );
      const decision = docs[`quyet-dinh-${a.year}.docx`]!;
      expect(decision, form).toContain(authority);
      // agency.yaml's recipients hold “Lưu: VT”: Nơi nhận says “Lưu” once, on every document.
      for (const [file, paras] of Object.entries(docs))
        expect(paras.filter((x) => /^- Lưu\b/u.test(x)).length, file).toBeLessThanOrEqual(1);
      expect(decision.filter((x) => x.startsWith('- Lưu'))).toEqual(['- Lưu: VT.']);
      const at = decision.indexOf(signLines[0]!);
      expect(decision.slice(at, at + signLines.length), form).toEqual(signLines);
      if (form === 'KT' || form === 'Q') {
        // The deputy's title and name only in the signature blocks, never as the authority.
        for (const [file, paras] of Object.entries(docs)) {
          const named = paras.filter((p) => p.toLocaleLowerCase('vi').includes(L.deputy.toLocaleLowerCase('vi')));
          expect(
            named.every((p) => p === up(L.deputy)),
            `${form} ${file}: ${named.join(' | ')}`,
          ).toBe(true);
        }
        expect(docs[`to-trinh-${a.year}.docx`], form).toContain(`Kính gửi: ${L.head} ${L.name}`);
        expect(docs[`danh-sach-${a.year}.docx`]!.join('\n'), form).toContain(`của ${L.head} ${L.name})`);
        expect(docs[`giay-cong-nhan-${a.year}.docx`], form).toContain(up(`${L.head} ${L.name}`));
      }
    }
  }, 120_000);
});
