/**
 * thidua issue YEAR FILE [--kind KIND]: register the final file of a decided round's document
 * (finished by hand in Word before signing, or the signed PDF). verify then checks that file's
 * hash instead of comparing it with a fresh render, and render no longer rewrites it.
 */
import type { Input } from './definitions.js';
import { readUserBytes } from '../shell/read-snapshot.js';
import { extname, join, relative, resolve, isAbsolute, basename } from 'node:path';
import { t } from '../core/diagnostics.js';
import { sha256Hex } from '../core/seal.js';
import { renderDecisionFile } from '../core/decision-file.js';
import { DOCUMENT_FILES } from '../core/documents/files.js';
import { DOCUMENT_KINDS } from '../core/schemas/sealed.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import { withLock } from '../shell/lock.js';
import {
  assertInside,
  createFileExclusive,
  ensureDirInside,
  FileExistsError,
  replaceFileChecked,
} from '../shell/safe-write.js';

type Kind = (typeof DOCUMENT_KINDS)[number];

/** The document kind a file is, by its name (quyet-dinh-2025.pdf → decision), else the decision. */
function kindOf(file: string, year: number): Kind {
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return DOCUMENT_FILES.find((d) => d.file(year).replace(/\.docx$/, '') === stem)?.kind ?? 'decision';
}

export async function run(ctx: CommandContext, input: Input<'issue'>): Promise<number> {
  const year = input.args.year;
  const given = input.args.file;
  const root = ctx.root();
  const kindOpt = input.options.kind;
  if (kindOpt !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(String(kindOpt))) {
    throw usageError(
      t(
        `--kind phải là một trong: ${DOCUMENT_KINDS.join(', ')}`,
        `--kind must be one of: ${DOCUMENT_KINDS.join(', ')}`,
      ),
    );
  }
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  refuseIfErrors(
    ctx,
    loaded,
    input.options.json,
    t(`không đăng ký văn bản đợt ${year}`, `nothing registered for ${year}`),
  );
  const decision = round.decision;
  if (!decision) {
    throw findingsError(
      t(
        `đợt ${year} chưa ghi quyết định (thidua decide ${year} …); chỉ văn bản của đợt đã quyết định mới được ban hành`,
        `round ${year} has no decision recorded (thidua decide ${year} …); only a decided round's documents are issued`,
      ),
    );
  }
  // A path from the current folder; else, as the hints print it, from the workspace. Run from
  // outside the workspace (--root), a relative path that names a file of the workspace means that one.
  const fromCwd = resolve(ctx.cwd, given);
  const cwdRel = relative(root, ctx.cwd);
  const cwdInside = !cwdRel.startsWith('..') && !isAbsolute(cwdRel);
  const fromRoot = resolve(root, given);
  const abs = isAbsolute(given)
    ? fromCwd
    : !cwdInside && readUserBytes(fromRoot) !== null
      ? fromRoot
      : readUserBytes(fromCwd) !== null
        ? fromCwd
        : fromRoot;
  const bytes = readUserBytes(abs);
  if (bytes === null) throw usageError(t(`không đọc được tệp ${given}`, `cannot read the file ${given}`));
  const kind = (kindOpt as Kind | undefined) ?? kindOf(abs, year);
  const ext = extname(abs).toLowerCase() || '.docx';
  const def = DOCUMENT_FILES.find((d) => d.kind === kind)!;
  // A file inside documents/YEAR/ is registered where it is; any other is copied there.
  const insideRel = relative(root, abs).split('\\').join('/');
  const inPlace = !insideRel.startsWith('..') && !isAbsolute(insideRel) && insideRel.startsWith(`documents/${year}/`);
  const rel = inPlace ? insideRel : `documents/${year}/ban-hanh/${def.file(year).replace(/\.docx$/, ext)}`;
  const target = join(root, rel);
  const record = { kind, file: rel, sha256: sha256Hex(bytes), date: ctx.today() };
  const issued = [...(decision.value.issued ?? []).filter((i) => i.kind !== kind), record];
  const text = renderDecisionFile({ ...decision.value, issued });
  const before = loaded.snapshot.files.get(round.decisionFile);
  assertInside(root, target);
  await withLock(root, ctx.warn, () => {
    if (!inPlace) {
      ensureDirInside(root, join(root, 'documents', String(year), 'ban-hanh'));
      try {
        createFileExclusive(target, bytes);
      } catch (err) {
        if (err instanceof FileExistsError) {
          const same = sha256Hex(readUserBytes(target) ?? new Uint8Array()) === record.sha256;
          if (!same)
            throw findingsError(
              t(
                `${rel} đã có và khác tệp này; không ghi gì`,
                `${rel} exists and differs from this file; nothing written`,
              ),
            );
        } else throw err;
      }
    }
    replaceFileChecked(
      join(root, round.decisionFile),
      text,
      before?.kind === 'file' ? before.bytes : null,
      round.decisionFile,
    );
  });
  if (input.options.json) {
    ctx.out(JSON.stringify({ year, ...record }, null, 2));
    return EXIT.ok;
  }
  ctx.say(
    t(
      `Đã đăng ký bản ban hành ${rel} (${kind}, SHA-256 ${record.sha256.slice(0, 12)}…) vào ${round.decisionFile}; thidua verify từ nay đối chiếu tệp này.`,
      `Registered the issued file ${rel} (${kind}, SHA-256 ${record.sha256.slice(0, 12)}…) in ${round.decisionFile}; thidua verify now checks this file.`,
    ),
  );
  return EXIT.ok;
}
