/** The period summary for the closing conference: rounds, departments, new factors, replication, deadlines. */
import { deadlineStates } from './overdue.js';
import type { Round, Workspace } from './records/workspace.js';
import type { WorkspaceIndex } from './records/index.js';
import type { Nomination } from './schemas/round.js';
import type { TallyResult } from './schemas/sealed.js';

export type Outcome = 'recognised' | 'not-recognised' | 'pending';

export interface RoundSummary {
  year: number;
  sealed: boolean;
  nominations: { collective: number; individual: number };
  recognised: { collective: number; individual: number };
  /** Recognised over nominated, in per cent to one decimal; null before the seal. */
  pass_rate: number | null;
  deadlines: { on_time: number; late: number; missing: number; pending: number };
  /** The titles of titles.yaml conferred (recognised), in lượt, in titles.yaml's order. */
  titles: TitleCount[];
}

export interface TitleCount {
  award: string;
  name: string;
  collective: number;
  individual: number;
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
    /** Who was recognised, each once: departments and people (a person with two titles is one). */
    collectives: number;
    people: number;
    /** The plan's pair among them: mô hình tiêu biểu and gương điển hình (lượt). */
    models: { collective: number; individual: number };
    titles: TitleCount[];
    /** Titles the council proposed to the authority above (not conferred by the agency). */
    upward: TitleCount[];
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

/** The titles conferred among `results`, in lượt, in titles.yaml's order. */
function titleCounts(results: readonly TallyResult[], index: WorkspaceIndex): TitleCount[] {
  return [...index.titles.values()]
    .map((x) => {
      const mine = results.filter((r) => r.recognised && r.award === x.id);
      return {
        award: x.id,
        name: x.name,
        collective: mine.filter((r) => r.kind === 'collective').length,
        individual: mine.filter((r) => r.kind === 'individual').length,
      };
    })
    .filter((c) => c.collective + c.individual > 0);
}

export function buildReport(ws: Workspace, index: WorkspaceIndex, from: number, to: number, asOf: string): Report {
  // A title above the head's competence is a proposal upward, not an award of the agency.
  const decidedHere = (r: Pick<TallyResult, 'award'>) =>
    typeof (r.award !== undefined ? index.titles.get(r.award)?.decided_by : undefined) !== 'object';
  // Every round of the period, sealed or not, of the plan's pair and of titles alike.
  const rounds = ws.rounds.filter((r) => r.year >= from && r.year <= to).sort((a, b) => a.year - b.year);
  const states = deadlineStates(
    ws,
    asOf,
    rounds.map((r) => r.year),
  );
  const summaries: RoundSummary[] = rounds.map((round) => {
    const noms = round.nominations.map((n) => n.value);
    const rec = (round.tally?.value.results ?? []).filter((r) => r.recognised && decidedHere(r));
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
      titles: titleCounts(rec, index),
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
        const result = round.tally?.value.results.find((x) => x.nomination === n.value.id);
        if (result?.recognised && decidedHere(result)) {
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
          // A new factor is followed through the plan's rounds: a title later is another matter.
          if (w.award !== undefined) continue;
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
  const passed = rounds.flatMap((r) => (r.tally?.value.results ?? []).filter((x) => x.recognised));
  const all = passed.filter(decidedHere);
  const plain = all.filter((x) => x.award === undefined);
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
      collectives: new Set(all.filter((x) => x.kind === 'collective').map((x) => x.department)).size,
      people: new Set(all.filter((x) => x.kind === 'individual').map((x) => x.person ?? x.nomination)).size,
      models: {
        collective: plain.filter((x) => x.kind === 'collective').length,
        individual: plain.filter((x) => x.kind === 'individual').length,
      },
      titles: titleCounts(all, index),
      upward: titleCounts(
        passed.filter((x) => !decidedHere(x)),
        index,
      ),
    },
    departments,
    new_factors: newFactors,
    replications,
  };
}
