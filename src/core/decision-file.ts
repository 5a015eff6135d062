/** The text of decision.yaml, written by `thidua decide`. */
import type { DecisionFile } from './schemas/sealed.js';

const q = (s: string) => JSON.stringify(s);

export function renderDecisionFile(d: DecisionFile): string {
  return [
    '# yaml-language-server: $schema=../../schemas/decision.schema.json',
    `# Quyết định công nhận đợt ${d.year} đã ký; ghi bởi “thidua decide”.`,
    `year: ${d.year}`,
    `number: ${d.number}`,
    `date: ${d.date}`,
    `signer: { title: ${q(d.signer.title)}, name: ${q(d.signer.name)} }`,
    'recognised:',
    ...d.recognised.map((id) => `  - ${id}`),
    '',
  ].join('\n');
}
