/** What a rule is: a code, a severity, a description, and (for record rules) a check. */
import type { Localized, Severity } from '../diagnostics.js';
import type { Criterion } from '../schemas/criteria.js';
import type { Department, DisciplineMeasure, Person } from '../schemas/organisation.js';
import type { Nomination } from '../schemas/round.js';
import type { Loc, Rec, Round, Workspace } from '../records/workspace.js';
import type { Agency } from '../schemas/agency.js';

export interface Finding {
  loc: Loc;
  /** Point at the value (default), the key of the last path segment, or the parent (for a missing key). */
  at?: 'value' | 'key' | 'parent';
  message: Localized;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
}

export interface RuleContext {
  ws: Workspace;
  /** The rounds being validated. */
  rounds: Round[];
  index: WorkspaceIndex;
  /** Bytes of a file as they are now (for the seal check), or null when absent. */
  currentBytes(path: string): Uint8Array | null;
  /** Every path present in the snapshot. */
  paths: ReadonlySet<string>;
  /** Every round folder of the workspace, loaded or not. */
  allYears: ReadonlySet<number>;
}

export interface Rule {
  code: string;
  severity: Severity;
  description: Localized;
  /** `file`: raised while reading files (no check here); `records`: a check over the loaded records. */
  stage: 'file' | 'records';
  check?(ctx: RuleContext): Finding[];
}

export interface WorkspaceIndex {
  agency: Agency | null;
  departments: Map<string, Rec<Department>>;
  people: Map<string, Rec<Person>>;
  /** Criterion id → its group and text. */
  criteria: Map<string, { group: 'collective' | 'individual' | 'leader'; criterion: Criterion }>;
  disciplineByPerson: Map<string, Rec<DisciplineMeasure>[]>;
  peopleByDepartment: Map<string, Rec<Person>[]>;
  knownDepartment(id: string): boolean;
  knownPerson(id: string): boolean;
  personName(id: string): string;
  departmentName(id: string): string;
}

export function buildIndex(ws: Workspace): WorkspaceIndex {
  const departments = new Map<string, Rec<Department>>();
  for (const d of ws.departments) if (!departments.has(d.value.id)) departments.set(d.value.id, d);
  const people = new Map<string, Rec<Person>>();
  const peopleByDepartment = new Map<string, Rec<Person>[]>();
  for (const p of ws.people) {
    if (!people.has(p.value.id)) people.set(p.value.id, p);
    if (p.value.department) {
      const list = peopleByDepartment.get(p.value.department) ?? [];
      list.push(p);
      peopleByDepartment.set(p.value.department, list);
    }
  }
  const criteria = new Map<string, { group: 'collective' | 'individual' | 'leader'; criterion: Criterion }>();
  if (ws.criteria) {
    for (const group of ['collective', 'individual', 'leader'] as const) {
      for (const c of ws.criteria.value[group]) if (!criteria.has(c.id)) criteria.set(c.id, { group, criterion: c });
    }
  }
  const disciplineByPerson = new Map<string, Rec<DisciplineMeasure>[]>();
  for (const m of ws.discipline) {
    const list = disciplineByPerson.get(m.value.person) ?? [];
    list.push(m);
    disciplineByPerson.set(m.value.person, list);
  }
  return {
    agency: ws.agency?.value ?? null,
    departments,
    people,
    criteria,
    disciplineByPerson,
    peopleByDepartment,
    knownDepartment: (id) => ws.unavailable.departments || departments.has(id) || ws.brokenIds.departments.has(id),
    knownPerson: (id) => ws.unavailable.people || people.has(id) || ws.brokenIds.people.has(id),
    personName: (id) => people.get(id)?.value.name ?? id,
    departmentName: (id) => departments.get(id)?.value.name ?? id,
  };
}

/** The criteria groups a nomination must answer: its kind, plus `leader` for a leader's individual one. */
export function requiredGroups(n: Nomination, index: WorkspaceIndex): Array<'collective' | 'individual' | 'leader'> {
  if (n.kind === 'collective') return ['collective'];
  const person = index.people.get(n.person);
  return person?.value.leader ? ['individual', 'leader'] : ['individual'];
}

export function isLeaderNomination(n: Nomination, index: WorkspaceIndex): boolean {
  return n.kind === 'individual' && index.people.get(n.person)?.value.leader === true;
}
