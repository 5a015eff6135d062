/** thidua decide YEAR --number N --date D [--force]: record the signed decision of a sealed round. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { renderDecisionFile } from '../core/decision-file.js';
import { twoDigits } from '../core/format/numbers.js';
import { shortDate } from '../core/format/dates.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import { parseDate, parsePositiveInt, parseYear } from '../cli/args.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import { assertInside, writeFileAtomic } from '../shell/safe-write.js';
import { withLock } from '../shell/lock.js';

export async function run(ctx: CommandContext, args: Array<string | string[] | undefined>, opts: Record<string, unknown>): Promise<number> {
  const year = parseYear(String(args[0]));
  if (typeof opts['number'] !== 'string') throw usageError(t('thiếu --number (số quyết định đã ký)', 'missing --number (the signed decision’s number)'));
  if (typeof opts['date'] !== 'string') throw usageError(t('thiếu --date (ngày ký, YYYY-MM-DD)', 'missing --date (the signing date, YYYY-MM-DD)'));
  const number = parsePositiveInt(opts['number'], '--number');
  const date = parseDate(opts['date'], '--date');
  const root = ctx.root();
  const loaded = loadAndValidate(root, [year]);
  const round = roundOf(loaded, year);
  refuseIfErrors(ctx, loaded, Boolean(opts['json']), t(`không ghi quyết định đợt ${year}`, `no decision recorded for ${year}`));
  if (!round.tally) {
    throw findingsError(t(`đợt ${year} chưa niêm phong kết quả; chạy “thidua tally ${year} --seal” trước`, `round ${year} is not sealed; run “thidua tally ${year} --seal” first`));
  }
  const path = join(root, round.decisionFile);
  const agency = loaded.workspace.agency!.value;
  const recognised = round.tally.value.results.filter((r) => r.recognised).map((r) => r.nomination);
  const text = renderDecisionFile({ year, number, date, signer: { title: agency.head.title, name: agency.head.name }, recognised });
  const ref = `${twoDigits(number)}/QĐ-${agency.symbol}`;
  if (existsSync(path) && !opts['force']) {
    const d = round.decision?.value;
    throw findingsError(t(
      `đợt ${year} đã có quyết định${d ? ` số ${twoDigits(d.number)}/QĐ-${agency.symbol} ngày ${shortDate(d.date)}` : ''} (${round.decisionFile}); dùng --force để thay`,
      `round ${year} already has a decision${d ? ` no. ${twoDigits(d.number)}/QĐ-${agency.symbol} of ${d.date}` : ''} (${round.decisionFile}); use --force to replace it`,
    ));
  }
  assertInside(root, path);
  await withLock(root, ctx.warn, () => writeFileAtomic(path, text));
  if (opts['json']) {
    ctx.out(JSON.stringify({ year, number, date, reference: ref, recognised, file: round.decisionFile }, null, 2));
    return EXIT.ok;
  }
  ctx.say(t(
    `Đã ghi Quyết định số ${ref} ngày ${shortDate(date)} (${recognised.length} tập thể, cá nhân được công nhận) vào ${round.decisionFile}.`,
    `Recorded decision no. ${ref} of ${date} (${recognised.length} recognised) in ${round.decisionFile}.`,
  ));
  ctx.say(t(`Tiếp theo: thidua render all ${year}`, `Next: thidua render all ${year}`));
  return EXIT.ok;
}
