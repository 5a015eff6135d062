/** thidua validate [YEAR...]: every rule, every finding, sorted. */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { diagnosticJson, formatDiagnostic, summaryLine } from '../shell/format-diagnostics.js';

const PER_FILE = 50;

export function run(ctx: CommandContext, input: Input<'validate'>): number {
  const years = input.args.years.length ? input.args.years : null;
  const v = loadAndValidate(ctx.root(), years);
  const ok = v.errors === 0;
  if (input.options.json) {
    ctx.out(JSON.stringify({ ok, errors: v.errors, warnings: v.warnings, diagnostics: v.diagnostics.map((d) => diagnosticJson(d, ctx.lang)) }, null, 2));
    return ok ? EXIT.ok : EXIT.findings;
  }
  // At most PER_FILE findings of one code in one file are shown; the rest are counted.
  const shown = new Map<string, number>();
  for (const d of v.diagnostics) {
    const key = `${d.file}\u0000${d.code}`;
    const n = (shown.get(key) ?? 0) + 1;
    shown.set(key, n);
    if (n <= PER_FILE) ctx.out(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
  }
  for (const [key, n] of shown) {
    if (n <= PER_FILE) continue;
    const [file = '', code = ''] = key.split('\u0000');
    ctx.out(ctx.lang === 'vi' ? `${file}: còn ${n - PER_FILE} lỗi ${code} nữa (xem --json để có đủ)\n` : `${file}: ${n - PER_FILE} more ${code} finding(s) (--json lists them all)\n`);
  }
  const rounds = v.workspace.rounds.filter((r) => !years || years.includes(r.year));
  const nominations = rounds.reduce((n, r) => n + r.nominations.length, 0);
  const ballots = rounds.reduce((n, r) => n + r.ballots.length, 0);
  const scope = t(
    `${rounds.length} đợt (${rounds.map((r) => r.year).join(', ') || '—'}), ${nominations} đề nghị, ${ballots} phiếu`,
    `${rounds.length} round(s) (${rounds.map((r) => r.year).join(', ') || '—'}), ${nominations} nominations, ${ballots} ballots`,
  );
  const summary = summaryLine(v.errors, v.warnings, ctx.lang);
  if (ok) ctx.out(ctx.style.green(ctx.lang === 'vi' ? `✓ Hồ sơ hợp lệ: ${scope.vi}; ${summary}.` : `✓ Records valid: ${scope.en}; ${summary}.`));
  else ctx.out(ctx.style.red(ctx.lang === 'vi' ? `✗ Hồ sơ có lỗi: ${summary} (${scope.vi}).` : `✗ Records have errors: ${summary} (${scope.en}).`));
  return ok ? EXIT.ok : EXIT.findings;
}
