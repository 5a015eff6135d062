/**
 * thidua inbox add ID URL [--name] | remove ID | fetch [ID...] | status | import YEAR: a province
 * receives its agencies' sealed upward proposals over git, verifies each agency as `verify` would,
 * and takes the proposals of the sound ones into its own round, each with where it came from.
 */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { ID_PATTERN } from '../core/ids.js';
import { importPlan, isHeld, mergeFetched } from '../core/inbox.js';
import { INBOX_FILE, roundFile } from '../core/records/paths.js';
import type { InboxEntry } from '../core/schemas/inbox.js';
import { closest } from '../core/text/closest.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { withLock } from '../shell/lock.js';
import { commitInbox, readInbox, writeInbox } from '../shell/inbox-record.js';
import { fetchAll, fetchTime } from '../shell/inbox-fetch.js';
import { printFetch, printStatus } from '../shell/inbox-report.js';
import { writeImport } from '../shell/inbox-import.js';
import { loadAndValidate } from '../shell/load.js';
import { listYears } from '../shell/read-snapshot.js';
import { inert } from '../shell/terminal.js';
import { parseYear } from '../core/args.js';

const ACTIONS = ['add', 'remove', 'fetch', 'status', 'import'] as const;

export async function run(ctx: CommandContext, input: Input<'inbox'>): Promise<number> {
  const { action, words } = input.args;
  switch (action) {
    case 'add':
      return add(ctx, words, input.options.name);
    case 'remove':
      return remove(ctx, words);
    case 'fetch':
      return fetch(ctx, words, input.options.force, input.options.json);
    case 'status':
      printStatus(ctx, readInbox(ctx.root()).entries, input.options.json);
      return EXIT.ok;
    case 'import': {
      if (words.length !== 1)
        throw usageError(t('cách dùng: thidua inbox import NĂM', 'usage: thidua inbox import YEAR'));
      return importYear(ctx, parseYear(words[0]!), input.options.json);
    }
    default: {
      const near = closest(action, [...ACTIONS]);
      throw usageError(
        t(
          `inbox không có việc “${inert(action)}”${near ? ` (có phải “${near}”?)` : ''}; các việc: ${ACTIONS.join(', ')}`,
          `inbox has no action “${inert(action)}”${near ? ` (did you mean “${near}”?)` : ''}; actions: ${ACTIONS.join(', ')}`,
        ),
      );
    }
  }
}

function known(entries: readonly InboxEntry[], id: string): InboxEntry {
  const e = entries.find((x) => x.id === id);
  if (e) return e;
  const near = closest(
    id,
    entries.map((x) => x.id),
  );
  throw usageError(
    t(
      `${INBOX_FILE} không có cơ quan “${inert(id)}”${near ? ` (có phải “${near}”?)` : ''}`,
      `${INBOX_FILE} has no agency “${inert(id)}”${near ? ` (did you mean “${near}”?)` : ''}`,
    ),
  );
}

function committed(ctx: CommandContext, commit: string | null): void {
  if (commit) ctx.say(t(`Đã commit ${commit.slice(0, 12)}.`, `Committed ${commit.slice(0, 12)}.`));
  else
    ctx.say(
      t(
        `Chưa commit ${INBOX_FILE} (không có git hoặc chưa đặt user.name).`,
        `${INBOX_FILE} not committed (no git, or no user.name set).`,
      ),
    );
}

async function add(ctx: CommandContext, words: string[], name: string | undefined): Promise<number> {
  const [id, url, ...extra] = words;
  if (!id || !url || extra.length > 0)
    throw usageError(
      t('cách dùng: thidua inbox add MÃ URL [--name "…"]', 'usage: thidua inbox add ID URL [--name "…"]'),
    );
  if (!ID_PATTERN.test(id))
    throw usageError(
      t(
        `mã “${inert(id)}” không hợp lệ: chữ thường không dấu, số và “-”`,
        `the id “${inert(id)}” is not valid: lower-case letters, digits and “-”`,
      ),
    );
  const root = ctx.root();
  const commit = await withLock(root, ctx.warn, () => {
    const file = readInbox(root);
    const same = file.entries.find((e) => e.id === id);
    if (same)
      throw findingsError(
        t(
          `${INBOX_FILE} đã có cơ quan “${id}” (${inert(same.url)}); không ghi gì`,
          `${INBOX_FILE} already has the agency “${id}” (${inert(same.url)}); nothing written`,
        ),
      );
    writeInbox(root, file, [...file.entries, { id, url, ...(name ? { name } : {}) }]);
    return commitInbox(root, `Hộp thư: đăng ký ${id}`);
  });
  ctx.say(t(`Đã đăng ký cơ quan ${id}: ${inert(url)}`, `Registered the agency ${id}: ${inert(url)}`));
  committed(ctx, commit);
  return EXIT.ok;
}

async function remove(ctx: CommandContext, words: string[]): Promise<number> {
  if (words.length !== 1) throw usageError(t('cách dùng: thidua inbox remove MÃ', 'usage: thidua inbox remove ID'));
  const id = words[0]!;
  const root = ctx.root();
  const commit = await withLock(root, ctx.warn, () => {
    const file = readInbox(root);
    known(file.entries, id);
    writeInbox(
      root,
      file,
      file.entries.filter((e) => e.id !== id),
    );
    return commitInbox(root, `Hộp thư: bỏ ${id}`);
  });
  ctx.say(t(`Đã bỏ cơ quan ${id}.`, `Removed the agency ${id}.`));
  committed(ctx, commit);
  return EXIT.ok;
}

async function fetch(ctx: CommandContext, ids: string[], force: boolean, json: boolean): Promise<number> {
  const root = ctx.root();
  const before = readInbox(root).entries;
  const chosen = ids.length ? ids.map((id) => known(before, id)) : before;
  if (chosen.length === 0)
    throw usageError(
      t(`${INBOX_FILE} chưa có cơ quan nào (thidua inbox add)`, `${INBOX_FILE} has no agency yet (thidua inbox add)`),
    );
  let done = 0;
  const outcomes = await fetchAll(root, chosen, {
    lang: ctx.lang,
    env: ctx.env,
    force,
    onDone: (o) => {
      done++;
      // Progress on a terminal only: a script reads the summary.
      if (ctx.stdoutIsTTY && !json) ctx.err(`[${done}/${chosen.length}] ${o.id}`);
    },
  });
  const at = fetchTime(ctx.env);
  await withLock(root, ctx.warn, () => {
    const file = readInbox(root);
    writeInbox(root, file, mergeFetched(file.entries, before, outcomes, at));
  });
  printFetch(ctx, outcomes, chosen.length, json);
  return outcomes.some(isHeld) ? EXIT.findings : EXIT.ok;
}

async function importYear(ctx: CommandContext, year: number, json: boolean): Promise<number> {
  const root = ctx.root();
  const result = await withLock(root, ctx.warn, async () => {
    // A province's round folder is made by the import when missing: until then only the shared files are read.
    const loaded = await loadAndValidate(root, listYears(root).includes(year) ? [year] : []);
    const round = loaded.workspace.rounds.find((r) => r.year === year);
    if (round?.tallyPresent)
      throw findingsError(
        t(
          `đợt ${year} đã niêm phong (${roundFile(year, 'tally.yaml')}); không nhập thêm đề nghị`,
          `round ${year} is sealed (${roundFile(year, 'tally.yaml')}); no proposal added`,
        ),
      );
    const plan = importPlan(
      loaded.workspace.inbox.map((e) => e.value),
      year,
      {
        nominations: new Map((round?.nominations ?? []).map((n) => [n.value.id, n.value.source])),
        departments: new Set(loaded.workspace.departments.map((d) => d.value.id)),
        people: new Set(loaded.workspace.people.map((p) => p.value.id)),
      },
    );
    return { plan, written: writeImport(root, year, plan, ctx.today()) };
  });
  const { plan, written } = result;
  if (json) {
    ctx.out(
      JSON.stringify(
        {
          year,
          imported: written,
          present: plan.present,
          departments: plan.departments.map((d) => d.id),
          people: plan.people.map((p) => p.id),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  for (const n of plan.nominations)
    ctx.out(
      `  + ${n.id}  ${n.agency.id} @ ${n.agency.fetched!.commit.slice(0, 12)}  ${t('niêm phong', 'seal')[ctx.lang]} ${n.proposal.seal.slice(0, 12)}  ${inert(n.proposal.name)}`,
    );
  ctx.say(
    t(
      `Đợt ${year}: nhập ${written.length} đề nghị, ${plan.present} đã có từ trước; thêm ${plan.departments.length} cơ quan vào danh sách đơn vị, ${plan.people.length} người.`,
      `Round ${year}: imported ${written.length} proposal(s), ${plan.present} already there; added ${plan.departments.length} agencies as units, ${plan.people.length} people.`,
    ),
  );
  return EXIT.ok;
}
