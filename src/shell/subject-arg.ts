/** A person or department argument (`awards`, `log`): an id or a name, resolved or refused with the matches. */
import { t } from '../core/diagnostics.js';
import type { WorkspaceIndex } from '../core/records/index.js';
import { lookupSubject, type Subject } from '../core/subject-lookup.js';
import { usageError } from '../errors.js';
import { inert } from './terminal.js';
import { unitWord } from '../core/period.js';

export function subjectsOf(index: WorkspaceIndex): Subject[] {
  return [
    ...[...index.people.values()].map((p) => ({ kind: 'person' as const, id: p.value.id, name: p.value.name })),
    ...[...index.departments.values()].map((d) => ({
      kind: 'department' as const,
      id: d.value.id,
      name: d.value.name,
    })),
  ];
}

export function resolveSubject(index: WorkspaceIndex, query: string): Subject {
  const r = lookupSubject(query, subjectsOf(index));
  if ('found' in r) return r.found;
  const unit = unitWord(index.agency);
  if ('several' in r) {
    const list = r.several
      .slice(0, 10)
      .map((s) => `${s.id} (${inert(s.name)})`)
      .join(', ');
    const more = r.several.length > 10 ? ` …` : '';
    throw usageError(
      t(
        `“${inert(query)}” khớp ${r.several.length} người hay ${unit.vi}: ${list}${more}; hãy gõ mã`,
        `“${inert(query)}” matches ${r.several.length} people or ${unit.en}s: ${list}${more}; type the id`,
      ),
    );
  }
  const near = r.none.closestIds;
  throw usageError(
    t(
      `không có người hay ${unit.vi} mang mã hay tên “${inert(query)}”${near.length ? `; gần nhất: ${near.join(', ')}` : ''}`,
      `no person or ${unit.en} has the id or name “${inert(query)}”${near.length ? `; closest: ${near.join(', ')}` : ''}`,
    ),
  );
}
