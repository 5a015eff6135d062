/** The form of every id (departments, people, nominations, criteria): one home for it. */
import { fold } from './text/fold.js';
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** An id made from a name: diacritics folded ("đ" → "d"), words joined by "-" ("Nguyễn Thị Mai" → nguyen-thi-mai). */
export function idFromName(name: string): string {
  const slug = fold(name.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'x' : slug;
}

/**
 * A department's short id: the initials of its name after "Phòng" ("Phòng Hành chính tư pháp" →
 * hctp, "Văn phòng" → vp); the whole name folded when it has a single word.
 */
export function departmentIdFromName(name: string): string {
  const words = fold(name.normalize('NFC'))
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  // The unit word before the name: "Phòng", "Tổ", "Tổ chuyên môn", "Khoa", "Bộ phận", "Đơn vị".
  const lead = [['to', 'chuyen', 'mon'], ['bo', 'phan'], ['don', 'vi'], ['phong'], ['khoa'], ['to']].find(
    (w) => words.length > w.length && w.every((x, i) => words[i] === x),
  );
  const rest = lead ? words.slice(lead.length) : words;
  if (rest.length === 1) return idFromName(rest[0]!);
  const initials = rest.map((w) => (/^\d+$/.test(w) ? w : w[0]!)).join('');
  return initials === '' ? 'x' : initials.slice(0, 64);
}
