import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'initiative-missing',
  severity: 'error',
  stage: 'records',
  description: t('đề nghị mô hình tập thể thiếu bản mô tả sáng kiến, mô hình', 'a collective nomination without its initiative'),
  fix: t(
    'Thêm “initiative:” với bản mô tả sáng kiến, mô hình.',
    'Add “initiative:” with the description of the initiative or model.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\nkind: collective   # no initiative\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      for (const n of round.nominations) {
        if (n.value.kind !== 'collective') continue;
        if (n.value.initiative !== undefined && n.value.initiative.trim() !== '') continue;
        out.push({
          loc: { file: n.loc.file, path: n.value.initiative === undefined ? ['initiative'] : ['initiative'] },
          at: n.value.initiative === undefined ? 'parent' : 'value',
          message: t(
            'mô hình tập thể phải có “initiative”: bản mô tả sáng kiến, mô hình, cách làm hay',
            'a collective nomination needs “initiative”: the description of the initiative or model',
          ),
        });
      }
    }
    return out;
  },
});
