/**
 * The staff import's "Xếp loại" column: with --year YEAR, the round's records/YEAR/ratings.yaml as
 * it would be written (each person's rating added or changed, the others kept), with the rows its
 * entries came from to place findings; without --year, a note that the column is left aside.
 */
import { t, type Localized } from '../core/diagnostics.js';
import type { Mapping } from '../core/import/columns.js';
import { updateListText } from '../core/import/list-file.js';
import type { PlannedRow, RowProblem } from '../core/import/plan.js';
import { planRatings } from '../core/import/ratings-plan.js';
import { roundFile } from '../core/records/paths.js';
import { findingsError } from '../errors.js';
import type { Loaded } from './load.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Sheet } from '../core/import/sheet.js';
import { atCell } from './import-place.js';

const EMPTY = '# yaml-language-server: $schema=../../schemas/ratings.schema.json\n[]\n';

export interface RatingsDraft {
  rel: string;
  /** The file as it would be; null when nothing changes. */
  text: string | null;
  owners: Map<number, { row: PlannedRow }>;
  problems: RowProblem[];
  counts: { new: number; changed: number; same: number };
  summary: Localized;
}

/** The ratings the sheet gives for round `year`; a note (no draft) when the sheet has ratings and no --year. */
export function ratingsDraft(
  loaded: Loaded,
  year: number | undefined,
  mapping: Mapping,
  rows: readonly PlannedRow[],
): RatingsDraft | { note: Localized } | null {
  const column = mapping.columns.get('rating');
  if (!column) {
    if (year !== undefined)
      throw findingsError(
        t(
          '--year: bảng tính không có cột “Xếp loại”; với cán bộ, --year là đợt của xếp loại',
          '--year: the sheet has no “Xếp loại” (rating) column; with people, --year is the round of the ratings',
        ),
      );
    return null;
  }
  if (year === undefined)
    return {
      note: t(
        'Cột “Xếp loại” chưa được ghi: thêm --year NĂM để ghi xếp loại vào records/NĂM/ratings.yaml.',
        'The “Xếp loại” (rating) column is not recorded: add --year YEAR to write the ratings into records/YEAR/ratings.yaml.',
      ),
    };
  const round = loaded.workspace.rounds.find((r) => r.year === year);
  if (!round)
    throw findingsError(
      t(
        `đợt ${year} chưa có; tạo trước: thidua round ${year}; không ghi gì`,
        `round ${year} does not exist; make it first: thidua round ${year}; nothing written`,
      ),
    );
  if (round.tallyPresent)
    throw findingsError(
      t(
        `đợt ${year} đã niêm phong (${round.tallyFile}); không đổi xếp loại; không ghi gì`,
        `round ${year} is sealed (${round.tallyFile}); its ratings do not change; nothing written`,
      ),
    );
  const rel = roundFile(year, 'ratings.yaml');
  const plan = planRatings(
    rows,
    round.ratings.map((r) => r.value),
  );
  const e = loaded.snapshot.files.get(rel);
  const original = e?.kind === 'file' ? Buffer.from(e.bytes).toString('utf8') : EMPTY;
  const c = plan.counts;
  return {
    rel,
    text:
      plan.changed.size === 0
        ? null
        : updateListText(original, new Map([...plan.changed].map(([i, x]) => [i, x.entry])), plan.list.length),
    owners: new Map([...plan.changed].map(([i, x]) => [i, { row: x.row }])),
    problems: plan.problems,
    counts: c,
    summary: t(
      `Xếp loại đợt ${year} (${rel}): ${c.new} mới, ${c.changed} thay đổi, ${c.same} không đổi.`,
      `Ratings of ${year} (${rel}): ${c.new} new, ${c.changed} changed, ${c.same} unchanged.`,
    ),
  };
}

/**
 * A finding the ratings bring to a nomination of the round (its person rated otherwise there),
 * placed at the rating's cell of the sheet; null for any other finding.
 */
export function atRatingCell(
  d: Diagnostic,
  loaded: Loaded,
  draft: RatingsDraft,
  sheet: Sheet,
  shown: string,
): Diagnostic | null {
  if (d.code !== 'award-rating') return null;
  const nomination = loaded.workspace.rounds.flatMap((r) => r.nominations).find((n) => n.loc.file === d.file);
  const person = nomination?.value.kind === 'individual' ? nomination.value.person : undefined;
  const row = [...draft.owners.values()].find((o) => o.row.id === person)?.row;
  const cell = row?.cells.get('rating');
  return cell ? atCell(sheet, shown, cell, d.code, d.severity, d.message) : null;
}
