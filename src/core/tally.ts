/**
 * The count of a round's secret ballot against the threshold, in exact integer arithmetic.
 * A nomination passes when agree × denominator ≥ numerator × base, with at least one agree vote,
 * a base above zero and the quorum met: an empty vote never recognises anyone.
 */
import type { Fraction, Threshold } from './schemas/agency.js';
import type { TallyResult } from './schemas/sealed.js';
import type { Round } from './records/workspace.js';
import { isLeaderNomination, type WorkspaceIndex } from './records/index.js';
import { effectiveQuorum } from './records/basis.js';
import type { Nomination } from './schemas/round.js';
import { countedThreshold, type CountedThreshold } from './titles.js';
import { dependencyOrder, rankForQuota } from './title-order.js';

export interface QuorumState {
  numerator: number;
  denominator: number;
  /** Ballots that must be received: the smallest count ≥ numerator/denominator of the members. */
  required: number;
  received: number;
  met: boolean;
}

export interface Tally {
  year: number;
  members: number;
  base: number;
  threshold: Threshold;
  required: number;
  ballots: { issued: number; received: number; valid: number; invalid: number };
  /** The quorum in force and whether the ballots received reach it; null when none applies. */
  quorum: QuorumState | null;
  /** Each title the round's nominations name, with its own threshold (absent: the plan's pair only). */
  titles?: TitleCount[];
  results: TallyResult[];
}

/** The smallest whole count that is at least the fraction of the whole: ⌈n × whole / d⌉. */
export function atLeastFraction(f: Pick<Fraction, 'numerator' | 'denominator'>, whole: number): number {
  return Math.floor((f.numerator * whole + f.denominator - 1) / f.denominator);
}

/** A nomination passes: at least one agree vote, a base above zero, and agree × d ≥ n × base. */
export function passes(agree: number, threshold: Pick<Threshold, 'numerator' | 'denominator'>, base: number): boolean {
  return base > 0 && agree >= 1 && agree * threshold.denominator >= threshold.numerator * base;
}

/** The smallest agree count that passes (never less than one). */
export function requiredAgree(threshold: Pick<Threshold, 'numerator' | 'denominator'>, base: number): number {
  return Math.max(1, atLeastFraction(threshold, base));
}

export function quorumState(threshold: Threshold, members: number, received: number): QuorumState | null {
  const q = effectiveQuorum(threshold);
  if (!q) return null;
  const required = Math.max(1, atLeastFraction(q, members));
  return { numerator: q.numerator, denominator: q.denominator, required, received, met: received >= required };
}

/** A title's threshold in the tally: the exact fraction, its base and the agree votes it needs. */
export interface TitleCount {
  id: string;
  threshold: CountedThreshold;
  base: number;
  required: number;
}

/** Whether `count` of `total` reaches `percent` % exactly (decimal percentages included). */
export function reachesPercent(count: number, total: number, percent: number): boolean {
  const f = countedThreshold({ percent, of: 'members' });
  return total > 0 && count * f.denominator >= f.numerator * total;
}

export function tallyRound(round: Round, index: WorkspaceIndex, threshold: Threshold): Tally {
  const council = round.council?.value;
  const members = council?.members.length ?? 0;
  const ballots = round.ballots.map((b) => b.value);
  const valid = ballots.filter((b) => b.valid);
  const baseOf = (th: Pick<Threshold, 'of'>) => (th.of === 'ballots' ? valid.length : members);
  const base = baseOf(threshold);
  const required = requiredAgree(threshold, base);
  // A round with nothing nominated has nothing to vote on: no quorum applies.
  const quorumOf = (th: Threshold) =>
    round.nominations.length === 0 ? null : quorumState(th, members, ballots.length);
  const quorum = quorumOf(threshold);

  // Each title named by a nomination, with its own threshold (or the round's, when it sets none).
  const named = new Set(round.nominations.map((n) => n.value.award));
  const titleOrder = [...index.titles.keys()];
  const titles: TitleCount[] = titleOrder
    .filter((id) => named.has(id))
    .map((id) => {
      const own = index.titles.get(id)!.threshold;
      const th: CountedThreshold = own
        ? countedThreshold(own)
        : {
            numerator: threshold.numerator,
            denominator: threshold.denominator,
            of: threshold.of,
            ...(threshold.quorum ? { quorum: threshold.quorum } : {}),
          };
      const b = baseOf(th);
      return { id, threshold: th, base: b, required: requiredAgree(th, b) };
    });
  const countOf = new Map(titles.map((c) => [c.id, c]));

  const deptOrder = new Map<string, number>();
  let i = 0;
  for (const id of index.departments.keys()) deptOrder.set(id, i++);
  // Without a declared title: -1, before every title (the plan's pair first).
  const titleRank = (n: Nomination) => titleOrder.indexOf(n.award ?? '');
  const nominations = round.nominations
    .map((n) => n.value)
    .sort(
      (a, b) =>
        titleRank(a) - titleRank(b) ||
        (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) ||
        (deptOrder.get(a.department) ?? 1e9) - (deptOrder.get(b.department) ?? 1e9) ||
        // Stryker disable next-line EqualityOperator: ids are unique in a round, so < and <= order alike
        (a.id < b.id ? -1 : 1),
    );

  const counted = nominations.map((n) => {
    let agree = 0;
    let disagree = 0;
    let abstain = 0;
    for (const b of valid) {
      const v = b.votes[n.id] ?? 'abstain';
      if (v === 'agree') agree++;
      else if (v === 'disagree') disagree++;
      else abstain++;
    }
    const own = countOf.get(n.award ?? '');
    const th = own ? { ...own.threshold } : threshold;
    // A form of award the council does not vote on (titles.yaml `vote: false`): the head decides on
    // the nominations that meet its standard, which validation checks before the seal.
    if (index.titles.get(n.award ?? '')?.vote === false)
      return { n, agree, disagree, abstain, passed: true, quorumMet: true };
    const q = own ? quorumOf({ ...own.threshold }) : quorum;
    const passed = (q === null || q.met) && passes(agree, th, own ? own.base : base);
    return { n, agree, disagree, abstain, passed, quorumMet: q === null || q.met };
  });

  // The plan's pair: a leader is recognised only with their department's collective.
  const recognisedCollectiveDepts = new Set(
    counted.filter((c) => c.n.kind === 'collective' && c.n.award === undefined && c.passed).map((c) => c.n.department),
  );
  const leaderOk = (n: Nomination) =>
    n.award !== undefined || !isLeaderNomination(n, index) || recognisedCollectiveDepts.has(n.department);

  // Titles decided in dependency order: a requirement in the same round looks at results already decided.
  const recognised = new Map<string, boolean>();
  const subject = (n: Nomination) => (n.kind === 'individual' ? `p:${n.person}` : `d:${n.department}`);
  const holders = (title: string) =>
    new Set(counted.filter((c) => c.n.award === title && recognised.get(c.n.id)).map((c) => subject(c.n)));
  const { order, cyclic } = dependencyOrder(index.titles);
  const requirementsMet = (n: Nomination): boolean => {
    const title = index.titles.get(n.award ?? '');
    if (!title) return true;
    // Stryker disable next-line ConditionalExpression: in a cycle every requirement names a title not yet decided, so it fails all the same
    if (cyclic.has(title.id)) return false;
    for (const r of title.requires) {
      if ('same_round' in r && !holders(r.title).has(subject(n))) return false;
      // Stryker disable next-line ConditionalExpression: a `years` requirement (the one other kind) passes this test (count < undefined is false)
      if ('members_percent' in r || 'members_at_least' in r) {
        // Stryker disable next-line ArrayDeclaration: a department without people meets no share and no count either way
        const people = (index.peopleByDepartment.get(n.department) ?? []).map((p) => `p:${p.value.id}`);
        const held = holders(r.title);
        const count = people.filter((p) => held.has(p)).length;
        if (
          'members_percent' in r ? !reachesPercent(count, people.length, r.members_percent) : count < r.members_at_least
        )
          return false;
      }
    }
    return true;
  };
  const groups = [undefined, ...order];
  /** Nominations cut by their title's quota, and how a tie at its last place was settled or left. */
  const cut = new Map<string, 'over-quota' | 'tie-unresolved'>();
  const settled = new Map<string, 'chair' | 'women'>();
  // Stryker disable next-line ArrayDeclaration: no nomination has an id outside the id pattern
  const chairDecides = new Set(council?.session?.chair_decides ?? []);
  for (const g of groups) {
    // A nomination naming a title not declared (a diagnostic blocks the seal) is counted as the plan's.
    // Stryker disable next-line ConditionalExpression: titles.has(undefined) is false, so the first test only spares a lookup
    const inGroup = counted.filter(
      (c) => (c.n.award !== undefined && index.titles.has(c.n.award) ? c.n.award : undefined) === g,
    );
    for (const c of inGroup) recognised.set(c.n.id, c.passed && leaderOk(c.n) && requirementsMet(c.n));
    // A title's quota: more eligible than places are ranked by agree votes before the next title is decided.
    const title = index.titles.get(g ?? '');
    const quota = title?.quota;
    if (!title || quota === undefined) continue;
    const eligible = inGroup.filter((c) => recognised.get(c.n.id));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: as many eligible as places are all 'in' by rankForQuota too
    if (eligible.length <= quota) continue;
    // Stryker disable next-line ConditionalExpression,OptionalChaining: a collective has no person, and a nominee missing from people.yaml is a finding that refuses the count
    const ranked = rankForQuota(
      eligible.map((c) => ({
        id: c.n.id,
        agree: c.agree,
        woman: c.n.kind === 'individual' && index.people.get(c.n.person)?.value.gender === 'nu',
      })),
      quota,
      title.tie_break ?? 'chair',
      chairDecides,
    );
    for (const [id, outcome] of ranked) {
      if (outcome === 'in') continue;
      if (outcome === 'chair' || outcome === 'women') {
        settled.set(id, outcome);
        continue;
      }
      recognised.set(id, false);
      cut.set(id, outcome);
    }
  }

  const results: TallyResult[] = counted.map(({ n, agree, disagree, abstain, passed, quorumMet }) => {
    const ok = recognised.get(n.id)!;
    const reason: TallyResult['reason'] = ok
      ? null
      : !passed
        ? quorumMet
          ? 'below-threshold'
          : 'no-quorum'
        : (cut.get(n.id) ?? (leaderOk(n) ? 'prerequisite-not-recognised' : 'department-not-recognised'));
    return {
      nomination: n.id,
      kind: n.kind,
      department: n.department,
      person: n.kind === 'individual' ? n.person : null,
      ...(n.award !== undefined ? { award: n.award } : {}),
      agree,
      disagree,
      abstain,
      passed,
      recognised: ok,
      reason,
      ...(settled.has(n.id) ? { tie_break: settled.get(n.id)! } : {}),
    };
  });

  return {
    year: round.year,
    members,
    base,
    threshold,
    required,
    ballots: {
      issued: council?.session?.ballots_issued ?? 0,
      received: ballots.length,
      valid: valid.length,
      invalid: ballots.length - valid.length,
    },
    quorum,
    ...(titles.length ? { titles } : {}),
    results,
  };
}

/** Percentage of the base, to one decimal place, as a number (0 when the base is 0). */
export function percentOfBase(count: number, base: number): number {
  if (base === 0) return 0;
  return Math.round((count * 1000) / base) / 10;
}
