/** Deadlines missed or met late, per department, as of a given day. */
import { addDays, daysBetween } from './dates.js';
import { REGISTRATION, roundDeadlines } from './deadlines.js';
import type { Workspace } from './records/workspace.js';
import { periodOf, roundContaining, roundSpan, type Period } from './period.js';

export interface OverdueItem {
  year: number;
  deadline: string;
  title: string | null;
  department: string;
  before: string;
  status: 'missing' | 'late';
  received: string | null;
  reference: string | null;
  /** Days counted from the last on-time day (the day before `before`). */
  days_late: number;
}

export interface DeadlineState {
  year: number;
  deadline: string;
  title: string | null;
  department: string;
  before: string;
  state: 'on-time' | 'late' | 'missing' | 'pending' | 'declined';
  received: string | null;
  reference: string | null;
  days_late: number;
}

/** Every (deadline, department) pair of the rounds, with what was received by `asOf`. */
export function deadlineStates(ws: Workspace, asOf: string, years: readonly number[] | null = null): DeadlineState[] {
  const agency = ws.agency?.value;
  if (!agency) return [];
  const out: DeadlineState[] = [];
  for (const round of ws.rounds) {
    if (years && !years.includes(round.year)) continue;
    for (const dl of roundDeadlines(agency, round.year)) {
      for (const dept of ws.departments) {
        const id = dept.value.id;
        let received: string | null = null;
        let reference: string | null = null;
        // A department that answered it has nothing to send for this deadline is done with it.
        const declined = round.submissions.find(
          (s) =>
            s.value.deadline === dl.id &&
            s.value.department === id &&
            s.value.declined === true &&
            s.value.received <= asOf,
        );
        if (declined) {
          out.push({
            year: round.year,
            deadline: dl.id,
            title: dl.title,
            department: id,
            before: dl.before,
            state: 'declined',
            received: declined.value.received,
            reference: declined.value.reference ?? null,
            days_late: 0,
          });
          continue;
        }
        if (dl.id === REGISTRATION) {
          for (const n of round.nominations) {
            if (n.value.department !== id || n.value.submitted > asOf) continue;
            if (received === null || n.value.submitted < received) received = n.value.submitted;
          }
        } else {
          for (const s of round.submissions) {
            const v = s.value;
            if (v.deadline !== dl.id || v.department !== id || v.received > asOf) continue;
            if (received === null || v.received < received) {
              received = v.received;
              reference = v.reference ?? null;
            }
          }
        }
        const lastOnTime = addDays(dl.before, -1);
        let state: DeadlineState['state'];
        let daysLate = 0;
        if (received !== null) {
          state = received < dl.before ? 'on-time' : 'late';
          if (state === 'late') daysLate = daysBetween(lastOnTime, received);
        } else if (asOf >= dl.before) {
          state = 'missing';
          daysLate = daysBetween(lastOnTime, asOf);
        } else {
          state = 'pending';
        }
        out.push({
          year: round.year,
          deadline: dl.id,
          title: dl.title,
          department: id,
          before: dl.before,
          state,
          received,
          reference,
          days_late: daysLate,
        });
      }
    }
  }
  return out;
}

/**
 * A deadline of the period as of `asOf`: one of the round whose period holds that day, or one that
 * falls due in that period (a round's proposal due in the next year). Older ones are history: the
 * clerk asks for them by year.
 */
export function ofPeriod(d: { year: number; before: string }, asOf: string, period: Period): boolean {
  const current = roundContaining(asOf, period);
  if (d.year === current) return true;
  const { start, end } = roundSpan(current, period);
  const lastOnTime = addDays(d.before, -1);
  return lastOnTime >= start && lastOnTime <= end;
}

/**
 * Deadlines missed or met late as of `asOf`: of the rounds `years`, or, without them, only the
 * period's (see `ofPeriod`), so that a round left years ago is not chased again.
 */
export function overdueItems(ws: Workspace, asOf: string, years: readonly number[] | null = null): OverdueItem[] {
  const period = periodOf(ws.agency?.value);
  return deadlineStates(ws, asOf, years)
    .filter((s) => s.state === 'missing' || s.state === 'late')
    .filter((s) => years !== null || ofPeriod(s, asOf, period))
    .map((s) => ({
      year: s.year,
      deadline: s.deadline,
      title: s.title,
      department: s.department,
      before: s.before,
      status: s.state as 'missing' | 'late',
      received: s.received,
      reference: s.reference,
      days_late: s.days_late,
    }));
}

/** The earlier rounds that still miss a document as of `asOf`, outside the period: asked for by year. */
export function olderMissingYears(ws: Workspace, asOf: string): number[] {
  const period = periodOf(ws.agency?.value);
  return [
    ...new Set(
      deadlineStates(ws, asOf)
        .filter((s) => s.state === 'missing' && !ofPeriod(s, asOf, period))
        .map((s) => s.year),
    ),
  ];
}
