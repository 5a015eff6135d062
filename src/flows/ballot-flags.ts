/**
 * A paper ballot given by flags: `--all agree` marks every nomination of the round, `--vote ID=…`
 * the ones marked otherwise ("tất cả đồng ý, trừ …"); without --all, only the nominations named.
 */
import { t } from '../core/diagnostics.js';
import { VOTE_CHOICES, type Ballot, type VoteChoice } from '../core/schemas/round.js';
import { closest } from '../core/text/closest.js';
import { usageError } from '../errors.js';
import type { AgendaItem } from './agenda.js';

/** The flags of `thidua ballot` that make a paper. */
export interface BallotFlags {
  all?: string | undefined;
  vote: readonly string[];
  invalid: boolean;
  written: boolean;
  reason?: string | undefined;
}

function choiceOf(flag: string, value: string): VoteChoice {
  if ((VOTE_CHOICES as readonly string[]).includes(value)) return value as VoteChoice;
  const g = closest(value, VOTE_CHOICES);
  throw usageError(
    t(
      `${flag}: “${value}” phải là agree, disagree hoặc abstain${g ? ` (có phải “${g}”?)` : ''}`,
      `${flag}: “${value}” must be agree, disagree or abstain${g ? ` (did you mean “${g}”?)` : ''}`,
    ),
  );
}

export function ballotFromFlags(agenda: AgendaItem[], serial: number, opts: BallotFlags): Ballot {
  const all = opts.all === undefined ? undefined : choiceOf('--all', opts.all.trim());
  const votes: Record<string, VoteChoice> = {};
  if (all !== undefined) for (const a of agenda) votes[a.id] = all;
  const known = new Set(agenda.map((a) => a.id));
  const given = new Set<string>();
  const raw = opts.vote;
  for (const entry of raw) {
    const m = /^([^=]+)=(.+)$/.exec(entry);
    if (!m)
      throw usageError(
        t(
          `--vote “${entry}”: cần dạng ID=agree|disagree|abstain`,
          `--vote “${entry}”: expected ID=agree|disagree|abstain`,
        ),
      );
    const [, id, choice] = m as unknown as [string, string, string];
    if (!known.has(id)) {
      const guess = closest(id, known);
      throw usageError(
        t(
          `--vote: không có đề nghị “${id}” trong đợt này${guess ? ` (có phải “${guess}”?)` : ''}`,
          `--vote: no nomination “${id}” in this round${guess ? ` (did you mean “${guess}”?)` : ''}`,
        ),
      );
    }
    const vote = choiceOf(`--vote ${id}`, choice);
    if (given.has(id)) throw usageError(t(`--vote: “${id}” được cho hai lần`, `--vote: “${id}” given twice`));
    given.add(id);
    votes[id] = vote;
  }
  const invalid = opts.invalid;
  if (invalid && (raw.length > 0 || all !== undefined))
    throw usageError(
      t(
        `--invalid không đi cùng ${all !== undefined ? '--all' : '--vote'}: phiếu không hợp lệ không tính phiếu bầu`,
        `--invalid does not go with ${all !== undefined ? '--all' : '--vote'}: an invalid ballot casts no votes`,
      ),
    );
  return {
    serial,
    valid: !invalid,
    written: opts.written,
    votes,
    ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
  };
}
