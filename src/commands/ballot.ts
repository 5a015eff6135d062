/** thidua ballot YEAR: type in the paper ballots after the count, by prompts or by flags. */
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { ballotFileName, ballotPath, ballotsDir, nextBallotSerial } from '../core/records/paths.js';
import { renderBallotFile } from '../core/record-files.js';
import type { Ballot } from '../core/schemas/round.js';
import { EXIT, ThiduaError, failedQuietly, findingsError, usageError } from '../errors.js';
import type { Input } from './definitions.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate, type Loaded } from '../shell/load.js';
import { roundOf } from '../shell/round.js';
import { assertInside, createFileExclusive, ensureDirInside, FileExistsError } from '../shell/safe-write.js';
import { recordNames } from '../shell/read-snapshot.js';
import { withLock } from '../shell/lock.js';
import { checkDraft } from '../shell/draft-check.js';
import { formatDiagnostic } from '../shell/format-diagnostics.js';
import { agendaOf, type AgendaItem } from '../flows/agenda.js';
import { ballotFromFlags } from '../flows/ballot-flags.js';
import { askBallot, summary } from '../flows/ballot-flow.js';
import { PromptCancelled, terminalPrompter, type Prompter } from '../flows/prompter.js';
import type { Round } from '../core/records/workspace.js';
import { replaceRefusal, writeReplacement } from '../shell/ballot-replace.js';

export const BALLOT_FLAGS =
  '--all agree|disagree|abstain (mọi đề nghị), --vote ID=agree|disagree|abstain (lặp lại cho mỗi đề nghị khác --all), --invalid [--reason "…"], --written, --serial N';

const BALLOT_FLAGS_EN =
  '--all agree|disagree|abstain (every nomination), --vote ID=agree|disagree|abstain (repeat for each one unlike --all), --invalid, --written, --serial N';

export async function run(ctx: CommandContext, input: Input<'ballot'>, prompter?: Prompter): Promise<number> {
  const opts = input.options;
  const year = input.args.year;
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  const session = round.council?.value.session;
  if (opts.reason !== undefined && !opts.invalid)
    throw usageError(
      t(
        '--reason chỉ đi cùng --invalid: lý do phiếu không hợp lệ',
        '--reason goes only with --invalid: why the ballot is invalid',
      ),
    );
  const byFlags =
    opts.vote.length > 0 || opts.all !== undefined || opts.invalid || opts.written || opts.reason !== undefined;
  if (opts.replace !== undefined) {
    if (opts.serial !== undefined)
      throw usageError(
        t('--replace đã là số phiếu; không dùng cùng --serial', '--replace names the ballot; not with --serial'),
      );
    const refusal = replaceRefusal(loaded, round, opts.replace);
    if (refusal) throw refusal;
    const agenda = agendaOf(round, loaded.view(round));
    const paper = byFlags
      ? ballotFromFlags(agenda, opts.replace, opts)
      : await askReplacement(ctx, round, agenda, opts.replace, prompter);
    if (!paper) {
      ctx.say(
        t(
          `Không thay phiếu số ${opts.replace}; không ghi gì.`,
          `Ballot ${opts.replace} not replaced; nothing written.`,
        ),
      );
      return EXIT.ok;
    }
    const old = await writeReplacement(ctx, loaded, round, paper);
    const rel = ballotPath(year, paper.serial);
    if (opts.json)
      ctx.out(JSON.stringify({ file: rel, ballot: paper, replaced: old, recordedIn: round.unsealsFile }, null, 2));
    else {
      ctx.out(summary(paper, agendaOf(round, loaded.view(round)), ctx.lang));
      ctx.say(
        t(
          `Đã thay phiếu số ${paper.serial} (${rel}); phiếu cũ được giữ trong ${round.unsealsFile}.`,
          `Replaced ballot ${paper.serial} (${rel}); the old paper is kept in ${round.unsealsFile}.`,
        ),
      );
    }
    return EXIT.ok;
  }
  if (round.tallyPresent) {
    throw findingsError(
      t(
        `đợt ${year} đã niêm phong kết quả (${round.tallyFile}); không nhập thêm phiếu`,
        `round ${year} is sealed (${round.tallyFile}); no more ballots`,
      ),
    );
  }
  if (!session) {
    throw findingsError(
      t(
        `đợt ${year} chưa ghi phiên họp xét (session, ballots_issued) trong ${round.councilFile}`,
        `round ${year} has no review meeting (session, ballots_issued) in ${round.councilFile}`,
      ),
    );
  }
  if (round.ballotFiles.length >= session.ballots_issued) {
    throw findingsError(
      t(
        `đợt ${year} đã đủ ${round.ballotFiles.length}/${session.ballots_issued} phiếu phát ra; không nhập thêm`,
        `round ${year} already has ${round.ballotFiles.length} of ${session.ballots_issued} ballots issued; no more`,
      ),
    );
  }
  const agenda = agendaOf(round, loaded.view(round));
  if (agenda.length === 0)
    throw findingsError(
      t(`đợt ${year} chưa có đề nghị nào để bỏ phiếu`, `round ${year} has no nominations to vote on`),
    );

  if (byFlags) {
    const explicit = opts.serial !== undefined;
    const serial = opts.serial ?? nextBallotSerial(round.ballotFiles);
    const ballot = ballotFromFlags(agenda, serial, opts);
    return writeBallot(ctx, loaded, round, ballot, opts.json, true, explicit);
  }
  const interactive = prompter !== undefined || (ctx.stdinIsTTY && ctx.stdoutIsTTY);
  if (!interactive) {
    throw usageError(
      t(
        `không có terminal để hỏi (không phải TTY): hãy cho các câu trả lời bằng cờ: ${BALLOT_FLAGS}`,
        `no terminal to ask on (not a TTY): give the answers as flags: ${BALLOT_FLAGS_EN}`,
      ),
    );
  }
  const p = prompter ?? (await terminalPrompter(ctx.out, ctx.lang));
  try {
    ctx.say(
      t(
        `Nhập phiếu đợt ${year}: đã có ${round.ballotFiles.length}/${session.ballots_issued} phiếu; ${agenda.length} đề nghị trên phiếu. Ctrl-C để dừng (phiếu đang nhập không được ghi).`,
        `Ballots of ${year}: ${round.ballotFiles.length} of ${session.ballots_issued} entered; ${agenda.length} nominations on the paper. Ctrl-C stops (the ballot being entered is not written).`,
      ),
    );
    let current = loaded;
    let currentRound = round;
    for (;;) {
      const serial = nextBallotSerial(currentRound.ballotFiles);
      const ballot = await askBallot(p, agenda, serial, ctx.lang);
      if (ballot) await writeBallot(ctx, current, currentRound, ballot, false, false);
      current = await loadAndValidate(root, [year], ctx);
      currentRound = roundOf(current, year);
      const entered = currentRound.ballotFiles.length;
      if (entered >= session.ballots_issued) {
        ctx.say(
          t(
            `Đã đủ ${entered}/${session.ballots_issued} phiếu. Tiếp theo: thidua tally ${year}`,
            `All ${entered} of ${session.ballots_issued} ballots are in. Next: thidua tally ${year}`,
          ),
        );
        return EXIT.ok;
      }
      const more = await p.confirm({
        message:
          ctx.lang === 'vi'
            ? `Nhập phiếu tiếp theo (${entered}/${session.ballots_issued})?`
            : `Enter the next ballot (${entered} of ${session.ballots_issued})?`,
        default: true,
      });
      if (!more) return EXIT.ok;
    }
  } catch (err) {
    if (err instanceof PromptCancelled)
      throw new ThiduaError(
        EXIT.interrupted,
        t('đã dừng; phiếu đang nhập không được ghi', 'stopped; the ballot being entered was not written'),
      );
    throw err;
  }
}

/** The new paper N through prompts, the old paper shown and its marks offered; null when not confirmed. */
async function askReplacement(
  ctx: CommandContext,
  round: Round,
  agenda: AgendaItem[],
  serial: number,
  prompter?: Prompter,
): Promise<Ballot | null> {
  if (!prompter && !(ctx.stdinIsTTY && ctx.stdoutIsTTY))
    throw usageError(
      t(
        `không có terminal để hỏi (không phải TTY): cho ý kiến của phiếu mới bằng cờ: ${BALLOT_FLAGS}`,
        `no terminal to ask on (not a TTY): give the new paper's marks as flags: ${BALLOT_FLAGS_EN}`,
      ),
    );
  const p = prompter ?? (await terminalPrompter(ctx.out, ctx.lang));
  const old = round.ballots.find((b) => b.value.serial === serial)!.value;
  try {
    ctx.say(
      t(
        `Thay phiếu số ${serial} của đợt ${round.year}: phiếu cũ được giữ trong ${round.unsealsFile}. Ctrl-C để dừng (không ghi gì).`,
        `Replacing ballot ${serial} of ${round.year}: the old paper is kept in ${round.unsealsFile}. Ctrl-C stops (nothing written).`,
      ),
    );
    p.note((ctx.lang === 'vi' ? 'Phiếu đang có — ' : 'The paper as it stands — ') + summary(old, agenda, ctx.lang));
    return await askBallot(p, agenda, serial, ctx.lang, old);
  } catch (err) {
    if (err instanceof PromptCancelled)
      throw new ThiduaError(EXIT.interrupted, t('đã dừng; không ghi gì', 'stopped; nothing written'));
    throw err;
  }
}

async function writeBallot(
  ctx: CommandContext,
  loaded: Loaded,
  round: Round,
  ballot: Ballot,
  json: boolean,
  showSummary = true,
  explicitSerial = false,
): Promise<number> {
  const root = loaded.root;
  const relOf = (serial: number) => ballotPath(round.year, serial);
  if (loaded.snapshot.files.has(relOf(ballot.serial)))
    throw findingsError(
      t(
        `phiếu số ${ballot.serial} đã có (${relOf(ballot.serial)})`,
        `ballot ${ballot.serial} already exists (${relOf(ballot.serial)})`,
      ),
    );
  const findings = checkDraft(loaded, relOf(ballot.serial), renderBallotFile(ballot), round.year).filter(
    (d) => d.severity === 'error',
  );
  if (findings.length) {
    for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    ctx.warn(t(`thidua: phiếu số ${ballot.serial} không được ghi`, `thidua: ballot ${ballot.serial} not written`));
    throw failedQuietly();
  }
  const issued = round.council?.value.session?.ballots_issued ?? 0;
  const proposed = ballot.serial;
  let written = ballot;
  await withLock(root, ctx.warn, () => {
    ensureDirInside(root, join(root, ballotsDir(round.year)));
    // Another command may have written ballots since this one read the round: look again, under the lock.
    for (;;) {
      const names = recordNames(root, ballotsDir(round.year));
      if (names.length >= issued) {
        throw findingsError(
          t(
            `đợt ${round.year} đã đủ ${names.length}/${issued} phiếu phát ra; phiếu này không được ghi`,
            `round ${round.year} already has ${names.length} of ${issued} ballots issued; this one was not written`,
          ),
        );
      }
      const abs = join(root, relOf(written.serial));
      assertInside(root, abs);
      try {
        createFileExclusive(abs, renderBallotFile(written));
        return;
      } catch (err) {
        if (!(err instanceof FileExistsError)) throw err;
        if (explicitSerial)
          throw findingsError(
            t(
              `phiếu số ${written.serial} đã có (${relOf(written.serial)}); không ghi gì`,
              `ballot ${written.serial} already exists (${relOf(written.serial)}); nothing written`,
            ),
          );
        written = {
          ...written,
          serial: nextBallotSerial(recordNames(root, ballotsDir(round.year)).concat(ballotFileName(written.serial))),
        };
      }
    }
  });
  const rel = relOf(written.serial);
  if (json) ctx.out(JSON.stringify({ file: rel, ballot: written }, null, 2));
  else {
    if (written.serial !== proposed) {
      ctx.say(
        t(
          `Phiếu số ${proposed} vừa được một lệnh khác ghi; phiếu này được ghi thành phiếu số ${written.serial}.`,
          `Ballot ${proposed} was just written by another command; this one is written as ballot ${written.serial}.`,
        ),
      );
    }
    if (showSummary) ctx.out(summary(written, agendaOf(round, loaded.view(round)), ctx.lang));
    ctx.say(t(`Đã ghi ${rel}.`, `Wrote ${rel}.`));
  }
  return EXIT.ok;
}
