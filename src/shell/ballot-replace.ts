/**
 * The writing part of `thidua ballot YEAR --replace N`: after an unseal, paper N is entered again; the paper as it stood
 * is kept in the latest opening of the round's unseal record (`replaced`), never lost.
 */
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { ballotPath } from '../core/records/paths.js';
import { renderBallotFile, renderUnsealsFile } from '../core/record-files.js';
import type { Ballot } from '../core/schemas/round.js';
import type { Round } from '../core/records/workspace.js';
import { failedQuietly, findingsError, type ThiduaError } from '../errors.js';
import type { CommandContext } from './context.js';
import type { Loaded } from './load.js';
import { assertInside, replaceFileChecked } from './safe-write.js';
import { withLock } from './lock.js';
import { checkDraft } from './draft-check.js';
import { formatDiagnostic } from './format-diagnostics.js';

/** Why paper `serial` of the round may not be replaced now, or null. */
export function replaceRefusal(loaded: Loaded, round: Round, serial: number): ThiduaError | null {
  const year = round.year;
  if (round.tallyPresent)
    return findingsError(
      t(
        `đợt ${year} đang niêm phong (${round.tallyFile}); mở niêm phong trước (thidua unseal ${year} --reason "…") rồi mới thay phiếu; không ghi gì`,
        `round ${year} is sealed (${round.tallyFile}); unseal it first (thidua unseal ${year} --reason "…") to replace a ballot; nothing written`,
      ),
    );
  if (round.unseals.length === 0)
    return findingsError(
      t(
        `đợt ${year} chưa mở niêm phong lần nào (${round.unsealsFile}); chỉ thay phiếu sau khi thidua unseal ${year} --reason "…"; không ghi gì`,
        `round ${year} has no unseal since its seal (${round.unsealsFile}); replace a ballot only after thidua unseal ${year} --reason "…"; nothing written`,
      ),
    );
  const rel = ballotPath(year, serial);
  if (!loaded.snapshot.files.has(rel) || !round.ballots.some((b) => b.value.serial === serial))
    return findingsError(
      t(
        `đợt ${year} không có phiếu số ${serial} (${rel}); không ghi gì`,
        `round ${year} has no ballot ${serial} (${rel}); nothing written`,
      ),
    );
  if (loaded.diagnostics.some((d) => d.file === round.unsealsFile && d.severity === 'error'))
    return findingsError(
      t(
        `${round.unsealsFile} có lỗi; sửa trước (thidua validate ${year}); không ghi gì`,
        `${round.unsealsFile} has errors; fix it first (thidua validate ${year}); nothing written`,
      ),
    );
  return null;
}

const bytesOf = (loaded: Loaded, rel: string): Uint8Array | null => {
  const e = loaded.snapshot.files.get(rel);
  return e?.kind === 'file' ? e.bytes : null;
};

/**
 * Writes the new paper and the old one into the latest unseal entry, both checked under the lock
 * (nothing another command wrote since the round was read is replaced); returns the old paper.
 */
export async function writeReplacement(
  ctx: CommandContext,
  loaded: Loaded,
  round: Round,
  ballot: Ballot,
): Promise<Ballot> {
  const refusal = replaceRefusal(loaded, round, ballot.serial);
  if (refusal) throw refusal;
  const root = loaded.root;
  const rel = ballotPath(round.year, ballot.serial);
  const findings = checkDraft(loaded, rel, renderBallotFile(ballot), round.year).filter((d) => d.severity === 'error');
  if (findings.length) {
    for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    ctx.warn(t(`thidua: phiếu số ${ballot.serial} không được thay`, `thidua: ballot ${ballot.serial} not replaced`));
    throw failedQuietly();
  }
  const old = round.ballots.find((b) => b.value.serial === ballot.serial)!.value;
  const entries = round.unseals.map((u) => u.value);
  const latest = entries.at(-1)!;
  const updated = [...entries.slice(0, -1), { ...latest, replaced: [...(latest.replaced ?? []), old] }];
  const oldBytes = bytesOf(loaded, rel);
  const unsealsBytes = bytesOf(loaded, round.unsealsFile);
  for (const f of [rel, round.unsealsFile]) assertInside(root, join(root, f));
  await withLock(root, ctx.warn, () => {
    // The old paper is recorded first: a run stopped in between loses nothing.
    replaceFileChecked(
      join(root, round.unsealsFile),
      renderUnsealsFile(round.year, updated),
      unsealsBytes,
      round.unsealsFile,
    );
    replaceFileChecked(join(root, rel), renderBallotFile(ballot), oldBytes, rel);
  });
  return old;
}
