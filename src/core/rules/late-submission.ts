import { t } from '../diagnostics.js';
import { shortDate } from '../dates.js';
import { REGISTRATION, roundDeadline, isOnTime } from '../deadlines.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'late-submission',
  severity: 'error',
  stage: 'records',
  description: t(
    'đề nghị nộp không trước hạn đăng ký; cảnh báo khi có “accepted_late”',
    '`submitted` is not before the registration deadline; a warning when `accepted_late` is given',
  ),
  fix: t(
    'Nếu Hội đồng vẫn nhận, ghi “accepted_late: { reason, by }”; nếu ngày nhận ghi nhầm, sửa “submitted”.',
    'If the council accepts it anyway, add “accepted_late: { reason, by }”; if the date is wrong, correct “submitted”.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\nsubmitted: 2016-11-30   # registration closes before 11-30\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const agency = index.agency;
      if (!agency) continue;
      const deadline = roundDeadline(agency, round.year, REGISTRATION);
      if (!deadline) continue;
      for (const n of round.nominations) {
        if (isOnTime(n.value.submitted, deadline.before)) continue;
        const accepted = n.value.accepted_late;
        out.push({
          loc: { file: n.loc.file, path: ['submitted'] },
          severity: accepted ? 'warning' : 'error',
          message: accepted
            ? t(
                `nộp ngày ${shortDate(n.value.submitted)}, không trước hạn đăng ký ${shortDate(deadline.before)}; đã được ${index.personName(accepted.by)} chấp nhận: ${accepted.reason}`,
                `submitted ${n.value.submitted}, not before the registration deadline ${deadline.before}; accepted by ${index.personName(accepted.by)}: ${accepted.reason}`,
              )
            : t(
                `nộp ngày ${shortDate(n.value.submitted)}, không trước hạn đăng ký ${shortDate(deadline.before)} (“trước ngày”); nếu Hội đồng vẫn nhận, ghi “accepted_late: { reason, by }”`,
                `submitted ${n.value.submitted}, not before the registration deadline ${deadline.before}; if the council accepts it anyway, add “accepted_late: { reason, by }”`,
              ),
        });
      }
    }
    return out;
  },
});
