import { t } from '../diagnostics.js';
import { defineRule, type Finding } from './rule.js';

export const rule = defineRule({
  code: 'council-membership',
  severity: 'error',
  stage: 'records',
  description: t(
    'chủ trì, thư ký, Ban kiểm phiếu hoặc người vắng không phải thành viên Hội đồng; hoặc có hơn một Chủ tịch',
    'the chair, secretary, a vote counter or an absent member is not a council member; or more than one chủ tịch',
  ),
  fix: t(
    'Chủ trì, thư ký, Ban kiểm phiếu và người vắng phải có trong “members”; chỉ một người là chu-tich.',
    'The chair, secretary, vote counters and absent members must be in “members”; only one is chu-tich.',
  ),
  example: '# records/2016/council.yaml\nsession: { counters: [ mai ], … }   # mai is not a member\n',
  check(ctx) {
    const out: Finding[] = [];
    for (const round of ctx.rounds) {
      const council = round.council;
      if (!council) continue;
      const index = ctx.view(round);
      const members = new Set(council.value.members.map((m) => m.person));
      const chairs = council.value.members.map((m, i) => ({ m, i })).filter(({ m }) => m.role === 'chu-tich');
      for (const { m, i } of chairs.slice(1)) {
        out.push({
          loc: { file: council.loc.file, path: ['members', i, 'role'] },
          message: t(
            `Hội đồng có ${chairs.length} Chủ tịch (${chairs.map(({ m: c }) => index.personName(c.person)).join(', ')}); chỉ một người là Chủ tịch, ${index.personName(m.person)} có thể là Phó Chủ tịch (pho-chu-tich)`,
            `the council has ${chairs.length} chairs (${chairs.map(({ m: c }) => index.personName(c.person)).join(', ')}); only one is chủ tịch, ${index.personName(m.person)} may be pho-chu-tich`,
          ),
        });
      }
      const s = council.value.session;
      if (!s) continue;
      const role = {
        chair: t('chủ trì', 'the chair'),
        secretary: t('thư ký', 'the secretary'),
        counters: t('thành viên Ban kiểm phiếu', 'the vote counter'),
        absent: t('người vắng mặt', 'the absent member'),
      };
      const check = (id: string, path: Array<string | number>, what: { vi: string; en: string }) => {
        if (members.has(id)) return;
        out.push({
          loc: { file: council.loc.file, path: ['session', ...path] },
          message: t(
            `${what.vi} ${index.personName(id)} (${id}) không phải thành viên Hội đồng đợt ${round.year} (members)`,
            `${what.en} ${index.personName(id)} (${id}) is not a member of the ${round.year} council (members)`,
          ),
        });
      };
      check(s.chair, ['chair'], role.chair);
      check(s.secretary, ['secretary'], role.secretary);
      s.counters.forEach((c, i) => check(c, ['counters', i], role.counters));
      (s.absent ?? []).forEach((c, i) => check(c, ['absent', i], role.absent));
    }
    return out;
  },
});
