/**
 * What an agency proposes upward from a sealed round: exactly what `render upward` lists (the
 * recognised results whose title a body above the agency decides), each with its name, post and
 * unit as sealed. Apart from core/inbox.ts so that validate's rule does not load the documents.
 */
import { decidedAbove, nominationTitle, recognised, titleOf } from './documents/context.js';
import type { Round } from './records/workspace.js';
import type { WorkspaceIndex } from './records/index.js';
import type { InboxProposal } from './schemas/inbox.js';
import type { TallyResult } from './schemas/sealed.js';

/** The recognised results of a sealed round whose title a body above the agency decides: what `render upward` lists. */
export function upwardResults(round: Round, index: WorkspaceIndex): TallyResult[] {
  return recognised(round).filter((r) => decidedAbove(titleOf(index, r)));
}

/** An agency's upward proposals of one sealed round, each with its name, post and unit as sealed. */
export function proposalsOf(round: Round, index: WorkspaceIndex, seal: string): InboxProposal[] {
  return upwardResults(round, index).map((r) => {
    const person = r.person ? index.people.get(r.person)?.value : undefined;
    const unit = index.departmentName(r.department);
    return {
      year: round.year,
      seal,
      nomination: r.nomination,
      kind: r.kind,
      award: r.award!,
      ...(r.person ? { person: r.person } : {}),
      name: person?.name ?? (r.person ? r.person : unit),
      ...(person?.position ? { post: person.position } : {}),
      unit,
      ...(person?.gender ? { gender: person.gender } : {}),
      title: nominationTitle(round, r.nomination) || unit,
    };
  });
}
