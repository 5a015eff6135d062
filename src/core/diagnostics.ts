/** Findings reported to the user: a code, a severity, a place and a message in both languages. */
import type { RuleCode, TemplateCode } from './codes.js';

export type Severity = 'error' | 'warning';
export type Lang = 'vi' | 'en';

export interface Localized {
  vi: string;
  en: string;
}

export function t(vi: string, en: string): Localized {
  return { vi, en };
}

/** Every code a finding may carry: the record rules' and the templates' (one registry each). */
export type DiagnosticCode = RuleCode | TemplateCode;

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** Path relative to the workspace root, with `/`. */
  file: string;
  line: number;
  column: number;
  message: Localized;
  /** The source line the position points into, for the excerpt (not part of the JSON contract). */
  source?: string;
  /** In a spreadsheet: the cell, "Nhân sự!B7", shown instead of line:column. */
  place?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message.en < b.message.en ? -1 : a.message.en > b.message.en ? 1 : 0;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Quote a value from the records for a message (short, one line). */
export function q(value: unknown): string {
  let s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  if (s.length > 60) s = s.slice(0, 57) + '...';
  return `“${s}”`;
}
