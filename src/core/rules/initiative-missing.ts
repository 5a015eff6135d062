import { t, type Localized } from '../diagnostics.js';
import { RATING_LABELS, ratingAtLeast } from '../ratings.js';
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
          if (typeof rule === 'object') {
            if (rule.unless !== undefined && n.value.criteria?.[rule.unless] === true) continue;
            // Law Điều 23: the rating "hoàn thành xuất sắc nhiệm vụ", or an accepted research work, stands for an initiative.
            const rating = n.value.rating;
            if (rule.unless_rating !== undefined && rating !== undefined && ratingAtLeast(rating, rule.unless_rating))
              continue;
            if (rule.or_research === true && n.value.research !== undefined) continue;
          }
          const others: Localized[] = [];
          if (typeof rule === 'object') {
            if (rule.unless !== undefined) {
              const text = index.criteria.get(rule.unless)?.criterion.text ?? rule.unless;
              others.push(t(`đạt tiêu chí “${text}”`, `meeting the criterion “${text}”`));
            }
            if (rule.unless_rating !== undefined) {
              const label = RATING_LABELS[rule.unless_rating];
              others.push(
                t(
                  `xếp loại “${label.vi}” (rating: ${rule.unless_rating})`,
                  `the rating “${label.en}” (rating: ${rule.unless_rating})`,
                ),
              );
            }
            if (rule.or_research === true)
              others.push(t('đề tài nghiên cứu đã nghiệm thu (research)', 'an accepted research work (research)'));
          }
          const instead = others.length
            ? {
                vi: ` (hoặc ${others.map((o) => o.vi).join(', hoặc ')})`,
                en: ` (or ${others.map((o) => o.en).join(', or ')})`,
              }
            : { vi: '', en: '' };
          out.push({
            loc,
            at,
            message: t(
              `danh hiệu “${title.name}” cần “initiative”: bản mô tả sáng kiến${instead.vi}`,
              `the title “${title.name}” needs “initiative”: the description of an initiative${instead.en}`,
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
