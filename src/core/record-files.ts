/** The text of the record files thidua writes for the clerk: a ballot paper, a nomination. */
import type { Unseal, Ballot, Nomination } from './schemas/round.js';
import { yamlText } from './yaml/emit.js';

export function renderBallotFile(b: Ballot): string {
  return [
    '# yaml-language-server: $schema=../../../schemas/ballot.schema.json',
    yamlText({
      serial: b.serial,
      valid: b.valid,
      written: b.written,
      votes: b.votes,
      ...(b.reason !== undefined ? { reason: b.reason } : {}),
    }),
  ].join('\n');
}

export function renderNominationFile(n: Nomination): string {
  // Key order as a clerk reads it; optional keys only when given.
  const doc: Record<string, unknown> = { id: n.id, kind: n.kind, department: n.department };
  if (n.kind === 'individual') doc['person'] = n.person;
  if (n.award !== undefined) doc['award'] = n.award;
  if (n.rating !== undefined) doc['rating'] = n.rating;
  doc['title'] = n.title;
  if (n.initiative !== undefined) doc['initiative'] = n.initiative.replace(/\r\n/g, '\n').replace(/\n+$/, '') + '\n';
  if (n.research !== undefined) doc['research'] = n.research;
  doc['submitted'] = n.submitted;
  if (n.rating !== undefined) doc['rating'] = n.rating;
  if (n.new_factor) doc['new_factor'] = true;
  if (n.accepted_late) doc['accepted_late'] = n.accepted_late;
  if (n.note) doc['note'] = n.note;
  doc['criteria'] = n.criteria ?? {};
  if (n.added_after_ballots) doc['added_after_ballots'] = n.added_after_ballots;
  return ['# yaml-language-server: $schema=../../../schemas/nomination.schema.json', yamlText(doc)].join('\n');
}

/** The text of records/<YEAR>/unseals.yaml holding these entries. */
export function renderUnsealsFile(year: number, entries: readonly Unseal[]): string {
  return [
    '# yaml-language-server: $schema=../../schemas/unseals.schema.json',
    `# Các lần mở niêm phong đợt ${year} (thidua unseal): ngày, người, lý do. Không sửa tay.`,
    yamlText(entries),
  ].join('\n');
}
