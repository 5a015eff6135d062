/** thidua render KIND YEAR [--out DIR] [--force]: the round's Word documents from the templates. */
import type { Input } from './definitions.js';
import { join, resolve, relative } from 'node:path';
import { t } from '../core/diagnostics.js';
import { DOCUMENTS, documentDef } from '../core/documents/index.js';
import { EXIT, failedQuietly, findingsError, usageError } from '../errors.js';
import { COMMON_FIELDS } from '../core/documents/context.js';
import { EMBLEM_HEIGHT_MM, needsEmblem } from '../core/documents/certificates.js';
import type { DocumentDef } from '../core/documents/index.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import {
  blankStockFile,
  copiesKey,
  copiesOf,
  digestNow,
  fileBytes,
  MAX_COPIES,
  digestKey,
  loadTemplate,
  manifestText,
  missingPrerequisite,
  MANIFEST,
  placeRendered,
  readManifest,
  renderOne,
} from '../shell/documents.js';
import { sha256Hex } from '../core/seal.js';
import { formatDiagnostic, diagnosticJson } from '../shell/format-diagnostics.js';
import { assertInside, ensureDir, writeFileAtomic } from '../shell/safe-write.js';
import { findOffice } from '../shell/pdf.js';
import { withLock } from '../shell/lock.js';
import { renderReminders, renderReport, writePdfCopies } from './render/write.js';

const KINDS = [
  'decision',
  'certificates',
  'minutes',
  'meeting',
  'list',
  'proposal',
  'cover',
  'upward',
  'ballots',
  'all',
  'report',
  'reminders',
];

export async function run(ctx: CommandContext, input: Input<'render'>): Promise<number> {
  const opts = input.options;
  // LibreOffice is looked for first: without it nothing is rendered and the reason is given.
  const office = opts.pdf || opts.pdfa ? findOffice(ctx.env) : null;
  const force = opts.force;
  const kind = input.args.kind;
  if (!KINDS.includes(kind)) {
    throw usageError(
      t(
        `loại văn bản không có: “${kind}” (một trong: ${KINDS.join(', ')})`,
        `no such document kind: “${kind}” (one of: ${KINDS.join(', ')})`,
      ),
    );
  }
  if (kind === 'report') return renderReport(ctx, opts, office);
  if (kind === 'reminders') return renderReminders(ctx, opts, office);
  if (input.args.year === undefined)
    throw usageError(t(`thiếu năm: thidua render ${kind} YEAR`, `missing the year: thidua render ${kind} YEAR`));
  const year = input.args.year;
  if (opts.copies !== undefined) {
    if (kind !== 'ballots' && kind !== 'all')
      throw usageError(
        t('--copies chỉ dùng cho phiếu bầu (render ballots)', '--copies is for the ballot paper only (render ballots)'),
      );
    if (opts.copies < 1 || opts.copies > MAX_COPIES)
      throw usageError(t(`--copies cần từ 1 đến ${MAX_COPIES}`, `--copies must be 1 to ${MAX_COPIES}`));
  }
  if (opts.blankStock && kind !== 'certificates')
    throw usageError(
      t(
        '--blank-stock chỉ dùng cho giấy công nhận (render certificates)',
        '--blank-stock is for certificates only (render certificates)',
      ),
    );
  const json = opts.json;
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  refuseIfErrors(ctx, loaded, json, t(`không in văn bản đợt ${year}`, `no documents rendered for ${year}`));
  const outDir = opts.out !== undefined ? resolve(ctx.cwd, opts.out) : join(root, 'documents', String(year));
  // The ballot paper is for the meeting: `render all` prints it only until the vote is sealed.
  // A document the round has nothing for (no title proposed upward) is left out of `render all`.
  const applies = (d: DocumentDef) => !d.applies || !round.tally || d.applies(round, loaded.view(round));
  const defs =
    kind === 'all'
      ? DOCUMENTS.filter((d) => (d.needs !== 'nominations' || !round.tally) && applies(d))
      : [documentDef(kind)!];
  const nothing = defs[0]!.nothing;
  if (kind !== 'all' && !applies(defs[0]!) && nothing) {
    ctx.say(nothing(year));
    return EXIT.ok;
  }
  if (kind !== 'all' && !applies(defs[0]!)) {
    throw findingsError(
      t(
        `đợt ${year} không có danh hiệu nào do cấp trên quyết định được Hội đồng đề nghị (decided_by trong records/titles.yaml); không có gì để in`,
        `round ${year} has no title decided above the agency that the council proposed (decided_by in records/titles.yaml); nothing to render`,
      ),
    );
  }
  // Certificates on bought blanks are a print file beside the certificates, not a record of their own.
  const fileOf = (def: DocumentDef) => (opts.blankStock ? blankStockFile(year) : def.file(year));
  if (opts.out === undefined) for (const def of defs) assertInside(root, join(outDir, fileOf(def)));

  const report: Array<{
    kind: string;
    file: string;
    status: 'written' | 'unchanged' | 'skipped' | 'refused';
    reason?: string;
  }> = [];
  let failed = false;
  // What the round has nothing for, said in one line (certificates when no title has one).
  if (kind === 'all')
    for (const def of DOCUMENTS)
      if (def.nothing && !applies(def))
        report.push({ kind: def.kind, file: fileOf(def), status: 'skipped', reason: def.nothing(year)[ctx.lang] });
  /** The documents now on disk as rendered, for their PDF copies. */
  const current: string[] = [];
  const manifest = readManifest(outDir);
  const before = manifestText(manifest);
  await withLock(root, ctx.warn, async () => {
    for (const def of defs) {
      const missing = missingPrerequisite(def, round);
      if (missing) {
        if (kind !== 'all') throw findingsError(missing);
        report.push({ kind: def.kind, file: fileOf(def), status: 'skipped', reason: missing[ctx.lang] });
        continue;
      }
      const registered = round.decision?.value.issued?.some(
        (i) => i.kind === def.kind && i.file === `documents/${year}/${fileOf(def)}`,
      );
      if (registered && opts.out === undefined) {
        report.push({
          kind: def.kind,
          file: fileOf(def),
          status: 'skipped',
          reason: t('đã ban hành (thidua issue); không in lại', 'issued (thidua issue); not rendered again')[ctx.lang],
        });
        continue;
      }
      const tl = loadTemplate(root, def, COMMON_FIELDS, year);
      if (!tl.template) {
        if (json)
          ctx.out(
            JSON.stringify({ ok: false, diagnostics: tl.diagnostics.map((d) => diagnosticJson(d, ctx.lang)) }, null, 2),
          );
        else for (const d of tl.diagnostics) ctx.err(formatDiagnostic(d, ctx.lang, ctx.style) + '\n');
        ctx.warn(
          t(
            `thidua: mẫu ${tl.source} không hợp lệ; không in văn bản nào`,
            `thidua: the template ${tl.source} is not valid; nothing rendered`,
          ),
        );
        throw failedQuietly();
      }
      // The ballot paper keeps the copies it was last printed with unless --copies says otherwise.
      const copies = def.kind === 'ballots' ? (opts.copies ?? copiesOf(manifest, fileOf(def))) : 1;
      const recordCopies = () => {
        if (copies > 1) manifest[copiesKey(fileOf(def))] = String(copies);
        else delete manifest[copiesKey(fileOf(def))];
      };
      const target = join(outDir, fileOf(def));
      // Nothing it follows from has changed since thidua wrote it (its hash and inputs digest in the
      // manifest): the file is current as it is, and nothing is rendered.
      const onDisk = fileBytes(target);
      if (
        onDisk &&
        manifest[fileOf(def)] === sha256Hex(onDisk) &&
        manifest[digestKey(fileOf(def))] ===
          digestNow(loaded, round, def, tl.template, ctx.version, { copies, blankStock: opts.blankStock })
      ) {
        recordCopies();
        report.push({ kind: def.kind, file: relative(ctx.cwd, target) || target, status: 'unchanged' });
        current.push(target);
        continue;
      }
      const rendered = await renderOne(loaded, round, def, tl.template, ctx.version, {
        copies,
        blankStock: opts.blankStock,
      });
      const shown = relative(ctx.cwd, target) || target;
      const placed = placeRendered(target, rendered.bytes, manifest[fileOf(def)], force);
      if (placed === 'unchanged') {
        // Equal to a fresh render: what it was rendered from is recorded, for status and verify.
        manifest[fileOf(def)] = sha256Hex(rendered.bytes);
        manifest[digestKey(fileOf(def))] = rendered.digest;
        recordCopies();
        report.push({ kind: def.kind, file: shown, status: 'unchanged' });
        current.push(target);
        continue;
      }
      if (placed === 'refused') {
        report.push({
          kind: def.kind,
          file: shown,
          status: 'refused',
          reason: t(
            'tệp trên đĩa khác bản in mới (có thể đã sửa tay); dùng --force để ghi đè',
            'the file on disk differs from a fresh render (perhaps edited by hand); use --force to overwrite',
          )[ctx.lang],
        });
        failed = true;
        continue;
      }
      ensureDir(outDir);
      if (opts.out === undefined) assertInside(root, target);
      writeFileAtomic(target, rendered.bytes);
      manifest[fileOf(def)] = sha256Hex(rendered.bytes);
      manifest[digestKey(fileOf(def))] = rendered.digest;
      recordCopies();
      report.push({ kind: def.kind, file: shown, status: 'written' });
      current.push(target);
    }
    if (manifestText(manifest) !== before) writeFileAtomic(join(outDir, MANIFEST), manifestText(manifest));
  });
  // A bằng chứng nhận bears the Quốc huy; with no picture of it, its place was left empty: say so.
  const certificates = report.some(
    (r) => r.kind === 'certificates' && (r.status === 'written' || r.status === 'unchanged'),
  );
  const print = loaded.workspace.agency?.value.certificate;
  const emblemMm = print?.logo_height_mm ?? EMBLEM_HEIGHT_MM;
  if (certificates && !opts.blankStock && !print?.logo && needsEmblem(round, loaded.view(round)))
    ctx.warn(
      t(
        `thidua: bằng chứng nhận chưa có Quốc huy: records/agency.yaml không có certificate.logo; chỗ Quốc huy (cao ${emblemMm} mm, trên tên cơ quan) để trống`,
        `thidua: the bằng chứng nhận have no Quốc huy: records/agency.yaml has no certificate.logo; its place (${emblemMm} mm high, above the agency's name) is left empty`,
      ),
    );
  if (office) {
    for (const pdf of await writePdfCopies(ctx, root, office, current, opts.pdfa, opts.out === undefined)) {
      report.push({ kind: 'pdf', file: relative(ctx.cwd, pdf) || pdf, status: 'written' });
    }
  }
  if (json) {
    ctx.out(JSON.stringify({ year, ok: !failed, documents: report }, null, 2));
    return failed ? EXIT.findings : EXIT.ok;
  }
  const label = {
    written: t('đã ghi', 'written'),
    unchanged: t('không đổi', 'unchanged'),
    skipped: t('bỏ qua', 'skipped'),
    refused: t('không ghi đè', 'not overwritten'),
  };
  for (const r of report) {
    const mark =
      r.status === 'refused'
        ? ctx.style.red('✗')
        : r.status === 'skipped'
          ? ctx.style.yellow('-')
          : ctx.style.green('✓');
    ctx.out(`${mark} ${r.file}: ${label[r.status][ctx.lang]}${r.reason ? ` — ${r.reason}` : ''}`);
  }
  return failed ? EXIT.findings : EXIT.ok;
}
