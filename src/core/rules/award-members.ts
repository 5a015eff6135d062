import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { nominatedWith, titledNominations } from '../titles.js';
import { reachesPercent } from '../tally.js';
import { formatNumber } from '../format/numbers.js';

export const rule = defineRule({
  code: 'award-members',
  severity: 'error',
  stage: 'records',
  description: t(
    'danh hiệu tập thể cần một tỷ lệ (hay một số) người của phòng đạt danh hiệu khác trong đợt (Tập thể lao động xuất sắc: 70 % Lao động tiên tiến, một Chiến sĩ thi đua cơ sở), mà đề nghị của đợt chưa đủ; đề nghị đã đưa ra bỏ phiếu thì kiểm phiếu xét tỷ lệ trên người được công nhận và ghi “Không đạt”',
    'a collective title needs a share (or a number) of the department’s people with another title in the round (Tập thể lao động xuất sắc: 70 % Lao động tiên tiến, one Chiến sĩ thi đua cơ sở), and the round’s nominations fall short; once the nomination is put to the vote, the count checks the share on the recognitions and records “Không đạt”',
  ),
  fix: t(
    'Kiểm tra đề nghị danh hiệu cá nhân của phòng trong đợt; nếu không đủ, rút đề nghị danh hiệu tập thể.',
    'Check the department’s individual nominations in the round; if they fall short, withdraw the collective title.',
  ),
  example:
    '# records/2025/nominations/vp-ttldxs.yaml\naward: tap-the-lao-dong-xuat-sac   # 3 of 5 people nominated Lao động tiên tiến: 60 % < 70 %\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const { round, index, n, title } of titledNominations(ctx.rounds, (r) => ctx.view(r))) {
      // Stryker disable next-line ConditionalExpression: titledNominations gives only nominations of their title's kind, so an individual never comes with a title of members
      if (n.value.kind !== 'collective') continue;
      // Put to the vote already (a ballot of the round votes on it): the count decides the share on
      // the recognitions and records a shortfall as “Không đạt”; the vote cannot be taken back.
      if (round.ballots.some((b) => b.value.votes[n.value.id] !== undefined)) continue;
      const people = (index.peopleByDepartment.get(n.value.department) ?? []).map((p) => p.value.id);
      const dept = index.departmentName(n.value.department);
      for (const r of title.requires) {
        if (!index.titles.has(r.title)) continue;
        // Stryker disable next-line ConditionalExpression: a requirement of another kind has neither key, and no count is below its undefined `members_at_least`
        if (!('members_percent' in r || 'members_at_least' in r)) continue;
        const held = nominatedWith(round, r.title);
        const count = people.filter((id) => held.has(`p:${id}`)).length;
        const need = index.titles.get(r.title)!.name;
        if ('members_percent' in r) {
          if (reachesPercent(count, people.length, r.members_percent)) continue;
          const share = people.length ? Math.round((count * 1000) / people.length) / 10 : 0;
          out.push({
            loc: { file: n.loc.file, path: ['award'] },
            message: t(
              `“${title.name}” cần ít nhất ${formatNumber(r.members_percent)} % người của ${dept} đạt “${need}”; đợt ${round.year} mới đề nghị ${count}/${people.length} người (${formatNumber(share)} %)`,
              `“${title.name}” needs at least ${formatNumber(r.members_percent, 'en')} % of ${dept}’s people with “${need}”; round ${round.year} nominates ${count} of ${people.length} (${formatNumber(share, 'en')} %)`,
            ),
          });
        } else if (count < r.members_at_least) {
          out.push({
            loc: { file: n.loc.file, path: ['award'] },
            message: t(
              `“${title.name}” cần ít nhất ${r.members_at_least} người của ${dept} đạt “${need}”; đợt ${round.year} mới đề nghị ${count}`,
              `“${title.name}” needs at least ${r.members_at_least} of ${dept}’s people with “${need}”; round ${round.year} nominates ${count}`,
            ),
          });
        }
      }
    }
    return out;
  },
});
