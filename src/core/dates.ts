/**
 * Dates, in one module: ISO checks (YYYY-MM-DD, MM-DD), calendar arithmetic in UTC with no clock,
 * and dates as Vietnamese documents and messages write them. Our own small helpers rather than a
 * date library: see the README's dependency section for the start-up measurement behind this.
 */
import { twoDigits } from './format/numbers.js';

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // A month outside 1–12 has no days (daysInMonth is 0), so it fails here too.
  return d >= 1 && d <= daysInMonth(y, mo);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export function isMonthDay(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const mo = Number(m[1]);
  const d = Number(m[2]);
  // A month outside 1–12 has no days; 2000 is a leap year, so 02-29 is a day of the year.
  return d >= 1 && d <= daysInMonth(2000, mo);
}

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + 1;
  const d = dt.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Add whole months; a day past the end of the target month is clamped to its last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Today's date in the local calendar of the machine, as ISO. Only the shell calls this. */
export function isoFromDate(date: Date): string {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** "05/12/2016" in Vietnamese text; ISO in English. */
export function shortDate(iso: string, lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en') return iso;
  const [y, m, d] = dateParts(iso);
  return `${twoDigits(d)}/${twoDigits(m)}/${y}`;
}

/**
 * The date line of a document: "ngày 05 tháng 12 năm 2016". Days below 10 and the months
 * 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP); other months do not.
 */
export function dateInWords(iso: string): string {
  const [y, m, d] = dateParts(iso);
  const month = m <= 2 ? twoDigits(m) : String(m);
  return `ngày ${twoDigits(d)} tháng ${month} năm ${y}`;
}
