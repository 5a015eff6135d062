/** Findings of an import put back where the clerk finds them: `file:'sheet'!B7`, or line:column in a CSV. */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Field } from '../core/import/columns.js';
import { itemLines } from '../core/import/list-file.js';
import type { PlannedRow } from '../core/import/plan.js';
import { cellPlace, type Cell, type Sheet } from '../core/import/sheet.js';

export function atCell(
  sheet: Sheet,
  shown: string,
  cell: Cell,
  code: Diagnostic['code'],
  severity: Diagnostic['severity'],
  message: { vi: string; en: string },
): Diagnostic {
  return {
    severity,
    code,
    file: shown,
    line: cell.line ?? cell.row,
    column: cell.column ?? cell.col,
    message,
    ...(sheet.name !== undefined ? { place: cellPlace(sheet, cell) } : {}),
  };
}

/** The item lines of the last text placed into: every finding of one file reads it once, not once each. */
let memo: { text: string; items: ReturnType<typeof itemLines> } | null = null;
function linesOf(text: string): ReturnType<typeof itemLines> {
  if (memo?.text !== text) memo = { text, items: itemLines(text) };
  return memo.items;
}

/** A finding in the would-be people.yaml or departments.yaml, moved to the cell it came from. */
export function placeFinding(
  d: Diagnostic,
  text: string,
  owners: Map<number, { row: PlannedRow | null; deptCell?: Cell }>,
  sheet: Sheet,
  shown: string,
): Diagnostic | null {
  const items = linesOf(text);
  const index = items.findIndex((it) => d.line >= it.start && d.line <= it.end);
  const owner = owners.get(index);
  if (index < 0 || !owner) return null;
  if (!owner.row) return owner.deptCell ? atCell(sheet, shown, owner.deptCell, d.code, d.severity, d.message) : null;
  const field = items[index]!.fields.find(
    (f) =>
      (d.line > f.line || (d.line === f.line && d.column >= f.column)) &&
      (d.line < f.endLine || (d.line === f.endLine && d.column <= f.endColumn)),
  )?.key;
  const row = owner.row;
  let cell: Cell | undefined;
  if (field === 'changes') cell = [...row.cells.values()].find((c) => c.col !== row.first.col) ?? row.first;
  else if (field === 'id' && row.generatedId) cell = row.cells.get('name');
  else if (field !== undefined) cell = row.cells.get(field as Field);
  return atCell(sheet, shown, cell ?? row.first, d.code, d.severity, d.message);
}
