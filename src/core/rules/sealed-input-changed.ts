import { t } from '../diagnostics.js';
import { compareSeal, inputHashes } from '../seal.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'sealed-input-changed',
  severity: 'error',
  stage: 'records',
  description: t(
    'một tệp đã niêm phong trong tally.yaml bị sửa, thêm hoặc xoá',
    'a file sealed in tally.yaml changed, appeared or disappeared',
  ),
  fix: t(
    'Trả tệp về như lúc niêm phong (git checkout), hoặc mở niêm phong có ghi lý do: thidua unseal NĂM --reason "…".',
    'Put the file back as sealed (git checkout), or open the seal with a reason: thidua unseal YEAR --reason "…".',
  ),
  example: '# records/2016/ballots/003.yaml edited after thidua tally 2016 --seal\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const tally = round.tally;
      if (!tally) continue;
      const now = inputHashes(round, (p) => ctx.currentBytes(p));
      for (const c of compareSeal(tally.value.inputs, now)) {
        if (c.change === 'removed') {
          out.push({
            loc: { file: round.tallyFile, path: ['inputs', c.path] },
            at: 'key',
            message: t(
              `tệp đã niêm phong ${c.path} bị xoá sau khi niêm phong kết quả đợt ${round.year}`,
              `the sealed file ${c.path} was removed after round ${round.year} was sealed`,
            ),
          });
        } else if (c.change === 'changed') {
          out.push({
            // Stryker disable next-line ArrayDeclaration: a path to no key points where the empty path does: the start of the document
            loc: { file: c.path, path: [] },
            message: t(
              `tệp này đã bị sửa sau khi niêm phong kết quả đợt ${round.year} (mã băm khác với ${round.tallyFile})`,
              `this file changed after round ${round.year} was sealed (its hash differs from ${round.tallyFile})`,
            ),
          });
        } else {
          out.push({
            // Stryker disable next-line ArrayDeclaration: a path to no key points where the empty path does: the start of the document
            loc: { file: c.path, path: [] },
            message: t(
              `tệp này được thêm sau khi niêm phong kết quả đợt ${round.year} (${round.tallyFile})`,
              `this file was added after round ${round.year} was sealed (${round.tallyFile})`,
            ),
          });
        }
      }
    }
    return out;
  },
});
