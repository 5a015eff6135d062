/**
 * records/inbox.yaml, read and written under the workspace lock: the province's agencies and what
 * the last fetch found. The file is thidua's own (written whole); a hand edit that breaks it is
 * refused with a pointer to `thidua validate`, and nothing is written.
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { t } from '../core/diagnostics.js';
import { INBOX_FILE } from '../core/records/paths.js';
import { InboxEntrySchema, type InboxEntry } from '../core/schemas/inbox.js';
import { yamlText } from '../core/yaml/emit.js';
import { findingsError } from '../errors.js';
import { currentBytes, ensureDirInside, replaceFileChecked } from './safe-write.js';
import { git } from './git.js';
import { commitFiles } from './git-commit.js';
import { gitKnowsWhoCommits } from './git.js';
import { isGitRepo } from './git-history.js';

const HEADER = [
  '# yaml-language-server: $schema=../schemas/inbox.schema.json',
  '# Các cơ quan gửi đề nghị lên (thidua inbox add/remove); “fetched” do thidua inbox fetch ghi.',
  '',
].join('\n');

export interface InboxFile {
  entries: InboxEntry[];
  /** The bytes read (null: no file yet), for the checked replace. */
  bytes: Buffer | null;
}

/** The inbox as it is now; call under the lock before writing it. */
export function readInbox(root: string): InboxFile {
  const bytes = currentBytes(join(root, INBOX_FILE));
  if (bytes === null) return { entries: [], bytes };
  let value: unknown;
  try {
    value = parse(bytes.toString('utf8')) ?? [];
  } catch {
    value = undefined;
  }
  const res = z.array(InboxEntrySchema).safeParse(value);
  if (!res.success)
    throw findingsError(
      t(
        `${INBOX_FILE} có lỗi; xem “thidua validate”, không ghi gì`,
        `${INBOX_FILE} has errors; see “thidua validate”, nothing written`,
      ),
    );
  return { entries: res.data, bytes };
}

export function writeInbox(root: string, file: InboxFile, entries: readonly InboxEntry[]): void {
  ensureDirInside(root, join(root, 'records'));
  const text = entries.length === 0 ? '[]\n' : yamlText(entries);
  replaceFileChecked(join(root, INBOX_FILE), HEADER + text, file.bytes, INBOX_FILE);
}

/** Commit records/inbox.yaml alone when the workspace is in git and git knows who commits; the commit made, or null. */
export function commitInbox(root: string, subject: string): string | null {
  if (!isGitRepo(root) || !gitKnowsWhoCommits(root)) return null;
  git(root, ['add', '--', INBOX_FILE]);
  return commitFiles(root, subject, '', [INBOX_FILE]).commit;
}
