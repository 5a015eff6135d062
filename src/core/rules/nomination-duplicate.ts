import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { earlierSameTitle } from '../titles.js';

export const rule = defineRule({
  code: 'nomination-duplicate',
  severity: 'error',
  stage: 'records',
  description: t(
    'một người (hoặc một tập thể) được đề nghị hai lần cho cùng một danh hiệu trong một đợt',
    'one person (or unit) is nominated twice for the same title in one round',
  ),
  fix: t(
    'Xoá tệp đề nghị thừa (giữ một đề nghị cho mỗi người, mỗi danh hiệu); hai danh hiệu khác nhau cho một người vẫn được.',
    'Delete the extra nomination file (one nomination per person and title); two different titles for one person are fine.',
  ),
  example:
    '# records/2025/nominations/an-lao-dong-tien-tien-2.yaml\nperson: an\naward: lao-dong-tien-tien   # an-lao-dong-tien-tien.yaml already nominates an for it\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        const v = n.value;
        const first = earlierSameTitle(round.nominations, {
          ...v,
          person: v.kind === 'individual' ? v.person : undefined,
        });
        if (!first) continue;
        const name = index.titles.get(v.award!)?.name ?? v.award!;
        const who =
          v.kind === 'individual' ? `${index.personName(v.person)} (${v.person})` : index.departmentName(v.department);
        out.push({
          loc: { file: n.loc.file, path: [v.kind === 'individual' ? 'person' : 'department'] },
          message: t(
            `${who} đã được đề nghị “${name}” trong đợt ${round.year} ở ${first.loc.file}; mỗi người (tập thể) chỉ được đề nghị một lần cho một danh hiệu`,
            `${who} is already nominated for “${name}” in round ${round.year} in ${first.loc.file}; one nomination per person (or unit) and title`,
          ),
        });
      }
    }
    return out;
  },
});
