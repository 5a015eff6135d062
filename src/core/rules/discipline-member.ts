import { t } from '../diagnostics.js';
import { shortDate } from '../dates.js';
import { atLeast, measureUntil, overlapsYear } from '../discipline.js';
import { periodOf, roundName, unitWord } from '../period.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'discipline-member',
  severity: 'error',
  stage: 'records',
  description: t(
    'mô hình tập thể: trong phòng có người bị kỷ luật từ mức chặn trở lên trong năm xét',
    'collective: someone in the department has a measure at or above the blocking level overlapping the year',
  ),
  fix: t(
    'Tập thể không đủ điều kiện năm đó: rút đề nghị; nếu kỷ luật ghi nhầm, sửa discipline.yaml.',
    'The collective is not eligible that year: withdraw the nomination; if the measure is wrong, correct discipline.yaml.',
  ),
  example: '# records/discipline.yaml\n- { person: mai, level: canh-cao, date: 2016-05-10 }   # mai works in nv1\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const roundFrom = index.agency?.discipline.blocks_collective_from;
      // Stryker disable next-line ConditionalExpression: the agency's levels are required (with defaults); only a workspace whose agency.yaml does not load lacks them, and that is its error
      if (!roundFrom) continue;
      for (const n of round.nominations) {
        // A title may set its own blocking level (blocked_from in titles.yaml).
        const title = index.titles.get(n.value.award ?? '');
        const from = title?.blocked_from ?? roundFrom;
        if (n.value.kind !== 'collective') continue;
        // The pack may say no measure blocks the title (TTLĐXS: the Law has no discipline clause).
        if (from === 'none') continue;
        // What the collective is put forward for: a title of titles.yaml, or the plan's model.
        const what = title ? t(`danh hiệu “${title.name}”`, ` for “${title.name}”`) : t('mô hình tiêu biểu', '');
        for (const member of index.peopleByDepartment.get(n.value.department) ?? []) {
          for (const m of index.disciplineByPerson.get(member.value.id) ?? []) {
            const v = m.value;
            if (!atLeast(v.level, from) || !overlapsYear(v, round.year, periodOf(index.agency))) continue;
            out.push({
              loc: { file: n.loc.file, path: ['department'] },
              message: t(
                `${member.value.name} (${member.value.id}) của ${unitWord(index.agency).vi} bị kỷ luật “${v.level}” từ ${shortDate(v.date)} đến ${shortDate(measureUntil(v))}${v.decision ? ` (${v.decision})` : ''}; tập thể có cá nhân bị kỷ luật từ “${from}” trở lên trong ${roundName(round.year, periodOf(index.agency))} không được đề nghị ${what.vi}`,
                `${member.value.name} (${member.value.id}) of the ${unitWord(index.agency).en} has the measure “${v.level}” from ${v.date} to ${measureUntil(v)}${v.decision ? ` (${v.decision})` : ''}; a collective with a member disciplined at “${from}” or above in ${roundName(round.year, periodOf(index.agency), 'en')} cannot be nominated${what.en}`,
              ),
            });
          }
        }
      }
    }
    return out;
  },
});
