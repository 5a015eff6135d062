/**
 * A nomination from the clerk's answers, the same whether they came as flags or at the prompts:
 * every criterion of its groups answered (ticked or not), its id the department's default unless given.
 */
import { addDays } from './dates.js';
import type { Criteria } from './schemas/criteria.js';
import type { Nomination } from './schemas/round.js';
import { criteriaGroupsFor, type WorkspaceIndex } from './records/index.js';

export interface NominationAnswers {
  id?: string | undefined;
  kind: Nomination['kind'];
  department: string;
  /** Individual only. */
  person?: string | undefined;
  title: string;
  /** Collective only. */
  initiative?: string | undefined;
  submitted: string;
  /** The criteria met, by id. */
  met: ReadonlySet<string>;
  newFactor?: boolean;
}

/** The default id: DEPT-mo-hinh / DEPT-ca-nhan, numbered when taken. */
export function defaultId(kind: Nomination['kind'], department: string, taken: ReadonlySet<string>): string {
  const base = `${department}-${kind === 'collective' ? 'mo-hinh' : 'ca-nhan'}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The criteria a nomination of this kind and person answers, in catalogue order. */
export function criteriaFor(kind: Nomination['kind'], person: string | undefined, index: WorkspaceIndex, catalogue: Criteria) {
  return criteriaGroupsFor(kind, person, index).flatMap((g) => catalogue[g]);
}

export function buildNomination(a: NominationAnswers, index: WorkspaceIndex, catalogue: Criteria, taken: ReadonlySet<string>): Nomination {
  const criteria = Object.fromEntries(criteriaFor(a.kind, a.person, index, catalogue).map((c) => [c.id, a.met.has(c.id)]));
  const base = { id: a.id ?? defaultId(a.kind, a.department, taken), department: a.department, title: a.title, submitted: a.submitted, criteria, ...(a.newFactor ? { new_factor: true } : {}) };
  return a.kind === 'collective'
    ? { ...base, kind: 'collective', ...(a.initiative !== undefined ? { initiative: a.initiative } : {}) }
    : { ...base, kind: 'individual', person: a.person ?? '' };
}

/**
 * The date a nomination prompt offers: today when it falls in the round's year and not after its
 * registration deadline, else the last day before that deadline (or 31/12 of the round's year).
 */
export function defaultSubmitted(today: string, year: number, registrationBefore: string | null): string {
  const lastDay = registrationBefore !== null ? addDays(registrationBefore, -1) : `${year}-12-31`;
  if (today >= `${year}-01-01` && today <= lastDay) return today;
  return lastDay;
}

/**
 * The order the council votes in, the one home of it: collectives first, then individuals, each
 * in the order of departments.yaml, then by id (the ballot prompts and the printed ballot paper).
 */
export function votingOrder<N extends Pick<Nomination, 'id' | 'kind' | 'department'>>(nominations: readonly N[], departmentOrder: readonly string[]): N[] {
  const rank = new Map(departmentOrder.map((id, i) => [id, i]));
  const of = (d: string) => rank.get(d) ?? departmentOrder.length;
  return [...nominations].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) || of(a.department) - of(b.department) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
