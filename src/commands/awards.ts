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
import { periodOf, roundLabel, unitWord } from '../core/period.js';

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
        ? `Không công nhận: tập thể ${unitWord(loaded.workspace.agency?.value).vi} không được công nhận`
        : `Not recognised: the ${unitWord(loaded.workspace.agency?.value).en}’s collective was not`
      : lang === 'vi'
        ? 'Không công nhận: không đủ số phiếu'
        : 'Not recognised: below the threshold';
  };
  // The title of each row: titles.yaml's name, or the plan's model (collective) or example (individual).
  const titleName = (e: (typeof entries)[number]) =>
    e.award !== null
      ? (loaded.index.titles.get(e.award)?.name ?? e.award)
      : e.kind === 'collective'
        ? t('Mô hình tiêu biểu', 'Exemplary model')[lang]
        : t('Gương điển hình tiên tiến', 'Exemplary individual')[lang];
  const period = periodOf(loaded.workspace.agency?.value);
  const rows = entries.map((e) => [
    roundLabel(e.year, period),
    e.kind === 'collective' ? (lang === 'vi' ? 'Tập thể' : 'Collective') : lang === 'vi' ? 'Cá nhân' : 'Individual',
    inert(e.person ? loaded.index.personName(e.person) : loaded.index.departmentName(e.department)),
    inert(titleName(e)),
    inert(
      e.source === 'history'
        ? t('(trước thidua)', '(before thidua)')[lang]
        : e.title.length > 60
          ? e.title.slice(0, 57) + '...'
          : e.title,
    ),
    statusText(e),
    e.source === 'history' ? inert(e.decision_text ?? '') : decisionText(e.decision),
  ]);
  const header =
    lang === 'vi'
      ? [
          period === 'school-year' ? 'Năm học' : 'Năm',
          'Loại',
          'Tên',
          'Danh hiệu',
          'Thành tích',
          'Kết quả',
          'Quyết định',
        ]
      : [
          period === 'school-year' ? 'School year' : 'Year',
          'Kind',
          'Name',
          'Title',
          'Achievement',
          'Result',
          'Decision',
        ];
  ctx.out(table(header, rows, [], ctx.style, ctx.columns));
  return EXIT.ok;
}
