/** thidua overdue [--as-of DATE] [--year YEAR]: deadlines missed or met late; exit 1 when one is missed. */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { unitWord } from '../core/period.js';
import { olderMissingYears, overdueItems, type OverdueItem } from '../core/overdue.js';
import { shortDate } from '../core/dates.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { inert } from '../shell/terminal.js';

export async function run(ctx: CommandContext, input: Input<'overdue'>): Promise<number> {
  const asOf = input.options.asOf ?? ctx.today();
  const year = input.options.year ?? null;
  const loaded = await loadAndValidate(ctx.root(), year === null ? null : [year], ctx);
  const items = overdueItems(loaded.workspace, asOf, year === null ? null : [year]);
  const missing = items.some((i) => i.status === 'missing');
  const code = missing ? EXIT.findings : EXIT.ok;
  if (input.options.json) {
    ctx.out(JSON.stringify({ as_of: asOf, items: items.map(({ title: _title, ...rest }) => rest) }, null, 2));
    return code;
  }
  const { lang, style } = ctx;
  const idx = loaded.index;
  // Without --year only the period's deadlines are chased: say which earlier rounds still owe one.
  const older = year === null ? olderMissingYears(loaded.workspace, asOf) : [];
  if (older.length)
    ctx.say(
      t(
        `Chỉ nhắc thời hạn của kỳ này; các đợt ${older.join(', ')} còn văn bản chưa nộp: thidua overdue --year NĂM.`,
        `Only this period's deadlines are listed; rounds ${older.join(', ')} still miss documents: thidua overdue --year YEAR.`,
      ),
    );
  if (items.length === 0) {
    ctx.out(
      style.green(
        lang === 'vi'
          ? `✓ Tính đến ${shortDate(asOf)}: không ${unitWord(loaded.workspace.agency?.value).vi} nào trễ hạn.`
          : `✓ As of ${asOf}: no ${unitWord(loaded.workspace.agency?.value).en} is behind.`,
      ),
    );
    return code;
  }
  ctx.say(t(`Tính đến ${shortDate(asOf)}:`, `As of ${asOf}:`));
  const groups = new Map<string, OverdueItem[]>();
  for (const i of items) {
    const key = `${i.year}\u0000${i.before}\u0000${i.deadline}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  for (const list of groups.values()) {
    const first = list[0]!;
    const title = first.title ? `“${first.title}” (${first.deadline})` : first.deadline;
    ctx.out('');
    ctx.out(
      style.bold(
        lang === 'vi'
          ? `Đợt ${first.year} — ${inert(title)}, hạn trước ngày ${shortDate(first.before)}`
          : `Round ${first.year} — ${inert(title)}, due before ${first.before}`,
      ),
    );
    for (const i of list) {
      const dept = inert(idx.departmentName(i.department));
      if (i.status === 'missing') {
        ctx.out(
          `  ${style.red('✗')} ${dept}: ${lang === 'vi' ? `chưa nộp, quá hạn ${i.days_late} ngày` : `nothing received, ${i.days_late} day(s) overdue`}`,
        );
      } else {
        const ref = i.reference ? ` (${inert(i.reference)})` : '';
        ctx.out(
          `  ${style.yellow('!')} ${dept}: ${lang === 'vi' ? `nộp ngày ${shortDate(i.received!)}${ref}, trễ ${i.days_late} ngày` : `received ${i.received ?? ''}${ref}, ${i.days_late} day(s) late`}`,
        );
      }
    }
  }
  const nMissing = items.filter((i) => i.status === 'missing').length;
  const nLate = items.length - nMissing;
  ctx.out('');
  ctx.say(t(`${nMissing} chưa nộp, ${nLate} nộp trễ.`, `${nMissing} missing, ${nLate} late.`));
  return code;
}
