/** thidua awards ID: every recognition of a person or department across rounds. */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { awardsOf } from '../core/awards.js';
import { resolveSubject } from '../shell/subject-arg.js';
import { shortDate } from '../core/dates.js';
import { twoDigits } from '../core/format/numbers.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { inert, table } from '../shell/terminal.js';

export async function run(ctx: CommandContext, input: Input<'awards'>): Promise<number> {
  const loaded = await loadAndValidate(ctx.root(), null, ctx);
  const { id, kind } = resolveSubject(loaded.index, input.args.id);
  const entries = awardsOf(loaded.workspace, id);
  const symbol = loaded.workspace.agency?.value.symbol ?? '';
  const decisionText = (d: { number: number; date: string } | null) =>
    d ? `${twoDigits(d.number)}/QĐ-${symbol} ${shortDate(d.date, ctx.lang)}` : '';
  if (input.options.json) {
    ctx.out(
      JSON.stringify(
        {
          id,
          kind,
          name: kind === 'person' ? loaded.index.personName(id) : loaded.index.departmentName(id),
          awards: entries,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const { lang } = ctx;
  const name = kind === 'person' ? loaded.index.personName(id) : loaded.index.departmentName(id);
  ctx.out(ctx.style.bold(inert(name)) + ` (${id})`);
  if (entries.length === 0) {
    ctx.say(t('Chưa có đề nghị nào.', 'No nominations yet.'));
    return EXIT.ok;
  }
  const statusText = (e: (typeof entries)[number]) => {
    if (e.status === 'recognised') return lang === 'vi' ? 'Được công nhận' : 'Recognised';
    if (e.status === 'pending') return lang === 'vi' ? 'Chưa bỏ phiếu' : 'Not yet voted';
    return e.reason === 'department-not-recognised'
      ? lang === 'vi'
        ? 'Không công nhận: tập thể phòng không được công nhận'
        : 'Not recognised: the department’s collective was not'
      : lang === 'vi'
        ? 'Không công nhận: không đủ số phiếu'
        : 'Not recognised: below the threshold';
  };
  const rows = entries.map((e) => [
    String(e.year),
    e.kind === 'collective' ? (lang === 'vi' ? 'Tập thể' : 'Collective') : lang === 'vi' ? 'Cá nhân' : 'Individual',
    inert(e.person ? loaded.index.personName(e.person) : loaded.index.departmentName(e.department)),
    inert(e.title.length > 60 ? e.title.slice(0, 57) + '...' : e.title),
    statusText(e),
    decisionText(e.decision),
  ]);
  const header =
    lang === 'vi'
      ? ['Năm', 'Loại', 'Tên', 'Thành tích', 'Kết quả', 'Quyết định']
      : ['Year', 'Kind', 'Name', 'Achievement', 'Result', 'Decision'];
  ctx.out(table(header, rows, [], ctx.style, ctx.columns));
  return EXIT.ok;
}
