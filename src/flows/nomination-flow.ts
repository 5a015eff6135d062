/** Entering one nomination through prompts, with the same rules as validate run before writing. */
import type { Diagnostic, Lang } from '../core/diagnostics.js';
import type { Criteria } from '../core/schemas/criteria.js';
import type { Nomination } from '../core/schemas/round.js';
import type { WorkspaceIndex } from '../core/records/index.js';
import { inert } from '../core/text/inert.js';
import { buildNomination, criteriaFor } from '../core/nomination.js';
import { toIsoDate } from '../core/args.js';
import { shortDate } from '../core/dates.js';
import { periodOf, roundName, unitHeading, unitWord } from '../core/period.js';
import type { Prompter } from './prompter.js';
import { RATINGS, RATING_LABELS, ratingAtLeast, type Rating } from '../core/ratings.js';

export interface NominationContext {
  year: number;
  index: WorkspaceIndex;
  criteria: Criteria;
  today: string;
  lang: Lang;
  /** Ids already used in the round. */
  taken: ReadonlySet<string>;
  /** Whether $EDITOR is set (the initiative then opens in it). */
  hasEditor: boolean;
  /** The round so far holds only the plan's pair: the title question offers the pair first. */
  plainRound?: boolean;
  /** Runs the rules on the draft with the rest of the round; returns its findings. */
  check(n: Nomination): Diagnostic[];
  describe(d: Diagnostic): string;
}

export async function askNomination(
  p: Prompter,
  c: NominationContext,
  previous?: Nomination,
): Promise<Nomination | null> {
  const vi = c.lang === 'vi';
  // With titles.yaml, the title comes first and gives the kind; the plan's pair stays a choice.
  let award: string | undefined;
  if (c.index.titles.size > 0) {
    const chosen = await p.select<string>({
      message: vi ? 'Danh hiệu đề nghị' : 'Title proposed',
      default: previous ? (previous.award ?? '') : c.plainRound ? '' : [...c.index.titles.keys()][0],
      choices: [
        ...[...c.index.titles.values()].map((x) => ({
          name: inert(
            `${x.name} (${x.kind === 'collective' ? (vi ? 'tập thể' : 'collective') : vi ? 'cá nhân' : 'individual'})`,
          ),
          value: x.id,
        })),
        {
          name: vi
            ? 'Mô hình tiêu biểu / gương điển hình (theo kế hoạch)'
            : 'Exemplary model / example (the plan’s pair)',
          value: '',
        },
      ],
    });
    award = chosen === '' ? undefined : chosen;
  }
  const title0 = award !== undefined ? c.index.titles.get(award) : undefined;
  const kind = title0
    ? title0.kind
    : await p.select<'collective' | 'individual'>({
        message: vi ? 'Loại đề nghị' : 'Kind of nomination',
        default: previous?.kind ?? 'collective',
        choices: [
          { name: vi ? 'Mô hình tiêu biểu (tập thể)' : 'Exemplary collective', value: 'collective' },
          { name: vi ? 'Gương điển hình tiên tiến (cá nhân)' : 'Exemplary individual', value: 'individual' },
        ],
      });
  const department = await p.select<string>({
    message: unitHeading(unitWord(c.index.agency), c.lang),
    default: previous?.department,
    choices: [...c.index.departments.values()].map((d) => ({ name: inert(d.value.name), value: d.value.id })),
  });
  let person: string | undefined;
  if (kind === 'individual') {
    const people = [...c.index.people.values()].map((r) => r.value);
    const mine = people.filter((x) => x.department === department);
    const others = people.filter((x) => x.department !== department);
    person = await p.search<string>({
      message: vi ? 'Cá nhân (gõ để tìm)' : 'Person (type to search)',
      choices: [...mine, ...others].map((x) => ({
        name: inert(`${x.name}${x.position ? `, ${x.position}` : ''}`),
        value: x.id,
        description: x.department ? c.index.departmentName(x.department) : '',
      })),
    });
  }
  // A title rests on the subject's yearly rating (xếp loại): asked for every title, required when the pack says so.
  let rating: Rating | undefined;
  if (title0) {
    const period = periodOf(c.index.agency);
    const chosen = await p.select<Rating | ''>({
      message: vi
        ? `Xếp loại ${roundName(c.year, period)}${title0.rating ? ` (cần “${RATING_LABELS[title0.rating.at_least].vi}” trở lên)` : ''}`
        : `Rating for ${roundName(c.year, period, 'en')}${title0.rating ? ` (needs “${RATING_LABELS[title0.rating.at_least].en}” or better)` : ''}`,
      default: previous?.rating ?? (title0.rating ? title0.rating.at_least : ''),
      choices: [
        ...RATINGS.map((r) => ({ name: `${RATING_LABELS[r][c.lang]} (${r})`, value: r })),
        ...(title0.rating ? [] : [{ name: vi ? 'Chưa xếp loại' : 'Not rated yet', value: '' as const }]),
      ],
    });
    rating = chosen === '' ? undefined : chosen;
  }
  const title = (
    await p.input({
      message: vi ? 'Thành tích (in trên Giấy công nhận)' : 'Achievement (printed on the certificate)',
      default: previous?.title,
      validate: (v) => (v.trim() ? true : vi ? 'Không được để trống' : 'May not be empty'),
    })
  ).trim();
  let initiative: string | undefined;
  // A collective of the plan's pair needs its description; a title asks for one when titles.yaml says so
  // (with `unless`, it may be left empty when the criterion named is met instead).
  const asks = title0 ? title0.initiative !== false : kind === 'collective';
  const required = title0 ? title0.initiative === true : kind === 'collective';
  if (asks) {
    const message = vi ? 'Bản mô tả sáng kiến, mô hình' : 'Description of the initiative or model';
    initiative = (
      c.hasEditor
        ? await p.editor({ message, default: previous?.initiative })
        : await p.input({
            message,
            default: previous?.initiative,
            validate: (v) =>
              v.trim() || !required ? true : vi ? 'Cần bản mô tả sáng kiến' : 'The description is needed',
          })
    ).trim();
    if (initiative === '') initiative = undefined;
  }
  // Law Điều 23: an accepted research work may stand for the initiative.
  let research: string | undefined;
  const rule = title0?.initiative;
  if (initiative === undefined && typeof rule === 'object' && rule.or_research === true) {
    const standsIn =
      rule.unless_rating !== undefined && rating !== undefined && ratingAtLeast(rating, rule.unless_rating);
    if (!standsIn) {
      research =
        (
          await p.input({
            message: vi
              ? 'Đề tài nghiên cứu đã nghiệm thu (để trống nếu không có)'
              : 'Accepted research work (empty if none)',
            default: previous?.research ?? '',
          })
        ).trim() || undefined;
    }
  }
  const submitted = await p.input({
    message: vi ? 'Ngày nhận hồ sơ (dd/mm/yyyy)' : 'Date received (dd/mm/yyyy)',
    default: shortDate(previous?.submitted ?? c.today),
    validate: (v) =>
      toIsoDate(v) !== null
        ? true
        : vi
          ? 'Cần một ngày có thật dạng dd/mm/yyyy hoặc YYYY-MM-DD'
          : 'A real date written dd/mm/yyyy or YYYY-MM-DD',
  });
  const all = criteriaFor(kind, person, c.index, c.criteria, award);
  const met = await p.checkbox<string>({
    message: vi ? 'Tiêu chí đạt (dấu cách để chọn, Enter để xong)' : 'Criteria met (space to tick, Enter when done)',
    choices: all.map((cr) => ({ name: inert(cr.text), value: cr.id, checked: previous?.criteria?.[cr.id] === true })),
  });
  const draft = buildNomination(
    {
      id: previous?.id,
      kind,
      department,
      person,
      ...(award !== undefined ? { award } : {}),
      title,
      initiative,
      rating,
      research,
      submitted: toIsoDate(submitted)!,
      met: new Set(met),
    },
    c.index,
    c.criteria,
    c.taken,
  );
  const id = draft.id;

  const findings = c.check(draft);
  if (findings.length) {
    p.note(vi ? 'Các quy tắc kiểm tra cho thấy:' : 'The rules report:');
    for (const d of findings) p.note(c.describe(d));
  }
  const errors = findings.filter((d) => d.severity === 'error').length;
  const next = await p.select<'write' | 'edit' | 'cancel'>({
    message: errors
      ? vi
        ? `Có ${errors} lỗi. Làm gì tiếp?`
        : `${errors} error(s). What next?`
      : vi
        ? `Ghi đề nghị ${id}?`
        : `Write the nomination ${id}?`,
    default: errors ? 'edit' : 'write',
    choices: [
      ...(errors ? [] : [{ name: vi ? 'Ghi' : 'Write', value: 'write' as const }]),
      { name: vi ? 'Sửa lại' : 'Go back and fix', value: 'edit' as const },
      { name: vi ? 'Huỷ, không ghi' : 'Cancel, write nothing', value: 'cancel' as const },
    ],
  });
  if (next === 'write') return draft;
  if (next === 'edit') return askNomination(p, c, draft);
  return null;
}
