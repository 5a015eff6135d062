/**
 * What a round is judged, tallied and rendered from. A sealed round: the basis kept in its seal,
 * whatever the shared files say now. Any other round: the shared files as they hold for its year
 * (people as they were on 31/12, the round's own settings from round.yaml over agency.yaml). Pure.
 */
import type { Agency, Threshold } from '../schemas/agency.js';
import { DEFAULT_SHARE } from '../defaults.js';
import { agencyAsOf } from '../agency.js';
import type { Criteria } from '../schemas/criteria.js';
import type { Person } from '../schemas/organisation.js';
import type { Basis, Issuer } from '../schemas/sealed.js';
import { overlapsYear } from '../discipline.js';
import { periodOf, roundSpan, type Period } from '../period.js';
import { buildIndexFrom, type WorkspaceIndex } from './index.js';
import type { Rec, Round, Workspace } from './workspace.js';

/** The day a round sees people as of: the last day of its year (the year of the achievements). */
export function roundReferenceDate(year: number, period: Period = 'calendar'): string {
  return roundSpan(year, period).end;
}

/** A person as they stood on a date: every dated change up to that day applied, in date order. */
export function personAsOf(p: Person, date: string): Person {
  const { changes, ...base } = p;
  if (!changes || changes.length === 0) return base;
  let out: Person = base;
  for (const c of [...changes].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    if (c.from > date) break;
    const { from: _from, ...fields } = c;
    out = { ...out, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  }
  return out;
}

/** The quorum in force: the one given, else 2/3 of the members when the base is the valid ballots. */
export function effectiveQuorum(th: Threshold): { numerator: number; denominator: number } | null {
  if (th.quorum) return th.quorum;
  return th.of === 'ballots' ? { ...DEFAULT_SHARE } : null;
}

/** The agency with the round's own settings (round.yaml) over its defaults, and the quorum made explicit. */
export function effectiveAgency(agency: Agency, round: Round): Agency {
  const s = round.settings?.value;
  const threshold = s?.threshold ?? agency.threshold;
  const quorum = effectiveQuorum(threshold);
  return {
    ...agency,
    threshold: quorum ? { ...threshold, quorum } : threshold,
    limits: s?.limits ?? agency.limits,
    discipline: s?.discipline ?? agency.discipline,
  };
}

/** The records as they hold for an unsealed round (or a seal written before bases were kept). */
function currentParts(ws: Workspace, round: Round) {
  const date = roundReferenceDate(round.year, periodOf(ws.agency?.value));
  // The agency as at the end of the round's year (a new name after a merger that year included).
  const agency = ws.agency ? effectiveAgency(agencyAsOf(ws.agency.value, date), round) : null;
  const criteria: Criteria | null = round.settings?.value.criteria ?? ws.criteria?.value ?? null;
  const people: Rec<Person>[] = ws.people.map((p) =>
    p.value.changes ? { value: personAsOf(p.value, date), loc: p.loc } : p,
  );
  return {
    agency,
    criteria,
    departments: ws.departments,
    people,
    discipline: ws.discipline,
    titles: ws.titles.map((x) => x.value),
    pack: ws.pack?.value ?? null,
    brokenIds: ws.brokenIds,
    unavailable: ws.unavailable,
  };
}

/** The index a round is judged from. */
export function roundIndex(ws: Workspace, round: Round): WorkspaceIndex {
  const tally = round.tally;
  const basis = tally?.value.basis;
  if (tally && basis) {
    const at = (kind: string) => (i: number) => ({ file: round.tallyFile, path: ['basis', kind, i] });
    const wrap = <T>(list: T[], kind: string): Rec<T>[] => list.map((value, i) => ({ value, loc: at(kind)(i) }));
    return buildIndexFrom({
      agency: basis.agency,
      criteria: basis.criteria,
      departments: wrap(basis.departments, 'departments'),
      people: wrap(basis.people, 'people'),
      discipline: wrap(basis.discipline, 'discipline'),
      ...(basis.titles ? { titles: basis.titles } : {}),
      pack: basis.pack ?? null,
    });
  }
  const parts = currentParts(ws, round);
  // A seal of thidua 0.1 kept its threshold but not the rest: the threshold at least is the sealed one.
  if (tally && parts.agency) parts.agency = { ...parts.agency, threshold: tally.value.threshold };
  return buildIndexFrom(parts);
}

/** Every person a round names: council, meeting, nominees, who accepted a late file. */
export function peopleOfRound(round: Round): Set<string> {
  const ids = new Set<string>();
  const council = round.council?.value;
  if (council) {
    for (const m of council.members) ids.add(m.person);
    const s = council.session;
    if (s) {
      ids.add(s.chair);
      ids.add(s.secretary);
      for (const c of s.counters) ids.add(c);
      for (const c of s.absent ?? []) ids.add(c);
    }
  }
  for (const n of round.nominations) {
    if (n.value.kind === 'individual') ids.add(n.value.person);
    if (n.value.accepted_late) ids.add(n.value.accepted_late.by);
  }
  return ids;
}

/**
 * The basis to keep in a seal: the round's agency and settings, its criteria, every department (in
 * order: the documents list them so), the people the round names, and the disciplinary measures
 * overlapping its year of those people and of the members of nominated departments.
 */
export function basisForSeal(index: WorkspaceIndex, round: Round): Basis | null {
  if (!index.agency || !index.catalogue) return null;
  const named = peopleOfRound(round);
  const departments = new Set(round.nominations.map((n) => n.value.department));
  const concerned = new Set(named);
  for (const d of departments) for (const p of index.peopleByDepartment.get(d) ?? []) concerned.add(p.value.id);
  const discipline = [...concerned]
    .flatMap((id) => (index.disciplineByPerson.get(id) ?? []).map((m) => m.value))
    .filter((m) => overlapsYear(m, round.year, periodOf(index.agency)));
  const withMeasure = new Set(discipline.map((m) => m.person));
  // A round that names titles counts shares of a department's people (70 % Lao động tiên tiến):
  // everyone of its nominated departments is kept, so a recount sees the same departments.
  const awards = round.nominations.some((n) => n.value.award !== undefined);
  const people = [...index.people.values()]
    .map((p) => p.value)
    .filter(
      (p) =>
        named.has(p.id) ||
        withMeasure.has(p.id) ||
        (awards && p.department !== undefined && departments.has(p.department)),
    );
  return {
    agency: index.agency,
    criteria: index.catalogue,
    departments: [...index.departments.values()].map((d) => d.value),
    people,
    discipline,
    ...(awards && index.titles.size > 0 ? { titles: [...index.titles.values()] } : {}),
    ...(awards && index.titles.size > 0 && index.pack ? { pack: index.pack } : {}),
  };
}

/** The issuing body to keep with a decision. */
export function issuerOf(agency: Agency): Issuer {
  const { name, header, parent, symbol, place, head, council, legal_basis, recipients } = agency;
  return {
    name,
    ...(header !== undefined ? { header } : {}),
    ...(parent !== undefined ? { parent } : {}),
    symbol,
    place,
    head,
    council,
    legal_basis,
    recipients,
  };
}

/**
 * The agency as the round's documents print it: once a decision is recorded, its issuer as it was
 * then; before, the round's agency. A head who signed in person is the head the documents name.
 * Under KT., Q., TL., TUQ. the decision stays the competent post's (ND 30/2020 Phụ lục I, II.7.b):
 * the authority, every "của …" and "Kính gửi …" name the head; only the signature block names the
 * signer. Under TM. the collective body signed for is the authority.
 */
export function documentAgency(index: WorkspaceIndex, round: Round): Agency | null {
  const agency = index.agency;
  if (!agency) return null;
  const d = round.decision?.value;
  if (!d) return agency;
  const issuer = d.issuer ?? issuerOf(agency);
  const { form, title, name } = d.signer;
  if (form === undefined) return { ...agency, ...issuer, head: { ...issuer.head, title, name } };
  if (form === 'TM' && d.signer.for !== undefined)
    return { ...agency, ...issuer, head: { ...issuer.head, full_title: d.signer.for } };
  return { ...agency, ...issuer };
}
