/**
 * What decided a sealed result, compared across an unseal: the round's threshold (with its
 * quorum), and each title's own threshold (the pack's quorum in it), quota and tie-break. A seal
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
      return {
        id: c.id,
        threshold: c.threshold,
        ...(title?.quota !== undefined ? { quota: title.quota } : {}),
        ...(title?.tie_break !== undefined ? { tie_break: title.tie_break } : {}),
      };
    }),
  };
}

/** The settings an opening recorded of the seal it opened; null when it recorded none. */
export function openedSettings(u: Unseal): SealSettings | null {
  if (!u.threshold) return null;
  return { threshold: u.threshold, titles: u.titles ?? null };
}

const quorumText = (q: { numerator: number; denominator: number } | undefined) =>
  q ? t(`, túc số ${q.numerator}/${q.denominator}`, `, quorum ${q.numerator}/${q.denominator}`) : t('', '');

function thresholdText(th: Counted): Localized {
  const q = quorumText(th.quorum);
  const share = th.percent !== undefined ? `${th.percent} %` : `${th.numerator}/${th.denominator}`;
  return th.of === 'members'
    ? t(`${share} tổng số thành viên${q.vi}`, `${share} of the members${q.en}`)
    : t(`${share} số phiếu hợp lệ${q.vi}`, `${share} of the valid ballots${q.en}`);
}

const sameThreshold = (a: Counted, b: Counted) =>
  a.numerator === b.numerator &&
  a.denominator === b.denominator &&
  a.of === b.of &&
  JSON.stringify(a.quorum ?? null) === JSON.stringify(b.quorum ?? null);

/** A seal made again after `thidua unseal` under another threshold than the one it replaced. */
export function resealThresholdNote(
  opened: TallyFile['threshold'] | undefined,
  now: TallyFile['threshold'],
): Localized | null {
  if (!opened || sameThreshold(opened, now)) return null;
  const a = thresholdText(opened);
  const b = thresholdText(now);
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

/**
 * Every setting that decided the result and differs between the seal an opening replaced and the
 * seal made again: the round's threshold, then title by title (in the new seal's order) its
 * threshold, quota and tie-break. A title voted on in only one of the two seals is not compared.
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
      const a = thresholdText(old.threshold);
      const b = thresholdText(title.threshold);
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
  }
  return notes;
}
