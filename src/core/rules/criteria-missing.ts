import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { requiredCriteria } from '../records/index.js';

export const rule = defineRule({
  code: 'criteria-missing',
  severity: 'error',
  stage: 'records',
  description: t(
    'một tiêu chí của loại đề nghị chưa được trả lời',
    'a criterion of the nomination’s kind is not answered',
  ),
  fix: t(
    'Trả lời tiêu chí còn thiếu trong “criteria” (true hoặc false).',
    'Answer the missing criterion under “criteria” (true or false).',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\ncriteria: { xuat-sac: true }   # sang-kien not answered\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        const answers = n.value.criteria ?? {};
        for (const c of requiredCriteria(n.value, index)) {
          if (c.id in answers) continue;
          out.push({
            // Stryker disable next-line ArrayDeclaration: without criteria the finding points at the document, as the parent of no key does
            loc: { file: n.loc.file, path: n.value.criteria ? ['criteria', c.id] : ['criteria'] },
            at: 'parent',
            message: t(
              `chưa trả lời tiêu chí “${c.id}” (${c.text})`,
              `the criterion “${c.id}” is not answered (${c.text})`,
            ),
          });
        }
      }
    }
    return out;
  },
});
