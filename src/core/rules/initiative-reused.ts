import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { under2025Rules } from '../titles.js';

export const rule = defineRule({
  code: 'initiative-reused',
  severity: 'error',
  stage: 'records',
  description: t(
    'quy định 2025: một sáng kiến chỉ được dùng cho một lần khen thưởng; mã sáng kiến (initiative_id) đã dùng cho đề nghị khác',
    '2025 rules: one initiative counts for one award only; the initiative’s id (initiative_id) is already used by another nomination',
  ),
  fix: t(
    'Dùng sáng kiến khác cho đề nghị này, hoặc bỏ “initiative_id” nếu không dựa trên sáng kiến đó.',
    'Base this nomination on another initiative, or drop “initiative_id” if it does not rest on that one.',
  ),
  example:
    '# records/2025/nominations/an-cstdcs.yaml\ninitiative_id: ban-do-so   # also used by the 2024 nomination an-cstdcs\n',
  check(ctx) {
    const out: Finding[] = [];
    // Every use, in round order: a recognised use of an earlier round, or another nomination of this one.
    // Stryker disable next-line MethodExpression,ConditionalExpression: a shortcut; the search below compares each use's initiative_id with a defined one
    const uses = ctx.ws.rounds.flatMap((r) =>
      r.nominations.filter((n) => n.value.initiative_id !== undefined).map((n) => ({ round: r, n })),
    );
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        const id = n.value.initiative_id;
        // Stryker disable next-line ConditionalExpression: a nomination without an initiative_id matches no use (every use has one)
        if (id === undefined) continue;
        if (!under2025Rules(index, n.value)) continue;
        const other = uses.find(
          (u) =>
            // Stryker disable next-line ConditionalExpression: the nomination itself is neither of an earlier round nor of a smaller id than its own
            u.n !== n &&
            u.n.value.initiative_id === id &&
            (u.round.year < round.year
              ? u.round.tally?.value.results.some((r) => r.nomination === u.n.value.id && r.recognised) === true
              : u.round === round &&
                // Stryker disable next-line EqualityOperator: two nominations of one id are duplicate-id's error
                u.n.value.id < n.value.id),
        );
        if (!other) continue;
        out.push({
          loc: { file: n.loc.file, path: ['initiative_id'] },
          message:
            other.round === round
              ? t(
                  `sáng kiến “${id}” đã dùng cho đề nghị “${other.n.value.id}” cùng đợt; một sáng kiến chỉ cho một lần khen thưởng`,
                  `the initiative “${id}” is already used by the nomination “${other.n.value.id}” of this round; one initiative, one award`,
                )
              : t(
                  `sáng kiến “${id}” đã được khen thưởng ở đợt ${other.round.year} (“${other.n.value.id}”); một sáng kiến chỉ cho một lần khen thưởng`,
                  `the initiative “${id}” was already rewarded in ${other.round.year} (“${other.n.value.id}”); one initiative, one award`,
                ),
        });
      }
    }
    return out;
  },
});
