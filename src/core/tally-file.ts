/** The text of tally.yaml: stable, readable YAML written by `tally --seal`. */
import type { Tally } from './tally.js';

const q = (s: string) => JSON.stringify(s);

export function renderTallyFile(tally: Tally, inputs: Record<string, string>, sealedBy: string): string {
  const lines: string[] = [];
  lines.push('# yaml-language-server: $schema=../../schemas/tally.schema.json');
  lines.push(`# Kết quả kiểm phiếu đợt ${tally.year}, niêm phong bởi thidua. Không sửa tay:`);
  lines.push('# mọi thay đổi ở các tệp đầu vào dưới đây đều bị “thidua validate” và “thidua verify” phát hiện.');
  lines.push(`year: ${tally.year}`);
  lines.push(`sealed_by: ${q(sealedBy)}`);
  lines.push(`threshold: { numerator: ${tally.threshold.numerator}, denominator: ${tally.threshold.denominator}, of: ${tally.threshold.of} }`);
  lines.push(`members: ${tally.members}`);
  lines.push(`base: ${tally.base}`);
  lines.push(`required: ${tally.required}`);
  const b = tally.ballots;
  lines.push(`ballots: { issued: ${b.issued}, received: ${b.received}, valid: ${b.valid}, invalid: ${b.invalid} }`);
  lines.push('inputs:');
  for (const path of Object.keys(inputs).sort()) lines.push(`  ${q(path)}: ${inputs[path]}`);
  lines.push('results:');
  for (const r of tally.results) {
    lines.push(`  - nomination: ${r.nomination}`);
    lines.push(`    kind: ${r.kind}`);
    lines.push(`    department: ${r.department}`);
    lines.push(`    person: ${r.person ?? 'null'}`);
    lines.push(`    agree: ${r.agree}`);
    lines.push(`    disagree: ${r.disagree}`);
    lines.push(`    abstain: ${r.abstain}`);
    lines.push(`    passed: ${r.passed}`);
    lines.push(`    recognised: ${r.recognised}`);
    lines.push(`    reason: ${r.reason ?? 'null'}`);
  }
  return lines.join('\n') + '\n';
}
