import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

/**
 * A word a name keeps in capitals inside a sentence: an abbreviation such as UBND, HĐND, TP.,
 * GD&ĐT, that is, letters that do not spell one Vietnamese syllable. A syllable, in capitals with
 * its marks taken off, is an optional first consonant, one to three vowels and an optional final
 * consonant (THANH, TRA, TINH, PHUOC, NGHIEP). The pattern is written here, not at the top of the
 * file, so that each call reads it (a mutant of it is then seen by the tests).
 */
export function isAbbreviation(word: string): boolean {
  const letters = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '')
    .toLocaleUpperCase('vi');
  return (
    letters.length > 0 &&
    !/^(?:NGH|NG|GH|GI|KH|NH|PH|QU|TH|TR|CH|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}(?:NG|NH|CH|[CMNPT])?$/u.test(letters)
  );
}

function wordsToCheck(s: string): string[] {
  // Stryker disable next-line Regex: split on single spaces, the empty words between are dropped by the letter test
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !isAbbreviation(w));
}

/**
 * A name written all in capitals: the documents print it in capitals in headings and signatures,
 * and as written inside sentences, where capitals are wrong (ND 30/2020).
 */
export function allCapitals(s: string): boolean {
  const words = wordsToCheck(s);
  return words.length > 0 && words.every((w) => w === w.toLocaleUpperCase('vi'));
}

/** The name as a sentence writes it: its words in small letters, abbreviations kept, its first letter capital. */
export function asInSentence(s: string): string {
  // Stryker disable next-line Regex: any split that keeps the spaces joins back to the same text
  const parts = s.split(/(\s+)/);
  return parts
    .map((w) => (isAbbreviation(w) ? w : w.toLocaleLowerCase('vi')))
    .join('')
    .replace(/\p{L}/u, (c) => c.toLocaleUpperCase('vi'));
}

export const rule = defineRule({
  code: 'name-in-capitals',
  severity: 'warning',
  stage: 'records',
  description: t(
    'tên cơ quan hoặc chức danh viết toàn chữ in hoa, nên giữa câu văn bản cũng in hoa',
    'an agency name or title written all in capitals, so sentences of the documents print it in capitals too',
  ),
  fix: t(
    'Viết như trong câu: “Thanh tra tỉnh Bình Phước”, “Chánh Thanh tra”; văn bản tự in hoa ở tiêu đề và chữ ký.',
    'Write it as in a sentence: “Thanh tra tỉnh Bình Phước”, “Chánh Thanh tra”; the documents print it in capitals in headings and signatures.',
  ),
  example: '# records/agency.yaml\nname: THANH TRA TỈNH BÌNH PHƯỚC\n',
  check(ctx) {
    const agency = ctx.index.agency;
    if (!agency) return [];
    const named: Array<[Array<string | number>, string | undefined]> = [
      [['name'], agency.name],
      [['parent'], agency.parent],
      [['head', 'title'], agency.head.title],
      [['head', 'full_title'], agency.head.full_title],
      [['council', 'name'], agency.council.name],
    ];
    const out: Finding[] = [];
    for (const [path, value] of named) {
      if (value === undefined || !allCapitals(value)) continue;
      const normal = asInSentence(value);
      out.push({
        loc: { file: 'records/agency.yaml', path },
        message: t(
          `“${value}” viết toàn chữ in hoa; viết như trong câu (ví dụ “${normal}”, giữ hoa tên riêng): văn bản tự in hoa ở tiêu đề`,
          `“${value}” is all in capitals; write it as in a sentence (e.g. “${normal}”, proper names capitalised): documents print headings in capitals`,
        ),
      });
    }
    return out;
  },
});
