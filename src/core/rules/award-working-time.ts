import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { under2025Rules } from '../titles.js';
import { daysAway, daysInYearOf, timeAway } from '../leave.js';
import { periodOf, roundName } from '../period.js';
import { formatNumber } from '../format/numbers.js';

export const rule = defineRule({
  code: 'award-working-time',
  severity: 'error',
  stage: 'records',
  description: t(
    'danh hiệu cần một số tháng làm việc trong năm (min_months trong titles.yaml) mà thời gian nghỉ (people.yaml: leave) làm thiếu; theo quy định 2025 thời gian nghỉ thai sản được tính là thời gian làm việc',
    'a title needs some months worked in the year (min_months in titles.yaml) and the leave taken (people.yaml: leave) falls short; under the 2025 rules maternity leave counts as work',
  ),
  fix: t(
    'Kiểm tra thời gian nghỉ trong people.yaml; nếu thật sự thiếu, rút đề nghị.',
    'Check the leave in people.yaml; if the time truly falls short, withdraw the nomination.',
  ),
  example: '# records/people.yaml\n- { id: an, …, leave: [ { from: 2025-01-01, until: 2025-04-30, kind: unpaid } ] }\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        // Stryker disable next-line ConditionalExpression: a collective names no person, so no leave: a whole year worked, never short of a title's months
        if (n.value.kind !== 'individual') continue;
        const min = index.titles.get(n.value.award ?? '')?.min_months;
        if (min === undefined) continue;
        const maternityIsWork = under2025Rules(index, n.value);
        // Stryker disable next-line ArrayDeclaration: an entry without dates spans no day of the year (daysAway drops it)
        const person = index.people.get(n.value.person)?.value;
        const leave = person ? timeAway(person) : [];
        const period = periodOf(index.agency);
        const days = daysInYearOf(round.year, period);
        const away = daysAway(leave, round.year, maternityIsWork, period);
        // Months worked = (days − away) × 12 / days, compared exactly in integers.
        if ((days - away) * 12 >= min * days) continue;
        const worked = Math.floor(((days - away) * 120) / days) / 10;
        out.push({
          loc: { file: n.loc.file, path: ['person'] },
          message: t(
            `${index.personName(n.value.person)} làm việc khoảng ${formatNumber(worked)} tháng ${roundName(round.year, period)} (nghỉ ${away} ngày${maternityIsWork ? ', không kể nghỉ thai sản' : ''}); danh hiệu cần ít nhất ${formatNumber(min)} tháng`,
            `${index.personName(n.value.person)} worked about ${formatNumber(worked, 'en')} months of ${roundName(round.year, period, 'en')} (${away} days away${maternityIsWork ? ', maternity leave not counted' : ''}); the title needs at least ${formatNumber(min, 'en')}`,
          ),
        });
      }
    }
    return out;
  },
});
