/**
 * A person's (or a unit's) yearly rating (xếp loại đánh giá): the four levels of the assessment,
 * best first. The levels are the assessment's vocabulary; which level a title needs is the rule
 * pack's (titles.yaml `rating`). Pure.
 */
import type { Localized } from './diagnostics.js';

export const RATINGS = ['xuat-sac', 'tot', 'hoan-thanh', 'khong-hoan-thanh'] as const;
export type Rating = (typeof RATINGS)[number];

/** The words of each level, as a decision or a sheet writes them. */
export const RATING_LABELS: Record<Rating, Localized> = {
  'xuat-sac': { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'completed tasks with distinction' },
  tot: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'completed tasks well' },
  'hoan-thanh': { vi: 'Hoàn thành nhiệm vụ', en: 'completed tasks' },
  'khong-hoan-thanh': { vi: 'Không hoàn thành nhiệm vụ', en: 'did not complete tasks' },
};

/** `rating` is `floor` or better. */
export function ratingAtLeast(rating: Rating, floor: Rating): boolean {
  return RATINGS.indexOf(rating) <= RATINGS.indexOf(floor);
}

/** Lower case, no diacritics, single spaces: how a sheet's cell is compared. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a clerk writes in a "Xếp loại" cell, folded, for each level (longest first when matched). */
const SPELLINGS: ReadonlyArray<[string, Rating]> = [
  ['khong hoan thanh nhiem vu', 'khong-hoan-thanh'],
  ['khong hoan thanh', 'khong-hoan-thanh'],
  ['hoan thanh xuat sac nhiem vu', 'xuat-sac'],
  ['hoan thanh xuat sac', 'xuat-sac'],
  ['xuat sac', 'xuat-sac'],
  ['htxsnv', 'xuat-sac'],
  ['hoan thanh tot nhiem vu', 'tot'],
  ['hoan thanh tot', 'tot'],
  ['tot', 'tot'],
  ['httnv', 'tot'],
  ['hoan thanh nhiem vu', 'hoan-thanh'],
  ['hoan thanh', 'hoan-thanh'],
  ['htnv', 'hoan-thanh'],
  ['khtnv', 'khong-hoan-thanh'],
];

/**
 * The level a cell or an option names: the id (`xuat-sac`), the full words with or without
 * diacritics ("Hoàn thành tốt nhiệm vụ", "hoan thanh tot"), or the usual initials (HTXSNV, HTTNV,
 * HTNV, KHTNV). Null for anything else.
 */
export function parseRating(text: string): Rating | null {
  const trimmed = text.trim();
  if ((RATINGS as readonly string[]).includes(trimmed)) return trimmed as Rating;
  const f = fold(trimmed);
  for (const [spelling, rating] of SPELLINGS) if (f === spelling) return rating;
  return null;
}
