/** thidua nominate [YEAR]: a nomination by prompts (kind, department, person, criteria…) or by flags. */
import type { Input } from './definitions.js';
import { listYears, unsealedYears } from '../shell/read-snapshot.js';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { renderNominationFile } from '../core/record-files.js';
import type { Nomination } from '../core/schemas/round.js';
import { EXIT, ThiduaError, failedQuietly, findingsError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { findEditor, editText } from '../shell/editor.js';
import { assertInside, createFileExclusive, ensureDirInside, FileExistsError } from '../shell/safe-write.js';
import { recordNames } from '../shell/read-snapshot.js';
import { inert } from '../shell/terminal.js';
import { withLock } from '../shell/lock.js';
import { checkDraft } from '../shell/draft-check.js';
import { formatDiagnostic } from '../shell/format-diagnostics.js';
import { askNomination } from '../flows/nomination-flow.js';
import { PromptCancelled, terminalPrompter, type Prompter } from '../flows/prompter.js';
import { defaultSubmitted } from '../core/nomination.js';
import { periodOf, roundContaining } from '../core/period.js';
import { REGISTRATION, roundDeadline } from '../core/deadlines.js';
import { ballotsDir, nominationPath, nominationsDir, roundFile } from '../core/records/paths.js';
import { fromFlags, refuseSameTitle } from './nominate/flags.js';
export { NOMINATE_FLAGS } from './nominate/flags.js';

/** The round asked for, else the latest round not sealed yet, else the one today falls in (a school: its school year). */
async function chooseYear(ctx: CommandContext, root: string, given: number | undefined): Promise<number> {
  if (given !== undefined) return given;
  const open = unsealedYears(root);
  if (open.length) return Math.max(...open);
  const shared = await loadAndValidate(root, [], ctx);
  return roundContaining(ctx.today(), periodOf(shared.workspace.agency?.value));
}

export async function run(ctx: CommandContext, input: Input<'nominate'>, prompter?: Prompter): Promise<number> {
  const opts = input.options;
  const root = ctx.root();
  const year = await chooseYear(ctx, root, input.args.year);
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
      const agency = (round ? loaded.view(round) : loaded.index).agency ?? loaded.workspace.agency.value;
      draft = await askNomination(p, {
        year,
        index: loaded.index,
        criteria: loaded.workspace.criteria.value,
        today: defaultSubmitted(
          ctx.today(),
          year,
          roundDeadline(agency, year, REGISTRATION)?.before ?? null,
          periodOf(agency),
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
