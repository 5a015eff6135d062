/** Picking a round for a command, and refusing one that has errors. */
import { t } from '../core/diagnostics.js';
import type { Round } from '../core/records/workspace.js';
import { failedQuietly, usageError } from '../errors.js';
import type { CommandContext } from './context.js';
import type { Loaded } from './load.js';
import { formatDiagnostic, summaryLine, diagnosticJson } from './format-diagnostics.js';

export function roundOf(loaded: Loaded, year: number): Round {
  const round = loaded.workspace.rounds.find((r) => r.year === year);
  if (!round) {
    const list = (loaded.snapshot.allYears ?? loaded.snapshot.years).join(', ') || '—';
    throw usageError(
      t(
        `không có đợt ${year} (records/${year}/); các đợt hiện có: ${list}`,
        `there is no round ${year} (records/${year}/); rounds present: ${list}`,
      ),
    );
  }
  return round;
}

/** Print the errors and stop (exit 1) when the loaded records have any. */
export function refuseIfErrors(
  ctx: CommandContext,
  loaded: Loaded,
  json: boolean,
  what: { vi: string; en: string },
): void {
  if (loaded.errors === 0) return;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (json) {
    ctx.out(
      JSON.stringify(
        {
          ok: false,
          refused: what[ctx.lang],
          errors: loaded.errors,
          warnings: loaded.warnings,
          diagnostics: errors.map((d) => diagnosticJson(d, ctx.lang)),
        },
        null,
        2,
      ),
    );
  } else {
    for (const d of errors) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
    ctx.err(
      ctx.lang === 'vi'
        ? `thidua: ${what.vi}: hồ sơ có lỗi (${summaryLine(loaded.errors, loaded.warnings, 'vi')}); sửa rồi chạy lại.`
        : `thidua: ${what.en}: the records have errors (${summaryLine(loaded.errors, loaded.warnings, 'en')}); fix them and run again.`,
    );
  }
  throw failedQuietly();
}
