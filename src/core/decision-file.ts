/** The text of decision.yaml, written by `thidua decide` (and `thidua issue`). */
import type { DecisionFile } from './schemas/sealed.js';
import { yamlText } from './yaml/emit.js';

export function renderDecisionFile(d: DecisionFile): string {
  return [
    '# yaml-language-server: $schema=../../schemas/decision.schema.json',
    `# Quyết định công nhận đợt ${d.year} đã ký; ghi bởi “thidua decide”. Văn bản của đợt in theo người ký,`,
    '# cơ quan (issuer) và mẫu trong records/<năm>/templates/ như lúc quyết định.',
    yamlText(d),
  ].join('\n');
}
