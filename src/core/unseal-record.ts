/**
 * A round's unseal record (unseals.yaml) as `verify` reads it from the history: it may only grow.
 * An entry removed or rewritten in a later commit, or in the working tree, is a finding; each entry
 * is shown with the commit that recorded it.
 */
import { t, type Localized } from './diagnostics.js';
import { shortDate } from './dates.js';
import type { VerifyFinding } from './verify.js';
import type { Unseal } from './schemas/round.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

const canonical = (v: unknown) => JSON.stringify(sortKeys(JSON.parse(JSON.stringify(v ?? null)) as unknown));

/** An entry without the papers replaced after it (those may be added to the latest entry). */
function opening(e: unknown): unknown {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return e;
  const { replaced: _replaced, ...rest } = e as Record<string, unknown>;
  return rest;
}

/**
 * The openings of a parsed unseals.yaml, each as one canonical text (key order and spelling do not
 * count; the papers replaced after an opening are not part of it).
 */
export function unsealEntries(parsed: unknown): string[] {
  if (!Array.isArray(parsed)) return [];
  return parsed.map((e: unknown) => canonical(opening(e)));
}

/**
 * What the record may not lose: each opening, and each paper replaced after it (in its place in
 * the entry's `replaced` list). A paper added to an entry's `replaced` loses nothing.
 */
export function unsealParts(parsed: unknown): string[] {
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((e: unknown) => {
    const base = canonical(opening(e));
    const replaced = e && typeof e === 'object' ? (e as Record<string, unknown>).replaced : undefined;
    const papers = Array.isArray(replaced) ? replaced : replaced === undefined ? [] : [replaced];
    return [base, ...papers.map((p: unknown, i) => `${base}#replaced[${i}]=${canonical(p)}`)];
  });
}

/** Entries of `before` that `after` no longer holds (an entry recorded twice must stay twice). */
export function lostEntries(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const e of after) left.set(e, (left.get(e) ?? 0) + 1);
  const lost: string[] = [];
  for (const e of before) {
    const n = left.get(e) ?? 0;
    if (n === 0) lost.push(e);
    else left.set(e, n - 1);
  }
  return lost;
}

/** Entries lost from the unseal record: in a commit, or in the working tree (commit null). */
export interface UnsealLoss {
  commit: string | null;
  date: string;
  subject: string;
  /** How many recorded openings were removed or rewritten. */
  lost: number;
  /** The whole file was removed. */
  fileRemoved: boolean;
}

export function verifyUnsealRecord(year: number, file: string, losses: readonly UnsealLoss[]): VerifyFinding[] {
  return losses.map((l) => {
    const where = l.commit
      ? t(
          `trong commit ${l.commit.slice(0, 12)} (${l.date.slice(0, 10)}: ${l.subject})`,
          `in commit ${l.commit.slice(0, 12)} (${l.date.slice(0, 10)}: ${l.subject})`,
        )
      : t('(chưa commit)', '(not committed yet)');
    const message = l.fileRemoved
      ? t(
          `hồ sơ mở niêm phong (${l.lost} lần đã ghi) bị xoá ${where.vi}; hồ sơ này chỉ được ghi thêm, không được xoá`,
          `the unseal record (${l.lost} opening(s) recorded) was removed ${where.en}; it may only grow, never be removed`,
        )
      : t(
          `${l.lost} lần mở niêm phong đã ghi bị sửa hoặc xoá ${where.vi}; hồ sơ này chỉ được ghi thêm`,
          `${l.lost} recorded opening(s) of the seal changed or removed ${where.en}; the record may only grow`,
        );
    return { year, check: 'git' as const, file, ...(l.commit ? { commit: l.commit } : {}), message };
  });
}

/**
 * How verify shows one opening: `by` is git's user.name, which anyone can set, and the commit
 * that recorded the entry (null: not committed yet; undefined: the history was not read).
 */
export function unsealNote(u: Unseal, recordedIn: string | null | undefined): Localized {
  const where =
    recordedIn === undefined
      ? t('', '')
      : recordedIn === null
        ? t('; chưa commit', '; not committed yet')
        : t(`; ghi trong commit ${recordedIn.slice(0, 12)}`, `; recorded in commit ${recordedIn.slice(0, 12)}`);
  return t(
    `mở niêm phong ngày ${shortDate(u.date)} (${u.by} — tên theo user.name của git, ai cũng đặt được${where.vi}): ${u.reason}`,
    `unsealed on ${u.date} (${u.by} — git's user.name, which anyone can set${where.en}): ${u.reason}`,
  );
}
