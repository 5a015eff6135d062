/**
 * Who decides which title (Law Điều 80, ND 129/2025 Điều 59): the rule pack gives, per level of
 * agency, the titles its head decides; the agency's level (agency.yaml `level`) and what the
 * province delegated (`delegated`) pick among them. A title above the head's competence is never in
 * the agency's decision: the council's vote on it is a proposal upward. Pure.
 */
import type { Agency } from '../schemas/agency.js';
import type { LevelCompetence, PackMeta } from '../schemas/pack.js';
import type { Title } from '../schemas/titles.js';

type AgencyLevel = Pick<Agency, 'level' | 'delegated' | 'proposes_to'>;

/** The competence of the agency's level in the pack; null when the pack gives none (titles then say `decided_by`). */
export function competenceOf(pack: PackMeta | null, agency: AgencyLevel | null): LevelCompetence | null {
  if (!pack?.competence || !agency) return null;
  return pack.competence[agency.level ?? 'so'] ?? null;
}

/** Whether the agency's head decides the title: by the pack's competence for its level, else the title's own `decided_by`. */
export function headDecides(
  pack: PackMeta | null,
  agency: AgencyLevel | null,
  title: Pick<Title, 'id' | 'decided_by'>,
): boolean {
  const c = competenceOf(pack, agency);
  if (!c) return title.decided_by === 'head';
  return c.decides.includes(title.id) || (agency?.delegated ?? []).includes(title.id);
}

/** The authority a title is proposed to when the head does not decide it; null when the head does. */
export function proposedTo(
  pack: PackMeta | null,
  agency: AgencyLevel | null,
  title: Pick<Title, 'id' | 'decided_by'>,
): string | null {
  if (headDecides(pack, agency, title)) return null;
  const c = competenceOf(pack, agency);
  if (!c) return typeof title.decided_by === 'object' ? title.decided_by.body : null;
  return c.upward?.[title.id] ?? agency?.proposes_to ?? c.proposes_to;
}

/**
 * The titles with `decided_by` as the agency's level says: `head`, or `{ body }` the authority
 * above. Every reader of `decided_by` (the tally's report, the decision, the upward proposal) then
 * follows the pack without knowing it.
 */
export function withCompetence(titles: readonly Title[], pack: PackMeta | null, agency: AgencyLevel | null): Title[] {
  if (!competenceOf(pack, agency)) return [...titles];
  return titles.map((x) => {
    const to = proposedTo(pack, agency, x);
    return { ...x, decided_by: to === null ? 'head' : { body: to } };
  });
}

/** Split title ids into those the head decides and those proposed upward, in the order given. */
export function splitByCompetence(
  pack: PackMeta | null,
  agency: AgencyLevel | null,
  titles: readonly Title[],
): { decides: string[]; upward: Array<{ title: string; to: string }> } {
  const decides: string[] = [];
  const upward: Array<{ title: string; to: string }> = [];
  for (const x of titles) {
    const to = proposedTo(pack, agency, x);
    if (to === null) decides.push(x.id);
    else upward.push({ title: x.id, to });
  }
  return { decides, upward };
}
