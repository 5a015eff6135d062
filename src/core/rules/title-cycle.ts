import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { dependencyOrder } from '../title-order.js';
import { TITLES_FILE } from '../records/paths.js';

export const rule = defineRule({
  code: 'title-cycle',
  severity: 'error',
  stage: 'records',
  description: t(
    'các danh hiệu trong titles.yaml đòi nhau thành vòng (A cần B, B cần A): không xét được danh hiệu nào trước',
    'titles in titles.yaml require each other in a cycle (A needs B, B needs A): none can be decided first',
  ),
  fix: t(
    'Bỏ một yêu cầu trong vòng (requires) để các danh hiệu xét được theo thứ tự.',
    'Remove one requirement of the cycle (requires) so the titles can be decided in order.',
  ),
  example:
    '# records/titles.yaml\n- { id: a, requires: [ { title: b, same_round: true } ] }\n- { id: b, requires: [ { title: a, same_round: true } ] }\n',
  check(ctx) {
    const titles = new Map(ctx.ws.titles.map((x) => [x.value.id, x.value] as const));
    const { cyclic } = dependencyOrder(titles);
    const out: Finding[] = [];
    for (const x of ctx.ws.titles) {
      if (!cyclic.has(x.value.id)) continue;
      const i = x.value.requires.findIndex((r) => !('years' in r) && cyclic.has(r.title));
      const loop = [...cyclic, [...cyclic][0]].join(' → ');
      out.push({
        loc: { file: TITLES_FILE, path: [...x.loc.path, 'requires', i, 'title'] },
        message: t(
          `danh hiệu “${x.value.id}” nằm trong một vòng yêu cầu (${loop}); không xét được`,
          `the title “${x.value.id}” is in a cycle of requirements (${loop}); it cannot be decided`,
        ),
      });
    }
    return out;
  },
});
