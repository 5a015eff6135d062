/** thidua tally YEAR [--seal]: the count against the threshold; with --seal, tally.yaml. */
import type { Input } from './definitions.js';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { tallyRound, type Tally } from '../core/tally.js';
import { compareSeal, inputHashes } from '../core/seal.js';
import { basisForSeal } from '../core/records/basis.js';
import { compareWithSeal } from '../core/verify.js';
import { isSealedInputPath } from '../core/verify-history.js';
import { readSnapshot } from '../shell/read-snapshot.js';
import { MAX_FILE_BYTES } from '../core/yaml/limits.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import { shortDate } from '../core/dates.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate, type Loaded } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import { withLock } from '../shell/lock.js';
import { assertInside, createFileExclusive, FileExistsError, replaceFileChecked } from '../shell/safe-write.js';
import type { Round } from '../core/records/workspace.js';
import { printTally, tallyJson } from './tally/print.js';

export async function run(ctx: CommandContext, input: Input<'tally'>): Promise<number> {
  const year = input.args.year;
  const { json, seal } = input.options;
  const incomplete = input.options.incomplete?.trim();
  if (incomplete !== undefined && !seal)
    throw usageError(t('--incomplete đi cùng --seal', '--incomplete goes with --seal'));
  const givenDate = input.options.date;
  if (givenDate !== undefined && !seal) throw usageError(t('--date đi cùng --seal', '--date goes with --seal'));
  if (givenDate !== undefined && givenDate > ctx.today())
    throw usageError(
      t(
        `--date ${givenDate}: ngày niêm phong không thể sau hôm nay`,
        `--date ${givenDate}: the seal cannot be dated after today`,
      ),
    );
  if (incomplete === '')
    throw usageError(
      t(
        '--incomplete cần lý do, ví dụ --incomplete "2 phiếu bị thất lạc"',
        '--incomplete needs a reason, e.g. --incomplete "2 ballots were lost"',
      ),
    );
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx, true);
  const round = roundOf(loaded, year);
  if (!round.council?.value.session) {
    throw findingsError(
      t(
        `đợt ${year} chưa có phiên họp xét (“session” trong ${round.councilFile}); chưa thể kiểm phiếu`,
        `round ${year} has no review meeting yet (“session” in ${round.councilFile}); nothing to count`,
      ),
    );
  }
  if (seal && round.tallyPresent && round.tally) {
    const changes = compareSeal(
      round.tally.value.inputs,
      inputHashes(round, (p) => bytesOf(loaded, p)),
    );
    if (changes.length > 0) {
      refuseIfErrors(ctx, loaded, json, t(`không niêm phong lại đợt ${year}`, `round ${year} not sealed again`));
    }
  }
  refuseIfErrors(ctx, loaded, json, t(`không kiểm phiếu đợt ${year}`, `round ${year} not tallied`));
  // A seal is dated the day of the council's meeting (today when the meeting is still ahead), or --date.
  const meeting = round.council.value.session.date;
  const sealedOn = givenDate ?? (meeting <= ctx.today() ? meeting : ctx.today());
  const sealedBefore = round.tally?.value.sealed_on;
  if (seal && givenDate !== undefined && sealedBefore !== undefined && sealedBefore !== givenDate)
    throw findingsError(
      t(
        `đợt ${year} đã niêm phong ngày ${shortDate(sealedBefore)}; --date không đổi ngày của niêm phong đã có. Để niêm phong lại ngày ${shortDate(givenDate)}: thidua unseal ${year} --reason "…", rồi thidua tally ${year} --seal --date ${shortDate(givenDate)}`,
        `round ${year} was sealed on ${sealedBefore}; --date does not change the date of a seal made. To seal it again on ${givenDate}: thidua unseal ${year} --reason "…", then thidua tally ${year} --seal --date ${givenDate}`,
      ),
    );
  const view = loaded.view(round);
  const tally = tallyRound(round, view, view.agency!.threshold);

  let sealed = round.tally !== null;
  let wrote: 'sealed' | 'basis' | null = null;
  if (seal) {
    if (round.tally && round.tally.value.basis) {
      // Inputs are unchanged (validation passed): the seal stands; nothing is rewritten.
    } else if (round.tally) {
      wrote = await addBasis(ctx, loaded, round, tally);
    } else {
      refuseSeal(year, tally, incomplete);
      if (sealedOn < meeting) {
        throw findingsError(
          t(
            `không niêm phong đợt ${year}: ngày niêm phong ${shortDate(sealedOn)} trước phiên họp xét ngày ${shortDate(meeting)} (--date)`,
            `round ${year} not sealed: the seal date ${sealedOn} is before the review meeting of ${meeting} (--date)`,
          ),
        );
      }
      const text = (await import('../core/tally-file.js')).renderTallyFile(tally, {
        sealedBy: `thidua ${ctx.version}`,
        sealedOn,
        inputs: inputHashes(round, (p) => bytesOf(loaded, p)),
        ...(incomplete !== undefined ? { incomplete } : {}),
        reopened: round.unseals.map((u) => u.value),
        basis: basisForSeal(view, round),
      });
      refuseOversized(round.tallyFile, text);
      const abs = join(root, round.tallyFile);
      assertInside(root, abs);
      await withLock(root, ctx.warn, () => {
        // The inputs must still be what was counted: re-read them under the lock.
        const now = readSnapshot(root, [year]);
        const again = inputHashes(round, (p) => {
          const e = now.files.get(p);
          return e && e.kind === 'file' ? e.bytes : null;
        });
        const before = inputHashes(round, (p) => bytesOf(loaded, p));
        const listed = [...now.files.keys()]
          .filter((p) => isSealedInputPath(year, p))
          .sort()
          .join('\n');
        if (JSON.stringify(again) !== JSON.stringify(before) || listed !== Object.keys(before).sort().join('\n')) {
          throw findingsError(
            t(
              `hồ sơ đợt ${year} vừa thay đổi trong lúc kiểm phiếu; không niêm phong, hãy chạy lại`,
              `the records of ${year} changed during the count; not sealed, run it again`,
            ),
          );
        }
        try {
          createFileExclusive(abs, text);
        } catch (err) {
          if (err instanceof FileExistsError)
            throw findingsError(
              t(
                `đợt ${year} vừa được niêm phong bởi một lệnh khác; không ghi gì`,
                `round ${year} was just sealed by another command; nothing written`,
              ),
            );
          throw err;
        }
      });
      sealed = true;
      wrote = 'sealed';
    }
  }

  if (json) {
    ctx.out(JSON.stringify(tallyJson(tally, sealed, round.tally?.value.incomplete ?? incomplete ?? null), null, 2));
    return EXIT.ok;
  }
  printTally(ctx, view, round, tally, sealed);
  if (seal) {
    ctx.out('');
    const n = Object.keys(inputHashes(round, (p) => bytesOf(loaded, p))).length;
    ctx.say(
      wrote === 'sealed'
        ? t(
            `Đã niêm phong: ${round.tallyFile} (mã băm SHA-256 của ${n} tệp đầu vào; cơ quan, tiêu chí, người và kỷ luật như hôm nay được lưu kèm).`,
            `Sealed: ${round.tallyFile} (SHA-256 of ${n} input files; the agency, criteria, people and discipline as they are today are kept with it).`,
          )
        : wrote === 'basis'
          ? t(
              `Đợt ${year} đã niêm phong, các tệp đầu vào không đổi: đã lưu kèm cơ sở xét (cơ quan, tiêu chí, người, kỷ luật) vào ${round.tallyFile}, để hồ sơ chung sửa sau này không ảnh hưởng đợt này.`,
              `Round ${year} was sealed and its inputs are unchanged: its basis (agency, criteria, people, discipline) is now kept in ${round.tallyFile}, so later edits of the shared records do not reach it.`,
            )
          : t(
              `Đợt ${year} đã được niêm phong trước đó, các tệp đầu vào không đổi: không ghi gì.`,
              `Round ${year} was already sealed and its inputs are unchanged: nothing written.`,
            ),
    );
  }
  return EXIT.ok;
}

/** The vote is not sealed below its quorum, nor with ballots missing unless the clerk says why, nor with a tie the chair has yet to settle. */
function refuseSeal(year: number, tally: Tally, incomplete: string | undefined): void {
  const tied = tally.results.filter((r) => r.reason === 'tie-unresolved').map((r) => r.nomination);
  if (tied.length > 0) {
    throw findingsError(
      t(
        `không niêm phong đợt ${year}: ${tied.join(', ')} bằng phiếu ở vị trí cuối của chỉ tiêu; Chủ tịch Hội đồng quyết định, ghi bằng: thidua session ${year} --chair-decides MÃ`,
        `round ${year} not sealed: ${tied.join(', ')} tie for the last place of the quota; the chair decides, recorded with: thidua session ${year} --chair-decides ID`,
      ),
    );
  }
  const q = tally.quorum;
  if (q && !q.met) {
    throw findingsError(
      t(
        `không niêm phong đợt ${year}: mới thu về ${q.received} phiếu, chưa đủ số tối thiểu ${q.required}/${tally.members} thành viên Hội đồng (${q.numerator}/${q.denominator})`,
        `round ${year} not sealed: only ${q.received} ballot(s) received, below the quorum of ${q.required} of ${tally.members} council members (${q.numerator}/${q.denominator})`,
      ),
    );
  }
  const b = tally.ballots;
  if (b.received < b.issued && incomplete === undefined) {
    throw findingsError(
      t(
        `không niêm phong đợt ${year}: mới nhập ${b.received}/${b.issued} phiếu phát ra; nhập đủ (thidua ballot ${year}) hoặc ghi lý do: thidua tally ${year} --seal --incomplete "lý do"`,
        `round ${year} not sealed: only ${b.received} of ${b.issued} ballots issued are entered; enter the rest (thidua ballot ${year}) or give the reason: thidua tally ${year} --seal --incomplete "reason"`,
      ),
    );
  }
}

/** A seal written before bases were kept: add the basis, when a fresh count still equals it. */
async function addBasis(ctx: CommandContext, loaded: Loaded, round: Round, tally: Tally): Promise<'basis'> {
  const sealed = round.tally!;
  const differences = compareWithSeal(sealed.value, tally);
  if (differences.length > 0) {
    throw findingsError(
      t(
        `kết quả lưu trong ${round.tallyFile} khác kết quả kiểm phiếu lại (${differences.join(', ')}); không bổ sung gì — xem thidua verify ${round.year}`,
        `the results in ${round.tallyFile} differ from a fresh count (${differences.join(', ')}); nothing added — see thidua verify ${round.year}`,
      ),
    );
  }
  const basis = basisForSeal(loaded.view(round), round);
  const text = (await import('../core/tally-file.js')).renderTallyFile(
    { ...tally, threshold: sealed.value.threshold },
    {
      sealedBy: sealed.value.sealed_by,
      ...(sealed.value.sealed_on !== undefined ? { sealedOn: sealed.value.sealed_on } : {}),
      inputs: sealed.value.inputs,
      ...(sealed.value.incomplete !== undefined ? { incomplete: sealed.value.incomplete } : {}),
      ...(sealed.value.reopened ? { reopened: sealed.value.reopened } : {}),
      basis,
    },
  );
  refuseOversized(round.tallyFile, text);
  const abs = join(loaded.root, round.tallyFile);
  assertInside(loaded.root, abs);
  await withLock(loaded.root, ctx.warn, () =>
    replaceFileChecked(abs, text, bytesOf(loaded, round.tallyFile), round.tallyFile),
  );
  return 'basis';
}

function bytesOf(loaded: Loaded, path: string): Uint8Array | null {
  const e = loaded.snapshot.files.get(path);
  return e && e.kind === 'file' ? e.bytes : null;
}

/** A seal larger than a record file may be would be refused by every later read: it is not written. */
function refuseOversized(rel: string, text: string): void {
  const size = Buffer.byteLength(text, 'utf8');
  if (size <= MAX_FILE_BYTES) return;
  throw findingsError(
    t(
      `không niêm phong: ${rel} sẽ lớn ${size} byte, vượt giới hạn 1 MiB (${MAX_FILE_BYTES} byte) của một tệp hồ sơ; không ghi gì`,
      `not sealed: ${rel} would be ${size} bytes, over the 1 MiB (${MAX_FILE_BYTES} bytes) a record file may hold; nothing written`,
    ),
  );
}
