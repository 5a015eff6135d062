import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'initiative-missing',
  severity: 'error',
  stage: 'records',
  description: t(
    'đề nghị mô hình tập thể, hoặc danh hiệu đòi sáng kiến, thiếu bản mô tả sáng kiến',
    'a collective nomination, or one for a title that asks for an initiative, without its description',
  ),
  fix: t(
    'Thêm “initiative:” với bản mô tả sáng kiến, mô hình.',
    'Add “initiative:” with the description of the initiative or model.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\nkind: collective   # no initiative\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        if (n.value.initiative !== undefined && n.value.initiative.trim() !== '') continue;
        const title = index.titles.get(n.value.award ?? '');
        // Stryker disable next-line ConditionalExpression: `initiative` is a key of the document itself: where it is missing, its value and its parent both point at the document's start
        const at = n.value.initiative === undefined ? 'parent' : 'value';
        const loc = { file: n.loc.file, path: ['initiative'] };
        if (title) {
          // A title asks for an initiative when titles.yaml says so, unless the criterion named instead is met.
          const rule = title.initiative;
          if (rule === false) continue;
          // `true` has no `unless`: read as undefined, it names no criterion, so both tests below may pass it by.
          // Stryker disable next-line ConditionalExpression: (the reason above)
          if (typeof rule === 'object' && n.value.criteria?.[rule.unless] === true) continue;
          const instead =
            // Stryker disable next-line ConditionalExpression: (the reason above)
            typeof rule === 'object' ? (index.criteria.get(rule.unless)?.criterion.text ?? rule.unless) : null;
          out.push({
            loc,
            at,
            message: t(
              `danh hiệu “${title.name}” cần “initiative”: bản mô tả sáng kiến${instead ? ` (hoặc đạt tiêu chí “${instead}”)` : ''}`,
              `the title “${title.name}” needs “initiative”: the description of an initiative${instead ? ` (or meeting the criterion “${instead}”)` : ''}`,
            ),
          });
          continue;
        }
        if (n.value.kind !== 'collective') continue;
        out.push({
          loc,
          at,
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
