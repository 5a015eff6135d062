import { t } from '../diagnostics.js';
import { shortDate } from '../dates.js';
import { atLeast, measureUntil, overlapsYear } from '../discipline.js';
import { periodOf, roundName } from '../period.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'discipline-person',
  severity: 'error',
  stage: 'records',
  description: t(
    'cá nhân: người được đề nghị bị kỷ luật từ mức chặn trở lên trong năm xét',
    'individual: the person has a measure at or above the blocking level overlapping the year',
  ),
  fix: t(
    'Người bị kỷ luật trong năm không đủ điều kiện: rút đề nghị; nếu kỷ luật ghi nhầm, sửa discipline.yaml.',
    'A person disciplined that year is not eligible: withdraw the nomination; if the measure is wrong, correct discipline.yaml.',
  ),
  example: '# records/discipline.yaml\n- { person: an, level: khien-trach, date: 2016-03-01 }\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const roundFrom = index.agency?.discipline.blocks_individual_from;
      // Stryker disable next-line ConditionalExpression: the agency's levels are required (with defaults); only a workspace whose agency.yaml does not load lacks them, and that is its error
      if (!roundFrom) continue;
      for (const n of round.nominations) {
        // A title may set its own blocking level (blocked_from in titles.yaml).
        const from = index.titles.get(n.value.award ?? '')?.blocked_from ?? roundFrom;
        // Stryker disable next-line ConditionalExpression: a collective names no person, and no measure is filed under none
        if (n.value.kind !== 'individual') continue;
        // The pack may say no measure blocks the title (TTLĐXS: the Law has no discipline clause).
        if (from === 'none') continue;
        for (const m of index.disciplineByPerson.get(n.value.person) ?? []) {
          const v = m.value;
          if (!atLeast(v.level, from) || !overlapsYear(v, round.year, periodOf(index.agency))) continue;
          out.push({
            loc: { file: n.loc.file, path: ['person'] },
            message: t(
              `${index.personName(v.person)} bị kỷ luật “${v.level}” từ ${shortDate(v.date)} đến ${shortDate(measureUntil(v))}${v.decision ? ` (${v.decision})` : ''}, trùng ${roundName(round.year, periodOf(index.agency))}: không được đề nghị`,
              `${index.personName(v.person)} has the measure “${v.level}” from ${v.date} to ${measureUntil(v)}${v.decision ? ` (${v.decision})` : ''}, overlapping ${roundName(round.year, periodOf(index.agency), 'en')}: not eligible`,
            ),
          });
        }
      }
    }
    return out;
  },
});
