import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { considerationDate, under2025Rules } from '../titles.js';
import { periodOf } from '../period.js';
import { shortDate } from '../dates.js';

const KIND = {
  discipline: t('đang xem xét kỷ luật', 'under disciplinary consideration'),
  investigation: t('đang bị điều tra, thanh tra, kiểm tra', 'under investigation'),
  complaint: t('có khiếu nại, tố cáo', 'the subject of a complaint'),
} as const;

export const rule = defineRule({
  code: 'award-pending',
  severity: 'error',
  stage: 'records',
  description: t(
    'quy định 2025: người hoặc tập thể đang bị xem xét kỷ luật, điều tra hay có khiếu nại chưa giải quyết (records/pending.yaml) vào ngày họp xét thì chưa được đề nghị danh hiệu',
    '2025 rules: a person or unit under disciplinary consideration, investigation or an unsettled complaint (records/pending.yaml) on the day of the review is not proposed for a title',
  ),
  fix: t(
    'Chờ việc được giải quyết (ghi “until” trong records/pending.yaml), rồi đề nghị ở đợt sau; hoặc rút đề nghị.',
    'Wait until the matter is settled (its “until” in records/pending.yaml), then propose in a later round; or withdraw the nomination.',
  ),
  example: '# records/pending.yaml\n- { person: an, kind: complaint, from: 2025-10-01 }\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const at = considerationDate(round, periodOf(index.agency));
      for (const n of round.nominations) {
        if (!under2025Rules(index, n.value)) continue;
        // Stryker disable next-line ConditionalExpression: a collective's nomination names no person
        const person = n.value.kind === 'individual' ? n.value.person : undefined;
        for (const m of ctx.ws.pending) {
          const p = m.value;
          const concerns =
            p.person !== undefined
              ? p.person === person
              : p.department === n.value.department && n.value.kind === 'collective';
          if (!concerns || p.from > at || (p.until ?? at) < at) continue;
          const who =
            p.person !== undefined ? index.personName(p.person) : `tập thể ${index.departmentName(p.department!)}`;
          const whoEn =
            p.person !== undefined
              ? index.personName(p.person)
              : `the collective ${index.departmentName(p.department!)}`;
          out.push({
            loc: { file: n.loc.file, path: [n.value.kind === 'individual' ? 'person' : 'department'] },
            message: t(
              `${who} ${KIND[p.kind].vi} từ ${shortDate(p.from)}${p.until ? ` đến ${shortDate(p.until)}` : ' (chưa giải quyết)'}, vào ngày xét ${shortDate(at)}: chưa được đề nghị danh hiệu`,
              `${whoEn} is ${KIND[p.kind].en} from ${p.from}${p.until ? ` to ${p.until}` : ' (not settled)'}, on the day of the review, ${at}: not proposed for a title`,
            ),
          });
        }
      }
    }
    return out;
  },
});
