import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'person-department',
  severity: 'warning',
  stage: 'records',
  description: t(
    'phòng của đề nghị khác phòng của người được đề nghị',
    'the nomination’s department differs from the person’s',
  ),
  fix: t(
    'Kiểm tra phòng của đề nghị và phòng của người (people.yaml, hoặc “changes” có ngày).',
    "Check the nomination's department against the person's (people.yaml, or its dated “changes”).",
  ),
  example: '# records/2016/nominations/nv1-ca-nhan.yaml\ndepartment: nv1\nperson: binh   # binh is in nv2\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
        // Stryker disable next-line ConditionalExpression: a collective names no person, and no person is found under none
        if (n.value.kind !== 'individual') continue;
        const person = index.people.get(n.value.person)?.value;
        if (!person?.department || person.department === n.value.department) continue;
        out.push({
          loc: { file: n.loc.file, path: ['department'] },
          message: t(
            `${person.name} thuộc ${index.departmentName(person.department)}, nhưng đề nghị ghi ${index.departmentName(n.value.department)}`,
            `${person.name} belongs to ${index.departmentName(person.department)}, but the nomination names ${index.departmentName(n.value.department)}`,
          ),
        });
      }
    }
    return out;
  },
});
