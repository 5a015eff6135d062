import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { titledNominations } from '../titles.js';

export const rule = defineRule({
  code: 'collective-both-titles',
  severity: 'warning',
  stage: 'records',
  description: t(
    'một tập thể được đề nghị hai danh hiệu tập thể trong cùng đợt (Tập thể lao động tiên tiến và Tập thể lao động xuất sắc): không bị cấm, nhưng chỉ được thưởng tiền theo danh hiệu cao hơn',
    'one unit is nominated for two collective titles in the same round (Tập thể lao động tiên tiến and Tập thể lao động xuất sắc): not forbidden, but only the higher title’s money is paid',
  ),
  fix: t(
    'Xem lại: thường chỉ đề nghị danh hiệu cao hơn; nếu cơ quan vẫn xét cả hai, không cần sửa.',
    'Check: usually only the higher title is proposed; if the agency does consider both, nothing needs changing.',
  ),
  example:
    '# records/2025/nominations/vp-tap-the-lao-dong-xuat-sac.yaml\naward: tap-the-lao-dong-xuat-sac   # vp-tap-the-lao-dong-tien-tien.yaml too\n',
  check(ctx) {
    const out: Finding[] = [];
    const seen = new Map<string, { file: string; name: string }>();
    for (const { round, index, n, title } of titledNominations(ctx.rounds, (r) => ctx.view(r))) {
      if (n.value.kind !== 'collective' || title.form !== 'title') continue;
      const key = `${round.year}/${n.value.department}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { file: n.loc.file, name: title.name });
        continue;
      }
      if (first.name === title.name) continue;
      out.push({
        loc: { file: n.loc.file, path: ['award'] },
        message: t(
          `${index.departmentName(n.value.department)} đã được đề nghị “${first.name}” trong đợt ${round.year} (${first.file}); đề nghị cả “${title.name}”: không bị cấm, nhưng chỉ được thưởng tiền theo danh hiệu cao hơn`,
          `${index.departmentName(n.value.department)} is already nominated for “${first.name}” in round ${round.year} (${first.file}); also “${title.name}”: not forbidden, but only the higher title’s money is paid`,
        ),
      });
    }
    return out;
  },
});
