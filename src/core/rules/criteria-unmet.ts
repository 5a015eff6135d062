import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { insteadOfInitiative } from '../records/index.js';

export const rule = defineRule({
  code: 'criteria-unmet',
  severity: 'error',
  stage: 'records',
  description: t('một tiêu chí được trả lời là không đạt (false)', 'a criterion is answered false'),
  fix: t(
    'Đề nghị không đạt tiêu chí thì không được xét: rút đề nghị, hoặc sửa nếu trả lời nhầm.',
    'A nomination that does not meet a criterion is not eligible: withdraw it, or correct a wrong answer.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\ncriteria: { xuat-sac: true, sang-kien: false }\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        // The criterion a title takes instead of an initiative may be unmet: the initiative then counts.
        const instead = insteadOfInitiative(n.value, index)?.id;
        for (const [id, met] of Object.entries(n.value.criteria ?? {})) {
          if (met || id === instead) continue;
          const text = index.criteria.get(id)?.criterion.text;
          out.push({
            loc: { file: n.loc.file, path: ['criteria', id] },
            at: 'key',
            message: t(
              `không đạt tiêu chí “${id}”${text ? ` (${text})` : ''}: đề nghị không đủ điều kiện xét`,
              `the criterion “${id}” is not met${text ? ` (${text})` : ''}: the nomination is not eligible`,
            ),
          });
        }
      }
    }
    return out;
  },
});
