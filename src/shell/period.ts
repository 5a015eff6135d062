/** The period of a report or the published page: rounds --from … --to, default all of them. */
import { t } from '../core/diagnostics.js';
import { buildReport, type Report } from '../core/report.js';
import { usageError } from '../errors.js';
import type { CommandContext } from './context.js';
import { loadAndValidate, type Loaded } from './load.js';
import { listYears } from './read-snapshot.js';

export interface Period {
  from?: number | undefined;
  to?: number | undefined;
  asOf?: string | undefined;
}

export function periodOf(root: string, period: Period): { from: number; to: number } {
  const years = listYears(root);
  const from = period.from ?? years[0];
  const to = period.to ?? years[years.length - 1];
  if (from === undefined || to === undefined) throw usageError(t('chưa có đợt nào', 'there are no rounds yet'));
  if (from > to) throw usageError(t(`--from ${from} sau --to ${to}`, `--from ${from} is after --to ${to}`));
  return { from, to };
}

export async function loadReport(ctx: CommandContext, period: Period): Promise<{ loaded: Loaded; report: Report }> {
  const root = ctx.root();
  const { from, to } = periodOf(root, period);
  const asOf = period.asOf ?? ctx.today();
  // The replicated models may be of any earlier round: read every round up to the end of the period.
  const loaded = await loadAndValidate(
    root,
    listYears(root).filter((y) => y <= to),
    ctx,
  );
  return { loaded, report: buildReport(loaded.workspace, loaded.index, from, to, asOf) };
}
