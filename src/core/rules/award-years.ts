import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { heldIn, titledNominations } from '../titles.js';
import { periodOf, roundLabel } from '../period.js';

export const rule = defineRule({
  code: 'award-years',
  severity: 'error',
  stage: 'records',
  description: t(
    'danh hiệu cần một danh hiệu khác trong những năm liền trước (Chiến sĩ thi đua tỉnh: 3 lần liên tục Chiến sĩ thi đua cơ sở) mà hồ sơ không cho thấy',
    'a title needs another in each of the years before (Chiến sĩ thi đua tỉnh: Chiến sĩ thi đua cơ sở three years running) and the records do not show it',
  ),
  fix: t(
    'Các năm trước thidua: ghi vào records/history.yaml (year, title, person hoặc department, decision); nếu thật sự chưa đủ, rút đề nghị.',
    'Years before thidua: record them in records/history.yaml (year, title, person or department, decision); if the years truly fall short, withdraw the nomination.',
  ),
  example:
    '# records/2025/nominations/an-cstdt.yaml\naward: chien-si-thi-dua-tinh   # Chiến sĩ thi đua cơ sở in 2023 and 2024 only\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const { round, index, n, title, subject } of titledNominations(ctx.rounds, (r) => ctx.view(r))) {
      for (const r of title.requires) {
        if (!('years' in r) || !index.titles.has(r.title)) continue;
        const missing: number[] = [];
        for (let y = round.year - r.years; y < round.year; y++)
          if (!heldIn(ctx.ws.rounds, ctx.ws.history, y, r.title, subject)) missing.push(y);
        if (missing.length === 0) continue;
        const need = index.titles.get(r.title)!.name;
        const first = round.year - r.years;
        const period = periodOf(index.agency);
        const label = (y: number) => roundLabel(y, period);
        const dash = period === 'school-year' ? ' – ' : '–';
        const span = first === round.year - 1 ? label(first) : `${label(first)}${dash}${label(round.year - 1)}`;
        const years = period === 'school-year' ? { vi: 'năm học', en: 'school years' } : { vi: 'năm', en: 'years' };
        out.push({
          loc: { file: n.loc.file, path: ['award'] },
          message: t(
            `“${title.name}” cần “${need}” ${r.years} ${years.vi} liền trước (${span}); không thấy ${years.vi} ${missing.map(label).join(', ')} trong kết quả đã niêm phong hay records/history.yaml`,
            `“${title.name}” needs “${need}” ${r.years === 1 ? `in the ${years.en.replace(/s$/, '')}` : `in each of the ${r.years} ${years.en}`} before (${span}); ${missing.map(label).join(', ')} not found in a sealed result or records/history.yaml`,
          ),
        });
      }
    }
    return out;
  },
});
