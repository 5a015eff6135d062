/** A nomination given by flags, and the refusal of a second one for the same title. */
import type { Input } from '../definitions.js';
import { readUserText } from '../../shell/read-snapshot.js';
import { resolve } from 'node:path';
import { t } from '../../core/diagnostics.js';
import type { Nomination } from '../../core/schemas/round.js';
import { ID_PATTERN } from '../../core/ids.js';
import { isUnambiguousId } from '../../core/yaml/emit.js';
import { closest } from '../../core/text/closest.js';
import { findingsError, usageError } from '../../errors.js';
import type { CommandContext } from '../../shell/context.js';
import { type Loaded } from '../../shell/load.js';
import type { WorkspaceIndex } from '../../core/records/index.js';
import { unitWord } from '../../core/period.js';
import { buildNomination, criteriaFor, defaultId } from '../../core/nomination.js';
import type { Round } from '../../core/records/workspace.js';
import { parseRating } from '../../core/ratings.js';
import { sameTitle } from '../../core/titles.js';

export const NOMINATE_FLAGS =
  '[--award DANH-HIỆU] --kind collective|individual, --department ID, --person ID (cá nhân), --title "…", --initiative "…" hoặc --initiative-file TỆP (tập thể), --met all hoặc --met ID (lặp lại), [--submitted dd/mm/yyyy] [--id ID] [--new-factor] [--accepted-late "lý do" --accepted-by ID]';

export const NOMINATE_FLAGS_EN =
  '[--award TITLE] --kind collective|individual, --department ID, --person ID (individual), --title "…", --initiative "…" or --initiative-file FILE (collective), --met all or --met ID (repeat), [--submitted dd/mm/yyyy] [--id ID] [--new-factor] [--accepted-late "reason" --accepted-by ID]';

export function fromFlags(
  ctx: CommandContext,
  loaded: Loaded,
  view: WorkspaceIndex,
  year: number,
  taken: Set<string>,
  opts: Input<'nominate'>['options'],
): Nomination {
  const str = (
    k:
      | 'kind'
      | 'department'
      | 'person'
      | 'title'
      | 'initiative'
      | 'initiativeFile'
      | 'id'
      | 'award'
      | 'rating'
      | 'research',
  ) => {
    const v = opts[k]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  // A title of titles.yaml gives the kind; --kind, if given too, must agree with it.
  const awardId = str('award');
  const award = awardId !== undefined ? view.titles.get(awardId) : undefined;
  if (awardId !== undefined && !award) {
    const known = [...view.titles.keys()];
    const g = closest(awardId, known);
    throw usageError(
      known.length === 0
        ? t(
            `--award “${awardId}”: chưa có records/titles.yaml khai báo danh hiệu (xem docs/records.md)`,
            `--award “${awardId}”: no records/titles.yaml declares titles (see docs/records.md)`,
          )
        : t(
            `--award: không có danh hiệu “${awardId}”${g ? ` (có phải “${g}”?)` : ''}; có: ${known.join(', ')}`,
            `--award: no title “${awardId}”${g ? ` (did you mean “${g}”?)` : ''}; there are: ${known.join(', ')}`,
          ),
    );
  }
  const kind = str('kind') ?? award?.kind;
  if (award && kind !== award.kind)
    throw usageError(
      t(
        `--kind ${kind ?? ''}: “${award.name}” là danh hiệu ${award.kind === 'individual' ? 'cá nhân (individual)' : 'tập thể (collective)'}`,
        `--kind ${kind ?? ''}: “${award.name}” is ${award.kind === 'individual' ? 'an individual' : 'a collective'} title`,
      ),
    );
  const needsInitiative = award ? award.initiative === true : kind === 'collective';
  const missing: string[] = [];
  if (!kind) missing.push('--kind');
  if (!str('department')) missing.push('--department');
  if (kind === 'individual' && !str('person')) missing.push('--person');
  if (!str('title')) missing.push('--title');
  if (needsInitiative && !str('initiative') && !str('initiativeFile')) missing.push('--initiative');
  if (opts.met.length === 0) missing.push('--met');
  if (missing.length) {
    throw usageError(
      t(
        `thiếu ${missing.join(', ')}${ctx.stdinIsTTY ? '' : ' (không có TTY để hỏi)'}; các cờ: ${NOMINATE_FLAGS}`,
        `missing ${missing.join(', ')}${ctx.stdinIsTTY ? '' : ' (no TTY to ask on)'}; the flags: ${NOMINATE_FLAGS_EN}`,
      ),
    );
  }
  if (kind !== 'collective' && kind !== 'individual')
    throw usageError(
      t(
        `--kind phải là collective hoặc individual, không phải “${kind ?? ''}”`,
        `--kind must be collective or individual, not “${kind ?? ''}”`,
      ),
    );
  const department = str('department')!;
  if (!loaded.index.departments.has(department)) {
    const g = closest(department, loaded.index.departments.keys());
    const unit = unitWord(loaded.index.agency);
    throw usageError(
      t(
        `--department: không có ${unit.vi} “${department}”${g ? ` (có phải “${g}”?)` : ''}`,
        `--department: no ${unit.en} “${department}”${g ? ` (did you mean “${g}”?)` : ''}`,
      ),
    );
  }
  const person = str('person');
  if (kind === 'individual' && !loaded.index.people.has(person!)) {
    const g = closest(person!, loaded.index.people.keys());
    throw usageError(
      t(
        `--person: không có người “${person ?? ''}”${g ? ` (có phải “${g}”?)` : ''}`,
        `--person: no person “${person ?? ''}”${g ? ` (did you mean “${g}”?)` : ''}`,
      ),
    );
  }
  let initiative = str('initiative');
  if ((kind === 'collective' || award) && str('initiativeFile')) {
    const text = readUserText(resolve(ctx.cwd, str('initiativeFile')!));
    if (typeof text !== 'string')
      throw usageError(
        t(`--initiative-file: không đọc được (${text.code})`, `--initiative-file: cannot read it (${text.code})`),
      );
    initiative = text.trim();
  }
  const ratingText = str('rating');
  const rating = ratingText !== undefined ? parseRating(ratingText) : undefined;
  if (rating === null)
    throw usageError(
      t(
        `--rating “${ratingText!}”: phải là xuat-sac, tot, hoan-thanh hoặc khong-hoan-thanh`,
        `--rating “${ratingText!}”: must be xuat-sac, tot, hoan-thanh or khong-hoan-thanh`,
      ),
    );
  const submitted = opts.submitted ?? ctx.today();
  const id = str('id') ?? defaultId(kind, department, taken, award ? { id: award.id, person } : undefined);
  if (!ID_PATTERN.test(id))
    throw usageError(
      t(
        `--id “${id}” không phải mã hợp lệ (chữ thường không dấu, số và “-”, tối đa 64 ký tự)`,
        `--id “${id}” is not a valid id (lower-case letters, digits and “-”, at most 64 characters)`,
      ),
    );
  if (!isUnambiguousId(id))
    throw usageError(
      t(
        `--id “${id}” không phải mã hợp lệ: YAML đọc nó là null, true/false hoặc một số; hãy chọn mã khác, ví dụ “${department}-${id}”`,
        `--id “${id}” is not a valid id: YAML reads it as null, true/false or a number; choose another, e.g. “${department}-${id}”`,
      ),
    );
  if (taken.has(id))
    throw findingsError(t(`đợt ${year} đã có đề nghị “${id}”`, `round ${year} already has the nomination “${id}”`));
  const catalogue = view.catalogue ?? loaded.workspace.criteria!.value;
  const ids = criteriaFor(kind, person, view, catalogue, award?.id).map((c) => c.id);
  const metRaw = opts.met
    .flatMap((m) => m.split(','))
    .map((m) => m.trim())
    .filter(Boolean);
  const met = metRaw.includes('all') ? new Set(ids) : new Set(metRaw);
  for (const m of met) {
    if (!ids.includes(m)) {
      const g = closest(m, ids);
      throw usageError(
        t(
          `--met: tiêu chí “${m}” không áp dụng cho đề nghị này${g ? ` (có phải “${g}”?)` : ''}`,
          `--met: the criterion “${m}” does not apply to this nomination${g ? ` (did you mean “${g}”?)` : ''}`,
        ),
      );
    }
  }
  const built = buildNomination(
    {
      id,
      kind,
      department,
      person,
      ...(award ? { award: award.id } : {}),
      title: str('title')!,
      initiative,
      rating,
      research: str('research'),
      submitted,
      met,
      newFactor: opts.newFactor,
    },
    view,
    catalogue,
    taken,
  );
  const reason = opts.acceptedLate?.trim();
  const by = opts.acceptedBy?.trim();
  if ((reason === undefined || reason === '') !== (by === undefined || by === '')) {
    throw usageError(
      t(
        '--accepted-late (lý do) và --accepted-by (người quyết định) đi cùng nhau',
        '--accepted-late (the reason) and --accepted-by (who decided) go together',
      ),
    );
  }
  if (reason && by) {
    if (!loaded.index.people.has(by)) {
      const g = closest(by, loaded.index.people.keys());
      throw usageError(
        t(
          `--accepted-by: không có người “${by}”${g ? ` (có phải “${g}”?)` : ''}`,
          `--accepted-by: no person “${by}”${g ? ` (did you mean “${g}”?)` : ''}`,
        ),
      );
    }
    return { ...built, accepted_late: { reason, by } };
  }
  return built;
}

/**
 * One title once: a second nomination of the same person (or unit) for the same title in a round is
 * refused, naming the file that holds the first. Two different titles for one person are fine.
 */
export function refuseSameTitle(loaded: Loaded, round: Round | undefined, year: number, draft: Nomination): void {
  const existing = round
    ? sameTitle(round.nominations, { ...draft, person: draft.kind === 'individual' ? draft.person : undefined })[0]
    : undefined;
  if (!existing) return;
  const view = round ? loaded.view(round) : loaded.index;
  const name = view.titles.get(draft.award!)?.name ?? draft.award!;
  const who =
    draft.kind === 'individual'
      ? `${view.personName(draft.person)} (${draft.person})`
      : view.departmentName(draft.department);
  throw findingsError(
    t(
      `${who} đã được đề nghị “${name}” trong đợt ${year}: ${existing.loc.file}; mỗi người (tập thể) chỉ được đề nghị một lần cho một danh hiệu; không ghi gì`,
      `${who} is already nominated for “${name}” in round ${year}: ${existing.loc.file}; one nomination per person (or unit) and title; nothing written`,
    ),
  );
}
