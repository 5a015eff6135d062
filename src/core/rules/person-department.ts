import { t } from '../diagnostics.js';
import type { Finding, Rule } from './rule.js';

export const rule: Rule = {
  code: 'person-department',
  severity: 'warning',
  stage: 'records',
  description: t('phòng của đề nghị khác phòng của người được đề nghị', 'the nomination’s department differs from the person’s'),
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const index = ctx.view(round);
      for (const n of round.nominations) {
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
};
