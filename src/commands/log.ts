/** thidua log ID-or-PATH: the git history of one record, with the fields each commit changed. */
import type { Input } from './definitions.js';
import { loadAndValidate } from '../shell/load.js';
import { t } from '../core/diagnostics.js';
import { describeChange, diffValues, type FieldChange } from '../core/record-diff.js';
import { ballotPath, nominationInAnyRound } from '../core/records/paths.js';
import { ID_PATTERN } from '../core/ids.js';
import { EXIT, environmentError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { commitsTouching, fileAt, isGitRepo, parseLenient } from '../shell/git-history.js';
import { inert } from '../shell/terminal.js';
import { lookupSubject } from '../core/subject-lookup.js';
import { resolveSubject, subjectsOf } from '../shell/subject-arg.js';

interface Target {
  label: string;
  pathspecs: string[];
  /** For a person or department: only that item of the shared list. */
  item?: { key: 'id'; id: string };
}

async function resolveTarget(ctx: CommandContext, root: string, raw: string): Promise<Target> {
  const ballot = /^(\d{4})\/ballots?\/(\d{1,5})$/.exec(raw);
  if (ballot) return { label: raw, pathspecs: [ballotPath(Number(ballot[1]), Number(ballot[2]))] };
  if (raw.includes('/') || raw.endsWith('.yaml')) {
    const path = raw.replace(/^\.\//, '');
    if (path.split('/').includes('..'))
      throw usageError(t('đường dẫn không được chứa “..”', 'the path may not contain “..”'));
    return { label: path, pathspecs: [path] };
  }
  const loaded = await loadAndValidate(root, [], ctx);
  const ws = loaded.workspace;
  const person = (id: string): Target => ({ label: id, pathspecs: ['records/people.yaml'], item: { key: 'id', id } });
  const department = (id: string): Target => ({
    label: id,
    pathspecs: ['records/departments.yaml'],
    item: { key: 'id', id },
  });
  if (ws.people.some((p) => p.value.id === raw) || ws.brokenIds.people.has(raw)) return person(raw);
  if (ws.departments.some((d) => d.value.id === raw) || ws.brokenIds.departments.has(raw)) return department(raw);
  // A nomination id, unless it is rather a name ("long", "Phan Văn Long").
  const named = lookupSubject(raw, subjectsOf(loaded.index));
  if (ID_PATTERN.test(raw) && !('found' in named)) return { label: raw, pathspecs: [nominationInAnyRound(raw)] };
  const s = resolveSubject(loaded.index, raw);
  return s.kind === 'person' ? person(s.id) : department(s.id);
}

export async function run(ctx: CommandContext, input: Input<'log'>): Promise<number> {
  const root = ctx.root();
  if (!isGitRepo(root))
    throw environmentError(t(`${root} không nằm trong kho git`, `${root} is not inside a git repository`));
  const target = await resolveTarget(ctx, root, input.args.record);
  const commits = commitsTouching(root, target.pathspecs);
  const entries: Array<{
    commit: string;
    date: string;
    author: string;
    subject: string;
    path: string;
    status: string;
    changes: FieldChange[];
  }> = [];
  for (const c of commits) {
    for (const f of c.files) {
      // For one item of a shared list, a file that did not exist is an empty list.
      const norm = (v: unknown) => (target.item && v === undefined ? [] : v);
      const before = norm(parseLenient(fileAt(root, `${c.commit}^`, f.path)));
      const after = norm(parseLenient(fileAt(root, c.commit, f.path)));
      let changes = diffValues(before, after);
      if (target.item) {
        const prefix = `[${target.item.id}]`;
        changes = changes
          .filter((ch) => ch.path.startsWith(prefix))
          .map((ch) => ({ ...ch, path: ch.path.slice(prefix.length).replace(/^\./, '') || '.' }));
        if (changes.length === 0) continue;
      }
      entries.push({
        commit: c.commit,
        date: c.date,
        author: c.author,
        subject: c.subject,
        path: f.path,
        status: f.status,
        changes,
      });
    }
  }
  if (input.options.json) {
    ctx.out(JSON.stringify({ target: target.label, commits: entries }, null, 2));
    return EXIT.ok;
  }
  if (entries.length === 0) {
    ctx.say(t(`Không có commit nào chạm tới ${target.label}.`, `No commit touches ${target.label}.`));
    return EXIT.ok;
  }
  for (const e of entries) {
    ctx.out(
      `${ctx.style.yellow(e.commit.slice(0, 12))}  ${e.date.slice(0, 10)}  ${inert(e.author)}  ${inert(e.subject)}`,
    );
    ctx.out(
      `    ${ctx.style.dim(e.path)}${e.status.startsWith('A') ? (ctx.lang === 'vi' ? ' (tạo mới)' : ' (created)') : e.status.startsWith('D') ? (ctx.lang === 'vi' ? ' (xoá)' : ' (deleted)') : ''}`,
    );
    if (!e.status.startsWith('A') && !e.status.startsWith('D')) {
      for (const ch of e.changes.slice(0, 20)) ctx.out(`      ${inert(describeChange(ch)[ctx.lang])}`);
      if (e.changes.length > 20) ctx.out(`      … ${e.changes.length - 20}`);
    }
  }
  return EXIT.ok;
}
