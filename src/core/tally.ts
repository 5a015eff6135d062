/**
 * The count of a round's secret ballot against the threshold, in exact integer arithmetic.
 * A nomination passes when agree × denominator ≥ numerator × base.
 */
import type { Threshold } from './schemas/agency.js';
import type { TallyResult } from './schemas/sealed.js';
import type { Round } from './records/workspace.js';
import { isLeaderNomination, type WorkspaceIndex } from './rules/rule.js';

export interface Tally {
  year: number;
  members: number;
  base: number;
  threshold: Threshold;
  required: number;
  ballots: { issued: number; received: number; valid: number; invalid: number };
  results: TallyResult[];
}

export function passes(agree: number, threshold: Pick<Threshold, 'numerator' | 'denominator'>, base: number): boolean {
  return agree * threshold.denominator >= threshold.numerator * base;
}

/** The smallest agree count that passes. */
export function requiredAgree(threshold: Pick<Threshold, 'numerator' | 'denominator'>, base: number): number {
  const need = threshold.numerator * base;
  return Math.floor((need + threshold.denominator - 1) / threshold.denominator);
}

export function tallyRound(round: Round, index: WorkspaceIndex, threshold: Threshold): Tally {
  const council = round.council?.value;
  const members = council?.members.length ?? 0;
  const ballots = round.ballots.map((b) => b.value);
  const valid = ballots.filter((b) => b.valid);
  const base = threshold.of === 'ballots' ? valid.length : members;
  const required = requiredAgree(threshold, base);

  const deptOrder = new Map<string, number>();
  let i = 0;
  for (const id of index.departments.keys()) deptOrder.set(id, i++);
  const nominations = round.nominations
    .map((n) => n.value)
    .sort((a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) ||
      (deptOrder.get(a.department) ?? 1e9) - (deptOrder.get(b.department) ?? 1e9) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
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
    return { n, agree, disagree, abstain, passed: passes(agree, threshold, base) };
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
      reason: recognised ? null : passed ? 'department-not-recognised' : 'below-threshold',
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
    results,
  };
}

/** Percentage of the base, to one decimal place, as a number (0 when the base is 0). */
export function percentOfBase(count: number, base: number): number {
  if (base === 0) return 0;
  return Math.round((count * 1000) / base) / 10;
}
