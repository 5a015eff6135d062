/**
 * Facts about titles a rule or the tally asks: who a nomination is for, who held a title in a
 * round, and whether a share of a department is reached. Pure.
 */
import type { Nomination } from './schemas/round.js';
import type { HistoryEntry, Title, TitleThreshold } from './schemas/titles.js';
import type { WorkspaceIndex } from './records/index.js';
import type { Rec, Round } from './records/workspace.js';
import type { PackMeta } from './schemas/pack.js';
import type { Rating } from './ratings.js';
import { roundEnd, type Period } from './period.js';

/** The subject of a nomination: a person ("p:ID") or a department ("d:ID"). */
export function subjectOf(n: Pick<Nomination, 'kind' | 'department'> & { person?: string }): string {
  return n.kind === 'individual' ? `p:${n.person!}` : `d:${n.department}`;
}

/**
 * Whether `subject` held `title` in `year`: recognised with it in that round's seal, or recorded
 * in history.yaml (awards before thidua). A round present but not sealed has decided nothing yet.
 */
export function heldIn(
  rounds: readonly Round[],
  history: readonly Rec<HistoryEntry>[],
  year: number,
  title: string,
  subject: string,
): boolean {
  const round = rounds.find((r) => r.year === year);
  const results = round?.tally?.value.results ?? [];
  if (
    results.some(
      (r) => r.award === title && r.recognised && (r.person ? `p:${r.person}` : `d:${r.department}`) === subject,
    )
  )
    return true;
  return history.some(
    (h) =>
      h.value.year === year &&
      h.value.title === title &&
      (h.value.person !== undefined ? `p:${h.value.person}` : `d:${h.value.department!}`) === subject,
  );
}

/** The nominations of a round naming `title`, by subject. */
export function nominatedWith(round: Round, title: string): Set<string> {
  return new Set(
    round.nominations
      .filter((n) => n.value.award === title)
      .map((n) => subjectOf({ ...n.value, person: n.value.kind === 'individual' ? n.value.person : undefined })),
  );
}

/**
 * The general rules of ND 152/2025 Điều 4 apply to a nomination for a title of titles.yaml: the
 * rule pack names them (`general`), or agency.yaml says `award_rules: nd-152-2025` (a plain list of titles).
 */
export function under2025Rules(
  index: {
    agency: { award_rules?: string | undefined } | null;
    titles: ReadonlyMap<string, unknown>;
    pack?: PackMeta | null;
  },
  n: Pick<Nomination, 'award'>,
): boolean {
  const on = index.agency?.award_rules === 'nd-152-2025' || index.pack?.general !== undefined;
  return on && n.award !== undefined && index.titles.has(n.award);
}

/**
 * A person's rating in a round: their own nomination's (the first that gives one), else
 * records/<YEAR>/ratings.yaml's; undefined when the round has none.
 */
export function ratingOf(round: Round, person: string): Rating | undefined {
  for (const n of round.nominations) {
    if (n.value.kind === 'individual' && n.value.person === person && n.value.rating !== undefined)
      return n.value.rating;
  }
  return round.ratings.find((r) => r.value.person === person)?.value.rating;
}

/** The day a round's awards are considered: its meeting, or the last day of its period before one is set. */
export function considerationDate(round: Round, period: Period): string {
  return round.council?.value.session?.date ?? roundEnd(round.year, period);
}

/**
 * Each nomination of the rounds being checked that names a declared title of its own kind, with
 * the round, what the round is judged from, the title and the nomination's subject: the walk every
 * requirement rule makes.
 */
export function* titledNominations(
  rounds: readonly Round[],
  view: (round: Round) => WorkspaceIndex,
): Generator<{ round: Round; index: WorkspaceIndex; n: Rec<Nomination>; title: Title; subject: string }> {
  for (const round of rounds) {
    const index = view(round);
    for (const n of round.nominations) {
      const title = n.value.award !== undefined ? index.titles.get(n.value.award) : undefined;
      if (!title || title.kind !== n.value.kind) continue;
      yield {
        round,
        index,
        n,
        title,
        subject: subjectOf({ ...n.value, person: n.value.kind === 'individual' ? n.value.person : undefined }),
      };
    }
  }
}

/** A title's threshold as the tally counts it: an exact fraction, `percent` kept for display. */
export interface CountedThreshold {
  numerator: number;
  denominator: number;
  of: 'members' | 'ballots';
  quorum?: { numerator: number; denominator: number };
  percent?: number;
}

export function countedThreshold(th: TitleThreshold): CountedThreshold {
  const base = { of: th.of, ...(th.quorum ? { quorum: th.quorum } : {}) };
  if (th.percent !== undefined) {
    // 80 % → 80/100 exactly; 66.5 % → 665/1000: decimal percentages stay exact fractions.
    let denominator = 100;
    let numerator = th.percent;
    while (!Number.isInteger(numerator) && denominator < 1e6) {
      numerator *= 10;
      denominator *= 10;
    }
    return { numerator: Math.round(numerator), denominator, ...base, percent: th.percent };
  }
  return { numerator: th.numerator!, denominator: th.denominator!, ...base };
}

/** A title's threshold as tally.yaml keeps it, keys in the schema's order. */
export function thresholdRecord(th: CountedThreshold): Record<string, unknown> {
  return {
    numerator: th.numerator,
    denominator: th.denominator,
    of: th.of,
    ...(th.percent !== undefined ? { percent: th.percent } : {}),
    ...(th.quorum ? { quorum: th.quorum } : {}),
  };
}

/**
 * One title once: the earlier nomination of the round for the same subject and the same title, if
 * any. Earlier is by id ("an-ldtt" before "an-ldtt-2", the suffix `nominate` used to add), not
 * by file name, where "an-ldtt-2.yaml" sorts first. `nominate` refuses a second;
 * `nomination-duplicate` reports it at the later file.
 */
export function earlierSameTitle<N extends { value: Nomination }>(
  nominations: readonly N[],
  candidate: Pick<Nomination, 'kind' | 'department' | 'award' | 'id'> & { person?: string | undefined },
): N | undefined {
  const byId = [...nominations].sort((a, b) => (a.value.id < b.value.id ? -1 : a.value.id > b.value.id ? 1 : 0));
  const first = sameTitle(byId, candidate)[0];
  return first !== undefined && first.value.id < candidate.id ? first : undefined;
}

/** The other nominations of a round for the same subject and the same title (none without a title). */
export function sameTitle<N extends { value: Nomination }>(
  nominations: readonly N[],
  candidate: Pick<Nomination, 'kind' | 'department' | 'award' | 'id'> & { person?: string | undefined },
): N[] {
  if (candidate.award === undefined) return [];
  const subject = subjectOf(candidate);
  return nominations.filter((n) => {
    const v = n.value;
    return (
      v.id !== candidate.id &&
      v.award === candidate.award &&
      subjectOf({ ...v, person: v.kind === 'individual' ? v.person : undefined }) === subject
    );
  });
}
