/** thidua nominate [YEAR]: a nomination by prompts (kind, department, person, criteria…) or by flags. */
import type { Input } from './definitions.js';
import { listYears, readUserText, unsealedYears } from '../shell/read-snapshot.js';
import { join, resolve } from 'node:path';
import { t } from '../core/diagnostics.js';
import { renderNominationFile } from '../core/record-files.js';
import type { Nomination } from '../core/schemas/round.js';
import { ID_PATTERN } from '../core/ids.js';
import { isUnambiguousId } from '../core/yaml/emit.js';
import { closest } from '../core/text/closest.js';
import { EXIT, ThiduaError, failedQuietly, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate, type Loaded } from '../shell/load.js';
import { findEditor, editText } from '../shell/editor.js';
import { assertInside, createFileExclusive, ensureDirInside, FileExistsError } from '../shell/safe-write.js';
import { recordNames } from '../shell/read-snapshot.js';
import { inert } from '../shell/terminal.js';
import { withLock } from '../shell/lock.js';
import { checkDraft } from '../shell/draft-check.js';
import { formatDiagnostic } from '../shell/format-diagnostics.js';
import { askNomination } from '../flows/nomination-flow.js';
import { PromptCancelled, terminalPrompter, type Prompter } from '../flows/prompter.js';
import { yearOf } from '../core/dates.js';
import type { WorkspaceIndex } from '../core/records/index.js';
import { buildNomination, criteriaFor, defaultId, defaultSubmitted } from '../core/nomination.js';
import { REGISTRATION, roundDeadline } from '../core/deadlines.js';
import { ballotsDir, nominationPath, nominationsDir, roundFile } from '../core/records/paths.js';
import type { Round } from '../core/records/workspace.js';
import { parseRating } from '../core/ratings.js';
import { sameTitle } from '../core/titles.js';

export const NOMINATE_FLAGS =
  '[--award DANH-HIỆU] --kind collective|individual, --department ID, --person ID (cá nhân), --title "…", --initiative "…" hoặc --initiative-file TỆP (tập thể), --met all hoặc --met ID (lặp lại), [--submitted dd/mm/yyyy] [--id ID] [--new-factor] [--accepted-late "lý do" --accepted-by ID]';
const NOMINATE_FLAGS_EN =
  '[--award TITLE] --kind collective|individual, --department ID, --person ID (individual), --title "…", --initiative "…" or --initiative-file FILE (collective), --met all or --met ID (repeat), [--submitted dd/mm/yyyy] [--id ID] [--new-factor] [--accepted-late "reason" --accepted-by ID]';

/** The round asked for, else the latest round not sealed yet, else this year's. */
function chooseYear(ctx: CommandContext, root: string, given: number | undefined): number {
  if (given !== undefined) return given;
  const open = unsealedYears(root);
  return open.length ? Math.max(...open) : yearOf(ctx.today());
}

export async function run(ctx: CommandContext, input: Input<'nominate'>, prompter?: Prompter): Promise<number> {
  const opts = input.options;
  const root = ctx.root();
  const year = chooseYear(ctx, root, input.args.year);
  const loaded = await loadAndValidate(root, listYears(root).includes(year) ? [year] : [], ctx);
  const round = loaded.workspace.rounds.find((r) => r.year === year);
  if (!round?.councilPresent) {
    throw findingsError(
      t(
        `đợt ${year} chưa được tạo (chưa có ${roundFile(year, 'council.yaml')}); tạo bằng: thidua round ${year}`,
        `round ${year} has not been created (no ${roundFile(year, 'council.yaml')}); create it with: thidua round ${year}`,
      ),
    );
  }
  if (round.tallyPresent)
    throw findingsError(
      t(`đợt ${year} đã niêm phong kết quả; không thêm đề nghị`, `round ${year} is sealed; no more nominations`),
    );
  const voted = round?.ballotFiles.length ?? 0;
  if (voted > 0 && !opts.force) {
    throw findingsError(
      t(
        `đợt ${year} đã có ${voted} phiếu bầu; một đề nghị thêm sau khi đã bỏ phiếu sẽ bị tính là “không có ý kiến” trên các phiếu đó. Nếu Hội đồng vẫn quyết định thêm, dùng --force (được ghi lại trong hồ sơ đề nghị)`,
        `round ${year} already has ${voted} ballot(s); a nomination added after the vote counts as an abstention on each of them. If the council decides to add it anyway, use --force (recorded in the nomination)`,
      ),
    );
  }
  if (!loaded.workspace.criteria || !loaded.workspace.agency)
    throw findingsError(
      t(
        'hồ sơ chung có lỗi (agency.yaml, criteria.yaml); chạy thidua validate',
        'the shared records have errors (agency.yaml, criteria.yaml); run thidua validate',
      ),
    );
  const taken = new Set([...(round?.nominations.map((n) => n.value.id) ?? []), ...(round?.brokenNominationIds ?? [])]);
  const pathOf = (id: string) => nominationPath(year, id);
  const check = (n: Nomination) => checkDraft(loaded, pathOf(n.id), renderNominationFile(n), year);

  const { kind, department, person, title, initiative, initiativeFile, met, submitted, id, newFactor } = opts;
  const byFlags =
    [
      kind,
      department,
      person,
      title,
      initiative,
      initiativeFile,
      submitted,
      id,
      opts.acceptedLate,
      opts.acceptedBy,
      opts.award,
      opts.rating,
      opts.research,
    ].some((v) => v !== undefined) ||
    met.length > 0 ||
    newFactor;
  let draft: Nomination | null;
  if (byFlags || !(prompter || (ctx.stdinIsTTY && ctx.stdoutIsTTY))) {
    draft = fromFlags(ctx, loaded, round ? loaded.view(round) : loaded.index, year, taken, opts);
    refuseSameTitle(loaded, round, year, draft);
    const findings = check(draft).filter((d) => d.severity === 'error');
    if (findings.length) {
      for (const d of findings) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
      ctx.warn(t(`thidua: đề nghị ${draft.id} không được ghi`, `thidua: the nomination ${draft.id} was not written`));
      throw failedQuietly();
    }
  } else {
    // The editor is found before the first question: a missing program is a one-line error.
    const editor = findEditor(ctx.env, ctx.cwd);
    const p =
      prompter ?? (await terminalPrompter(ctx.out, ctx.lang, editor ? (text) => editText(editor, text) : undefined));
    try {
      ctx.say(
        t(
          `Thêm đề nghị vào đợt ${year}. Ctrl-C để huỷ (không ghi gì).`,
          `Add a nomination to round ${year}. Ctrl-C cancels (nothing written).`,
        ),
      );
      draft = await askNomination(p, {
        year,
        index: loaded.index,
        criteria: loaded.workspace.criteria.value,
        today: defaultSubmitted(
          ctx.today(),
          year,
          roundDeadline(
            (round ? loaded.view(round) : loaded.index).agency ?? loaded.workspace.agency.value,
            year,
            REGISTRATION,
          )?.before ?? null,
        ),
        lang: ctx.lang,
        taken,
        hasEditor: editor !== null,
        check,
        // A round of the plan's pair (nominations without a title) offers the pair first; any other, the first title.
        plainRound: (round?.nominations.length ?? 0) > 0 && round.nominations.every((n) => n.value.award === undefined),
        describe: (d) => formatDiagnostic(d, ctx.lang, ctx.style),
      });
    } catch (err) {
      if (err instanceof PromptCancelled)
        throw new ThiduaError(EXIT.interrupted, t('đã huỷ; không ghi gì', 'cancelled; nothing written'));
      throw err;
    }
    if (!draft) {
      ctx.say(t('Đã huỷ; không ghi gì.', 'Cancelled; nothing written.'));
      return EXIT.ok;
    }
  }
  refuseSameTitle(loaded, round, year, draft);
  if (voted > 0) draft = { ...draft, added_after_ballots: { date: ctx.today(), ballots: voted } };
  const rel = pathOf(draft.id);
  const abs = join(root, rel);
  const text = renderNominationFile(draft);
  await withLock(root, ctx.warn, () => {
    ensureDirInside(root, join(root, nominationsDir(year)));
    assertInside(root, abs);
    const ballotsNow = recordNames(root, ballotsDir(year)).length;
    if (ballotsNow > voted && !opts.force) {
      throw findingsError(
        t(
          `đợt ${year} vừa có phiếu bầu được nhập; không ghi đề nghị (xem --force)`,
          `ballots were just entered for ${year}; the nomination was not written (see --force)`,
        ),
      );
    }
    try {
      createFileExclusive(abs, text);
    } catch (err) {
      if (err instanceof FileExistsError)
        throw findingsError(
          t(
            `đợt ${year} vừa có đề nghị “${draft.id}” do một lệnh khác ghi; không ghi gì`,
            `round ${year} just got the nomination “${draft.id}” from another command; nothing written`,
          ),
        );
      throw err;
    }
  });
  const member =
    draft.kind === 'individual' ? round?.council?.value.members.find((m) => m.person === draft.person) : undefined;
  if (member) {
    const name = loaded.index.personName(member.person);
    const recusal = loaded.workspace.agency?.value.council.recusal === true;
    ctx.warn(
      recusal
        ? t(
            `Lưu ý: ${inert(name)} là thành viên Hội đồng đợt ${year}; theo quy chế (council.recusal), thành viên này không tham gia biểu quyết đề nghị của mình, biên bản kiểm phiếu sẽ ghi rõ.`,
            `Note: ${inert(name)} is a member of the ${year} council; under the rules (council.recusal) the member does not vote on their own nomination, and the minutes say so.`,
          )
        : t(
            `Lưu ý: ${inert(name)} là thành viên Hội đồng đợt ${year} (xung đột lợi ích); nếu quy chế yêu cầu thành viên không tự bỏ phiếu cho mình, đặt council.recusal: true trong agency.yaml.`,
            `Note: ${inert(name)} is a member of the ${year} council (a conflict of interest); if the rules require members not to vote on their own nomination, set council.recusal: true in agency.yaml.`,
          ),
    );
  }
  if (opts.json) ctx.out(JSON.stringify({ file: rel, nomination: draft }, null, 2));
  else ctx.say(t(`Đã ghi ${rel}.`, `Wrote ${rel}.`));
  return EXIT.ok;
}

function fromFlags(
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
    throw usageError(
      t(
        `--department: không có phòng “${department}”${g ? ` (có phải “${g}”?)` : ''}`,
        `--department: no department “${department}”${g ? ` (did you mean “${g}”?)` : ''}`,
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
function refuseSameTitle(loaded: Loaded, round: Round | undefined, year: number, draft: Nomination): void {
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
