/**
 * The order titles are decided in, and the places under a title's quota: the two orderings of a
 * round's count of titles (src/core/tally.ts counts; this orders).
 */
import type { Title } from './schemas/titles.js';

/**
 * Titles in the order their requirements allow them to be decided: a title after every title it
 * requires in the same round. Titles caught in a cycle (a diagnostic of its own) come last, in
 * the file's order, and their requirements are then not met.
 */
export function dependencyOrder(titles: ReadonlyMap<string, Title>): { order: string[]; cyclic: Set<string> } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      for (const x of path.slice(path.indexOf(id))) cyclic.add(x);
      return;
    }
    state.set(id, 'visiting');
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: visit is only ever called with an id that titles holds, whose requires is a list
    for (const r of titles.get(id)?.requires ?? []) {
      // A requirement of earlier years is no dependency within the round.
      if (!('same_round' in r || 'members_percent' in r || 'members_at_least' in r)) continue;
      // Stryker disable next-line ConditionalExpression: an undeclared title in the order has no nomination, so it changes nothing
      if (titles.has(r.title)) visit(r.title, [...path, id]);
    }
    state.set(id, 'done');
    order.push(id);
  };
  // Stryker disable next-line ArrayDeclaration: a path that starts with a non-id is sliced at the id all the same
  for (const id of titles.keys()) visit(id, []);
  return { order: [...order.filter((id) => !cyclic.has(id)), ...order.filter((id) => cyclic.has(id))], cyclic };
}

/**
 * Places under a quota: the most agree votes first. Those above the last place's count are in;
 * those below are out (over-quota). Those tied at the last place share the places left: women first
 * when the title says so (ND 152/2025 Điều 4, at equal merit), then the chair's recorded choice
 * (council.yaml session.chair_decides); a tie neither settles is left unresolved, and the seal waits.
 */
export function rankForQuota(
  eligible: ReadonlyArray<{ id: string; agree: number; woman: boolean }>,
  quota: number,
  tieBreak: 'chair' | 'women',
  chairDecides: ReadonlySet<string>,
): Map<string, 'in' | 'chair' | 'women' | 'over-quota' | 'tie-unresolved'> {
  const out = new Map<string, 'in' | 'chair' | 'women' | 'over-quota' | 'tie-unresolved'>();
  if (eligible.length <= quota) {
    for (const e of eligible) out.set(e.id, 'in');
    return out;
  }
  const sorted = [...eligible].sort((a, b) => b.agree - a.agree);
  // With a quota of 0 nobody has a place: the "last place" is above every count.
  const last = quota > 0 ? sorted[quota - 1]!.agree : Infinity;
  const above = sorted.filter((e) => e.agree > last);
  let tied = sorted.filter((e) => e.agree === last);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: those at or above the last place are all set again below
  for (const e of sorted) if (e.agree < last) out.set(e.id, 'over-quota');
  for (const e of above) out.set(e.id, 'in');
  let places = quota - above.length;
  if (tieBreak === 'women') {
    const women = tied.filter((e) => e.woman);
    const men = tied.filter((e) => !e.woman);
    if (women.length <= places) {
      // Every tied woman has a place; the men share what is left.
      for (const e of women) out.set(e.id, 'women');
      places -= women.length;
      tied = men;
    } else {
      // More tied women than places: the men are out, and the chair decides among the women.
      for (const e of men) out.set(e.id, 'over-quota');
      tied = women;
    }
  }
  if (tied.length <= places) {
    // No real tie for the last place: everyone at it has one.
    for (const e of tied) out.set(e.id, 'in');
    return out;
  }
  if (places === 0) {
    for (const e of tied) out.set(e.id, 'over-quota');
    return out;
  }
  const chosen = tied.filter((e) => chairDecides.has(e.id));
  for (const e of tied)
    out.set(e.id, chosen.length === places ? (chairDecides.has(e.id) ? 'chair' : 'over-quota') : 'tie-unresolved');
  return out;
}
