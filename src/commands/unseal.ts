/**
 * thidua unseal YEAR --reason "…": open a sealed round again to correct it (a mistyped ballot).
 * The seal and any decision are removed; who, when and why is recorded in the round's
 * unseals.yaml, which the next seal covers, so verify, status and the new minutes show it.
 */
import type { Input } from './definitions.js';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { sha256Hex } from '../core/seal.js';
import { sealSettings } from '../core/reseal-note.js';
import { twoDigits } from '../core/format/numbers.js';
import { shortDate } from '../core/dates.js';
import { renderUnsealsFile } from '../core/record-files.js';
import type { Unseal } from '../core/schemas/round.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { roundOf } from '../shell/round.js';
import { withLock } from '../shell/lock.js';
import { assertInside, currentBytes, removeFileChecked, replaceFileChecked } from '../shell/safe-write.js';
import { git } from '../shell/git.js';

/** Who is unsealing: git's user.name in the workspace, else the login name. */
function who(root: string): string {
  const name = git(root, ['config', 'user.name']).stdout.trim();
  if (name) return name;
  try {
    return userInfo().username || '?';
  } catch {
    return '?';
  }
}

export async function run(ctx: CommandContext, input: Input<'unseal'>): Promise<number> {
  const year = input.args.year;
  const reason = input.options.reason?.trim() ?? '';
  if (!reason)
    throw usageError(
      t(
        'thiếu --reason "lý do mở niêm phong" (ghi vào hồ sơ và biên bản)',
        'missing --reason "why the seal is opened" (recorded in the round and the minutes)',
      ),
    );
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  const sealEntry = loaded.snapshot.files.get(round.tallyFile);
  if (!sealEntry || sealEntry.kind !== 'file') {
    throw findingsError(
      t(`đợt ${year} chưa niêm phong; không có gì để mở`, `round ${year} is not sealed; there is nothing to unseal`),
    );
  }
  const sealBytes = sealEntry.bytes;
  const decisionEntry = loaded.snapshot.files.get(round.decisionFile);
  const decisionBytes = decisionEntry?.kind === 'file' ? decisionEntry.bytes : null;
  const d = round.decision?.value;
  const symbol = loaded.workspace.agency?.value.symbol ?? '';
  // What decided the result besides the round's threshold: each title's threshold, quota, tie-break, vote, requirements.
  const titles = round.tally ? sealSettings(round.tally.value).titles : null;
  const entry: Unseal = {
    date: ctx.today(),
    by: who(root),
    reason,
    seal: sha256Hex(sealBytes),
    ...(d ? { decision: `${twoDigits(d.number)}/QĐ-${symbol}` } : {}),
    ...(round.tally ? { threshold: round.tally.value.threshold } : {}),
    ...(titles && titles.length > 0 ? { titles } : {}),
  };
  const previous = round.unseals.map((u) => u.value);
  const unsealsEntry = loaded.snapshot.files.get(round.unsealsFile);
  const unsealsBytes = unsealsEntry?.kind === 'file' ? unsealsEntry.bytes : null;
  if (loaded.diagnostics.some((x) => x.file === round.unsealsFile && x.severity === 'error')) {
    throw findingsError(
      t(
        `${round.unsealsFile} có lỗi; sửa trước (thidua validate ${year})`,
        `${round.unsealsFile} has errors; fix it first (thidua validate ${year})`,
      ),
    );
  }
  // A run killed after recording: the same seal is not recorded twice.
  const already = previous.at(-1)?.seal === entry.seal;
  const text = renderUnsealsFile(year, already ? previous : [...previous, entry]);
  for (const f of [round.unsealsFile, round.tallyFile, round.decisionFile]) assertInside(root, join(root, f));
  await withLock(root, ctx.warn, () => {
    // Nothing another command wrote since this one read the round is replaced or removed unseen.
    if (!already) replaceFileChecked(join(root, round.unsealsFile), text, unsealsBytes, round.unsealsFile);
    if (decisionBytes !== null || currentBytes(join(root, round.decisionFile)) !== null)
      removeFileChecked(join(root, round.decisionFile), decisionBytes, round.decisionFile);
    removeFileChecked(join(root, round.tallyFile), sealBytes, round.tallyFile);
  });
  if (input.options.json) {
    ctx.out(
      JSON.stringify(
        { year, unsealed: entry, removed: [round.tallyFile, ...(decisionBytes ? [round.decisionFile] : [])] },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.say(
    t(
      `Đã mở niêm phong đợt ${year} ngày ${shortDate(entry.date)} (${entry.by}), lý do: ${reason}. Đã xoá ${round.tallyFile}${decisionBytes ? ` và ${round.decisionFile} (Quyết định ${entry.decision ?? ''} bị rút lại)` : ''}; ghi lại trong ${round.unsealsFile}.`,
      `Unsealed round ${year} on ${entry.date} (${entry.by}), because: ${reason}. Removed ${round.tallyFile}${decisionBytes ? ` and ${round.decisionFile} (decision ${entry.decision ?? ''} withdrawn)` : ''}; recorded in ${round.unsealsFile}.`,
    ),
  );
  ctx.say(
    t(
      `Tiếp theo: sửa hồ sơ, rồi thidua commit; thidua tally ${year} --seal`,
      `Next: correct the records, then thidua commit; thidua tally ${year} --seal`,
    ),
  );
  return EXIT.ok;
}
