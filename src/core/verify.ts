/** Verification of sealed rounds: inputs match the seal and the stored results equal a fresh count. */
import { t, type Localized } from './diagnostics.js';
import { compareSeal, inputHashes } from './seal.js';
import { tallyRound } from './tally.js';
import type { Round, Workspace } from './records/workspace.js';
import type { WorkspaceIndex } from './rules/rule.js';

export interface VerifyFinding {
  year: number;
  check: 'seal' | 'results' | 'git' | 'document';
  file: string;
  commit?: string;
  message: Localized;
}

export function verifySeal(round: Round, ws: Workspace, index: WorkspaceIndex, bytesOf: (path: string) => Uint8Array | null): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  if (!round.tally) {
    if (round.tallyPresent) {
      out.push({ year: round.year, check: 'seal', file: round.tallyFile, message: t(`${round.tallyFile} không đọc được hoặc sai cấu trúc (xem “thidua validate ${round.year}”)`, `${round.tallyFile} is unreadable or malformed (see “thidua validate ${round.year}”)`) });
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
  if (out.length > 0 || !ws.agency) return out;
  const fresh = tallyRound(round, index, ws.agency.value.threshold);
  const differences: string[] = [];
  if (fresh.members !== sealed.members) differences.push('members');
  if (fresh.base !== sealed.base) differences.push('base');
  if (fresh.required !== sealed.required) differences.push('required');
  if (JSON.stringify(fresh.ballots) !== JSON.stringify(sealed.ballots)) differences.push('ballots');
  const th = sealed.threshold;
  if (th.numerator !== fresh.threshold.numerator || th.denominator !== fresh.threshold.denominator || th.of !== fresh.threshold.of) differences.push('threshold');
  const stored = new Map(sealed.results.map((r) => [r.nomination, r]));
  for (const r of fresh.results) {
    const s = stored.get(r.nomination);
    if (!s || JSON.stringify({ ...s }) !== JSON.stringify({ ...r })) differences.push(`results.${r.nomination}`);
    stored.delete(r.nomination);
  }
  for (const id of stored.keys()) differences.push(`results.${id}`);
  if (differences.length > 0) {
    out.push({
      year: round.year, check: 'results', file: round.tallyFile,
      message: t(
        `kết quả lưu trong tệp niêm phong khác kết quả kiểm phiếu lại (${differences.join(', ')})`,
        `the stored results differ from a fresh count (${differences.join(', ')})`,
      ),
    });
  }
  return out;
}
