import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'department-limit',
  severity: 'error',
  stage: 'records',
  description: t('một phòng đề nghị quá số lượng cho phép trong đợt', 'a department exceeds its limits in a round'),
  fix: t(
    'Giữ số đề nghị trong giới hạn (limits trong agency.yaml hoặc round.yaml): rút bớt một đề nghị.',
    'Keep within the limits (limits in agency.yaml or round.yaml): withdraw one nomination.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh-2.yaml\nkind: collective\ndepartment: nv1   # nv1 already has one\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      const limits = index.agency?.limits;
      if (!limits) continue;
      for (const kind of ['collective', 'individual'] as const) {
        const limit = kind === 'collective' ? limits.collective_per_department : limits.individual_per_department;
        const byDept = new Map<string, typeof round.nominations>();
        for (const n of round.nominations) {
          // A title of titles.yaml has its own limit (below); the plan's limits are for the plan's pair.
          if (n.value.kind !== kind || index.titles.has(n.value.award ?? '')) continue;
          const list = byDept.get(n.value.department) ?? [];
          list.push(n);
          byDept.set(n.value.department, list);
        }
        for (const [dept, list] of byDept) {
          if (list.length <= limit) continue;
          const ids = list.map((n) => n.value.id).sort();
          for (const n of list) {
            out.push({
              loc: { file: n.loc.file, path: ['department'] },
              message:
                kind === 'collective'
                  ? t(
                      `${index.departmentName(dept)} có ${list.length} đề nghị mô hình tập thể trong đợt ${round.year}, tối đa ${limit} (${ids.join(', ')})`,
                      `${index.departmentName(dept)} has ${list.length} collective nominations in ${round.year}, at most ${limit} (${ids.join(', ')})`,
                    )
                  : t(
                      `${index.departmentName(dept)} có ${list.length} đề nghị cá nhân trong đợt ${round.year}, tối đa ${limit} (${ids.join(', ')})`,
                      `${index.departmentName(dept)} has ${list.length} individual nominations in ${round.year}, at most ${limit} (${ids.join(', ')})`,
                    ),
            });
          }
        }
      }
      // Each title's own limit per department (per_department in titles.yaml).
      for (const title of index.titles.values()) {
        if (title.per_department === undefined) continue;
        const byDept = new Map<string, typeof round.nominations>();
        for (const n of round.nominations) {
          if (n.value.award !== title.id) continue;
          byDept.set(n.value.department, [...(byDept.get(n.value.department) ?? []), n]);
        }
        for (const [dept, list] of byDept) {
          if (list.length <= title.per_department) continue;
          // Stryker disable next-line MethodExpression: a round's nominations come in file order, and a file is named by its id (id-mismatch), so they are in id order already
          const ids = list.map((n) => n.value.id).sort();
          for (const n of list) {
            out.push({
              loc: { file: n.loc.file, path: ['department'] },
              message: t(
                `${index.departmentName(dept)} có ${list.length} đề nghị “${title.name}” trong đợt ${round.year}, tối đa ${title.per_department} (${ids.join(', ')})`,
                `${index.departmentName(dept)} has ${list.length} “${title.name}” nominations in ${round.year}, at most ${title.per_department} (${ids.join(', ')})`,
              ),
            });
          }
        }
      }
    }
    return out;
  },
});
