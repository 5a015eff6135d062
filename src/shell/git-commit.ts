/**
 * One `git commit`, reported as what git actually did: a git killed after writing the commit
 * still made it, and one killed before made none and may leave its index lock behind.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { t, type Localized } from '../core/diagnostics.js';
import { git } from './git.js';

export interface CommitOutcome {
  /** The new commit, or null when none was made. */
  commit: string | null;
  /** Why no commit was made, or what went wrong although it was. */
  problem: Localized | null;
}

function head(root: string): string {
  return git(root, ['rev-parse', '--verify', '-q', 'HEAD']).stdout.trim();
}

export function commitFiles(root: string, subject: string, body: string, paths: readonly string[]): CommitOutcome {
  const before = head(root);
  const res = git(root, ['commit', '--quiet', '-m', subject, '-m', body, '--', ...paths]);
  const after = head(root);
  // A new HEAD whose parent is the old one and whose subject is ours: git made the commit.
  const parent = after ? git(root, ['rev-parse', '--verify', '-q', `${after}^`]).stdout.trim() : '';
  const made =
    after !== '' &&
    after !== before &&
    parent === before &&
    git(root, ['log', '-1', '--format=%s', after]).stdout.trim() === subject.split('\n')[0]!.trim();
  const how = res.signal
    ? t(`bị dừng (${res.signal})`, `was stopped (${res.signal})`)
    : t(`kết thúc với mã ${res.status}`, `ended with code ${res.status}`);
  const said = res.stderr.trim().split('\n')[0] ?? '';
  if (res.status === 0 && made) return { commit: after, problem: null };
  if (made) {
    return {
      commit: after,
      problem: t(
        `git ${how.vi} sau khi đã tạo commit ${after.slice(0, 12)}${said ? `: ${said}` : ''}`,
        `git ${how.en} after it made the commit ${after.slice(0, 12)}${said ? `: ${said}` : ''}`,
      ),
    };
  }
  const lockRel = git(root, ['rev-parse', '--git-path', 'index.lock']).stdout.trim();
  const lock = lockRel ? (isAbsolute(lockRel) ? lockRel : join(root, lockRel)) : '';
  const left =
    lock !== '' && existsSync(lock)
      ? t(
          `; git để lại ${lockRel}: nếu không còn lệnh git nào đang chạy, xoá tệp đó rồi chạy lại`,
          `; git left ${lockRel} behind: if no git command is running, delete it and run again`,
        )
      : t('', '');
  return {
    commit: null,
    problem: t(
      `git commit ${how.vi}, chưa tạo commit nào${said ? ` (${said})` : ''}${left.vi}`,
      `git commit ${how.en} and made no commit${said ? ` (${said})` : ''}${left.en}`,
    ),
  };
}
