/** Parsing command arguments into checked values; a bad one is a usage error (exit 2). */
import { t } from '../core/diagnostics.js';
import { isIsoDate } from '../core/calendar.js';
import { usageError } from '../errors.js';

export function parseYear(raw: string): number {
  if (!/^\d{4}$/.test(raw)) {
    throw usageError(t(`năm không hợp lệ: “${raw}” (cần 4 chữ số, ví dụ 2016)`, `not a year: “${raw}” (four digits, for example 2016)`));
  }
  return Number(raw);
}

export function parseDate(raw: string, flag: string): string {
  if (!isIsoDate(raw)) {
    throw usageError(t(
      `${flag}: “${raw}” không phải ngày dạng YYYY-MM-DD`,
      `${flag}: “${raw}” is not a date written YYYY-MM-DD`,
    ));
  }
  return raw;
}

export function parsePositiveInt(raw: string, flag: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) {
    throw usageError(t(`${flag}: “${raw}” không phải số nguyên dương`, `${flag}: “${raw}” is not a positive whole number`));
  }
  return Number(raw);
}
