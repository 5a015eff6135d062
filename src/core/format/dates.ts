/** Dates as Vietnamese documents and messages write them. */
import { twoDigits } from './numbers.js';

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** "05/12/2016" in Vietnamese text; ISO in English. */
export function shortDate(iso: string, lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en') return iso;
  const [y, m, d] = parts(iso);
  return `${twoDigits(d)}/${twoDigits(m)}/${y}`;
}

/**
 * The date line of a document: "ngày 05 tháng 12 năm 2016". Days below 10 and the months
 * 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP); other months do not.
 */
export function dateInWords(iso: string): string {
  const [y, m, d] = parts(iso);
  const month = m <= 2 ? twoDigits(m) : String(m);
  return `ngày ${twoDigits(d)} tháng ${month} năm ${y}`;
}
