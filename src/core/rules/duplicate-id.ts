import { t } from '../diagnostics.js';
import type { Loc } from '../records/workspace.js';
import { defineRule, type Finding } from './rule.js';

function duplicates<T>(
  items: T[],
  key: (item: T) => string,
  loc: (item: T) => Loc,
  label: (k: string) => { vi: string; en: string },
): Finding[] {
  const first = new Map<string, T>();
  const out: Finding[] = [];
  for (const item of items) {
    const k = key(item);
    const seen = first.get(k);
    if (seen === undefined) {
      first.set(k, item);
      continue;
    }
    const where = loc(seen);
    const l = label(k);
    out.push({
      loc: loc(item),
      message: t(`${l.vi} đã dùng ở ${where.file}`, `${l.en} is already used in ${where.file}`),
    });
  }
  return out;
}

export const rule = defineRule({
  code: 'duplicate-id',
  severity: 'error',
  stage: 'records',
  description: t('một mã hoặc số phiếu được dùng hai lần', 'an id or serial used twice'),
  fix: t('Đặt mã khác cho một trong hai mục.', 'Give one of the two another id.'),
  example: '# records/people.yaml\n- { id: an, name: Trần Văn An }\n- { id: an, name: Lê Thị An }\n',
  check(ctx) {
    const { ws } = ctx;
    const out: Finding[] = [];
    const at = (loc: Loc, field: string): Loc => ({ file: loc.file, path: [...loc.path, field] });
    out.push(
      ...duplicates(
        ws.departments,
        (d) => d.value.id,
        (d) => at(d.loc, 'id'),
        (k) => t(`mã phòng “${k}”`, `the department id “${k}”`),
      ),
    );
    out.push(
      ...duplicates(
        ws.people,
        (p) => p.value.id,
        (p) => at(p.loc, 'id'),
        (k) => t(`mã người “${k}”`, `the person id “${k}”`),
      ),
    );
    if (ws.criteria) {
      const all = (['collective', 'individual', 'leader'] as const).flatMap((group) =>
        ws.criteria!.value[group].map((c, i) => ({
          id: c.id,
          loc: { file: ws.criteria!.loc.file, path: [group, i, 'id'] },
        })),
      );
      out.push(
        ...duplicates(
          all,
          (c) => c.id,
          (c) => c.loc,
          (k) => t(`mã tiêu chí “${k}”`, `the criterion id “${k}”`),
        ),
      );
    }
    if (ws.agency) {
      const rules = ws.agency.value.deadlines.map((d, i) => ({
        key: `${d.id}@${d.year ?? '*'}`,
        id: d.id,
        loc: { file: ws.agency!.loc.file, path: ['deadlines', i, 'id'] },
      }));
      out.push(
        ...duplicates(
          rules,
          (d) => d.key,
          (d) => d.loc,
          (k) =>
            t(
              `hạn “${k.replace('@*', '').replace('@', '” năm “')}”`,
              `the deadline “${k.replace('@*', '').replace('@', '” for “')}”`,
            ),
        ),
      );
    }
    for (const round of ctx.rounds) {
      if (round.council) {
        const members = round.council.value.members.map((m, i) => ({
          id: m.person,
          loc: { file: round.councilFile, path: ['members', i, 'person'] },
        }));
        out.push(
          ...duplicates(
            members,
            (m) => m.id,
            (m) => m.loc,
            (k) => t(`thành viên “${k}”`, `the member “${k}”`),
          ),
        );
      }
      out.push(
        ...duplicates(
          round.nominations,
          (n) => n.value.id,
          (n) => at(n.loc, 'id'),
          (k) => t(`mã đề nghị “${k}”`, `the nomination id “${k}”`),
        ),
      );
      out.push(
        ...duplicates(
          round.ballots,
          (b) => String(b.value.serial),
          (b) => at(b.loc, 'serial'),
          (k) => t(`số phiếu ${k}`, `the serial ${k}`),
        ),
      );
    }
    return out;
  },
});
