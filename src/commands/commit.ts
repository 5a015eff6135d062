/** thidua commit [-m MSG]: validate, then stage records/, templates/, documents/ and commit. */
import type { Input } from './definitions.js';
import { t } from '../core/diagnostics.js';
import { commitMessage } from '../core/commit-message.js';
import { EXIT, environmentError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { refuseIfErrors } from '../shell/round.js';
import { gitKnowsWhoCommits } from '../shell/git.js';
import { commitFiles } from '../shell/git-commit.js';
import { isGitRepo } from '../shell/git-history.js';
import { withLock } from '../shell/lock.js';
import { committedFolders, stageFolders } from '../shell/git-stage.js';

const STAGED_FOLDERS = ['records', 'templates', 'documents'];

export async function run(ctx: CommandContext, input: Input<'commit'>): Promise<number> {
  const root = ctx.root();
  if (!isGitRepo(root)) {
    throw environmentError(
      t(
        `${root} không nằm trong kho git; chạy “git init” (hoặc tạo bằng “thidua init”)`,
        `${root} is not inside a git repository; run “git init” (or create it with “thidua init”)`,
      ),
    );
  }
  if (!gitKnowsWhoCommits(root)) {
    throw environmentError(
      t(
        'git chưa biết người commit: chạy git config user.name "Họ Tên" và git config user.email "email@co-quan"',
        'git does not know who commits: run git config user.name "Your Name" and git config user.email "you@example.org"',
      ),
    );
  }
  const loaded = await loadAndValidate(root, null, ctx);
  refuseIfErrors(ctx, loaded, input.options.json, t('không commit', 'nothing committed'));
  return withLock(root, ctx.warn, () => {
    const folders = committedFolders(root, STAGED_FOLDERS);
    const staged = stageFolders(root, folders);
    if (staged.length === 0) {
      if (input.options.json) ctx.out(JSON.stringify({ committed: false, files: [] }, null, 2));
      else ctx.say(t('Không có thay đổi nào để commit.', 'Nothing to commit.'));
      return EXIT.ok;
    }
    const unsealed = new Map(
      loaded.workspace.rounds.filter((r) => r.unseals.length > 0).map((r) => [r.year, r.unseals.at(-1)!.value.reason]),
    );
    const generated = commitMessage(
      staged,
      ctx.lang,
      {
        'Thidua-Validated': `${loaded.errors} errors, ${loaded.warnings} warnings`,
        'Thidua-Version': ctx.version,
      },
      unsealed,
    );
    const given = input.options.message?.trim();
    const subject = given ? given : generated.subject;
    const outcome = commitFiles(root, subject, generated.body, folders);
    if (outcome.commit === null) throw environmentError(outcome.problem!);
    if (outcome.problem) ctx.warn(outcome.problem);
    const head = outcome.commit;
    if (input.options.json) {
      ctx.out(
        JSON.stringify({ committed: true, commit: head, subject, rounds: generated.rounds, files: staged }, null, 2),
      );
    } else {
      ctx.say(
        t(
          `Đã commit ${head.slice(0, 12)}: ${subject} (${staged.length} tệp)`,
          `Committed ${head.slice(0, 12)}: ${subject} (${staged.length} file(s))`,
        ),
      );
    }
    return EXIT.ok;
  });
}
