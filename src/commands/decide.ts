/** thidua decide YEAR --number N --date D [--force]: record the signed decision of a sealed round. */
import type { Input } from './definitions.js';
import { join } from 'node:path';
import { t } from '../core/diagnostics.js';
import { renderDecisionFile } from '../core/decision-file.js';
import { twoDigits } from '../core/format/numbers.js';
import { shortDate } from '../core/dates.js';
import { issuerOf } from '../core/records/basis.js';
import { agencyAsOf } from '../core/agency.js';
import type { Agency } from '../core/schemas/agency.js';
import type { DecisionFile } from '../core/schemas/sealed.js';
import { EXIT, findingsError, usageError } from '../errors.js';
import type { CommandContext } from '../shell/context.js';
import { loadAndValidate } from '../shell/load.js';
import { refuseIfErrors, roundOf } from '../shell/round.js';
import {
  assertInside,
  createFileExclusive,
  currentBytes,
  ensureDirInside,
  FileExistsError,
  replaceFileChecked,
} from '../shell/safe-write.js';
import { withLock } from '../shell/lock.js';
import { freezeTemplates } from '../shell/documents.js';

const FORMS = ['KT', 'Q', 'TM', 'TL', 'TUQ'] as const;

/** Who signed the decision and how: the head by default; another signer with a form (ND 30/2020). */
function signerOf(o: Input<'decide'>['options'], agency: Agency): DecisionFile['signer'] {
  if ((o.signer === undefined) !== (o.signerTitle === undefined)) {
    throw usageError(
      t(
        '--signer và --signer-title đi cùng nhau: tên và chức vụ người ký',
        '--signer and --signer-title go together: the name and title of who signed',
      ),
    );
  }
  const form = o.signAs?.replace(/\.$/, '').toUpperCase();
  if (form !== undefined && !(FORMS as readonly string[]).includes(form)) {
    throw usageError(
      t(
        `--sign-as “${o.signAs ?? ''}” không phải thể thức ký; một trong: ${FORMS.join(', ')}`,
        `--sign-as “${o.signAs ?? ''}” is not a way of signing; one of: ${FORMS.join(', ')}`,
      ),
    );
  }
  if (o.signFor !== undefined && form === undefined)
    throw usageError(
      t('--sign-for cần --sign-as (KT, Q, TM, TL, TUQ)', '--sign-for needs --sign-as (KT, Q, TM, TL, TUQ)'),
    );
  return {
    title: o.signerTitle ?? agency.head.title,
    name: o.signer ?? agency.head.name,
    ...(form !== undefined
      ? { form: form as (typeof FORMS)[number], for: o.signFor ?? (form === 'TM' ? agency.name : agency.head.title) }
      : {}),
  };
}

export async function run(ctx: CommandContext, input: Input<'decide'>): Promise<number> {
  const year = input.args.year;
  const { number, date } = input.options;
  if (number === undefined)
    throw usageError(t('thiếu --number (số quyết định đã ký)', 'missing --number (the signed decision’s number)'));
  if (date === undefined)
    throw usageError(
      t(
        'thiếu --date (ngày ký, YYYY-MM-DD hoặc dd/mm/yyyy)',
        'missing --date (the signing date, YYYY-MM-DD or dd/mm/yyyy)',
      ),
    );
  const root = ctx.root();
  const loaded = await loadAndValidate(root, [year], ctx);
  const round = roundOf(loaded, year);
  refuseIfErrors(
    ctx,
    loaded,
    input.options.json,
    t(`không ghi quyết định đợt ${year}`, `no decision recorded for ${year}`),
  );
  if (!round.tally) {
    throw findingsError(
      t(
        `đợt ${year} chưa niêm phong kết quả; chạy “thidua tally ${year} --seal” trước`,
        `round ${year} is not sealed; run “thidua tally ${year} --seal” first`,
      ),
    );
  }
  const recognised = round.tally.value.results.filter((r) => r.recognised).map((r) => r.nomination);
  if (recognised.length === 0) {
    throw findingsError(
      t(
        `đợt ${year} không có tập thể, cá nhân nào được công nhận; không có gì để quyết định (biên bản kiểm phiếu vẫn in được: thidua render minutes ${year})`,
        `round ${year} recognises no collective or individual; there is nothing to decide (the minutes still render: thidua render minutes ${year})`,
      ),
    );
  }
  const session = round.council?.value.session;
  if (session && date < session.date) {
    throw findingsError(
      t(
        `ngày quyết định ${shortDate(date)} trước phiên họp xét ngày ${shortDate(session.date)}; không ghi`,
        `the decision date ${date} is before the review meeting of ${session.date}; nothing recorded`,
      ),
    );
  }
  const sealedOn = round.tally.value.sealed_on;
  if (sealedOn && date < sealedOn) {
    throw findingsError(
      t(
        `ngày quyết định ${shortDate(date)} trước ngày niêm phong kết quả ${shortDate(sealedOn)}; không ghi. Nếu kết quả được niêm phong nhầm ngày: thidua unseal ${year} --reason "niêm phong nhầm ngày", rồi thidua tally ${year} --seal --date NGÀY (từ ngày họp đến ngày quyết định)`,
        `the decision date ${date} is before the seal of ${sealedOn}; nothing recorded. If the result was sealed on the wrong day: thidua unseal ${year} --reason "sealed on the wrong day", then thidua tally ${year} --seal --date DAY (from the meeting to the decision)`,
      ),
    );
  }
  const path = join(root, round.decisionFile);
  // The decision is signed now: by the head and under the name the agency has today.
  const agency = agencyAsOf(loaded.workspace.agency!.value, date);
  const text = renderDecisionFile({
    year,
    number,
    date,
    signer: signerOf(input.options, agency),
    recognised,
    issuer: issuerOf(agency),
  });
  const ref = `${twoDigits(number)}/QĐ-${agency.symbol}`;
  // Titles decided above the agency are the council's proposals, not this decision's (as tally says).
  const titles = loaded.view(round).titles;
  const upward = round.tally.value.results.filter((r) => {
    const by = r.recognised && r.award !== undefined ? titles.get(r.award)?.decided_by : undefined;
    return by !== undefined && by !== 'head';
  }).length;
  const here = recognised.length - upward;
  const existing = loaded.snapshot.files.get(round.decisionFile);
  if (existing && !input.options.force) {
    const d = round.decision?.value;
    throw findingsError(
      t(
        `đợt ${year} đã có quyết định${d ? ` số ${twoDigits(d.number)}/QĐ-${agency.symbol} ngày ${shortDate(d.date)}` : ''} (${round.decisionFile}); dùng --force để thay`,
        `round ${year} already has a decision${d ? ` no. ${twoDigits(d.number)}/QĐ-${agency.symbol} of ${d.date}` : ''} (${round.decisionFile}); use --force to replace it`,
      ),
    );
  }
  assertInside(root, path);
  await withLock(root, ctx.warn, () => {
    // The wording the decision is issued with: each template frozen in the round (kept if already there).
    ensureDirInside(root, join(root, round.dir, 'templates'));
    freezeTemplates(root, year);
    if (existing) {
      replaceFileChecked(
        path,
        text,
        existing.kind === 'file' ? existing.bytes : currentBytes(path),
        round.decisionFile,
      );
    } else {
      try {
        createFileExclusive(path, text);
      } catch (err) {
        if (err instanceof FileExistsError)
          throw findingsError(
            t(
              `đợt ${year} vừa được ghi quyết định bởi một lệnh khác; không ghi gì`,
              `a decision for ${year} was just recorded by another command; nothing written`,
            ),
          );
        throw err;
      }
    }
  });
  if (input.options.json) {
    ctx.out(JSON.stringify({ year, number, date, reference: ref, recognised, file: round.decisionFile }, null, 2));
    return EXIT.ok;
  }
  ctx.say(
    t(
      `Đã ghi Quyết định số ${ref} ngày ${shortDate(date)} (${here} tập thể, cá nhân được công nhận${upward > 0 ? `; ${upward} đề nghị cấp trên: thidua render upward ${year}` : ''}) vào ${round.decisionFile}.`,
      `Recorded decision no. ${ref} of ${date} (${here} recognised${upward > 0 ? `; ${upward} proposed upward: thidua render upward ${year}` : ''}) in ${round.decisionFile}.`,
    ),
  );
  ctx.say(
    t(
      `Văn bản của đợt từ nay in theo quyết định này và các mẫu lưu trong ${round.dir}/templates/.`,
      `From now on the round's documents render from this decision and the templates kept in ${round.dir}/templates/.`,
    ),
  );
  ctx.say(t(`Tiếp theo: thidua render all ${year}`, `Next: thidua render all ${year}`));
  return EXIT.ok;
}
