import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { nominatedWith, titledNominations } from '../titles.js';

export const rule = defineRule({
  code: 'award-same-round',
  severity: 'error',
  stage: 'records',
  description: t(
    'danh hiệu cần một danh hiệu khác trong cùng đợt (Chiến sĩ thi đua cơ sở cần Lao động tiên tiến) mà đợt không có đề nghị đó',
    'a title needs another in the same round (Chiến sĩ thi đua cơ sở needs Lao động tiên tiến) and the round has no such nomination',
  ),
  fix: t(
    'Thêm đề nghị danh hiệu được yêu cầu cho cùng người (hoặc tập thể) trong đợt, hoặc rút đề nghị này.',
    'Add the nomination for the required title for the same person (or collective) in the round, or withdraw this one.',
  ),
  example:
    '# records/2025/nominations/an-cstdcs.yaml\naward: chien-si-thi-dua-co-so   # and no lao-dong-tien-tien nomination for the same person\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const { round, index, n, title, subject } of titledNominations(ctx.rounds, (r) => ctx.view(r))) {
      for (const r of title.requires) {
        if (!('same_round' in r) || !index.titles.has(r.title)) continue;
        if (nominatedWith(round, r.title).has(subject)) continue;
        const who =
          n.value.kind === 'individual'
            ? index.personName(n.value.person)
            : `tập thể ${index.departmentName(n.value.department)}`;
        const whoEn =
          n.value.kind === 'individual'
            ? index.personName(n.value.person)
            : `the collective ${index.departmentName(n.value.department)}`;
        const need = index.titles.get(r.title)!.name;
        out.push({
          loc: { file: n.loc.file, path: ['award'] },
          message: t(
            `“${title.name}” cần “${need}” trong cùng đợt, nhưng đợt ${round.year} không có đề nghị “${need}” cho ${who}`,
            `“${title.name}” needs “${need}” in the same round, but round ${round.year} has no “${need}” nomination for ${whoEn}`,
          ),
        });
      }
    }
    return out;
  },
});
