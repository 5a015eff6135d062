/**
 * The provincial roll-up, pure part: what an agency proposes upward from its sealed rounds, and
 * what `inbox import` writes into the province's round from the inbox record.
 */
import type { InboxEntry, InboxProposal, NominationSource } from './schemas/inbox.js';
import { ID_PATTERN } from './ids.js';
import { createHash } from 'node:crypto';

/** An id made of two ids ("stp" + "vp-ca-nhan" → "stp-vp-ca-nhan"), shortened with a hash when too long. */
export function joinedId(a: string, b: string): string {
  const id = `${a}-${b}`;
  if (ID_PATTERN.test(id)) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return `${id.slice(0, 55).replace(/-+$/, '')}-${hash}`;
}

export interface ImportedNomination {
  id: string;
  agency: InboxEntry;
  proposal: InboxProposal;
  /** The province's department standing for the agency, and its person for an individual. */
  department: string;
  person: string | null;
}

export interface ImportPlan {
  /** Agencies to add to departments.yaml (the province's units are its agencies). */
  departments: Array<{ id: string; name: string }>;
  /** People to add to people.yaml, as sealed by their agency. */
  people: Array<{ id: string; name: string; gender?: 'nam' | 'nu'; position?: string; department: string }>;
  nominations: ImportedNomination[];
  /** Already imported: nothing to write. */
  present: number;
}

/**
 * What importing YEAR writes: one nomination per upward proposal of that year from a verified
 * agency, unless a nomination with the same source (agency, nomination, seal) is there already.
 */
export function importPlan(
  entries: readonly InboxEntry[],
  year: number,
  existing: {
    nominations: ReadonlyMap<string, NominationSource | undefined>;
    departments: ReadonlySet<string>;
    people: ReadonlySet<string>;
  },
): ImportPlan {
  const plan: ImportPlan = { departments: [], people: [], nominations: [], present: 0 };
  const sources = new Set(
    [...existing.nominations.values()]
      .filter((s) => s)
      .map((s) => `${s!.agency}/${s!.year}/${s!.nomination}/${s!.seal}`),
  );
  const departments = new Set(existing.departments);
  const people = new Set(existing.people);
  for (const agency of entries) {
    const f = agency.fetched;
    if (!f || f.held !== undefined) continue;
    for (const p of f.proposals.filter((x) => x.year === year)) {
      if (sources.has(`${agency.id}/${p.year}/${p.nomination}/${p.seal}`)) {
        plan.present++;
        continue;
      }
      const id = joinedId(agency.id, p.nomination);
      if (existing.nominations.has(id)) {
        // The same nomination under an earlier seal: the older file stays (validate marks it).
        plan.present++;
        continue;
      }
      if (!departments.has(agency.id)) {
        departments.add(agency.id);
        plan.departments.push({ id: agency.id, name: agency.name ?? agency.id });
      }
      const person = p.person ? joinedId(agency.id, p.person) : null;
      if (person && !people.has(person)) {
        people.add(person);
        plan.people.push({
          id: person,
          name: p.name,
          ...(p.gender ? { gender: p.gender } : {}),
          ...(p.post ? { position: p.post } : {}),
          department: agency.id,
        });
      }
      plan.nominations.push({ id, agency, proposal: p, department: agency.id, person });
    }
  }
  return plan;
}

/** The nomination file `inbox import` writes for one proposal. */
export function importedNomination(n: ImportedNomination, submitted: string): Record<string, unknown> {
  const p = n.proposal;
  const f = n.agency.fetched!;
  const source: NominationSource = {
    agency: n.agency.id,
    url: n.agency.url,
    commit: f.commit,
    year: p.year,
    seal: p.seal,
    nomination: p.nomination,
    name: p.name,
    ...(p.post ? { post: p.post } : {}),
    unit: p.unit,
  };
  return {
    id: n.id,
    kind: p.kind,
    department: n.department,
    ...(n.person ? { person: n.person } : {}),
    award: p.award,
    title: p.title,
    submitted,
    source,
  };
}

export type SourceState =
  | { kind: 'ok' }
  | { kind: 'unregistered' }
  | { kind: 'held'; reason: string }
  | { kind: 'gone'; commit: string | null };

/** Whether an imported nomination's proposal still stands in the inbox record as last fetched. */
export function sourceState(source: NominationSource, entries: readonly InboxEntry[]): SourceState {
  const agency = entries.find((e) => e.id === source.agency);
  if (!agency) return { kind: 'unregistered' };
  const f = agency.fetched;
  if (f?.held !== undefined) return { kind: 'held', reason: f.held };
  const stands = f?.proposals.some(
    (p) => p.year === source.year && p.nomination === source.nomination && p.seal === source.seal,
  );
  return stands ? { kind: 'ok' } : { kind: 'gone', commit: f?.commit ?? null };
}

export type FetchOutcome =
  | { kind: 'unchanged'; id: string }
  | { kind: 'fetched'; id: string; commit: string; held: string | null; proposals: InboxProposal[] }
  /** The remote could not be read or fetched: the agency is held, its last commit kept. */
  | { kind: 'unreachable'; id: string; held: string };

/** Whether a fetch left the agency held. */
export function isHeld(o: FetchOutcome): boolean {
  return o.kind !== 'unchanged' && o.held !== null;
}

/** The fetched results put into the inbox as it is now (read again under the lock: a fetch takes long). */
export function mergeFetched(
  entries: readonly InboxEntry[],
  before: readonly InboxEntry[],
  outcomes: readonly FetchOutcome[],
  at: string,
): InboxEntry[] {
  return entries.map((e) => {
    const o = outcomes.find((x) => x.id === e.id);
    const was = before.find((x) => x.id === e.id);
    // An agency whose URL changed meanwhile is left for the next fetch.
    if (!o || o.kind === 'unchanged' || !was || was.url !== e.url) return e;
    if (o.kind === 'unreachable') {
      const commit = e.fetched?.commit;
      return commit ? { ...e, fetched: { commit, at, held: o.held, proposals: [] } } : e;
    }
    return {
      ...e,
      fetched: { commit: o.commit, at, ...(o.held !== null ? { held: o.held } : {}), proposals: o.proposals },
    };
  });
}

/** How many proposals the last fetch found, round by round. */
export function proposalCounts(e: InboxEntry): Map<number, number> {
  const by = new Map<number, number>();
  for (const p of e.fetched?.proposals ?? []) by.set(p.year, (by.get(p.year) ?? 0) + 1);
  return new Map([...by].sort((a, b) => a[0] - b[0]));
}
