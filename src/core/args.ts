/** Parsing command arguments into checked values; a bad one is a usage error (exit 2). */
import { t } from './diagnostics.js';
import { isIsoDate } from './dates.js';
import { usageError } from '../errors.js';

export function parseYear(raw: string): number {
  if (!/^\d{4}$/.test(raw)) {
    throw usageError(
      t(
        `năm không hợp lệ: “${raw}” (cần 4 chữ số, ví dụ 2016)`,
        `not a year: “${raw}” (four digits, for example 2016)`,
      ),
    );
  }
  return Number(raw);
}

/** A date as typed — YYYY-MM-DD, or dd/mm/yyyy as Vietnamese offices write it — as ISO, or null. */
export function toIsoDate(raw: string): string | null {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  const iso = vn ? `${vn[3]!}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : raw.trim();
  return isIsoDate(iso) ? iso : null;
}

export function parseDate(raw: string, flag: string): string {
  const iso = toIsoDate(raw);
  if (iso === null) {
    throw usageError(
      t(
        `${flag}: “${raw}” không phải ngày có thật (dd/mm/yyyy hoặc YYYY-MM-DD)`,
        `${flag}: “${raw}” is not a real date (dd/mm/yyyy or YYYY-MM-DD)`,
      ),
    );
  }
  return iso;
}

export function parsePositiveInt(raw: string, flag: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) {
    throw usageError(
      t(`${flag}: “${raw}” không phải số nguyên dương`, `${flag}: “${raw}” is not a positive whole number`),
    );
  }
  return Number(raw);
}
