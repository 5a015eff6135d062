/** Every recognition of a person or a department across rounds. */
import type { Workspace } from './records/workspace.js';

export interface AwardEntry {
  year: number;
  nomination: string;
  kind: 'collective' | 'individual';
  department: string;
  person: string | null;
  title: string;
  status: 'recognised' | 'not-recognised' | 'pending';
  reason: string | null;
  decision: { number: number; date: string } | null;
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
        status,
        reason: r?.reason ?? null,
        decision:
          status === 'recognised' && decision && decision.recognised.includes(v.id)
            ? { number: decision.number, date: decision.date }
            : null,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      (a.kind === b.kind ? 0 : a.kind === 'collective' ? -1 : 1) ||
      (a.nomination < b.nomination ? -1 : 1),
  );
}
