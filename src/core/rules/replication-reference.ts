import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

/** Whether a document of this deadline may name models it replicates: a plan, or a replication plan. */
export function replicatesModels(deadline: string): boolean {
  return deadline === 'plan' || deadline === 'replication-plan';
}

export const rule = defineRule({
  code: 'replication-reference',
  severity: 'error',
  stage: 'records',
  description: t(
    '“replicates” nêu một mô hình không có, của đợt không trước đó, hoặc nằm trên văn bản không phải kế hoạch',
    '“replicates” names a model that does not exist, of a round not before, or sits on a document that is not a plan',
  ),
  fix: t(
    'Ghi mô hình dạng NĂM/mã của một đợt trước, trên văn bản kế hoạch (plan, replication-plan).',
    'Name the model as YEAR/id of an earlier round, on a plan (plan, replication-plan).',
  ),
  example:
    '# records/2017/submissions.yaml\n- { deadline: plan, department: nv2, received: 2017-12-18, replicates: [ 2016/khong-co ] }\n',
  check(ctx) {
    const out: Finding[] = [];
    const rounds = new Map(ctx.ws.rounds.map((r) => [r.year, r]));
    for (const round of ctx.rounds) {
      for (const s of round.submissions) {
        const list = s.value.replicates;
        if (!list) continue;
        if (!replicatesModels(s.value.deadline)) {
          out.push({
            loc: { file: s.loc.file, path: [...s.loc.path, 'replicates'] },
            at: 'key',
            message: t(
              `chỉ kế hoạch (plan, replication-plan) mới nêu mô hình nhân rộng; đây là văn bản “${s.value.deadline}”`,
              `only a plan (plan, replication-plan) names models it replicates; this is “${s.value.deadline}”`,
            ),
          });
          continue;
        }
        list.forEach((ref, i) => {
          const [yearText, id] = ref.split('/') as [string, string];
          const year = Number(yearText);
          const loc = { file: s.loc.file, path: [...s.loc.path, 'replicates', i] };
          // A replication plan may name a model of its own round; any other plan, only earlier rounds'.
          if (year > round.year || (year === round.year && s.value.deadline !== 'replication-plan')) {
            out.push({
              loc,
              message: t(
                `mô hình ${ref} không thuộc một đợt trước đợt ${round.year}`,
                `the model ${ref} is not of a round before ${round.year}`,
              ),
            });
            return;
          }
          const other = rounds.get(year);
          if (!other) {
            // The round may exist but not be loaded (validate YEAR): only a missing folder is certain.
            if (!ctx.allYears.has(year)) {
              out.push({
                loc,
                message: t(`không có đợt ${year} (mô hình ${ref})`, `there is no round ${year} (model ${ref})`),
              });
            }
            return;
          }
          const known = other.nominations.some((n) => n.value.id === id) || other.brokenNominationIds.has(id);
          if (!known)
            out.push({
              loc,
              message: t(`đợt ${year} không có đề nghị “${id}”`, `round ${year} has no nomination “${id}”`),
            });
        });
      }
    }
    return out;
  },
});
