/** thidua report --from Y --to Y: the period summary (rounds, departments, new factors, replication, deadlines). */
import { t } from '../core/diagnostics.js';
import type { Outcome } from '../core/report.js';
import { shortDate } from '../core/dates.js';
import { formatPercent } from '../core/format/numbers.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadReport } from '../shell/period.js';
import type { Input } from './definitions.js';
import { inert, table } from '../shell/terminal.js';
import { periodOf, roundLabel, unitHeading, unitWord } from '../core/period.js';

export async function run(ctx: CommandContext, input: Input<'report'>): Promise<number> {
  const { loaded, report } = await loadReport(ctx, input.options);
  if (input.options.json) {
    ctx.out(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  const { lang, style } = ctx;
  const vi = lang === 'vi';
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, lang));
  const idx = loaded.index;
  const said = (o: Outcome) =>
    (vi
      ? { recognised: 'được công nhận', 'not-recognised': 'không được công nhận', pending: 'chưa bỏ phiếu' }
      : { recognised: 'recognised', 'not-recognised': 'not recognised', pending: 'not yet voted' })[o];

  ctx.out(
    style.bold(
      vi
        ? `Báo cáo tổng kết ${report.from}–${report.to} (tính đến ${shortDate(report.as_of)})`
        : `Summary report ${report.from}–${report.to} (as of ${report.as_of})`,
    ),
  );
  ctx.out('');
  ctx.out(style.bold(vi ? '1. Theo đợt' : '1. By round'));
  ctx.out(
    table(
      vi
        ? ['Đợt', 'Đề nghị TT/CN', 'Công nhận TT/CN', 'Tỷ lệ', 'Thời hạn: đúng/trễ/chưa nộp']
        : ['Round', 'Nominated C/I', 'Recognised C/I', 'Rate', 'Deadlines: on time/late/missing'],
      report.rounds.map((r) => [
        roundLabel(r.year, periodOf(loaded.workspace.agency?.value)),
        `${r.nominations.collective}/${r.nominations.individual}`,
        r.sealed ? `${r.recognised.collective}/${r.recognised.individual}` : vi ? 'chưa niêm phong' : 'not sealed',
        pct(r.pass_rate),
        `${r.deadlines.on_time}/${r.deadlines.late}/${r.deadlines.missing}${r.deadlines.pending ? (vi ? ` (+${r.deadlines.pending} chưa đến hạn)` : ` (+${r.deadlines.pending} not due)`) : ''}`,
      ]),
      [],
      style,
      ctx.columns,
    ),
  );
  const tot = report.totals;
  ctx.say(
    t(
      `Cả giai đoạn: ${tot.nominations} lượt đề nghị, ${tot.recognised} lượt được công nhận (${tot.recognised_collective} lượt tập thể, ${tot.recognised_individual} lượt cá nhân) cho ${tot.collectives} tập thể và ${tot.people} cá nhân, tỷ lệ ${pct(tot.pass_rate)} trên các đợt đã niêm phong.`,
      `Whole period: ${tot.nominations} nominations, ${tot.recognised} recognitions (${tot.recognised_collective} of collectives, ${tot.recognised_individual} of individuals) to ${tot.collectives} collectives and ${tot.people} people, rate ${pct(tot.pass_rate)} over sealed rounds.`,
    ),
  );
  ctx.out('');
  const unit = unitWord(loaded.workspace.agency?.value);
  ctx.out(style.bold(vi ? `2. Theo ${unit.vi}` : `2. By ${unit.en}`));
  ctx.out(
    table(
      vi
        ? [
            unitHeading(unit, 'vi'),
            'Đề nghị',
            'Công nhận TT',
            'Công nhận CN',
            'Nhân rộng',
            'Thời hạn đúng/trễ/chưa nộp',
          ]
        : [
            unitHeading(unit, 'en'),
            'Nominated',
            'Recognised C',
            'Recognised I',
            'Replicated',
            'Deadlines on time/late/missing',
          ],
      report.departments.map((d) => [
        inert(d.name),
        String(d.nominations),
        String(d.recognised_collective),
        String(d.recognised_individual),
        String(d.replications),
        `${d.deadlines.on_time}/${d.deadlines.late}/${d.deadlines.missing}`,
      ]),
      ['left', 'right', 'right', 'right', 'right', 'left'],
      style,
      ctx.columns,
    ),
  );
  ctx.out('');
  ctx.out(style.bold(vi ? '3. Nhân tố mới' : '3. New factors'));
  if (report.new_factors.length === 0)
    ctx.say(t('Không có nhân tố mới nào được ghi nhận.', 'No new factor was noted.'));
  for (const f of report.new_factors) {
    const who =
      f.kind === 'collective'
        ? vi
          ? `Tập thể ${f.name}`
          : `Collective ${f.name}`
        : `${f.name} (${idx.departmentName(f.department)})`;
    const steps = f.later.map((s) => `${s.year}: ${vi ? 'đề nghị' : 'nominated'} ${s.nomination}, ${said(s.outcome)}`);
    ctx.out(
      `- ${f.year} ${inert(who)} (${f.nomination}): ${said(f.outcome)}${steps.length ? ` → ${steps.join('; ')}` : vi ? ' → chưa được đề nghị lại' : ' → not nominated again'}`,
    );
  }
  ctx.out('');
  ctx.out(style.bold(vi ? '4. Nhân rộng mô hình' : '4. Models replicated'));
  if (report.replications.length === 0)
    ctx.say(t('Chưa có kế hoạch nhân rộng nào nêu mô hình.', 'No plan names a model it replicates yet.'));
  for (const r of report.replications) {
    ctx.out(
      `- ${r.year} ${inert(idx.departmentName(r.department))}${r.reference ? ` (${inert(r.reference)}, ${shortDate(r.received, lang)})` : ''}: ${vi ? 'nhân rộng' : 'replicates'} ${r.model.year}/${r.model.nomination} ${inert(r.model.kind === 'collective' ? r.model.title : r.model.name)}`,
    );
  }
  return EXIT.ok;
}
