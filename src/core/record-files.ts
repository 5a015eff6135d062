/** The text of the record files thidua writes for the clerk: a ballot paper, a nomination. */
import type { Ballot, Nomination } from './schemas/round.js';

const q = (s: string) => JSON.stringify(s);

export function renderBallotFile(b: Ballot): string {
  const lines = [
    '# yaml-language-server: $schema=../../../schemas/ballot.schema.json',
    `serial: ${b.serial}`,
    `valid: ${b.valid}`,
    `written: ${b.written}`,
  ];
  const votes = Object.entries(b.votes);
  if (votes.length === 0) lines.push('votes: {}');
  else {
    lines.push('votes:');
    for (const [id, v] of votes) lines.push(`  ${id}: ${v}`);
  }
  return lines.join('\n') + '\n';
}

export function renderNominationFile(n: Nomination): string {
  const lines = ['# yaml-language-server: $schema=../../../schemas/nomination.schema.json', `id: ${n.id}`, `kind: ${n.kind}`, `department: ${n.department}`];
  if (n.kind === 'individual') lines.push(`person: ${n.person}`);
  lines.push(`title: ${q(n.title)}`);
  if (n.initiative !== undefined) {
    const body = n.initiative.replace(/\r\n/g, '\n').replace(/\n+$/, '');
    lines.push('initiative: |');
    for (const l of body.split('\n')) lines.push(l === '' ? '' : `  ${l}`);
  }
  lines.push(`submitted: ${n.submitted}`);
  if (n.new_factor) lines.push('new_factor: true');
  if (n.accepted_late) lines.push(`accepted_late: { reason: ${q(n.accepted_late.reason)}, by: ${n.accepted_late.by} }`);
  if (n.note) lines.push(`note: ${q(n.note)}`);
  if (n.added_after_ballots) lines.push(`added_after_ballots: { date: ${n.added_after_ballots.date}, ballots: ${n.added_after_ballots.ballots} }`);
  lines.push('criteria:');
  for (const [id, met] of Object.entries(n.criteria ?? {})) lines.push(`  ${id}: ${met}`);
  return lines.join('\n') + '\n';
}
