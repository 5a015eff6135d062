/**
 * Where the values a rule enforces stand in the law: for a rule code, each value of the rule pack
 * it reads, with the pack's source (instrument, article, certainty). `thidua explain CODE` prints
 * them, so a clerk (or an inspector) sees the article behind a refusal. Pure.
 */
import { t, type Localized } from '../diagnostics.js';
import type { Instrument, PackMeta, Source } from '../schemas/pack.js';
import type { Title } from '../schemas/titles.js';
import { RATING_LABELS } from '../ratings.js';
import { formatNumber } from '../format/numbers.js';

export interface CitedValue {
  /** The value, in words ("Lao động tiên tiến: xếp loại hoàn thành tốt nhiệm vụ trở lên"). */
  what: Localized;
  source: Source;
  instrument: Instrument | undefined;
}

type Pick = (title: Title, nameOf: (id: string) => string) => Array<{ what: Localized; source: Source | undefined }>;
type General = keyof NonNullable<PackMeta['general']>;

const GENERAL: Partial<Record<string, General[]>> = {
  'award-pending': ['pending'],
  'award-after-discipline': ['after_discipline'],
  'award-working-time': ['maternity_counts'],
  'initiative-reused': ['initiative_once'],
  'collective-both-titles': ['both_collective_titles'],
  'nomination-duplicate': ['several_titles'],
};

const GENERAL_WORDS: Record<General, Localized> = {
  pending: t('không khen thưởng khi đang xem xét kỷ luật, điều tra, khiếu nại', 'no award while a matter is pending'),
  after_discipline: t(
    'thành tích tính từ khi hết thời hạn kỷ luật',
    'achievements count from the end of a discipline period',
  ),
  maternity_counts: t('thời gian nghỉ thai sản tính là thời gian làm việc', 'maternity leave counts as working time'),
  initiative_once: t('một sáng kiến cho một lần khen thưởng', 'one initiative, one award'),
  several_titles: t(
    'nhiều danh hiệu cùng kỳ: được, chỉ thưởng tiền danh hiệu cao nhất',
    'several titles in one period: allowed, only the highest paid',
  ),
  both_collective_titles: t(
    'cả hai danh hiệu tập thể trong một năm: không thấy quy định cấm',
    'both collective titles in one year: no rule forbids it',
  ),
};

const TITLE_VALUES: Partial<Record<string, Pick>> = {
  'award-rating': (x) =>
    x.rating
      ? [
          {
            what: t(
              `xếp loại “${RATING_LABELS[x.rating.at_least].vi}” trở lên`,
              `rated “${RATING_LABELS[x.rating.at_least].en}” or better`,
            ),
            source: x.rating.source,
          },
        ]
      : [],
  'award-members-rated': (x) =>
    x.members_rated
      ? [
          {
            what: t(
              `${formatNumber(x.members_rated.percent)} % người của tập thể xếp loại “${RATING_LABELS[x.members_rated.rating].vi}” trở lên`,
              `${formatNumber(x.members_rated.percent, 'en')} % of the unit rated “${RATING_LABELS[x.members_rated.rating].en}” or better`,
            ),
            source: x.members_rated.source,
          },
        ]
      : [],
  'award-members': (x, nameOf) =>
    x.requires.flatMap((r) =>
      'members_percent' in r
        ? [
            {
              what: t(
                `${formatNumber(r.members_percent)} % người của tập thể đạt “${nameOf(r.title)}”`,
                `${formatNumber(r.members_percent, 'en')} % of the unit with “${nameOf(r.title)}”`,
              ),
              source: r.source,
            },
          ]
        : 'members_at_least' in r
          ? [
              {
                what: t(
                  `ít nhất ${r.members_at_least} người đạt “${nameOf(r.title)}”`,
                  `at least ${r.members_at_least} with “${nameOf(r.title)}”`,
                ),
                source: r.source,
              },
            ]
          : [],
    ),
  'award-same-round': (x, nameOf) =>
    x.requires.flatMap((r) =>
      'same_round' in r
        ? [{ what: t(`đạt “${nameOf(r.title)}” cùng năm`, `“${nameOf(r.title)}” the same year`), source: r.source }]
        : [],
    ),
  'award-years': (x, nameOf) =>
    x.requires.flatMap((r) =>
      'years' in r
        ? [
            {
              what: t(`${r.years} năm liền “${nameOf(r.title)}”`, `${r.years} years in a row “${nameOf(r.title)}”`),
              source: r.source,
            },
          ]
        : [],
    ),
  'initiative-missing': (x) =>
    typeof x.initiative === 'object'
      ? [
          {
            what: t(
              'sáng kiến, hoặc hoàn thành xuất sắc nhiệm vụ, hoặc đề tài nghiên cứu',
              'an initiative, or a rating of distinction, or a research work',
            ),
            source: x.initiative.source,
          },
        ]
      : [],
  'discipline-member': (x) =>
    x.kind === 'collective' && x.blocked_from
      ? [
          {
            what: t(
              x.blocked_from === 'none'
                ? 'không có điều kiện kỷ luật'
                : `không có người bị kỷ luật từ “${x.blocked_from}” trở lên`,
              x.blocked_from === 'none'
                ? 'no discipline clause'
                : `no member disciplined at “${x.blocked_from}” or above`,
            ),
            source: x.blocked_source,
          },
        ]
      : [],
  'discipline-person': (x) =>
    x.kind === 'individual' && x.blocked_from
      ? [
          {
            what: t(
              `không bị kỷ luật từ “${x.blocked_from}” trở lên`,
              `not disciplined at “${x.blocked_from}” or above`,
            ),
            source: x.blocked_source,
          },
        ]
      : [],
  'award-working-time': (x) =>
    x.min_months !== undefined
      ? [
          {
            what: t(
              `làm việc ít nhất ${formatNumber(x.min_months)} tháng`,
              `at least ${formatNumber(x.min_months, 'en')} months of work`,
            ),
            source: x.settings_source,
          },
        ]
      : [],
};

/** The pack's values a rule enforces, each with its source; empty when the rule reads none (or the pack cites none). */
export function ruleSources(code: string, pack: PackMeta | null, titles: readonly Title[]): CitedValue[] {
  const out: CitedValue[] = [];
  const instrument = (s: Source) => pack?.instruments.find((i) => i.id === s.instrument);
  for (const g of GENERAL[code] ?? []) {
    const source = pack?.general?.[g];
    if (source) out.push({ what: GENERAL_WORDS[g], source, instrument: instrument(source) });
  }
  const pick = TITLE_VALUES[code];
  if (pick) {
    for (const x of titles) {
      for (const v of pick(x, (id) => titles.find((y) => y.id === id)?.name ?? id)) {
        if (!v.source) continue;
        out.push({
          what: { vi: `${x.name}: ${v.what.vi}`, en: `${x.name}: ${v.what.en}` },
          source: v.source,
          instrument: instrument(v.source),
        });
      }
    }
  }
  return out;
}

/** "Luật số 06/2022/QH15", "Nghị định số 152/2025/NĐ-CP": an instrument named as a citation names it. */
export function instrumentName(i: Instrument): string {
  return `${i.kind}${i.name ? ` ${i.name}` : ''} số ${i.number}`;
}

export const CERTAINTY_WORDS: Record<Source['certainty'], Localized> = {
  firm: t('chắc chắn: đã đối chiếu nguyên văn', 'firm: the statute’s own words'),
  likely: t('có thể: theo bản diễn giải hoặc suy ra số điều', 'likely: a restatement or an inferred article'),
  open: t(
    'chưa tìm thấy: thiết lập của cơ quan, có giá trị mặc định',
    'open: not found, an agency setting with a default',
  ),
};
