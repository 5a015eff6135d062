import { t, type Localized } from '../diagnostics.js';
import { closest } from '../text/closest.js';
import type { Loc } from '../records/workspace.js';
import { defineRule, type Finding } from './rule.js';
import { insteadOfInitiative, requiredGroups, titleCriteria } from '../records/index.js';
import { unitWord } from '../period.js';

function missing(
  loc: Loc,
  what: Localized,
  id: string,
  candidates: Iterable<string>,
  at: Finding['at'] = 'value',
): Finding {
  const guess = closest(id, candidates);
  return {
    loc,
    at,
    message: t(
      `${what.vi} “${id}” không tồn tại${guess ? ` (có phải “${guess}”?)` : ''}`,
      `${what.en} “${id}” does not exist${guess ? ` (did you mean “${guess}”?)` : ''}`,
    ),
  };
}

const PERSON = t('người', 'the person');
const NOMINATION = t('đề nghị', 'the nomination');
const DEADLINE = t('hạn', 'the deadline');
const TITLE = t('danh hiệu', 'the title');

export const rule = defineRule({
  code: 'unknown-reference',
  severity: 'error',
  stage: 'records',
  description: t(
    'mã phòng, người, tiêu chí, đề nghị, hạn hoặc danh hiệu không tồn tại',
    'a department, person, criterion, nomination, deadline or title id that does not exist',
  ),
  fix: t(
    'Sửa mã cho đúng (xem gợi ý) hoặc thêm phòng, người, tiêu chí, hạn đó vào hồ sơ chung.',
    'Correct the id (see the suggestion) or add that department, person, criterion or deadline to the shared records.',
  ),
  example: '# records/2016/nominations/nv1-ca-nhan.yaml\nperson: tran-van-ann\n',
  check(ctx) {
    const { ws } = ctx;
    const out: Finding[] = [];
    // The shared files and the round's open records (submissions) against the records as they are now;
    // a round's own files against what the round is judged from.
    let index = ctx.index;
    const person = (id: string, loc: Loc) => {
      if (!index.knownPerson(id)) out.push(missing(loc, PERSON, id, index.people.keys()));
    };
    const department = (id: string, loc: Loc) => {
      // The unit named as the agency calls it ("tổ" in a school).
      const unit = unitWord(index.agency);
      if (!index.knownDepartment(id))
        out.push(missing(loc, t(unit.vi, `the ${unit.en}`), id, index.departments.keys()));
    };
    const sub = (loc: Loc, ...path: Array<string | number>): Loc => ({ file: loc.file, path: [...loc.path, ...path] });

    for (const d of ws.departments) if (d.value.head) person(d.value.head, sub(d.loc, 'head'));
    for (const p of ws.people) if (p.value.department) department(p.value.department, sub(p.loc, 'department'));
    for (const m of ws.discipline) person(m.value.person, sub(m.loc, 'person'));
    // titles.yaml: each requirement names a declared title, each criterion one of criteria.yaml.
    const titleIds = new Set(ws.titles.map((x) => x.value.id));
    const title = (id: string, loc: Loc) => {
      if (!titleIds.has(id)) out.push(missing(loc, TITLE, id, titleIds));
    };
    for (const x of ws.titles) {
      x.value.requires.forEach((r, i) => title(r.title, sub(x.loc, 'requires', i, 'title')));
      if (ctx.index.catalogue)
        (x.value.criteria ?? []).forEach((c, i) => {
          if (!ctx.index.criteria.has(c))
            out.push(missing(sub(x.loc, 'criteria', i), t('tiêu chí', 'the criterion'), c, ctx.index.criteria.keys()));
        });
      // Stryker disable next-line ConditionalExpression: `unless` of true or false is undefined too
      const unless = typeof x.value.initiative === 'object' ? x.value.initiative.unless : undefined;
      if (unless !== undefined && ctx.index.catalogue && !ctx.index.criteria.has(unless))
        out.push(
          missing(
            sub(x.loc, 'initiative', 'unless'),
            t('tiêu chí', 'the criterion'),
            unless,
            ctx.index.criteria.keys(),
          ),
        );
    }
    // The rule pack: each level's titles are declared titles, each value's source a declared instrument.
    const pack = ws.pack;
    if (pack) {
      for (const [level, c] of Object.entries(pack.value.competence ?? {})) {
        c.decides.forEach((id, i) => title(id, sub(pack.loc, 'competence', level, 'decides', i)));
        for (const id of Object.keys(c.upward ?? {})) title(id, sub(pack.loc, 'competence', level, 'upward', id));
      }
      const instruments = new Set(pack.value.instruments.map((i) => i.id));
      const source = (src: { instrument: string } | undefined, loc: Loc) => {
        if (src && !instruments.has(src.instrument))
          out.push(missing(sub(loc, 'instrument'), t('văn bản', 'the instrument'), src.instrument, instruments));
      };
      for (const [k, src] of Object.entries(pack.value.general ?? {})) source(src, sub(pack.loc, 'general', k));
      source(pack.value.settings?.quorum?.source, sub(pack.loc, 'settings', 'quorum', 'source'));
      for (const [level, c] of Object.entries(pack.value.competence ?? {}))
        source(c.source, sub(pack.loc, 'competence', level, 'source'));
      for (const x of ws.titles) {
        const v = x.value;
        source(v.source, sub(x.loc, 'source'));
        source(v.rating?.source, sub(x.loc, 'rating', 'source'));
        source(v.members_rated?.source, sub(x.loc, 'members_rated', 'source'));
        source(v.threshold?.source, sub(x.loc, 'threshold', 'source'));
        source(v.blocked_source, sub(x.loc, 'blocked_source'));
        source(v.settings_source, sub(x.loc, 'settings_source'));
        if (typeof v.initiative === 'object') source(v.initiative.source, sub(x.loc, 'initiative', 'source'));
        v.requires.forEach((r, i) => source(r.source, sub(x.loc, 'requires', i, 'source')));
      }
    }
    for (const m of ws.pending) {
      if (m.value.person !== undefined) person(m.value.person, sub(m.loc, 'person'));
      if (m.value.department !== undefined) department(m.value.department, sub(m.loc, 'department'));
    }
    for (const h of ws.history) {
      title(h.value.title, sub(h.loc, 'title'));
      if (h.value.person !== undefined) person(h.value.person, sub(h.loc, 'person'));
      if (h.value.department !== undefined) department(h.value.department, sub(h.loc, 'department'));
    }

    // Stryker disable next-line ArrayDeclaration: without agency.yaml no deadline is checked (index.agency below)
    const deadlineIds = new Set(ctx.index.agency?.deadlines.map((d) => d.id) ?? []);
    for (const round of ctx.rounds) {
      index = ctx.view(round);
      const council = round.council;
      if (council) {
        council.value.members.forEach((m, i) => person(m.person, sub(council.loc, 'members', i, 'person')));
        const s = council.value.session;
        if (s) {
          person(s.chair, sub(council.loc, 'session', 'chair'));
          person(s.secretary, sub(council.loc, 'session', 'secretary'));
          s.counters.forEach((c, i) => person(c, sub(council.loc, 'session', 'counters', i)));
          (s.absent ?? []).forEach((c, i) => person(c, sub(council.loc, 'session', 'absent', i)));
        }
      }
      const nominationIds = new Set([...round.nominations.map((n) => n.value.id), ...round.brokenNominationIds]);
      for (const n of round.nominations) {
        const v = n.value;
        department(v.department, sub(n.loc, 'department'));
        if (v.kind === 'individual') person(v.person, sub(n.loc, 'person'));
        if (v.award !== undefined && !index.titles.has(v.award))
          out.push(missing(sub(n.loc, 'award'), TITLE, v.award, index.titles.keys()));
        if (v.accepted_late) person(v.accepted_late.by, sub(n.loc, 'accepted_late', 'by'));
        const catalogue = index.catalogue;
        if (v.criteria && catalogue) {
          const groups = requiredGroups(v, index);
          const own = titleCriteria(v, index);
          const instead = insteadOfInitiative(v, index);
          const allowed = own
            ? [...own.map((c) => c.id), ...(instead ? [instead.id] : [])]
            : groups.flatMap((g) => catalogue[g].map((c) => c.id));
          // Stryker disable next-line ConditionalExpression: a nomination without a title finds none under undefined
          const title = v.award !== undefined ? index.titles.get(v.award) : undefined;
          for (const key of Object.keys(v.criteria)) {
            const known = index.criteria.get(key);
            if (!known) {
              out.push(missing(sub(n.loc, 'criteria', key), t('tiêu chí', 'the criterion'), key, allowed, 'key'));
            } else if (own && title) {
              if (allowed.includes(key)) continue;
              out.push({
                loc: sub(n.loc, 'criteria', key),
                at: 'key',
                message: t(
                  `tiêu chí “${key}” không thuộc tiêu chuẩn của danh hiệu “${title.name}” (${allowed.join(', ')})`,
                  `the criterion “${key}” is not among the criteria of “${title.name}” (${allowed.join(', ')})`,
                ),
              });
            } else if (!groups.includes(known.group)) {
              out.push({
                loc: sub(n.loc, 'criteria', key),
                at: 'key',
                message: t(
                  `tiêu chí “${key}” thuộc nhóm “${known.group}”, không áp dụng cho đề nghị này (${groups.join(', ')})`,
                  `the criterion “${key}” belongs to “${known.group}” and does not apply to this nomination (${groups.join(', ')})`,
                ),
              });
            }
          }
        }
      }
      const decides = round.council?.value.session?.chair_decides ?? [];
      decides.forEach((id, i) => {
        if (!nominationIds.has(id))
          out.push(missing(sub(round.council!.loc, 'session', 'chair_decides', i), NOMINATION, id, nominationIds));
      });
      for (const b of round.ballots) {
        for (const id of Object.keys(b.value.votes)) {
          if (!nominationIds.has(id)) out.push(missing(sub(b.loc, 'votes', id), NOMINATION, id, nominationIds, 'key'));
        }
      }
      const decision = round.decision;
      if (decision) {
        decision.value.recognised.forEach((id, i) => {
          if (!nominationIds.has(id))
            out.push(missing(sub(decision.loc, 'recognised', i), NOMINATION, id, nominationIds));
        });
      }
      index = ctx.index;
      for (const s of round.submissions) {
        if (index.agency && !deadlineIds.has(s.value.deadline))
          out.push(missing(sub(s.loc, 'deadline'), DEADLINE, s.value.deadline, deadlineIds));
        department(s.value.department, sub(s.loc, 'department'));
      }
    }
    return out;
  },
});
