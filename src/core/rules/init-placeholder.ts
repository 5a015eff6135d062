import { t } from '../diagnostics.js';
import { INIT_FIELDS } from '../init/agency-file.js';
import { defineRule, type Finding } from './rule.js';

/** agency.yaml still holding what `thidua init` wrote where no answer was given. */
export const rule = defineRule({
  code: 'init-placeholder',
  severity: 'warning',
  stage: 'records',
  description: t(
    'records/agency.yaml còn chỗ điền sẵn của thidua init (tên cơ quan, ký hiệu, địa danh, người ký)',
    'records/agency.yaml still holds a placeholder written by thidua init (agency name, symbol, place, signer)',
  ),
  fix: t(
    'Ghi thông tin thật của cơ quan vào records/agency.yaml; văn bản in ra dùng đúng các giá trị này.',
    'Write the agency’s real details in records/agency.yaml; the documents print exactly these values.',
  ),
  example: '# records/agency.yaml\nname: Tên cơ quan\nsymbol: CQ\n',
  check(ctx) {
    const agency = ctx.index.agency;
    if (!agency) return [];
    const values: Record<string, string | undefined> = {
      name: agency.name,
      parent: agency.parent,
      symbol: agency.symbol,
      place: agency.place,
      'head.name': agency.head.name,
      'head.title': agency.head.title,
    };
    const out: Finding[] = [];
    for (const f of INIT_FIELDS) {
      if (values[f.field] !== f.placeholder) continue;
      out.push({
        loc: { file: 'records/agency.yaml', path: f.field.split('.') },
        message: t(
          `“${f.placeholder}” là chỗ điền sẵn của thidua init; ghi ${f.field} thật của cơ quan`,
          `“${f.placeholder}” is thidua init’s placeholder; write the agency’s real ${f.field}`,
        ),
      });
    }
    return out;
  },
});
