import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

/** Words a name may keep in capitals inside a sentence: abbreviations such as UBND, HĐND, TP. */
const ABBREVIATION = /^[A-ZĐ.]{1,6}$/u;

/**
 * A name written all in capitals: the documents print it in capitals in headings and signatures,
 * and as written inside sentences, where capitals are wrong (ND 30/2020).
 */
function allCapitals(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !ABBREVIATION.test(w));
  return words.length > 0 && words.every((w) => w === w.toLocaleUpperCase('vi') && w !== w.toLocaleLowerCase('vi'));
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
      [['name'], agency.name], [['parent'], agency.parent], [['head', 'title'], agency.head.title],
      [['head', 'full_title'], agency.head.full_title], [['council', 'name'], agency.council.name],
    ];
    const out: Finding[] = [];
    for (const [path, value] of named) {
      if (value === undefined || !allCapitals(value)) continue;
      const normal = value.toLocaleLowerCase('vi').replace(/^\p{L}/u, (c) => c.toLocaleUpperCase('vi'));
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
