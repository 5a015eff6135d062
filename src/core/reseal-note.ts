/**
 * What decided a sealed result, compared across an unseal: the round's threshold (with its
 * quorum), and each title's own threshold (the pack's quorum in it), quota and tie-break, whether
 * the council votes on it, and what it requires. A seal
 * made again after `thidua unseal` under other settings than the seal it replaced is shown by
 * `verify`, each changed setting by name. Pure.
 */
import { t, type Localized } from './diagnostics.js';
import type { TallyFile } from './schemas/sealed.js';
import type { Unseal, UnsealTitle } from './schemas/round.js';

type Counted = UnsealTitle['threshold'];

/** The settings that decided a seal's results. `titles` null: not known (an opening recorded before thidua kept them). */
export interface SealSettings {
  threshold: TallyFile['threshold'];
  titles: UnsealTitle[] | null;
}

/** The settings a seal was counted under, read from the seal itself. */
export function sealSettings(seal: TallyFile): SealSettings {
  const own = new Map((seal.basis?.titles ?? []).map((x) => [x.id, x]));
  return {
    threshold: seal.threshold,
    titles: (seal.titles ?? []).map((c) => {
      const title = own.get(c.id);
      // A requirement's source decides nothing: it is left out.
      const requires = (title?.requires ?? []).map(({ source: _source, ...r }) => r);
      return {
        id: c.id,
        threshold: c.threshold,
        ...(title?.quota !== undefined ? { quota: title.quota } : {}),
        ...(title?.tie_break !== undefined ? { tie_break: title.tie_break } : {}),
        ...(title?.vote === false ? { vote: false as const } : {}),
        ...(requires.length > 0 ? { requires } : {}),
      };
    }),
  };
}

/** The settings an opening recorded of the seal it opened; null when it recorded none. */
export function openedSettings(u: Unseal): SealSettings | null {
  if (!u.threshold) return null;
  return { threshold: u.threshold, titles: u.titles ?? null };
}

// The quorum is named only when the two seals differ in it: then a side without one says so.
const quorumText = (q: { numerator: number; denominator: number } | undefined, named: boolean) =>
  !named
    ? t('', '')
    : q
      ? t(`, túc số ${q.numerator}/${q.denominator}`, `, quorum ${q.numerator}/${q.denominator}`)
      : t(', không có túc số', ', no quorum');

const sameQuorum = (a: Counted, b: Counted) => JSON.stringify(a.quorum ?? null) === JSON.stringify(b.quorum ?? null);

function thresholdText(th: Counted, other: Counted): Localized {
  const q = quorumText(th.quorum, !sameQuorum(th, other));
  const share = th.percent !== undefined ? `${th.percent} %` : `${th.numerator}/${th.denominator}`;
  return th.of === 'members'
    ? t(`${share} tổng số thành viên${q.vi}`, `${share} of the members${q.en}`)
    : t(`${share} số phiếu hợp lệ${q.vi}`, `${share} of the valid ballots${q.en}`);
}

const sameThreshold = (a: Counted, b: Counted) =>
  a.numerator === b.numerator && a.denominator === b.denominator && a.of === b.of && sameQuorum(a, b);

/** A seal made again after `thidua unseal` under another threshold than the one it replaced. */
export function resealThresholdNote(
  opened: TallyFile['threshold'] | undefined,
  now: TallyFile['threshold'],
): Localized | null {
  if (!opened || sameThreshold(opened, now)) return null;
  const a = thresholdText(opened, now);
  const b = thresholdText(now, opened);
  return t(
    `niêm phong lại theo ngưỡng khác: trước ${a.vi}, nay ${b.vi}`,
    `sealed again under another threshold: before ${a.en}, now ${b.en}`,
  );
}

const quotaText = (q: number | undefined) => (q === undefined ? t('không giới hạn', 'none') : t(`${q}`, `${q}`));
const tieText = (x: UnsealTitle['tie_break']) =>
  x === 'women'
    ? t('ưu tiên nữ khi bằng thành tích', 'women first at equal merit')
    : t('Chủ tịch Hội đồng quyết định', 'the chair decides');

type Requirement = NonNullable<UnsealTitle['requires']>[number];

function requirementsText(list: readonly Requirement[] | undefined, names: ReadonlyMap<string, string>): Localized {
  if (!list || list.length === 0) return t('không có', 'none');
  const one = (r: Requirement): Localized => {
    const x = `“${names.get(r.title) ?? r.title}”`;
    if ('same_round' in r) return t(`${x} cùng đợt`, `${x} in the same round`);
    if ('years' in r) return t(`${x} ${r.years} năm liền trước`, `${x} in each of the ${r.years} years before`);
    if ('members_percent' in r)
      return t(
        `ít nhất ${r.members_percent} % người của phòng đạt ${x}`,
        `${r.members_percent} % of the unit's people ${x}`,
      );
    return t(
      `ít nhất ${r.members_at_least} người của phòng đạt ${x}`,
      `${r.members_at_least} of the unit's people ${x}`,
    );
  };
  const all = list.map(one);
  return t(all.map((x) => x.vi).join('; '), all.map((x) => x.en).join('; '));
}

const canonical = (list: readonly Requirement[] | undefined) =>
  JSON.stringify(
    (list ?? []).map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
  );

/**
 * Every setting that decided the result and differs between the seal an opening replaced and the
 * seal made again: the round's threshold, then title by title (in the new seal's order) its
 * threshold, quota, tie-break, vote and requirements. A title voted on in only one of the two seals is not compared.
 */
export function resealNotes(opened: SealSettings | null, now: TallyFile): Localized[] {
  if (!opened) return [];
  const notes: Localized[] = [];
  const round = resealThresholdNote(opened.threshold, now.threshold);
  if (round) notes.push(round);
  if (!opened.titles) return notes;
  const before = new Map(opened.titles.map((x) => [x.id, x]));
  const names = new Map((now.basis?.titles ?? []).map((x) => [x.id, x.name]));
  for (const title of sealSettings(now).titles ?? []) {
    const old = before.get(title.id);
    if (!old) continue;
    const name = names.get(title.id) ?? title.id;
    if (!sameThreshold(old.threshold, title.threshold)) {
      const a = thresholdText(old.threshold, title.threshold);
      const b = thresholdText(title.threshold, old.threshold);
      notes.push(
        t(
          `niêm phong lại theo ngưỡng khác của “${name}”: trước ${a.vi}, nay ${b.vi}`,
          `sealed again under another threshold for “${name}”: before ${a.en}, now ${b.en}`,
        ),
      );
    }
    if (old.quota !== title.quota) {
      const a = quotaText(old.quota);
      const b = quotaText(title.quota);
      notes.push(
        t(
          `niêm phong lại theo số lượng tối đa khác của “${name}”: trước ${a.vi}, nay ${b.vi}`,
          `sealed again under another quota for “${name}”: before ${a.en}, now ${b.en}`,
        ),
      );
    }
    if (title.quota !== undefined && (old.tie_break ?? 'chair') !== (title.tie_break ?? 'chair')) {
      const a = tieText(old.tie_break);
      const b = tieText(title.tie_break);
      notes.push(
        t(
          `niêm phong lại theo cách xử lý đồng phiếu khác của “${name}”: trước ${a.vi}, nay ${b.vi}`,
          `sealed again under another tie-break for “${name}”: before ${a.en}, now ${b.en}`,
        ),
      );
    }
    if ((old.vote ?? true) !== (title.vote ?? true)) {
      notes.push(
        title.vote === false
          ? t(
              `niêm phong lại mà “${name}” nay do thủ trưởng quyết định, không bỏ phiếu (trước: Hội đồng bỏ phiếu)`,
              `sealed again with “${name}” now decided by the head without a vote (before: voted on by the council)`,
            )
          : t(
              `niêm phong lại mà “${name}” nay do Hội đồng bỏ phiếu (trước: thủ trưởng quyết định, không bỏ phiếu)`,
              `sealed again with “${name}” now voted on by the council (before: decided by the head without a vote)`,
            ),
      );
    }
    if (canonical(old.requires) !== canonical(title.requires)) {
      const a = requirementsText(old.requires, names);
      const b = requirementsText(title.requires, names);
      notes.push(
        t(
          `niêm phong lại theo điều kiện khác của “${name}”: trước ${a.vi}, nay ${b.vi}`,
          `sealed again under other requirements for “${name}”: before ${a.en}, now ${b.en}`,
        ),
      );
    }
  }
  return notes;
}
