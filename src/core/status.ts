/** Where a round stands, and the next thing to do. */
import { t, type Diagnostic, type Localized } from './diagnostics.js';
import { deadlineStates, ofPeriod } from './overdue.js';
import { periodOf } from './period.js';
import { REGISTRATION, roundDeadline } from './deadlines.js';
import type { Round, Workspace } from './records/workspace.js';

export interface DocumentState {
  kind: string;
  file: string;
  state: 'missing' | 'current' | 'outdated' | 'unchecked' | 'issued' | 'issued-changed';
}

export interface RoundStatus {
  year: number;
  nominations: { total: number; collective: number; individual: number; with_errors: number };
  errors: number;
  warnings: number;
  ballots: { entered: number; issued: number | null };
  session: boolean;
  sealed: boolean;
  decision: { number: number; date: string } | null;
  documents: DocumentState[];
  deadlines: { missing: number; late: number; pending: number; on_time: number; declined: number };
  stage: 'registration' | 'review' | 'voting' | 'counted' | 'sealed' | 'decided' | 'complete';
  next: Localized | null;
  /** Every opening of the round's seal (thidua unseal): when, who, why. */
  unseals: Array<{ date: string; by: string; reason: string; decision: string | null }>;
}

export function roundStatus(
  ws: Workspace,
  round: Round,
  diagnostics: readonly Diagnostic[],
  asOf: string,
  documents: DocumentState[],
): RoundStatus {
  const prefix = `${round.dir}/`;
  const mine = diagnostics.filter((d) => d.file.startsWith(prefix));
  const errors = mine.filter((d) => d.severity === 'error');
  const nominationFilesWithErrors = new Set(
    errors.filter((d) => d.file.startsWith(`${prefix}nominations/`)).map((d) => d.file),
  );
  const states = deadlineStates(ws, asOf, [round.year]);
  const deadlines = {
    missing: states.filter((s) => s.state === 'missing').length,
    late: states.filter((s) => s.state === 'late').length,
    pending: states.filter((s) => s.state === 'pending').length,
    on_time: states.filter((s) => s.state === 'on-time').length,
    declined: states.filter((s) => s.state === 'declined').length,
  };
  const session = round.council?.value.session ?? null;
  const issued = session?.ballots_issued ?? null;
  const entered = round.ballotFiles.length;
  const sealed = round.tally !== null;
  const decision = round.decision ? { number: round.decision.value.number, date: round.decision.value.date } : null;
  const docsDone =
    documents.length > 0 &&
    documents.every((d) => d.state === 'current' || d.state === 'unchecked' || d.state === 'issued');
  const registration = ws.agency ? roundDeadline(ws.agency.value, round.year, REGISTRATION) : null;
  const y = round.year;

  let stage: RoundStatus['stage'];
  let next: Localized | null;
  if (errors.length > 0) {
    stage = sealed ? 'sealed' : session ? 'voting' : 'review';
    next = t(`sửa ${errors.length} lỗi: thidua validate ${y}`, `fix ${errors.length} error(s): thidua validate ${y}`);
  } else if (!session) {
    const open = registration !== null && asOf < registration.before;
    stage = open ? 'registration' : 'review';
    next = open
      ? t(
          `nhận đề nghị đến hết ngày trước ${registration.before}; sau đó ghi phiên họp xét (session) vào ${round.councilFile}`,
          `take nominations until the day before ${registration.before}; then record the review meeting (session) in ${round.councilFile}`,
        )
      : t(
          `họp Hội đồng xét và ghi phiên họp (session, ballots_issued) vào ${round.councilFile}`,
          `hold the council's review meeting and record it (session, ballots_issued) in ${round.councilFile}`,
        );
  } else if (!sealed && entered < (issued ?? 0)) {
    stage = 'voting';
    next = t(
      `nhập phiếu: đã có ${entered}/${issued ?? 0} phiếu — thidua ballot ${y}`,
      `enter ballots: ${entered} of ${issued ?? 0} so far — thidua ballot ${y}`,
    );
  } else if (!sealed) {
    stage = 'counted';
    next = t(`kiểm phiếu và niêm phong: thidua tally ${y} --seal`, `count and seal: thidua tally ${y} --seal`);
  } else if (!decision) {
    stage = 'sealed';
    next = t(
      `ghi quyết định đã ký: thidua decide ${y} --number N --date YYYY-MM-DD`,
      `record the signed decision: thidua decide ${y} --number N --date YYYY-MM-DD`,
    );
  } else if (!docsDone) {
    stage = 'decided';
    next = t(`in văn bản: thidua render all ${y}`, `render the documents: thidua render all ${y}`);
  } else {
    stage = 'complete';
    next = null;
  }
  // Only what is still of the period is chased, as `overdue` and `render reminders` list it.
  const period = periodOf(ws.agency?.value);
  const chase = states.filter((s) => s.state === 'missing' && ofPeriod(s, asOf, period)).length;
  if (next === null && chase > 0) {
    next = t(
      `đôn đốc ${chase} văn bản chưa nộp: thidua overdue --year ${y}`,
      `chase ${chase} missing document(s): thidua overdue --year ${y}`,
    );
  }
  return {
    year: y,
    nominations: {
      total: round.nominationFiles.length,
      collective: round.nominations.filter((n) => n.value.kind === 'collective').length,
      individual: round.nominations.filter((n) => n.value.kind === 'individual').length,
      with_errors: nominationFilesWithErrors.size,
    },
    errors: errors.length,
    warnings: mine.length - errors.length,
    ballots: { entered, issued },
    session: session !== null,
    sealed,
    decision,
    documents,
    deadlines,
    stage,
    next,
    unseals: round.unseals.map((u) => ({
      date: u.value.date,
      by: u.value.by,
      reason: u.value.reason,
      decision: u.value.decision ?? null,
    })),
  };
}
