/** What `inbox fetch` and `inbox status` print: a line per agency, a table, or JSON. */
import { t } from '../core/diagnostics.js';
import { shortDate } from '../core/dates.js';
import { isHeld, proposalCounts, type FetchOutcome } from '../core/inbox.js';
import { INBOX_FILE } from '../core/records/paths.js';
import type { InboxEntry } from '../core/schemas/inbox.js';
import type { CommandContext } from './context.js';
import { inert, table } from './terminal.js';

export function printFetch(ctx: CommandContext, outcomes: readonly FetchOutcome[], total: number, json: boolean): void {
  const held = outcomes.filter(isHeld).length;
  const unchanged = outcomes.filter((o) => o.kind === 'unchanged').length;
  const verified = outcomes.length - held - unchanged;
  if (json) {
    ctx.out(
      JSON.stringify(
        outcomes.map((o) => ({
          id: o.id,
          kind: o.kind,
          commit: 'commit' in o ? o.commit : null,
          held: 'held' in o ? o.held : null,
          proposals: 'proposals' in o ? o.proposals.length : null,
        })),
        null,
        2,
      ),
    );
  } else {
    for (const o of outcomes) {
      if (o.kind === 'unchanged') continue;
      if (o.held !== null) ctx.out(ctx.style.red(`✗ ${o.id}: ${inert(o.held)}`));
      else if (o.kind === 'fetched')
        ctx.out(
          ctx.style.green(
            `✓ ${o.id} @ ${o.commit.slice(0, 12)}: ${t(`${o.proposals.length} đề nghị`, `${o.proposals.length} proposal(s)`)[ctx.lang]}`,
          ),
        );
    }
    ctx.say(
      t(
        `Đã tải ${total} cơ quan: ${verified} đạt, ${held} bị giữ lại, ${unchanged} không có gì mới.`,
        `Fetched ${total} agencies: ${verified} verified, ${held} held, ${unchanged} unchanged.`,
      ),
    );
  }
}

function proposalsPerRound(e: InboxEntry): string {
  return [...proposalCounts(e)].map(([y, n]) => `${y}: ${n}`).join(', ');
}

export function printStatus(ctx: CommandContext, entries: readonly InboxEntry[], json: boolean): void {
  if (json) {
    ctx.out(
      JSON.stringify(
        entries.map((e) => ({
          id: e.id,
          name: e.name ?? null,
          url: e.url,
          commit: e.fetched?.commit ?? null,
          at: e.fetched?.at ?? null,
          state: !e.fetched ? 'not-fetched' : e.fetched.held !== undefined ? 'held' : 'verified',
          held: e.fetched?.held ?? null,
          proposals: Object.fromEntries(proposalCounts(e)),
        })),
        null,
        2,
      ),
    );
    return;
  }
  if (entries.length === 0) {
    ctx.say(
      t(`${INBOX_FILE} chưa có cơ quan nào (thidua inbox add).`, `${INBOX_FILE} has no agency yet (thidua inbox add).`),
    );
    return;
  }
  const vi = ctx.lang === 'vi';
  const state = (e: InboxEntry) =>
    !e.fetched
      ? vi
        ? 'chưa tải'
        : 'not fetched'
      : e.fetched.held !== undefined
        ? vi
          ? '✗ giữ lại'
          : '✗ held'
        : vi
          ? '✓ đạt'
          : '✓ verified';
  const when = (e: InboxEntry) =>
    e.fetched ? `${shortDate(e.fetched.at.slice(0, 10), ctx.lang)} ${e.fetched.at.slice(11, 16)}` : '';
  ctx.out(
    table(
      vi
        ? ['Mã', 'Kho', 'Commit', 'Tải lúc', 'Trạng thái', 'Đề nghị']
        : ['Id', 'Repository', 'Commit', 'Fetched', 'State', 'Proposals'],
      entries.map((e) => [
        e.id,
        inert(e.url),
        e.fetched?.commit.slice(0, 12) ?? '',
        when(e),
        state(e),
        proposalsPerRound(e),
      ]),
      [],
      ctx.style,
      ctx.columns,
    ),
  );
  for (const e of entries.filter((x) => x.fetched?.held !== undefined))
    ctx.out(`  ${e.id}: ${inert(e.fetched!.held!)}`);
  return;
}
