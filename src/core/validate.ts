/** Validation: load the snapshot, run every rule, return the sorted diagnostics. Pure. */
import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { loadWorkspace } from './records/load-workspace.js';
import type { Round, Snapshot, Workspace } from './records/workspace.js';
import { RULES } from './rules/index.js';
import type { Finding, RuleContext } from './rules/rule.js';
import { yearOfPath } from './records/paths.js';
import { placeFinding } from './records/schema-diagnostics.js';
import { sourceLine, type ParsedFile } from './yaml/positions.js';
import { indexValidation, type Validation } from './validated.js';

export type { Validation };

function toDiagnostic(ws: Workspace, rule: (typeof RULES)[number], f: Finding): Diagnostic {
  const file = ws.files.get(f.loc.file);
  const pos = file ? placeFinding(file, f.loc.path, f.at ?? 'value') : { line: 1, column: 1 };
  return {
    severity: f.severity ?? rule.severity,
    code: rule.code,
    file: f.loc.file,
    line: pos.line,
    column: pos.column,
    message: f.message,
    source: file ? sourceLine(file, pos.line) : undefined,
  };
}

/** True when the path belongs to a round that is not selected. */
function outsideSelection(path: string, years: ReadonlySet<number> | null): boolean {
  if (!years) return false;
  const year = yearOfPath(path);
  return year !== null && !years.has(year);
}

export function validateSnapshot(
  snapshot: Snapshot,
  years: readonly number[] | null = null,
  preparsed?: ReadonlyMap<string, ParsedFile>,
): Validation {
  const { workspace, diagnostics: fileDiagnostics } = loadWorkspace(snapshot, preparsed);
  const { index, view } = indexValidation(workspace, { diagnostics: [], errors: 0, warnings: 0 });
  const selected = years ? new Set(years) : null;
  const rounds: Round[] = workspace.rounds.filter((r) => !selected || selected.has(r.year));
  const ctx: RuleContext = {
    ws: workspace,
    rounds,
    index,
    view,
    paths: new Set(snapshot.files.keys()),
    allYears: new Set(snapshot.allYears ?? snapshot.years),
    lock: snapshot.lock ?? null,
    currentBytes(path) {
      const e = snapshot.files.get(path);
      return e && e.kind === 'file' ? e.bytes : null;
    },
  };
  const all: Diagnostic[] = fileDiagnostics.filter((d) => !outsideSelection(d.file, selected));
  for (const rule of RULES) {
    if (!rule.check) continue;
    for (const f of rule.check(ctx)) all.push(toDiagnostic(workspace, rule, f));
  }
  const diagnostics = sortDiagnostics(dedupe(all));
  const { errors, warnings } = countBySeverity(diagnostics);
  return { workspace, index, view, diagnostics, errors, warnings };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
