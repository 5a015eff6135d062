/** Every recognition of a person or a department across rounds. */
import type { Workspace } from './records/workspace.js';

export interface AwardEntry {
  year: number;
  nomination: string;
  kind: 'collective' | 'individual';
  department: string;
  person: string | null;
  title: string;
  /** The title proposed (an id of titles.yaml), or null for the plan's model or example. */
  award: string | null;
  status: 'recognised' | 'not-recognised' | 'pending';
  reason: string | null;
  decision: { number: number; date: string } | null;
  /** Where it is recorded: a round of thidua, or records/history.yaml (awards before it). */
  source: 'round' | 'history';
  /** history.yaml: the decision as written there ("12/QĐ-TTr ngày 20/01/2015"). */
  decision_text?: string;
}

export function awardsOf(ws: Workspace, id: string): AwardEntry[] {
  const out: AwardEntry[] = [];
  for (const round of ws.rounds) {
    const results = new Map((round.tally?.value.results ?? []).map((r) => [r.nomination, r]));
    const decision = round.decision?.value ?? null;
    for (const n of round.nominations) {
      const v = n.value;
      const person = v.kind === 'individual' ? v.person : null;
      if (person !== id && v.department !== id) continue;
      const r = results.get(v.id);
      const status = !r ? 'pending' : r.recognised ? 'recognised' : 'not-recognised';
      out.push({
        year: round.year,
        nomination: v.id,
        kind: v.kind,
        department: v.department,
        person,
        title: v.title,
        award: v.award ?? null,
        status,
        reason: r?.reason ?? null,
        decision:
          status === 'recognised' && decision && decision.recognised.includes(v.id)
            ? { number: decision.number, date: decision.date }
            : null,
        source: 'round',
      });
    }
  }
  // The awards made before thidua, as records/history.yaml lists them (recognised, by definition).
  for (const h of ws.history) {
    const v = h.value;
    if (v.person !== id && v.department !== id) continue;
    const person = v.person ?? null;
    out.push({
      year: v.year,
      nomination: '',
      kind: person ? 'individual' : 'collective',
      department: v.department ?? '',
      person,
      title: '',
      award: v.title,
      status: 'recognised',
      reason: null,
      decision: null,
      source: 'history',
      ...(v.decision !== undefined ? { decision_text: v.decision } : {}),
    });
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) ||
      (a.nomination < b.nomination ? -1 : 1),
  );
}
