/** The lookup tables rules, the tally and documents read: departments, people, criteria, measures. */
import type { Agency } from '../schemas/agency.js';
import type { Criteria, Criterion } from '../schemas/criteria.js';
import type { Department, DisciplineMeasure, Person } from '../schemas/organisation.js';
import type { Nomination } from '../schemas/round.js';
import type { Rec, Workspace } from './workspace.js';

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
  /** Ids present in a file even if their item is broken: references to them are not reported again. */
  brokenIds?: { departments: ReadonlySet<string>; people: ReadonlySet<string> };
  /** Shared files present but unreadable as a whole: references into them are not checked. */
  unavailable?: { departments: boolean; people: boolean };
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
    knownDepartment: (id) => Boolean(unavailable?.departments) || departments.has(id) || Boolean(broken?.departments.has(id)),
    knownPerson: (id) => Boolean(unavailable?.people) || people.has(id) || Boolean(broken?.people.has(id)),
    personName: (id) => people.get(id)?.value.name ?? id,
    departmentName: (id) => departments.get(id)?.value.name ?? id,
  };
}

/**
 * The criteria groups a nomination must answer: its kind, plus `leader` for an individual who holds
 * a leadership post (as the round sees the person). The one place this rule of the plan lives.
 */
export function criteriaGroupsFor(kind: Nomination['kind'], person: string | undefined, index: WorkspaceIndex): CriteriaGroupName[] {
  if (kind === 'collective') return ['collective'];
  return person !== undefined && index.people.get(person)?.value.leader === true ? ['individual', 'leader'] : ['individual'];
}

export function requiredGroups(n: Nomination, index: WorkspaceIndex): CriteriaGroupName[] {
  return criteriaGroupsFor(n.kind, n.kind === 'individual' ? n.person : undefined, index);
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
    brokenIds: ws.brokenIds,
    unavailable: ws.unavailable,
  });
}
