/** The nominations of a round as the council votes on them: collectives first, with names. */
import type { Round } from '../core/records/workspace.js';
import type { WorkspaceIndex } from '../core/records/index.js';
import { inert } from '../core/text/inert.js';
import { votingOrder } from '../core/nomination.js';

export interface AgendaItem {
  id: string;
  kind: 'collective' | 'individual';
  label: string;
  /** The title voted on, when the nomination names one of titles.yaml. */
  award?: { id: string; name: string };
}

export function agendaOf(round: Round, index: WorkspaceIndex): AgendaItem[] {
  return votingOrder(
    round.nominations.map((n) => n.value),
    [...index.departments.keys()],
    [...index.titles.keys()],
  ).map((n) => ({
    id: n.id,
    kind: n.kind,
    ...(n.award !== undefined && index.titles.has(n.award)
      ? { award: { id: n.award, name: index.titles.get(n.award)!.name } }
      : {}),
    label: inert(
      n.kind === 'collective'
        ? `Tập thể ${index.departmentName(n.department)}`
        : `${index.personName(n.person)} (${index.departmentName(n.department)})`,
    ),
  }));
}
