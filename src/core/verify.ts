/** Verification of sealed rounds: inputs match the seal and the stored results equal a fresh count. */
export * from './verify-history.js';
export * from './reseal-note.js';
import type { VerifyFinding } from './verify-history.js';
import { thresholdRecord } from './titles.js';
import { t, type Localized } from './diagnostics.js';
import { compareSeal, inputHashes } from './seal.js';
import { tallyRound, type Tally } from './tally.js';
import type { Round } from './records/workspace.js';
import { roundFile } from './records/paths.js';
import type { WorkspaceIndex } from './records/index.js';
import type { TallyFile } from './schemas/sealed.js';

/** What differs between a seal's stored count and a fresh one: field names, empty when equal. */
export function compareWithSeal(sealed: TallyFile, fresh: Tally): string[] {
  const differences: string[] = [];
  if (fresh.members !== sealed.members) differences.push('members');
  if (fresh.base !== sealed.base) differences.push('base');
  if (fresh.required !== sealed.required) differences.push('required');
  if (JSON.stringify(fresh.ballots) !== JSON.stringify(sealed.ballots)) differences.push('ballots');
  const th = sealed.threshold;
  const fq = fresh.threshold.quorum;
  if (
    th.numerator !== fresh.threshold.numerator ||
    th.denominator !== fresh.threshold.denominator ||
    th.of !== fresh.threshold.of ||
    JSON.stringify(th.quorum ?? null) !== JSON.stringify(fq ?? null)
  )
    differences.push('threshold');
  const freshTitles = fresh.titles?.map((c) => ({
    id: c.id,
    threshold: thresholdRecord(c.threshold),
    base: c.base,
    required: c.required,
  }));
  if (
    JSON.stringify(freshTitles ?? null) !==
    JSON.stringify(
      sealed.titles?.map((c) => ({
        id: c.id,
        threshold: thresholdRecord(c.threshold),
        base: c.base,
        required: c.required,
      })) ?? null,
    )
  )
    differences.push('titles');
  const stored = new Map(sealed.results.map((r) => [r.nomination, r]));
  for (const r of fresh.results) {
    const s = stored.get(r.nomination);
    if (!s || JSON.stringify({ ...s }) !== JSON.stringify({ ...r })) differences.push(`results.${r.nomination}`);
    stored.delete(r.nomination);
  }
  for (const id of stored.keys()) differences.push(`results.${id}`);
  return differences;
}

export function verifySeal(
  round: Round,
  index: WorkspaceIndex,
  bytesOf: (path: string) => Uint8Array | null,
): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  if (!round.tally) {
    if (round.tallyPresent) {
      out.push({
        year: round.year,
        check: 'seal',
        file: round.tallyFile,
        message: t(
          `${round.tallyFile} không đọc được hoặc sai cấu trúc (xem “thidua validate ${round.year}”)`,
          `${round.tallyFile} is unreadable or malformed (see “thidua validate ${round.year}”)`,
        ),
      });
    }
    return out;
  }
  const sealed = round.tally.value;
  for (const c of compareSeal(sealed.inputs, inputHashes(round, bytesOf))) {
    const message = {
      changed: t(`đã bị sửa sau khi niêm phong`, `changed after the seal`),
      added: t(`được thêm sau khi niêm phong`, `added after the seal`),
      removed: t(`bị xoá sau khi niêm phong`, `removed after the seal`),
    }[c.change];
    out.push({ year: round.year, check: 'seal', file: c.path, message });
  }
  if (out.length > 0 || !index.agency) return out;
  const differences = compareWithSeal(sealed, tallyRound(round, index, index.agency.threshold));
  if (differences.length > 0) {
    out.push({
      year: round.year,
      check: 'results',
      file: round.tallyFile,
      message: t(
        `kết quả lưu trong tệp niêm phong khác kết quả kiểm phiếu lại (${differences.join(', ')})`,
        `the stored results differ from a fresh count (${differences.join(', ')})`,
      ),
    });
  }
  return out;
}

/**
 * The signed decision recognises exactly whom the seal recognised: a name added to or dropped
 * from decision.yaml is a finding.
 */
export function verifyDecision(year: number, decided: readonly string[], sealed: TallyFile): VerifyFinding[] {
  const recognised = new Set(sealed.results.filter((r) => r.recognised).map((r) => r.nomination));
  const named = new Set(decided);
  const extra = [...named].filter((id) => !recognised.has(id));
  const missing = [...recognised].filter((id) => !named.has(id));
  if (extra.length === 0 && missing.length === 0) return [];
  const parts: Localized[] = [];
  if (extra.length)
    parts.push(
      t(
        `ghi công nhận ${extra.join(', ')} mà kết quả niêm phong không công nhận`,
        `recognises ${extra.join(', ')}, which the seal does not`,
      ),
    );
  if (missing.length)
    parts.push(
      t(
        `thiếu ${missing.join(', ')} mà kết quả niêm phong công nhận`,
        `leaves out ${missing.join(', ')}, which the seal recognises`,
      ),
    );
  return [
    {
      year,
      check: 'results',
      file: roundFile(year, 'decision.yaml'),
      message: t(
        `quyết định ${parts.map((p) => p.vi).join('; ')}`,
        `the decision ${parts.map((p) => p.en).join('; ')}`,
      ),
    },
  ];
}
