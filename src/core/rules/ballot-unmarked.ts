import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'ballot-unmarked',
  severity: 'warning',
  stage: 'records',
  description: t(
    'một phiếu hợp lệ không ghi ý kiến về một đề nghị (được tính là không có ý kiến)',
    'a valid ballot does not mark a nomination (it counts as an abstention)',
  ),
  fix: t(
    'Nhập đủ ý kiến trên phiếu (agree, disagree, abstain); nếu đề nghị được thêm sau khi bỏ phiếu, Hội đồng cần bỏ phiếu lại.',
    'Enter every mark on the ballot (agree, disagree, abstain); a nomination added after the vote needs a new vote.',
  ),
  example: '# records/2016/ballots/003.yaml\nvotes: { nv1-mo-hinh: agree }   # nv1-ca-nhan not marked\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      // Once sealed, the count is final: the warning is for the clerk before the seal.
      if (round.tallyPresent) continue;
      const ids = round.nominations.map((n) => n.value.id);
      for (const b of round.ballots) {
        if (!b.value.valid) continue;
        const missing = ids.filter((id) => !(id in b.value.votes));
        if (missing.length === 0) continue;
        out.push({
          loc: { file: b.loc.file, path: ['votes'] },
          at: 'key',
          message: t(
            `phiếu số ${b.value.serial} không ghi ý kiến về ${missing.map((id) => `“${id}”`).join(', ')}: được tính là không có ý kiến (đề nghị thêm sau khi bỏ phiếu, hay nhập thiếu?)`,
            `ballot ${b.value.serial} does not mark ${missing.map((id) => `“${id}”`).join(', ')}: counted as an abstention (a nomination added after the vote, or a mark left out?)`,
          ),
        });
      }
    }
    return out;
  },
});
