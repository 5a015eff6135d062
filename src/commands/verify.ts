/**
 * thidua verify [YEAR...]: every round's records, seal, recount, documents and git history. It
 * lists every finding, and claims only the checks that ran.
 */
import type { Input } from './definitions.js';
import { t, type Diagnostic, type Localized } from '../core/diagnostics.js';
import { resealNotes, verifyDecision, verifySeal, type VerifyFinding } from '../core/verify.js';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate, type Loaded } from '../shell/load.js';
import { inert } from '../shell/terminal.js';
import { checkDocuments } from '../shell/documents.js';
import { HistoryReader } from '../shell/history-reader.js';
import { historyFingerprint, historyState, historyUnreadable, verifyAlterations } from '../shell/history-state.js';
import { GitMissingError } from '../shell/git.js';
import { cacheEnabled, historyKey, readCachedHistory, writeCachedHistory } from '../shell/validate-cache.js';
import { auditRound, preloadAudit, removalsOf } from '../shell/git-audit.js';
import { auditUnseals, replacedSettings } from '../shell/unseal-audit.js';
import type { Round } from '../core/records/workspace.js';
import { RECORDS_DIR, yearOfPath } from '../core/records/paths.js';

type Check = 'seal' | 'results' | 'documents' | 'git';

interface RoundReport {
  year: number;
  sealed: boolean;
  findings: VerifyFinding[];
  /** Checks that ran and found nothing. */
  passed: Check[];
  /** Checks that could not run, with why. */
  skipped: Array<{ check: Check; why: Localized }>;
  /** Notices that are not failures: recorded unseals, registered issued files. */
  notes: Localized[];
}

/** A validation error as a verify finding: file:line:column, code and message. */
function diagnosticFinding(year: number, d: Diagnostic): VerifyFinding {
  return {
    year,
    check: 'records',
    file: `${d.file}:${d.line}:${d.column}`,
    message: { vi: `error[${d.code}]  ${d.message.vi}`, en: `error[${d.code}]  ${d.message.en}` },
  };
}

export async function run(ctx: CommandContext, input: Input<'verify'>): Promise<number> {
  const years = input.args.years.length ? input.args.years : null;
  const root = ctx.root();
  const loaded = await loadAndValidate(root, years, ctx, true);
  const bytesOf = (p: string) => {
    const e = loaded.snapshot.files.get(p);
    return e && e.kind === 'file' ? e.bytes : null;
  };
  const rounds = loaded.workspace.rounds.filter((r) => !years || years.includes(r.year));
  const history = input.options.noHistory ? null : historyWithGit(root);
  const inGit = history?.kind === 'ok';
  const git = new HistoryReader(root, RECORDS_DIR);
  // What git said of the history up to HEAD is kept: the same HEAD is the same history.
  const head = inGit && cacheEnabled(ctx.env) ? git.head() : null;
  const historyCacheKey = head ? historyKey(`${head}\n${historyFingerprint(root)}`, RECORDS_DIR, ctx.version) : null;
  const memo = historyCacheKey ? readCachedHistory(root, historyCacheKey, ctx.env) : null;
  if (memo) git.adopt(memo);
  if (inGit) await preloadAudit(git, rounds);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const roundOfFile = (file: string) => yearOfPath(file)?.toString();
  const sharedErrors = errors.filter((d) => roundOfFile(d.file) === undefined);

  const reports: RoundReport[] = [];
  for (const round of rounds) {
    const own = errors.filter((d) => roundOfFile(d.file) === String(round.year));
    const report: RoundReport = {
      year: round.year,
      sealed: round.tallyPresent,
      findings: [],
      passed: [],
      skipped: [],
      notes: [],
    };
    for (const d of own) report.findings.push(diagnosticFinding(round.year, d));
    const { notes, findings } = auditUnseals(inGit ? git : null, round);
    const changed = round.tally ? resealNotes(replacedSettings(inGit ? git : null, round), round.tally.value) : [];
    report.notes.push(...notes, ...changed);
    report.findings.push(...findings);
    if (inGit) {
      const removed = removalsOf(git, round);
      report.findings.push(...removed);
    }
    if (round.tallyPresent)
      await checkSealedRound(
        ctx,
        loaded,
        round,
        report,
        bytesOf,
        inGit ? git : null,
        own.length === 0,
        sharedErrors.length === 0,
        input.options.full,
      );
    reports.push(report);
  }
  if (historyCacheKey && git.learnt()) writeCachedHistory(root, historyCacheKey, git.memo(), ctx.env);
  const sharedFindings: VerifyFinding[] = sharedErrors.map((d) => diagnosticFinding(0, d));
  // A history that cannot be read fails the check: nothing after a seal could be seen.
  if (history && history.kind !== 'ok')
    sharedFindings.push({ year: 0, check: 'git', file: '.git', message: historyUnreadable(history) });
  if (inGit) sharedFindings.push(...verifyAlterations(root));
  const all = [...sharedFindings, ...reports.flatMap((r) => r.findings)];
  const ok = all.length === 0;

  if (input.options.json) {
    const findingJson = (f: VerifyFinding) => ({
      check: f.check,
      file: f.file,
      commit: f.commit ?? null,
      message: f.message[ctx.lang],
    });
    ctx.out(
      JSON.stringify(
        {
          ok,
          git: inGit,
          history: history ? history.kind : 'not-checked',
          shared: sharedFindings.map(findingJson),
          rounds: reports.map((r) => ({
            year: r.year,
            sealed: r.sealed,
            ok: r.findings.length === 0,
            passed: r.passed,
            skipped: r.skipped.map((s) => ({ check: s.check, why: s.why[ctx.lang] })),
            notes: r.notes.map((n) => n[ctx.lang]),
            findings: r.findings.map(findingJson),
          })),
        },
        null,
        2,
      ),
    );
    return ok ? EXIT.ok : EXIT.findings;
  }

  const line = (f: VerifyFinding) =>
    ctx.out(`  ${inert(f.file)}${f.commit ? ` @ ${f.commit.slice(0, 12)}` : ''}  ${inert(f.message[ctx.lang])}`);
  const historyFindings = sharedFindings.filter((f) => f.check === 'git');
  const recordFindings = sharedFindings.filter((f) => f.check !== 'git');
  if (historyFindings.length > 0) {
    ctx.out(ctx.style.red(ctx.lang === 'vi' ? '✗ Lịch sử git:' : '✗ Git history:'));
    historyFindings.forEach(line);
  }
  if (recordFindings.length > 0) {
    ctx.out(ctx.style.red(ctx.lang === 'vi' ? '✗ Hồ sơ chung:' : '✗ Shared records:'));
    recordFindings.forEach(line);
  }
  const checkName: Record<Check, Localized> = {
    seal: t('niêm phong khớp', 'the seal matches'),
    results: t('kết quả khớp với kiểm phiếu lại', 'the results equal a fresh count'),
    documents: t('văn bản đã in khớp với bản in lại', 'the rendered documents equal a fresh render'),
    git: t('lịch sử git không có thay đổi sau niêm phong', 'no change after the seal in the git history'),
  };
  for (const r of reports) {
    const notes = r.notes.map((n) => `  · ${inert(n[ctx.lang])}`);
    if (!r.sealed && r.findings.length === 0) {
      ctx.say(
        t(
          `Đợt ${r.year}: chưa niêm phong — không có gì để đối chiếu.`,
          `Round ${r.year}: not sealed — nothing to check.`,
        ),
      );
      for (const n of notes) ctx.out(n.replace(/^ {2}/, '    '));
      continue;
    }
    if (r.findings.length === 0) {
      const passed = r.passed.map((c) => checkName[c][ctx.lang]).join(ctx.lang === 'vi' ? ', ' : ', ');
      ctx.out(ctx.style.green(ctx.lang === 'vi' ? `✓ Đợt ${r.year}: ${passed}.` : `✓ Round ${r.year}: ${passed}.`));
    } else {
      ctx.out(
        ctx.style.red(
          ctx.lang === 'vi'
            ? `✗ Đợt ${r.year}${r.sealed ? '' : ' (chưa niêm phong)'}:`
            : `✗ Round ${r.year}${r.sealed ? '' : ' (not sealed)'}:`,
        ),
      );
      r.findings.forEach(line);
    }
    for (const s of r.skipped)
      ctx.out(
        `    ${ctx.lang === 'vi' ? 'không kiểm tra' : 'not checked'}: ${checkName[s.check][ctx.lang].replace(/ khớp.*| match.*| equal.*| no change.*/, '')} — ${s.why[ctx.lang]}`,
      );
    for (const n of notes) ctx.out(n.replace(/^ {2}/, '    '));
  }
  if (!history)
    ctx.say(
      t('(--no-history: không đối chiếu lịch sử commit.)', '(--no-history: the commit history was not checked.)'),
    );
  if (!ok) ctx.say(t(`Kiểm tra không đạt: ${all.length} vấn đề.`, `Verification failed: ${all.length} problem(s).`));
  return ok ? EXIT.ok : EXIT.findings;
}

/** The history's state; without git, the one line also names --no-history. */
function historyWithGit(root: string): ReturnType<typeof historyState> {
  try {
    return historyState(root);
  } catch (err) {
    if (!(err instanceof GitMissingError)) throw err;
    throw new GitMissingError(
      t(
        'hoặc chạy thidua verify --no-history để kiểm tra mọi thứ trừ lịch sử commit',
        'or run thidua verify --no-history to check everything but the commit history',
      ),
    );
  }
}

async function checkSealedRound(
  ctx: CommandContext,
  loaded: Loaded,
  round: Round,
  report: RoundReport,
  bytesOf: (p: string) => Uint8Array | null,
  git: HistoryReader | null,
  roundClean: boolean,
  sharedClean: boolean,
  full: boolean,
): Promise<void> {
  const view = loaded.view(round);
  const seal = verifySeal(round, view, bytesOf);
  report.findings.push(...seal);
  const sealBroken = seal.some((f) => f.check === 'seal');
  if (!round.tally) {
    report.skipped.push({ check: 'results', why: t('tệp niêm phong không đọc được', 'the seal file cannot be read') });
  } else {
    if (!sealBroken) report.passed.push('seal');
    if (sealBroken)
      report.skipped.push({
        check: 'results',
        why: t('các tệp đầu vào đã khác lúc niêm phong', 'the inputs differ from the sealed ones'),
      });
    else {
      if (round.decision)
        report.findings.push(...verifyDecision(round.year, round.decision.value.recognised, round.tally.value));
      if (!report.findings.some((f) => f.check === 'results')) report.passed.push('results');
    }
  }
  // Documents are compared only when what they render from is sound.
  const frozen = Boolean(round.tally?.value.basis);
  if (!round.tally || sealBroken || !roundClean) {
    report.skipped.push({
      check: 'documents',
      why: t(
        'hồ sơ của đợt có lỗi hoặc không khớp niêm phong',
        'the round’s records have errors or do not match the seal',
      ),
    });
  } else if (!frozen && !sharedClean) {
    report.skipped.push({ check: 'documents', why: t('hồ sơ chung có lỗi', 'the shared records have errors') });
  } else {
    const before = report.findings.length;
    for (const d of await checkDocuments(loaded.root, loaded, round, ctx.version, full)) {
      if (d.state === 'issued-changed') {
        report.findings.push({
          year: round.year,
          check: 'document',
          file: d.file,
          message: t(
            `khác bản đã ban hành được đăng ký (thidua issue ${round.year}); tệp đã bị sửa hoặc thay`,
            `differs from the issued file registered with thidua issue ${round.year}; it was edited or replaced`,
          ),
        });
      } else if (d.state === 'outdated' && d.blocked) {
        report.findings.push({
          year: round.year,
          check: 'document',
          file: d.file,
          message: t(`là bản in từ trước nhưng nay ${d.blocked.vi}`, `is an earlier render, but now ${d.blocked.en}`),
        });
      } else if (d.state === 'outdated') {
        report.findings.push({
          year: round.year,
          check: 'document',
          file: d.file,
          message: t(
            `khác bản in lại từ hồ sơ (đã sửa tay?): in lại bằng thidua render ${d.kind} ${round.year} --force, hoặc nếu đây là bản hoàn thiện để ký thì đăng ký: thidua issue ${round.year} ${d.file}`,
            `differs from a fresh render of the records (edited by hand?): render it again with thidua render ${d.kind} ${round.year} --force, or if this is the final file for signing, register it: thidua issue ${round.year} ${d.file}`,
          ),
        });
      } else if (d.state === 'issued') {
        report.notes.push(
          t(`${d.file}: khớp bản đã ban hành được đăng ký`, `${d.file}: matches the registered issued file`),
        );
      }
    }
    if (report.findings.length === before) report.passed.push('documents');
  }
  if (git) {
    const found = auditRound(git, round);
    report.findings.push(...found);
    if (found.length === 0) report.passed.push('git');
  }
}
