/**
 * A nomination from the clerk's answers, the same whether they came as flags or at the prompts:
 * every criterion of its groups answered (ticked or not), its id the department's default unless given.
 */
import { addDays } from './dates.js';
import { roundSpan, type Period } from './period.js';
import type { Criteria } from './schemas/criteria.js';
import type { Nomination } from './schemas/round.js';
import type { Rating } from './ratings.js';
import { criteriaGroupsFor, insteadOfInitiative, titleCriteria, type WorkspaceIndex } from './records/index.js';

export interface NominationAnswers {
  id?: string | undefined;
  kind: Nomination['kind'];
  department: string;
  /** Individual only. */
  person?: string | undefined;
  /** A title of titles.yaml (none: the plan's recognition for the kind). */
  award?: string | undefined;
  title: string;
  /** A collective's, or for a title that asks for one. */
  initiative?: string | undefined;
  submitted: string;
  /** The subject's yearly rating. */
  rating?: Rating | undefined;
  /** An accepted research work. */
  research?: string | undefined;
  /** The criteria met, by id. */
  met: ReadonlySet<string>;
  newFactor?: boolean;
}

/**
 * The default id: DEPT-mo-hinh / DEPT-ca-nhan, numbered when taken; for a title, the department
 * (a collective) or the person (an individual) and the title: "vp-lao-dong-tien-tien".
 */
export function defaultId(
  kind: Nomination['kind'],
  department: string,
  taken: ReadonlySet<string>,
  award?: { id: string; person?: string | undefined },
): string {
  const base = award
    ? `${kind === 'individual' && award.person ? award.person : department}-${award.id}`.slice(0, 64).replace(/-+$/, '')
    : `${department}-${kind === 'collective' ? 'mo-hinh' : 'ca-nhan'}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The criteria a nomination of this kind, person and title answers: the title's, or its groups' in catalogue order. */
export function criteriaFor(
  kind: Nomination['kind'],
  person: string | undefined,
  index: WorkspaceIndex,
  catalogue: Criteria,
  award?: string,
) {
  const own = titleCriteria({ award }, index);
  if (!own) return criteriaGroupsFor(kind, person, index).flatMap((g) => catalogue[g]);
  // The criterion that may stand in for an initiative is asked too (true or false, both fine).
  const instead = insteadOfInitiative({ award }, index);
  return instead && !own.some((c) => c.id === instead.id) ? [...own, instead] : own;
}

export function buildNomination(
  a: NominationAnswers,
  index: WorkspaceIndex,
  catalogue: Criteria,
  taken: ReadonlySet<string>,
): Nomination {
  const criteria = Object.fromEntries(
    criteriaFor(a.kind, a.person, index, catalogue, a.award).map((c) => [c.id, a.met.has(c.id)]),
  );
  const base = {
    id:
      a.id ??
      defaultId(a.kind, a.department, taken, a.award !== undefined ? { id: a.award, person: a.person } : undefined),
    department: a.department,
    ...(a.award !== undefined ? { award: a.award } : {}),
    title: a.title,
    ...(a.rating !== undefined ? { rating: a.rating } : {}),
    ...(a.research !== undefined ? { research: a.research } : {}),
    submitted: a.submitted,
    criteria,
    ...(a.newFactor ? { new_factor: true } : {}),
  };
  return a.kind === 'collective'
    ? { ...base, kind: 'collective', ...(a.initiative !== undefined ? { initiative: a.initiative } : {}) }
    : {
        ...base,
        kind: 'individual',
        person: a.person ?? '',
        ...(a.initiative !== undefined ? { initiative: a.initiative } : {}),
      };
}

/**
 * The date a nomination prompt offers: today when it falls in the round's year and not after its
 * registration deadline, else the last day before that deadline (or 31/12 of the round's year).
 */
export function defaultSubmitted(
  today: string,
  year: number,
  registrationBefore: string | null,
  period: Period = 'calendar',
): string {
  const { start, end } = roundSpan(year, period);
  const lastDay = registrationBefore !== null ? addDays(registrationBefore, -1) : end;
  if (today >= start && today <= lastDay) return today;
  return lastDay;
}

/**
 * The order the council votes in, the one home of it: collectives first, then individuals, each
 * in the order of departments.yaml, then by id (the ballot prompts and the printed ballot paper).
 */
export function votingOrder<N extends Pick<Nomination, 'id' | 'kind' | 'department' | 'award'>>(
  nominations: readonly N[],
  departmentOrder: readonly string[],
  titleOrder: readonly string[] = [],
): N[] {
  const rank = new Map(departmentOrder.map((id, i) => [id, i]));
  const of = (d: string) => rank.get(d) ?? departmentOrder.length;
  // The plan's pair first, then each title in the order titles.yaml declares them (the tally's order).
  const titleRank = (n: N) =>
    n.award !== undefined && titleOrder.includes(n.award) ? titleOrder.indexOf(n.award) : -1;
  return [...nominations].sort(
    (a, b) =>
      titleRank(a) - titleRank(b) ||
      (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) ||
      of(a.department) - of(b.department) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
