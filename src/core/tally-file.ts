/** The text of tally.yaml: stable, readable YAML written by `tally --seal`. */
import { yamlText } from './yaml/emit.js';
import type { Tally } from './tally.js';
import { thresholdRecord } from './titles.js';
import type { Basis } from './schemas/sealed.js';
import type { Unseal } from './schemas/round.js';

export interface SealInfo {
  sealedBy: string;
  /** Absent only when a seal of thidua 0.1, which did not keep its day, gets its basis added. */
  sealedOn?: string;
  inputs: Record<string, string>;
  incomplete?: string;
  reopened?: Unseal[];
  basis: Basis | null;
}

export function renderTallyFile(tally: Tally, seal: SealInfo): string {
  const th = tally.threshold;
  const doc: Record<string, unknown> = {
    year: tally.year,
    sealed_by: seal.sealedBy,
    // A key whose value is undefined is not written (yamlText leaves it out).
    sealed_on: seal.sealedOn,
    incomplete: seal.incomplete,
    ...(seal.reopened && seal.reopened.length ? { reopened: seal.reopened } : {}),
    threshold: {
      numerator: th.numerator,
      denominator: th.denominator,
      of: th.of,
      ...(th.quorum ? { quorum: th.quorum } : {}),
    },
    members: tally.members,
    base: tally.base,
    required: tally.required,
    ballots: tally.ballots,
    inputs: Object.fromEntries(
      Object.keys(seal.inputs)
        .sort()
        .map((k) => [k, seal.inputs[k]]),
    ),
    ...(tally.titles
      ? {
          titles: tally.titles.map((c) => ({
            id: c.id,
            threshold: thresholdRecord(c.threshold),
            base: c.base,
            required: c.required,
          })),
        }
      : {}),
    results: tally.results,
    ...(seal.basis ? { basis: seal.basis } : {}),
  };
  return [
    '# yaml-language-server: $schema=../../schemas/tally.schema.json',
    `# Kết quả kiểm phiếu đợt ${tally.year}, niêm phong bởi thidua. Không sửa tay:`,
    '# mọi thay đổi ở các tệp đầu vào dưới đây đều bị “thidua validate” và “thidua verify” phát hiện.',
    '# “basis”: cơ quan, tiêu chí, phòng, người và kỷ luật như lúc niêm phong; đợt này được xét theo đó.',
    yamlText(doc),
  ].join('\n');
}
