/** thidua verify [YEAR...]: every sealed round still matches its seal and its stored results. */
import { t } from '../core/diagnostics.js';
import { verifySeal, type VerifyFinding } from '../core/verify.js';
import { EXIT } from '../errors.js';
import { parseYear } from '../cli/args.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { inert } from '../shell/terminal.js';
import { checkDocuments } from '../shell/documents.js';
import { isGitRepo } from '../shell/git-history.js';
import { auditRound } from '../shell/git-audit.js';
import { t as tr } from '../core/diagnostics.js';

export async function run(ctx: CommandContext, args: Array<string | string[] | undefined>, opts: Record<string, unknown>): Promise<number> {
  const rawYears = (args[0] as string[] | undefined) ?? [];
  const years = rawYears.length ? rawYears.map(parseYear) : null;
  const loaded = loadAndValidate(ctx.root(), years);
  const bytesOf = (p: string) => {
    const e = loaded.snapshot.files.get(p);
    return e && e.kind === 'file' ? e.bytes : null;
  };
  const rounds = loaded.workspace.rounds.filter((r) => !years || years.includes(r.year));
  const report: Array<{ year: number; sealed: boolean; findings: VerifyFinding[] }> = [];
  const root = ctx.root();
  const inGit = isGitRepo(root);
  for (const round of rounds) {
    const findings = verifySeal(round, loaded.workspace, loaded.index, bytesOf);
    if (round.tallyPresent && inGit) findings.push(...auditRound(root, round));
    if (findings.every((f) => f.check === 'git') && loaded.errors === 0) {
      for (const d of await checkDocuments(ctx.root(), loaded, round, ctx.version)) {
        if (d.state !== 'outdated') continue;
        findings.push({
          year: round.year, check: 'document', file: d.file,
          message: tr(`khác bản in lại từ hồ sơ hiện tại (đã sửa tay, hoặc hồ sơ đổi sau khi in: thidua render ${d.kind} ${round.year})`,
            `differs from a fresh render of the current records (edited by hand, or the records changed since: thidua render ${d.kind} ${round.year})`),
        });
      }
    }
    report.push({ year: round.year, sealed: round.tallyPresent, findings });
  }
  const all = report.flatMap((r) => r.findings);
  const ok = all.length === 0;
  if (opts['json']) {
    ctx.out(JSON.stringify({
      ok,
      git: inGit,
      rounds: report.map((r) => ({
        year: r.year,
        sealed: r.sealed,
        ok: r.findings.length === 0,
        findings: r.findings.map((f) => ({ check: f.check, file: f.file, commit: f.commit ?? null, message: f.message[ctx.lang] })),
      })),
    }, null, 2));
    return ok ? EXIT.ok : EXIT.findings;
  }
  for (const r of report) {
    if (!r.sealed) {
      ctx.say(t(`Đợt ${r.year}: chưa niêm phong — không có gì để đối chiếu.`, `Round ${r.year}: not sealed — nothing to check.`));
      continue;
    }
    if (r.findings.length === 0) {
      ctx.out(ctx.style.green(ctx.lang === 'vi' ? `✓ Đợt ${r.year}: niêm phong khớp, kết quả khớp với kiểm phiếu lại, văn bản đã in khớp với bản in lại.` : `✓ Round ${r.year}: the seal matches, the results equal a fresh count, the rendered documents equal a fresh render.`));
      continue;
    }
    ctx.out(ctx.style.red(ctx.lang === 'vi' ? `✗ Đợt ${r.year}:` : `✗ Round ${r.year}:`));
    for (const f of r.findings) ctx.out(`  ${inert(f.file)}${f.commit ? ` @ ${f.commit.slice(0, 12)}` : ''}  ${inert(f.message[ctx.lang])}`);
  }
  if (!inGit) ctx.say(t('(Không phải kho git: bỏ qua phần đối chiếu lịch sử commit.)', '(Not a git repository: the commit history was not checked.)'));
  if (!ok) ctx.say(t(`Kiểm tra không đạt: ${all.length} vấn đề.`, `Verification failed: ${all.length} problem(s).`));
  return ok ? EXIT.ok : EXIT.findings;
}
