/**
 * `thidua history pull`, pure part: the province's decided results on an agency's proposals, and
 * the records/history.yaml entries they make in the agency (so its next chains see them).
 */
import { shortDate } from './dates.js';
import { decisionRef } from './documents/context.js';
import type { Workspace } from './records/workspace.js';
import type { HistoryEntry } from './schemas/titles.js';

export interface ProvinceResult {
  /** The province's round, and the title it recognised. */
  year: number;
  award: string;
  /** The agency's own round and nomination the province's nomination came from. */
  sourceYear: number;
  sourceNomination: string;
  /** The province's decision, as printed: "12/QĐ-UBND ngày 20/01/2026". */
  decision: string;
}

/** The agency's id in the province's inbox: as given, or the one entry named as the agency is. */
export function agencyIdIn(province: Workspace, given: string | undefined, ownName: string | undefined): string | null {
  if (given) return given;
  const named = province.inbox.filter((e) => ownName !== undefined && e.value.name === ownName);
  return named.length === 1 ? named[0]!.value.id : null;
}

/** What the province recognised, in its decided rounds, of the nominations it took from `agency`. */
export function provinceResults(province: Workspace, agency: string): ProvinceResult[] {
  const out: ProvinceResult[] = [];
  const own = province.agency?.value;
  if (!own) return out;
  for (const round of province.rounds) {
    const decision = round.decision?.value;
    if (!round.tally || !decision) continue;
    const recognised = new Set(decision.recognised);
    for (const n of round.nominations) {
      const source = n.value.source;
      if (!source || source.agency !== agency || !recognised.has(n.value.id) || !n.value.award) continue;
      out.push({
        year: round.year,
        award: n.value.award,
        sourceYear: source.year,
        sourceNomination: source.nomination,
        decision: `${decisionRef(own, round)} ngày ${shortDate(decision.date)}`,
      });
    }
  }
  return out;
}

export interface HistoryPull {
  added: HistoryEntry[];
  /** Already in history.yaml. */
  present: number;
  /** Results whose nomination the agency's records no longer hold. */
  unknown: ProvinceResult[];
}

/** The history entries the province's results make in the agency, none twice. */
export function historyAdditions(results: readonly ProvinceResult[], own: Workspace, commit: string): HistoryPull {
  const pull: HistoryPull = { added: [], present: 0, unknown: [] };
  const key = (h: Pick<HistoryEntry, 'year' | 'title' | 'person' | 'department'>) =>
    `${h.year}/${h.title}/${h.person ?? ''}/${h.department ?? ''}`;
  const seen = new Set(own.history.map((h) => key(h.value)));
  for (const r of results) {
    const n = own.rounds
      .find((x) => x.year === r.sourceYear)
      ?.nominations.find((x) => x.value.id === r.sourceNomination);
    if (!n) {
      pull.unknown.push(r);
      continue;
    }
    const who = n.value.kind === 'individual' ? { person: n.value.person } : { department: n.value.department };
    const entry: HistoryEntry = { year: r.year, title: r.award, ...who, decision: r.decision, commit };
    if (seen.has(key(entry))) {
      pull.present++;
      continue;
    }
    seen.add(key(entry));
    pull.added.push(entry);
  }
  return pull;
}
