/** Numbers as Vietnamese documents write them. */

/** A percentage with one decimal, with a decimal comma in Vietnamese ("88,9%"). */
export function formatPercent(value: number, lang: 'vi' | 'en' = 'vi'): string {
  const s = value.toFixed(1);
  return `${lang === 'vi' ? s.replace('.', ',') : s}%`;
}

/** Numbers below 10 take a leading zero ("05"). */
export function twoDigits(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

/** A number as written, with a decimal comma in Vietnamese ("66,5"), no trailing zeros. */
export function formatNumber(value: number, lang: 'vi' | 'en' = 'vi'): string {
  const s = String(value);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
