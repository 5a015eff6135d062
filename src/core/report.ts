/** The period summary for the closing conference: rounds, departments, new factors, replication, deadlines. */
import { deadlineStates } from './overdue.js';
import type { Round, Workspace } from './records/workspace.js';
import type { WorkspaceIndex } from './records/index.js';
import type { Nomination } from './schemas/round.js';

export type Outcome = 'recognised' | 'not-recognised' | 'pending';

export interface RoundSummary {
  year: number;
  sealed: boolean;
  nominations: { collective: number; individual: number };
  recognised: { collective: number; individual: number };
  /** Recognised over nominated, in per cent to one decimal; null before the seal. */
  pass_rate: number | null;
  deadlines: { on_time: number; late: number; missing: number; pending: number };
}

export interface DepartmentSummary {
  department: string;
  name: string;
  nominations: number;
  recognised_collective: number;
  recognised_individual: number;
  replications: number;
  deadlines: { on_time: number; late: number; missing: number };
}

export interface FactorStep {
  year: number;
  nomination: string;
  outcome: Outcome;
}

export interface NewFactor {
  year: number;
  nomination: string;
  kind: 'collective' | 'individual';
  department: string;
  person: string | null;
  name: string;
  title: string;
  outcome: Outcome;
  later: FactorStep[];
}

export interface Replication {
  year: number;
  department: string;
  deadline: string;
  received: string;
  reference: string | null;
  model: {
    year: number;
    nomination: string;
    department: string;
    kind: 'collective' | 'individual';
    name: string;
    title: string;
  };
}

export interface Report {
  from: number;
  to: number;
  as_of: string;
  rounds: RoundSummary[];
  totals: {
    nominations: number;
    recognised: number;
    recognised_collective: number;
    recognised_individual: number;
    pass_rate: number | null;
  };
  departments: DepartmentSummary[];
  new_factors: NewFactor[];
  replications: Replication[];
}

function outcome(round: Round, id: string): Outcome {
  const r = round.tally?.value.results.find((x) => x.nomination === id);
  return !r ? 'pending' : r.recognised ? 'recognised' : 'not-recognised';
}

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num * 1000) / den) / 10);

function nameOf(n: Nomination, index: WorkspaceIndex): string {
  return n.kind === 'collective' ? index.departmentName(n.department) : index.personName(n.person);
}

export function buildReport(ws: Workspace, index: WorkspaceIndex, from: number, to: number, asOf: string): Report {
  // The plan's report is about its pair of recognitions: nominations for a title of titles.yaml
  // (the statutory year-end round) are not models or examples, and a round of titles only is left out.
  const rounds = ws.rounds
    .filter((r) => r.year >= from && r.year <= to)
    .filter((r) => r.nominations.length === 0 || r.nominations.some((n) => n.value.award === undefined))
    .map((r) => ({ ...r, nominations: r.nominations.filter((n) => n.value.award === undefined) }))
    .sort((a, b) => a.year - b.year);
  const states = deadlineStates(
    ws,
    asOf,
    rounds.map((r) => r.year),
  );
  const summaries: RoundSummary[] = rounds.map((round) => {
    const noms = round.nominations.map((n) => n.value);
    const rec = (round.tally?.value.results ?? []).filter((r) => r.recognised && r.award === undefined);
    const mine = states.filter((s) => s.year === round.year);
    return {
      year: round.year,
      sealed: round.tally !== null,
      nominations: {
        collective: noms.filter((n) => n.kind === 'collective').length,
        individual: noms.filter((n) => n.kind === 'individual').length,
      },
      recognised: {
        collective: rec.filter((r) => r.kind === 'collective').length,
        individual: rec.filter((r) => r.kind === 'individual').length,
      },
      pass_rate: round.tally ? rate(rec.length, noms.length) : null,
      deadlines: {
        on_time: mine.filter((s) => s.state === 'on-time').length,
        late: mine.filter((s) => s.state === 'late').length,
        missing: mine.filter((s) => s.state === 'missing').length,
        pending: mine.filter((s) => s.state === 'pending').length,
      },
    };
  });

  const replications: Replication[] = [];
  const byYear = new Map(ws.rounds.map((r) => [r.year, r]));
  for (const round of rounds) {
    for (const s of round.submissions) {
      for (const ref of s.value.replicates ?? []) {
        const [y, id] = ref.split('/') as [string, string];
        const model = byYear.get(Number(y))?.nominations.find((n) => n.value.id === id)?.value;
        if (!model) continue;
        replications.push({
          year: round.year,
          department: s.value.department,
          deadline: s.value.deadline,
          received: s.value.received,
          reference: s.value.reference ?? null,
          model: {
            year: Number(y),
            nomination: id,
            department: model.department,
            kind: model.kind,
            name: nameOf(model, index),
            title: model.title,
          },
        });
      }
    }
  }

  const departments: DepartmentSummary[] = [...index.departments.values()].map((d) => {
    const id = d.value.id;
    let nominations = 0;
    let rc = 0;
    let ri = 0;
    for (const round of rounds) {
      for (const n of round.nominations) {
        if (n.value.department !== id) continue;
        nominations++;
        if (outcome(round, n.value.id) === 'recognised') {
          if (n.value.kind === 'collective') rc++;
          else ri++;
        }
      }
    }
    const mine = states.filter((s) => s.department === id);
    return {
      department: id,
      name: d.value.name,
      nominations,
      recognised_collective: rc,
      recognised_individual: ri,
      replications: replications.filter((r) => r.department === id).length,
      deadlines: {
        on_time: mine.filter((s) => s.state === 'on-time').length,
        late: mine.filter((s) => s.state === 'late').length,
        missing: mine.filter((s) => s.state === 'missing').length,
      },
    };
  });

  const newFactors: NewFactor[] = [];
  for (const round of rounds) {
    for (const n of round.nominations) {
      const v = n.value;
      if (!v.new_factor) continue;
      const later: FactorStep[] = [];
      for (const next of ws.rounds.filter((r) => r.year > round.year && r.year <= to).sort((a, b) => a.year - b.year)) {
        for (const m of next.nominations) {
          const w = m.value;
          const same =
            v.kind === 'collective'
              ? w.kind === 'collective' && w.department === v.department
              : w.kind === 'individual' && w.person === v.person;
          if (same) later.push({ year: next.year, nomination: w.id, outcome: outcome(next, w.id) });
        }
      }
      newFactors.push({
        year: round.year,
        nomination: v.id,
        kind: v.kind,
        department: v.department,
        person: v.kind === 'individual' ? v.person : null,
        name: nameOf(v, index),
        title: v.title,
        outcome: outcome(round, v.id),
        later,
      });
    }
  }

  const totalNoms = summaries.reduce((s, r) => s + r.nominations.collective + r.nominations.individual, 0);
  const sealedNoms = summaries
    .filter((r) => r.sealed)
    .reduce((s, r) => s + r.nominations.collective + r.nominations.individual, 0);
  const rc = summaries.reduce((s, r) => s + r.recognised.collective, 0);
  const ri = summaries.reduce((s, r) => s + r.recognised.individual, 0);
  return {
    from,
    to,
    as_of: asOf,
    rounds: summaries,
    totals: {
      nominations: totalNoms,
      recognised: rc + ri,
      recognised_collective: rc,
      recognised_individual: ri,
      pass_rate: rate(rc + ri, sealedNoms),
    },
    departments,
    new_factors: newFactors,
    replications,
  };
}
