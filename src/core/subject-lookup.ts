/**
 * A person or department named as the clerk types it: an id, or a name with or without its
 * diacritics ("nguyen van giap", "Phòng Nghiệp vụ 1"). One match is taken; several are listed.
 */
import { fold } from './text/fold.js';
import { closestMany } from './text/closest.js';

export interface Subject {
  kind: 'person' | 'department';
  id: string;
  name: string;
}

export type Lookup = { found: Subject } | { several: Subject[] } | { none: { closestIds: string[] } };

function words(s: string): string {
  return fold(s).replace(/\s+/g, ' ').trim();
}

export function lookupSubject(query: string, subjects: readonly Subject[]): Lookup {
  const byId = subjects.find((s) => s.id === query);
  if (byId) return { found: byId };
  const q = words(query);
  if (q === '') return { none: { closestIds: [] } };
  const exact = subjects.filter((s) => words(s.name) === q || s.id === q);
  if (exact.length === 1) return { found: exact[0]! };
  if (exact.length > 1) return { several: exact };
  const partial = subjects.filter((s) => words(s.name).includes(q));
  if (partial.length === 1) return { found: partial[0]! };
  if (partial.length > 1) return { several: partial };
  return {
    none: {
      closestIds: closestMany(
        query,
        subjects.map((s) => s.id),
      ),
    },
  };
}
