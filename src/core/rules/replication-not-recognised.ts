import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { replicatesModels } from './replication-reference.js';

export const rule = defineRule({
  code: 'replication-not-recognised',
  severity: 'error',
  stage: 'records',
  description: t(
    '“replicates” nêu một đề nghị chưa được công nhận (không đạt, hoặc đợt đó chưa niêm phong)',
    '“replicates” names a nomination that was not recognised (it failed, or its round is not sealed)',
  ),
  fix: t(
    'Chỉ nhân rộng mô hình đã được công nhận; niêm phong đợt của mô hình trước (thidua tally NĂM --seal).',
    "Replicate only recognised models; seal the model's round first (thidua tally YEAR --seal).",
  ),
  example:
    '# records/2017/submissions.yaml\n- { deadline: plan, department: nv2, received: 2017-12-18, replicates: [ 2016/nv2-mo-hinh ] }   # not recognised\n',
  check(ctx) {
    const out: Finding[] = [];
    const rounds = new Map(ctx.ws.rounds.map((r) => [r.year, r]));
    for (const round of ctx.rounds) {
      for (const s of round.submissions) {
        if (!replicatesModels(s.value.deadline)) continue;
        // Stryker disable next-line ArrayDeclaration: a made-up reference names no round, and is passed over like none
        (s.value.replicates ?? []).forEach((ref, i) => {
          const [yearText, id] = ref.split('/') as [string, string];
          const other = rounds.get(Number(yearText));
          if (!other || !other.nominations.some((n) => n.value.id === id)) return;
          if (Number(yearText) > round.year) return;
          const result = other.tally?.value.results.find((r) => r.nomination === id);
          if (result?.recognised) return;
          // A round opened again with `thidua unseal` is being corrected: its recognitions are pending, not refused.
          const reopened = !other.tallyPresent && other.unseals.length > 0;
          out.push({
            loc: { file: s.loc.file, path: [...s.loc.path, 'replicates', i] },
            ...(reopened ? { severity: 'warning' as const } : {}),
            message: reopened
              ? t(
                  `đợt ${other.year} đang được mở niêm phong để sửa: ${ref} chờ niêm phong lại (thidua tally ${other.year} --seal)`,
                  `round ${other.year} is unsealed for a correction: ${ref} awaits the new seal (thidua tally ${other.year} --seal)`,
                )
              : !other.tally
                ? t(
                    `đợt ${other.year} chưa niêm phong kết quả: ${ref} chưa phải mô hình được công nhận`,
                    `round ${other.year} is not sealed: ${ref} is not a recognised model yet`,
                  )
                : t(
                    `${ref} không được công nhận ở đợt ${other.year}; chỉ nhân rộng mô hình đã được công nhận`,
                    `${ref} was not recognised in ${other.year}; only recognised models are replicated`,
                  ),
          });
        });
      }
    }
    return out;
  },
});
