/** The lookup tables rules, the tally and documents read: departments, people, criteria, measures. */
import type { Agency } from '../schemas/agency.js';
import type { Criteria, Criterion } from '../schemas/criteria.js';
import type { Department, DisciplineMeasure, Person } from '../schemas/organisation.js';
import type { Nomination } from '../schemas/round.js';
import type { Rec, Workspace } from './workspace.js';
import type { Title } from '../schemas/titles.js';
import type { PackMeta } from '../schemas/pack.js';
import { withCompetence } from '../pack/competence.js';

export type CriteriaGroupName = 'collective' | 'individual' | 'leader';

export interface WorkspaceIndex {
  agency: Agency | null;
  /** The criteria catalogue in force (the round's own, or the shared one). */
  catalogue: Criteria | null;
  departments: Map<string, Rec<Department>>;
  people: Map<string, Rec<Person>>;
  /** Criterion id → its group and text. */
  criteria: Map<string, { group: CriteriaGroupName; criterion: Criterion }>;
  disciplineByPerson: Map<string, Rec<DisciplineMeasure>[]>;
  peopleByDepartment: Map<string, Rec<Person>[]>;
  /**
   * The titles in force (records/titles.yaml, or the seal's), by id; empty: the plan's pair only.
   * `decided_by` is as the agency's level says when the pack gives competences.
   */
  titles: Map<string, Title>;
  /** The rule pack in force (records/titles.yaml as a mapping, or the seal's); null: a plain list of titles. */
  pack: PackMeta | null;
  knownDepartment(id: string): boolean;
  knownPerson(id: string): boolean;
  personName(id: string): string;
  departmentName(id: string): string;
}

export interface IndexParts {
  agency: Agency | null;
  criteria: Criteria | null;
  departments: readonly Rec<Department>[];
  people: readonly Rec<Person>[];
  discipline: readonly Rec<DisciplineMeasure>[];
  titles?: readonly Title[];
  pack?: PackMeta | null;
  /** Ids present in a file even if their item is broken: references to them are not reported again. */
  brokenIds?: { departments: ReadonlySet<string>; people: ReadonlySet<string> };
  /** Shared files present but unreadable as a whole: references into them are not checked. */
  unavailable?: { departments: boolean; people: boolean };
}

/**
 * The pack's quorum (an open setting, default 2/3) on every voted title that sets none: a title
 * without its own threshold takes the agency's, with the quorum.
 */
function withQuorum(titles: Title[], pack: PackMeta | null, agency: Agency | null): Title[] {
  const q = pack?.settings?.quorum;
  if (!q) return titles;
  const quorum = { numerator: q.numerator, denominator: q.denominator };
  return titles.map((x) => {
    const base = x.threshold ?? agency?.threshold;
    if (!x.vote || !base) return x;
    return { ...x, threshold: { ...base, quorum: base.quorum ?? quorum } };
  });
}

export function buildIndexFrom(parts: IndexParts): WorkspaceIndex {
  const departments = new Map<string, Rec<Department>>();
  for (const d of parts.departments) if (!departments.has(d.value.id)) departments.set(d.value.id, d);
  const people = new Map<string, Rec<Person>>();
  const peopleByDepartment = new Map<string, Rec<Person>[]>();
  for (const p of parts.people) {
    if (!people.has(p.value.id)) people.set(p.value.id, p);
    if (p.value.department) {
      const list = peopleByDepartment.get(p.value.department) ?? [];
      list.push(p);
      peopleByDepartment.set(p.value.department, list);
    }
  }
  const criteria = new Map<string, { group: CriteriaGroupName; criterion: Criterion }>();
  if (parts.criteria) {
    for (const group of ['collective', 'individual', 'leader'] as const) {
      for (const c of parts.criteria[group]) if (!criteria.has(c.id)) criteria.set(c.id, { group, criterion: c });
    }
  }
  const disciplineByPerson = new Map<string, Rec<DisciplineMeasure>[]>();
  for (const m of parts.discipline) {
    const list = disciplineByPerson.get(m.value.person) ?? [];
    list.push(m);
    disciplineByPerson.set(m.value.person, list);
  }
  // The first of a duplicated id counts (duplicate-id reports the second), in the file's order.
  const titles = new Map<string, Title>();
  const pack = parts.pack ?? null;
  for (const x of withQuorum(withCompetence(parts.titles ?? [], pack, parts.agency), pack, parts.agency))
    if (!titles.has(x.id)) titles.set(x.id, x);
  const broken = parts.brokenIds;
  const unavailable = parts.unavailable;
  return {
    agency: parts.agency,
    catalogue: parts.criteria,
    departments,
    people,
    criteria,
    disciplineByPerson,
    peopleByDepartment,
    titles,
    pack,
    knownDepartment: (id) =>
      Boolean(unavailable?.departments) || departments.has(id) || Boolean(broken?.departments.has(id)),
    knownPerson: (id) => Boolean(unavailable?.people) || people.has(id) || Boolean(broken?.people.has(id)),
    personName: (id) => people.get(id)?.value.name ?? id,
    departmentName: (id) => departments.get(id)?.value.name ?? id,
  };
}

/**
 * The criteria groups a nomination must answer: its kind, plus `leader` for an individual who holds
 * a leadership post (as the round sees the person). The one place this rule of the plan lives.
 */
export function criteriaGroupsFor(
  kind: Nomination['kind'],
  person: string | undefined,
  index: WorkspaceIndex,
): CriteriaGroupName[] {
  if (kind === 'collective') return ['collective'];
  return person !== undefined && index.people.get(person)?.value.leader === true
    ? ['individual', 'leader']
    : ['individual'];
}

export function requiredGroups(n: Nomination, index: WorkspaceIndex): CriteriaGroupName[] {
  return criteriaGroupsFor(n.kind, n.kind === 'individual' ? n.person : undefined, index);
}

/**
 * The criteria of the title a nomination names, when titles.yaml lists them (ids of criteria.yaml,
 * in any group); null when the nomination is judged by its kind's groups.
 */
export function titleCriteria(n: Pick<Nomination, 'award'>, index: WorkspaceIndex): Criterion[] | null {
  const ids = n.award !== undefined ? index.titles.get(n.award)?.criteria : undefined;
  if (!ids) return null;
  return ids.map((id) => index.criteria.get(id)?.criterion).filter((c): c is Criterion => c !== undefined);
}

/**
 * The criterion that stands in for an initiative (titles.yaml `initiative: { unless: … }`): a
 * nomination may answer it, true or false; it is not required and a false answer is no fault.
 */
export function insteadOfInitiative(n: Pick<Nomination, 'award'>, index: WorkspaceIndex): Criterion | null {
  const rule = n.award !== undefined ? index.titles.get(n.award)?.initiative : undefined;
  return rule !== undefined && typeof rule === 'object' && rule.unless !== undefined
    ? (index.criteria.get(rule.unless)?.criterion ?? null)
    : null;
}

/** Every criterion a nomination must answer: its title's, or its kind's groups in catalogue order. */
export function requiredCriteria(n: Nomination, index: WorkspaceIndex): Criterion[] {
  const catalogue = index.catalogue;
  return titleCriteria(n, index) ?? (catalogue ? requiredGroups(n, index).flatMap((g) => catalogue[g]) : []);
}

export function isLeaderNomination(n: Nomination, index: WorkspaceIndex): boolean {
  return n.kind === 'individual' && index.people.get(n.person)?.value.leader === true;
}

/** The workspace as it is now: the shared files' own index (the one the shared-file rules use). */
export function buildIndex(ws: Workspace): WorkspaceIndex {
  return buildIndexFrom({
    agency: ws.agency?.value ?? null,
    criteria: ws.criteria?.value ?? null,
    departments: ws.departments,
    people: ws.people,
    discipline: ws.discipline,
    titles: ws.titles.map((x) => x.value),
    pack: ws.pack?.value ?? null,
    brokenIds: ws.brokenIds,
    unavailable: ws.unavailable,
  });
}
