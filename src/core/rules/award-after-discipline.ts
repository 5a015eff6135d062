import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { measureUntil, overlapsYear } from '../discipline.js';
import { periodOf, roundName } from '../period.js';
import { under2025Rules } from '../titles.js';
import { addDays, shortDate } from '../dates.js';

export const rule = defineRule({
  code: 'award-after-discipline',
  severity: 'error',
  stage: 'records',
  description: t(
    'quy định 2025: sau kỷ luật, thành tích chỉ được tính từ khi hết thời hạn kỷ luật; người có thời hạn kỷ luật trong năm xét không đủ cả năm thành tích cho danh hiệu',
    '2025 rules: after a discipline, achievements count only from the end of its period; a person whose period runs into the round’s year lacks a whole year for a title',
  ),
  fix: t(
    'Đề nghị ở đợt sau, khi cả năm thành tích nằm sau thời hạn kỷ luật; hoặc sửa records/discipline.yaml nếu ghi nhầm.',
    'Propose in a later round, when a whole year of achievements lies after the period; or correct records/discipline.yaml if it is wrong.',
  ),
  example: '# records/discipline.yaml\n- { person: an, level: khien-trach, date: 2024-09-01 }   # until 2025-08-31\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        if (!under2025Rules(index, n.value)) continue;
        // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a collective names no person, and no measure is filed under none or under a made-up id
        const people = n.value.kind === 'individual' ? [n.value.person] : [];
        for (const id of people) {
          for (const m of index.disciplineByPerson.get(id) ?? []) {
            if (!overlapsYear(m.value, round.year, periodOf(index.agency))) continue;
            const from = addDays(measureUntil(m.value), 1);
            out.push({
              loc: { file: n.loc.file, path: ['person'] },
              message: t(
                `${index.personName(id)} bị kỷ luật “${m.value.level}” đến ${shortDate(measureUntil(m.value))}: thành tích chỉ tính từ ${shortDate(from)}, chưa đủ ${roundName(round.year, periodOf(index.agency))} cho danh hiệu`,
                `${index.personName(id)} has the measure “${m.value.level}” until ${measureUntil(m.value)}: achievements count only from ${from}, not the whole of ${roundName(round.year, periodOf(index.agency), 'en')} a title needs`,
              ),
            });
          }
        }
      }
    }
    return out;
  },
});
