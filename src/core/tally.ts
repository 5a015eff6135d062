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

export function tallyRound(round: Round, index: WorkspaceIndex, threshold: Threshold): Tally {
  const council = round.council?.value;
  const members = council?.members.length ?? 0;
  const ballots = round.ballots.map((b) => b.value);
  const valid = ballots.filter((b) => b.valid);
  const base = threshold.of === 'ballots' ? valid.length : members;
  const required = requiredAgree(threshold, base);
  // A round with nothing nominated has nothing to vote on: no quorum applies.
  const quorum = round.nominations.length === 0 ? null : quorumState(threshold, members, ballots.length);
  const quorumMet = quorum === null || quorum.met;

  const deptOrder = new Map<string, number>();
  let i = 0;
  for (const id of index.departments.keys()) deptOrder.set(id, i++);
  const nominations = round.nominations
    .map((n) => n.value)
    .sort((a, b) =>
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
    return { n, agree, disagree, abstain, passed: quorumMet && passes(agree, threshold, base) };
  });

  const recognisedCollectiveDepts = new Set(
    counted.filter((c) => c.n.kind === 'collective' && c.passed).map((c) => c.n.department),
  );

  const results: TallyResult[] = counted.map(({ n, agree, disagree, abstain, passed }) => {
    const leader = isLeaderNomination(n, index);
    const recognised = passed && (!leader || recognisedCollectiveDepts.has(n.department));
    return {
      nomination: n.id,
      kind: n.kind,
      department: n.department,
      person: n.kind === 'individual' ? n.person : null,
      agree,
      disagree,
      abstain,
      passed,
      recognised,
      reason: recognised ? null : passed ? 'department-not-recognised' : quorumMet ? 'below-threshold' : 'no-quorum',
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
    results,
  };
}

/** Percentage of the base, to one decimal place, as a number (0 when the base is 0). */
export function percentOfBase(count: number, base: number): number {
  if (base === 0) return 0;
  return Math.round((count * 1000) / base) / 10;
}
