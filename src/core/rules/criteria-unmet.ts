import { t } from '../diagnostics.js';
import type { Finding, Rule } from './rule.js';

export const rule: Rule = {
  code: 'criteria-unmet',
  severity: 'error',
  stage: 'records',
  description: t('một tiêu chí được trả lời là không đạt (false)', 'a criterion is answered false'),
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        for (const [id, met] of Object.entries(n.value.criteria ?? {})) {
          if (met) continue;
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
};
