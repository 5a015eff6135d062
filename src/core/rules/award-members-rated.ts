import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { ratingOf, titledNominations } from '../titles.js';
import { RATING_LABELS, ratingAtLeast } from '../ratings.js';
import { reachesPercent } from '../tally.js';
import { formatNumber } from '../format/numbers.js';

export const rule = defineRule({
  code: 'award-members-rated',
  severity: 'error',
  stage: 'records',
  description: t(
    'danh hiệu tập thể cần một tỷ lệ người của phòng được xếp loại từ một mức trở lên (Tập thể lao động xuất sắc: 100 % hoàn thành nhiệm vụ), mà xếp loại của đợt chưa đủ hoặc còn thiếu',
    'a collective title needs a share of the department’s people rated at a level or better (Tập thể lao động xuất sắc: 100 % complete their tasks), and the round’s ratings fall short or are missing',
  ),
  fix: t(
    'Ghi xếp loại của từng người trong phòng: ở đề nghị của họ (rating) hoặc ở records/NĂM/ratings.yaml; nếu không đủ, rút đề nghị danh hiệu tập thể.',
    'Record each member’s rating: on their nomination (rating) or in records/YEAR/ratings.yaml; if they fall short, withdraw the collective title.',
  ),
  example:
    '# records/2025/ratings.yaml\n- { person: cuong, rating: khong-hoan-thanh }   # cuong works in the department nominated Tập thể lao động xuất sắc\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const { round, index, n, title } of titledNominations(ctx.rounds, (r) => ctx.view(r))) {
      const need = title.members_rated;
      if (need === undefined || n.value.kind !== 'collective') continue;
      const people = index.peopleByDepartment.get(n.value.department) ?? [];
      const unrated: string[] = [];
      const below: string[] = [];
      for (const p of people) {
        const r = ratingOf(round, p.value.id);
        if (r === undefined) unrated.push(p.value.id);
        else if (!ratingAtLeast(r, need.rating)) below.push(p.value.id);
      }
      const count = people.length - unrated.length - below.length;
      if (reachesPercent(count, people.length, need.percent) && people.length > 0) continue;
      const label = RATING_LABELS[need.rating];
      const dept = index.departmentName(n.value.department);
      const missing = unrated.length
        ? { vi: `; chưa có xếp loại: ${unrated.join(', ')}`, en: `; no rating: ${unrated.join(', ')}` }
        : { vi: '', en: '' };
      const lower = below.length
        ? { vi: `; xếp loại thấp hơn: ${below.join(', ')}`, en: `; rated lower: ${below.join(', ')}` }
        : { vi: '', en: '' };
      out.push({
        loc: { file: n.loc.file, path: ['award'] },
        message: t(
          `“${title.name}” cần ít nhất ${formatNumber(need.percent)} % người của ${dept} xếp loại “${label.vi}” trở lên; đợt ${round.year} có ${count}/${people.length}${lower.vi}${missing.vi}`,
          `“${title.name}” needs at least ${formatNumber(need.percent, 'en')} % of ${dept}’s people rated “${label.en}” or better; round ${round.year} has ${count} of ${people.length}${lower.en}${missing.en}`,
        ),
      });
    }
    return out;
  },
});
