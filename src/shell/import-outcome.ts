/** How an import ends before it writes: refused on any error, or stopped by a dry run or no change. */
import { t } from '../core/diagnostics.js';
import { failedQuietly } from '../errors.js';
import type { CommandContext } from './context.js';

/**
 * Throws (exit 1, one line) when any row has an error; returns true, having said why, when
 * nothing is to be written (a dry run, or nothing changed); false when the import goes on to write.
 */
export function stopsBeforeWriting(
  ctx: CommandContext,
  o: { json?: boolean; dryRun?: boolean },
  errors: number,
  changes: number,
): boolean {
  if (errors > 0) {
    if (!o.json)
      ctx.warn(
        t(
          `thidua: ${errors} lỗi; không ghi gì — sửa bảng tính rồi nhập lại`,
          `thidua: ${errors} error(s); nothing written — correct the spreadsheet and import again`,
        ),
      );
    throw failedQuietly();
  }
  if (!o.dryRun && changes > 0) return false;
  if (!o.json)
    ctx.say(
      o.dryRun
        ? t('Chạy thử: không ghi gì.', 'Dry run: nothing written.')
        : t('Không có gì thay đổi; không ghi gì.', 'Nothing changed; nothing written.'),
    );
  return true;
}
