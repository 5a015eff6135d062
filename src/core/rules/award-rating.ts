import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { titledNominations } from '../titles.js';
import { RATING_LABELS, ratingAtLeast } from '../ratings.js';

export const rule = defineRule({
  code: 'award-rating',
  severity: 'error',
  stage: 'records',
  description: t(
    'danh hiệu cần một mức xếp loại trong năm (Lao động tiên tiến: hoàn thành tốt nhiệm vụ trở lên) mà đề nghị không ghi xếp loại hoặc xếp loại thấp hơn',
    'a title needs a yearly rating (Lao động tiên tiến: completed tasks well or better) and the nomination gives none or a lower one',
  ),
  fix: t(
    'Ghi “rating” của đề nghị theo kết quả đánh giá, xếp loại năm (thidua nominate --rating); nếu thấp hơn mức danh hiệu cần, rút đề nghị.',
    'Set the nomination’s “rating” from the year’s assessment (thidua nominate --rating); if it is below what the title needs, withdraw the nomination.',
  ),
  example:
    '# records/2025/nominations/an-lao-dong-tien-tien.yaml\naward: lao-dong-tien-tien\nrating: hoan-thanh   # Lao động tiên tiến needs tot or better\n',
  check(ctx) {
    const out: Finding[] = [];
    // A person has one rating in a round: every nomination of theirs, and ratings.yaml, say the same.
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const first = new Map<string, { rating: string; file: string }>();
      for (const r of round.ratings) first.set(r.value.person, { rating: r.value.rating, file: round.ratingsFile });
      for (const n of round.nominations) {
        const v = n.value;
        if (v.kind !== 'individual' || v.rating === undefined) continue;
        const seen = first.get(v.person);
        if (!seen) {
          first.set(v.person, { rating: v.rating, file: n.loc.file });
          continue;
        }
        if (seen.rating === v.rating) continue;
        out.push({
          loc: { file: n.loc.file, path: ['rating'] },
          message: t(
            `${index.personName(v.person)} (${v.person}) đã có xếp loại “${seen.rating}” trong đợt ${round.year} (${seen.file}), đề nghị này ghi “${v.rating}”; một người chỉ có một xếp loại trong năm`,
            `${index.personName(v.person)} (${v.person}) is already rated “${seen.rating}” in round ${round.year} (${seen.file}), this nomination says “${v.rating}”; a person has one rating in a year`,
          ),
        });
      }
    }
    for (const { n, title } of titledNominations(ctx.rounds, (r) => ctx.view(r))) {
      const need = title.rating?.at_least;
      if (need === undefined) continue;
      const rating = n.value.rating;
      const needLabel = RATING_LABELS[need];
      if (rating === undefined) {
        out.push({
          loc: { file: n.loc.file, path: ['rating'] },
          at: 'parent',
          message: t(
            `“${title.name}” cần xếp loại “${needLabel.vi}” trở lên; đề nghị chưa ghi “rating” (xuat-sac, tot, hoan-thanh, khong-hoan-thanh)`,
            `“${title.name}” needs the rating “${needLabel.en}” or better; the nomination has no “rating” (xuat-sac, tot, hoan-thanh, khong-hoan-thanh)`,
          ),
        });
      } else if (!ratingAtLeast(rating, need)) {
        out.push({
          loc: { file: n.loc.file, path: ['rating'] },
          message: t(
            `“${title.name}” cần xếp loại “${needLabel.vi}” trở lên; xếp loại của đề nghị là “${RATING_LABELS[rating].vi}”`,
            `“${title.name}” needs the rating “${needLabel.en}” or better; the nomination’s rating is “${RATING_LABELS[rating].en}”`,
          ),
        });
      }
    }
    return out;
  },
});
