/** thidua validate [YEAR...]: every rule, every finding, sorted. */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import type { Snapshot } from '../core/records/workspace.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { readWithPool, validateInShell } from '../shell/load.js';
import { ParsePool, threadCount } from '../shell/parse-pool.js';
import {
  cacheEnabled,
  hasCachedResults,
  readCached,
  validationKey,
  writeCached,
  type ValidateResult,
} from '../shell/validate-cache.js';
import { diagnosticJson, formatDiagnostic, summaryLine } from '../shell/format-diagnostics.js';

const PER_FILE = 50;

/** A pool fed with a snapshot already read (the threads then start only when it is large). */
function preparsedPool(snapshot: Snapshot, env: NodeJS.ProcessEnv): ParsePool {
  const pool = new ParsePool(threadCount(env));
  for (const [path, entry] of snapshot.files) pool.add(path, entry);
  return pool;
}

/** The validation of `years`, from the cache when no byte it follows from has changed. */
async function validation(ctx: CommandContext, years: readonly number[] | null): Promise<ValidateResult> {
  const root = ctx.root();
  // The parsing threads start while the files are read, unless a result kept for this workspace
  // may answer (then they would only compete with the hashing for the cores).
  const threads = cacheEnabled(ctx.env) && hasCachedResults(root, ctx.env) ? 0 : threadCount(ctx.env);
  const { snapshot, pool } = readWithPool(root, years, threads);
  // With the cache off (THIDUA_NO_CACHE=1) the files are not hashed at all.
  const key = cacheEnabled(ctx.env) ? validationKey(snapshot, years, ctx.version) : null;
  const cached = key ? readCached(root, key, ctx.env) : null;
  if (cached) {
    pool.cancel();
    return cached;
  }
  // The validator (zod, yaml, every rule) is loaded only when the cache has nothing to give; a
  // large workspace read without threads (a cache entry was there, but not this one) gets them now.
  const v = await validateInShell(snapshot, years, threads > 0 ? pool : preparsedPool(snapshot, ctx.env));
  const rounds = v.workspace.rounds.filter((r) => !years || years.includes(r.year));
  const result: ValidateResult = {
    diagnostics: v.diagnostics,
    errors: v.errors,
    warnings: v.warnings,
    rounds: rounds.map((r) => r.year),
    nominations: rounds.reduce((n, r) => n + r.nominations.length, 0),
    ballots: rounds.reduce((n, r) => n + r.ballots.length, 0),
  };
  if (key) writeCached(root, key, result, ctx.env);
  return result;
}

export async function run(ctx: CommandContext, input: Input<'validate'>): Promise<number> {
  const years = input.args.years.length ? input.args.years : null;
  const v = await validation(ctx, years);
  const ok = v.errors === 0;
  if (input.options.json) {
    ctx.out(
      JSON.stringify(
        {
          ok,
          errors: v.errors,
          warnings: v.warnings,
          diagnostics: v.diagnostics.map((d) => diagnosticJson(d, ctx.lang)),
        },
        null,
        2,
      ),
    );
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
    ctx.out(
      ctx.lang === 'vi'
        ? `${file}: còn ${n - PER_FILE} lỗi ${code} nữa (xem --json để có đủ)\n`
        : `${file}: ${n - PER_FILE} more ${code} finding(s) (--json lists them all)\n`,
    );
  }
  const { rounds, nominations, ballots } = v;
  const scope = t(
    `${rounds.length} đợt (${rounds.join(', ') || '—'}), ${nominations} đề nghị, ${ballots} phiếu`,
    `${rounds.length} round(s) (${rounds.join(', ') || '—'}), ${nominations} nominations, ${ballots} ballots`,
  );
  const summary = summaryLine(v.errors, v.warnings, ctx.lang);
  if (ok)
    ctx.out(
      ctx.style.green(
        ctx.lang === 'vi' ? `✓ Hồ sơ hợp lệ: ${scope.vi}; ${summary}.` : `✓ Records valid: ${scope.en}; ${summary}.`,
      ),
    );
  else
    ctx.out(
      ctx.style.red(
        ctx.lang === 'vi'
          ? `✗ Hồ sơ có lỗi: ${summary} (${scope.vi}).`
          : `✗ Records have errors: ${summary} (${scope.en}).`,
      ),
    );
  return ok ? EXIT.ok : EXIT.findings;
}
