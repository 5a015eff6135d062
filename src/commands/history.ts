/**
 * thidua history pull URL [--source ID]: in an agency, read the province's repository, verify it
 * as `verify` would at its head, and record in records/history.yaml what the province decided on
 * the agency's proposals (decision number and date, the province's commit), so that next year's
 * chains see them without typing.
 */
import { createHash } from 'node:crypto';
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { agencyIdIn, historyAdditions, provinceResults } from '../core/history-pull.js';
import { HISTORY_FILE } from '../core/records/paths.js';
import type { Workspace } from '../core/records/workspace.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { fetchVerified } from '../shell/inbox-fetch.js';
import { appendItems } from '../shell/inbox-import.js';
import { loadAndValidate } from '../shell/load.js';
import { withLock } from '../shell/lock.js';
import { inert } from '../shell/terminal.js';

export async function run(ctx: CommandContext, input: Input<'history'>): Promise<number> {
  const { action, url } = input.args;
  if (action !== 'pull')
    throw usageError(
      t(
        `history không có việc “${inert(action)}”; dùng: thidua history pull URL`,
        `history has no action “${inert(action)}”; use: thidua history pull URL`,
      ),
    );
  const root = ctx.root();
  const key = `tinh-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
  const fetched = await fetchVerified(
    root,
    key,
    url,
    undefined,
    { lang: ctx.lang, env: ctx.env, force: true },
    async (work) => (await loadAndValidate(work, null)).workspace,
  );
  if (fetched.kind !== 'fetched' || fetched.held !== null || !fetched.value) {
    const why = fetched.kind === 'unchanged' ? '' : (fetched.held ?? '');
    throw findingsError(
      t(
        `không ghi gì: kho của tỉnh ${inert(url)} không đạt kiểm tra (${inert(why)})`,
        `nothing recorded: the province’s repository ${inert(url)} failed verification (${inert(why)})`,
      ),
    );
  }
  const province: Workspace = fetched.value;
  const { commit } = fetched;
  const pull = await withLock(root, ctx.warn, async () => {
    const own = (await loadAndValidate(root, null)).workspace;
    const id = agencyIdIn(province, input.options.source, own.agency?.value.name);
    if (!id)
      throw usageError(
        t(
          `không tìm thấy cơ quan này trong records/inbox.yaml của tỉnh theo tên; cho mã bằng --source MÃ (các mã: ${province.inbox.map((e) => e.value.id).join(', ')})`,
          `this agency is not found by name in the province’s records/inbox.yaml; give its id with --source ID (ids: ${province.inbox.map((e) => e.value.id).join(', ')})`,
        ),
      );
    const p = historyAdditions(provinceResults(province, id), own, commit);
    appendItems(root, HISTORY_FILE, p.added);
    return p;
  });
  if (input.options.json) {
    ctx.out(JSON.stringify({ commit, added: pull.added, present: pull.present, unknown: pull.unknown }, null, 2));
    return EXIT.ok;
  }
  for (const h of pull.added)
    ctx.out(`  + ${h.year}  ${h.title}  ${h.person ?? h.department ?? ''}  ${h.decision ?? ''}`);
  for (const u of pull.unknown)
    ctx.warn(
      t(
        `  ? ${u.sourceYear}/${u.sourceNomination}: không còn trong hồ sơ của cơ quan, không ghi`,
        `  ? ${u.sourceYear}/${u.sourceNomination}: no longer in the agency’s records, not recorded`,
      ),
    );
  ctx.say(
    t(
      `Tỉnh @ ${commit.slice(0, 12)}: ghi ${pull.added.length} kết quả vào ${HISTORY_FILE}, ${pull.present} đã có.`,
      `Province @ ${commit.slice(0, 12)}: recorded ${pull.added.length} result(s) in ${HISTORY_FILE}, ${pull.present} already there.`,
    ),
  );
  return EXIT.ok;
}
