/** thidua status [YEAR]: where each round stands, and what to do next. */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { roundStatus, type DocumentState, type RoundStatus } from '../core/status.js';
import { shortDate } from '../core/dates.js';
import { twoDigits } from '../core/format/numbers.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { inert, table } from '../shell/terminal.js';
import { documentStates } from '../shell/document-states.js';

export async function run(ctx: CommandContext, input: Input<'status'>): Promise<number> {
  const year = input.args.year ?? null;
  const root = ctx.root();
  const loaded = await loadAndValidate(root, year === null ? null : [year], ctx);
  const asOf = ctx.today();
  const rounds = loaded.workspace.rounds.filter((r) => year === null || r.year === year);
  const statuses: RoundStatus[] = [];
  for (const round of rounds) {
    const docs: DocumentState[] = await documentStates(root, loaded, round, ctx.version);
    statuses.push(roundStatus(loaded.workspace, round, loaded.diagnostics, asOf, docs));
  }
  const sharedErrors = loaded.diagnostics.filter(
    (d) => d.severity === 'error' && !/^records\/\d{4}\//.test(d.file),
  ).length;
  if (input.options.json) {
    ctx.out(
      JSON.stringify(
        {
          as_of: asOf,
          shared_errors: sharedErrors,
          rounds: statuses.map((s) => ({ ...s, next: s.next ? s.next[ctx.lang] : null })),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const { lang, style } = ctx;
  const vi = lang === 'vi';
  const yes = vi ? 'có' : 'yes';
  const no = vi ? 'chưa' : 'no';
  const symbol = loaded.workspace.agency?.value.symbol ?? '';
  const rows = statuses.map((s) => [
    String(s.year),
    `${s.nominations.total}${s.nominations.with_errors ? style.red(` (${s.nominations.with_errors} ${vi ? 'lỗi' : 'with errors'})`) : ''}`,
    s.ballots.issued === null ? '—' : `${s.ballots.entered}/${s.ballots.issued}`,
    s.sealed ? style.green(yes) : no,
    s.decision ? `${twoDigits(s.decision.number)}/QĐ-${symbol} ${shortDate(s.decision.date, lang)}` : no,
    docSummary(s.documents, lang),
    s.deadlines.missing
      ? style.red(`${s.deadlines.missing} ${vi ? 'chưa nộp' : 'missing'}`) +
        (s.deadlines.late ? `, ${s.deadlines.late} ${vi ? 'trễ' : 'late'}` : '')
      : s.deadlines.late
        ? style.yellow(`${s.deadlines.late} ${vi ? 'trễ' : 'late'}`)
        : style.green(vi ? 'đủ' : 'all in'),
  ]);
  const header = vi
    ? ['Đợt', 'Đề nghị', 'Phiếu', 'Niêm phong', 'Quyết định', 'Văn bản', 'Thời hạn']
    : ['Round', 'Nominations', 'Ballots', 'Sealed', 'Decision', 'Documents', 'Deadlines'];
  ctx.say(t(`Tình hình đến ${shortDate(asOf)}:`, `Status as of ${asOf}:`));
  ctx.out(table(header, rows, [], style, ctx.columns));
  if (sharedErrors)
    ctx.out(
      style.red(
        vi
          ? `Hồ sơ chung có ${sharedErrors} lỗi: thidua validate`
          : `The shared records have ${sharedErrors} error(s): thidua validate`,
      ),
    );
  ctx.out('');
  for (const s of statuses) {
    const label = s.next === null ? style.green(vi ? 'hoàn tất' : 'complete') : s.next[lang];
    ctx.out(`${style.bold(String(s.year))}: ${s.next === null ? '✓ ' : '→ '}${label}`);
    for (const u of s.unseals) {
      ctx.out(
        vi
          ? `  · mở niêm phong ngày ${shortDate(u.date)} (${inert(u.by)})${u.decision ? `, rút Quyết định ${inert(u.decision)}` : ''}: ${inert(u.reason)}`
          : `  · unsealed on ${u.date} (${inert(u.by)})${u.decision ? `, decision ${inert(u.decision)} withdrawn` : ''}: ${inert(u.reason)}`,
      );
    }
  }
  return EXIT.ok;
}

function docSummary(docs: DocumentState[], lang: 'vi' | 'en'): string {
  const made = docs.filter((d) => d.state !== 'missing');
  if (made.length === 0) return lang === 'vi' ? 'chưa in' : 'none';
  const outdated = docs.filter((d) => d.state === 'outdated' || d.state === 'issued-changed').length;
  const base = `${made.length}/${docs.length}`;
  return outdated ? `${base} (${outdated} ${lang === 'vi' ? 'cũ' : 'outdated'})` : base;
}
