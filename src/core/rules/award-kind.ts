import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'award-kind',
  severity: 'error',
  stage: 'records',
  description: t(
    'đề nghị cá nhân cho danh hiệu tập thể, hoặc ngược lại',
    'an individual nominated for a collective title, or the other way round',
  ),
  fix: t(
    'Chọn danh hiệu cùng loại với đề nghị (kind trong titles.yaml), hoặc sửa loại đề nghị.',
    'Choose a title of the nomination’s kind (kind in titles.yaml), or correct the nomination’s kind.',
  ),
  example:
    '# records/2025/nominations/vp-cstdcs.yaml\nkind: collective\naward: chien-si-thi-dua-co-so   # an individual title\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        const title = index.titles.get(n.value.award ?? '');
        if (!title || title.kind === n.value.kind) continue;
        out.push({
          loc: { file: n.loc.file, path: ['award'] },
          message:
            title.kind === 'individual'
              ? t(
                  `“${title.name}” là danh hiệu cá nhân; đề nghị này là của tập thể (kind: collective)`,
                  `“${title.name}” is an individual title; this nomination is a collective’s (kind: collective)`,
                )
              : t(
                  `“${title.name}” là danh hiệu tập thể; đề nghị này là của cá nhân (kind: individual)`,
                  `“${title.name}” is a collective title; this nomination is an individual’s (kind: individual)`,
                ),
        });
      }
    }
    return out;
  },
});
