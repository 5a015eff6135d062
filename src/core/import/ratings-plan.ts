/**
 * `import people FILE --year YEAR`: the staff list's "Xếp loại" column as the round's ratings
 * (records/YEAR/ratings.yaml), read as the nominations import reads it ("Hoàn thành tốt nhiệm vụ",
 * "HTXSNV", "Tốt"). Each person's entry is added or changed in place; the others stay. Pure.
 */
import { parseRating } from '../ratings.js';
import type { RatingEntry } from '../schemas/round.js';
import { cellText } from './sheet.js';
import type { PlannedRow, RowProblem } from './plan.js';

export interface RatingsPlan {
  /** The list as it will be written: the existing entries in their order, new ones after. */
  list: RatingEntry[];
  /** The entries that are new or changed, by their index in `list`, with the row each came from. */
  changed: Map<number, { entry: RatingEntry; row: PlannedRow }>;
  counts: { new: number; changed: number; same: number };
  problems: RowProblem[];
}

export function planRatings(rows: readonly PlannedRow[], existing: readonly RatingEntry[]): RatingsPlan {
  const list = existing.map((e) => ({ ...e }));
  const changed = new Map<number, { entry: RatingEntry; row: PlannedRow }>();
  const counts = { new: 0, changed: 0, same: 0 };
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const cell = row.cells.get('rating');
    const text = cell ? cellText(cell.value).trim() : '';
    if (!cell || text === '') continue;
    const rating = parseRating(text);
    if (rating === null) {
      problems.push({
        cell,
        code: 'schema',
        message: {
          vi: `“${text}” không phải xếp loại (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)`,
          en: `“${text}” is not a rating (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)`,
        },
      });
      continue;
    }
    const i = list.findIndex((e) => e.person === row.id);
    if (i >= 0 && list[i]!.rating === rating) {
      counts.same++;
      continue;
    }
    const entry = { person: row.id, rating };
    if (i >= 0) {
      list[i] = entry;
      counts.changed++;
      changed.set(i, { entry, row });
    } else {
      list.push(entry);
      counts.new++;
      changed.set(list.length - 1, { entry, row });
    }
  }
  return { list, changed, counts, problems };
}
