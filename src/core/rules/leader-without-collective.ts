import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { isLeaderNomination } from '../records/index.js';

export const rule = defineRule({
  code: 'leader-without-collective',
  severity: 'error',
  stage: 'records',
  description: t(
    'cá nhân giữ chức vụ lãnh đạo được đề nghị nhưng phòng không có đề nghị mô hình tập thể trong đợt',
    'a leader’s individual nomination with no collective nomination of the same department in the round',
  ),
  fix: t(
    'Thêm đề nghị mô hình tập thể của phòng, hoặc rút đề nghị cá nhân của người lãnh đạo.',
    "Add the department's collective nomination, or withdraw the leader's individual one.",
  ),
  example: '# records/2016/nominations/nv2-ca-nhan.yaml\nperson: tuan   # leader: true, and no nv2 collective\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const collectives = new Set(
        round.nominations
          .filter((n) => n.value.kind === 'collective' && !index.titles.has(n.value.award ?? ''))
          .map((n) => n.value.department),
      );
      for (const n of round.nominations) {
        // The plan's rule for its pair: a title of titles.yaml declares its own requirements.
        if (index.titles.has(n.value.award ?? '')) continue;
        if (!isLeaderNomination(n.value, index) || collectives.has(n.value.department)) continue;
        // A broken nomination file may be this department's collective: do not add a second error.
        if (round.brokenNominationDepartments.some((d) => d === null || d === n.value.department)) continue;
        const dept = index.departmentName(n.value.department);
        out.push({
          loc: { file: n.loc.file, path: ['person'] },
          message: t(
            `${index.personName((n.value as { person: string }).person)} giữ chức vụ lãnh đạo: chỉ là gương điển hình khi tập thể ${dept} là mô hình tiêu biểu, nhưng đợt ${round.year} không có đề nghị mô hình của ${dept}`,
            `${index.personName((n.value as { person: string }).person)} holds a leadership post: recognised only when ${dept} is recognised as a collective, but round ${round.year} has no collective nomination of ${dept}`,
          ),
        });
      }
    }
    return out;
  },
});
