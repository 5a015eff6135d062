/** The nominations of a round as the council votes on them: collectives first, with names. */
import type { Round } from '../core/records/workspace.js';
import type { WorkspaceIndex } from '../core/records/index.js';
import { inert } from '../core/text/inert.js';

export interface AgendaItem {
  id: string;
  kind: 'collective' | 'individual';
  label: string;
}

export function agendaOf(round: Round, index: WorkspaceIndex): AgendaItem[] {
  const order = new Map([...index.departments.keys()].map((id, i) => [id, i]));
  return round.nominations
    .map((n) => n.value)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) || (order.get(a.department) ?? 999) - (order.get(b.department) ?? 999) || (a.id < b.id ? -1 : 1))
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      label: inert(n.kind === 'collective'
        ? `Tập thể ${index.departmentName(n.department)}`
        : `${index.personName(n.person)} (${index.departmentName(n.department)})`),
    }));
}
