/** thidua tally YEAR [--seal]: the count against the threshold; with --seal, tally.yaml. */
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { tallyRound, percentOfBase, type Tally } from '../core/tally.js';
import { renderTallyFile } from '../core/tally-file.js';
import { compareSeal, inputHashes } from '../core/seal.js';
import { formatPercent } from '../core/format/numbers.js';
import { EXIT, findingsError } from '../errors.js';
import { parseYear } from '../cli/args.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate, type Loaded } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import { withLock } from '../shell/lock.js';
import { assertInside, writeFileAtomic } from '../shell/safe-write.js';
import { inert, table } from '../shell/terminal.js';
import type { Round } from '../core/records/workspace.js';

export async function run(ctx: CommandContext, args: Array<string | string[] | undefined>, opts: Record<string, unknown>): Promise<number> {
  const year = parseYear(args[0] as string);
  const json = Boolean(opts['json']);
  const root = ctx.root();
  const loaded = loadAndValidate(root, [year]);
  const round = roundOf(loaded, year);
  if (!round.council?.value.session) {
    throw findingsError(t(
      `đợt ${year} chưa có phiên họp xét (“session” trong ${round.councilFile}); chưa thể kiểm phiếu`,
      `round ${year} has no review meeting yet (“session” in ${round.councilFile}); nothing to count`,
    ));
  }
  if (opts['seal'] && round.tallyPresent && round.tally) {
    const changes = compareSeal(round.tally.value.inputs, inputHashes(round, (p) => bytesOf(loaded, p)));
    if (changes.length > 0) {
      refuseIfErrors(ctx, loaded, json, t(`không niêm phong lại đợt ${year}`, `round ${year} not sealed again`));
    }
  }
  refuseIfErrors(ctx, loaded, json, t(`không kiểm phiếu đợt ${year}`, `round ${year} not tallied`));
  const tally = tallyRound(round, loaded.index, loaded.workspace.agency!.value.threshold);

  let sealed = round.tally !== null;
  let wrote = false;
  if (opts['seal']) {
    if (round.tally) {
      // Inputs are unchanged (validation passed): the seal stands; nothing is rewritten.
      sealed = true;
    } else {
      const text = renderTallyFile(tally, inputHashes(round, (p) => bytesOf(loaded, p)), `thidua ${ctx.version}`);
      assertInside(root, join(root, round.tallyFile));
      await withLock(root, ctx.warn, () => writeFileAtomic(join(root, round.tallyFile), text));
      sealed = true;
      wrote = true;
    }
  }

  if (json) {
    ctx.out(JSON.stringify(tallyJson(tally, sealed), null, 2));
    return EXIT.ok;
  }
  printTally(ctx, loaded, round, tally, sealed);
  if (opts['seal']) {
    ctx.out('');
    ctx.say(wrote
      ? t(`Đã niêm phong: ${round.tallyFile} (mã băm SHA-256 của ${Object.keys(inputHashes(round, (p) => bytesOf(loaded, p))).length} tệp đầu vào).`,
        `Sealed: ${round.tallyFile} (SHA-256 of ${Object.keys(inputHashes(round, (p) => bytesOf(loaded, p))).length} input files).`)
      : t(`Đợt ${year} đã được niêm phong trước đó, các tệp đầu vào không đổi: không ghi gì.`, `Round ${year} was already sealed and its inputs are unchanged: nothing written.`));
  }
  return EXIT.ok;
}

function bytesOf(loaded: Loaded, path: string): Uint8Array | null {
  const e = loaded.snapshot.files.get(path);
  return e && e.kind === 'file' ? e.bytes : null;
}

export function tallyJson(tally: Tally, sealed: boolean) {
  return {
    year: tally.year,
    members: tally.members,
    base: tally.base,
    threshold: { numerator: tally.threshold.numerator, denominator: tally.threshold.denominator, of: tally.threshold.of, required: tally.required },
    ballots: tally.ballots,
    sealed,
    results: tally.results.map((r) => ({ ...r, percent: percentOfBase(r.agree, tally.base) })),
  };
}

function printTally(ctx: CommandContext, loaded: Loaded, round: Round, tally: Tally, sealed: boolean): void {
  const { lang, style } = ctx;
  const idx = loaded.index;
  const th = tally.threshold;
  const baseText = th.of === 'members'
    ? t(`${tally.base} thành viên Hội đồng`, `${tally.base} council members`)
    : t(`${tally.base} phiếu hợp lệ`, `${tally.base} valid ballots`);
  const written = round.ballots.filter((b) => b.value.valid && b.value.written).length;
  ctx.out(style.bold(lang === 'vi'
    ? `Kết quả kiểm phiếu đợt ${tally.year}${sealed ? ` — đã niêm phong (${round.tallyFile})` : ' — chưa niêm phong'}`
    : `Ballot count, round ${tally.year}${sealed ? ` — sealed (${round.tallyFile})` : ' — not sealed'}`));
  ctx.say(t(
    `Hội đồng ${tally.members} thành viên; cơ sở tính: ${baseText.vi}; ngưỡng ${th.numerator}/${th.denominator}: cần ít nhất ${tally.required}/${tally.base} phiếu đồng ý`,
    `Council of ${tally.members} members; base: ${baseText.en}; threshold ${th.numerator}/${th.denominator}: at least ${tally.required} of ${tally.base} must agree`,
  ));
  const b = tally.ballots;
  ctx.say(t(
    `Phiếu: phát ra ${b.issued}, thu về ${b.received}, hợp lệ ${b.valid}, không hợp lệ ${b.invalid}${written ? ` (trong đó ${written} phiếu ý kiến bằng văn bản của thành viên vắng mặt)` : ''}`,
    `Ballots: issued ${b.issued}, received ${b.received}, valid ${b.valid}, invalid ${b.invalid}${written ? ` (of which ${written} written vote(s) of absent members)` : ''}`,
  ));
  const header = (first: string) => lang === 'vi'
    ? [first, 'Phòng', 'Đồng ý', 'Không đồng ý', 'Không ý kiến', '% cơ sở', 'Kết quả']
    : [first, 'Department', 'Agree', 'Disagree', 'Abstain', '% of base', 'Result'];
  const align: Array<'left' | 'right'> = ['left', 'left', 'right', 'right', 'right', 'right', 'left'];
  for (const kind of ['collective', 'individual'] as const) {
    const rows = tally.results.filter((r) => r.kind === kind);
    if (rows.length === 0) continue;
    ctx.out('');
    ctx.out(style.bold(kind === 'collective'
      ? (lang === 'vi' ? 'I. Mô hình tiêu biểu (tập thể)' : 'I. Exemplary collectives')
      : (lang === 'vi' ? 'II. Gương điển hình tiên tiến (cá nhân)' : 'II. Exemplary individuals')));
    const body = rows.map((r) => {
      const name = r.person ? idx.personName(r.person) : idx.departmentName(r.department);
      const result = r.recognised
        ? style.green(lang === 'vi' ? 'Đạt' : 'Passed')
        : r.reason === 'department-not-recognised'
          ? style.yellow(lang === 'vi'
            ? `Đạt số phiếu, không công nhận: tập thể ${idx.departmentName(r.department)} không được công nhận`
            : `Enough votes, not recognised: ${idx.departmentName(r.department)} is not recognised as a collective`)
          : style.red(lang === 'vi' ? `Không đạt (dưới ${tally.required} phiếu)` : `Failed (below ${tally.required})`);
      const cells = [inert(name), inert(idx.departmentName(r.department)), String(r.agree), String(r.disagree), String(r.abstain), formatPercent(percentOfBase(r.agree, tally.base), lang), result];
      return kind === 'collective' ? cells.filter((_, i) => i !== 1) : cells;
    });
    const head = header(kind === 'collective' ? (lang === 'vi' ? 'Tập thể' : 'Collective') : (lang === 'vi' ? 'Cá nhân' : 'Individual'));
    ctx.out(kind === 'collective'
      ? table(head.filter((_, i) => i !== 1), body, align.filter((_, i) => i !== 1), style)
      : table(head, body, align, style));
  }
  const recognised = tally.results.filter((r) => r.recognised);
  ctx.out('');
  ctx.say(t(
    `Được công nhận: ${recognised.filter((r) => r.kind === 'collective').length} tập thể, ${recognised.filter((r) => r.kind === 'individual').length} cá nhân (trên ${tally.results.length} đề nghị).`,
    `Recognised: ${recognised.filter((r) => r.kind === 'collective').length} collective(s), ${recognised.filter((r) => r.kind === 'individual').length} individual(s) (of ${tally.results.length} nominations).`,
  ));
  if (!sealed) ctx.say(t(`Niêm phong kết quả: thidua tally ${tally.year} --seal`, `Seal the result: thidua tally ${tally.year} --seal`));
}

