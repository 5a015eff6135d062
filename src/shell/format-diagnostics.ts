/** Diagnostics for people (file:line:col, code, message, excerpt with a caret) and for scripts (JSON). */
import type { Diagnostic, Lang } from '../core/diagnostics.js';
import { displayWidth, inert, type Style } from './terminal.js';

export function formatDiagnostic(d: Diagnostic, lang: Lang, style: Style): string {
  const sev = d.severity === 'error' ? style.red(`error[${d.code}]`) : style.yellow(`warning[${d.code}]`);
  const head = `${style.bold(`${inert(d.file)}:${d.place !== undefined ? inert(d.place) : `${d.line}:${d.column}`}`)}  ${sev}  ${inert(d.message[lang])}`;
  if (d.source === undefined || d.source === '') return head;
  const src = inert(d.source.replace(/\t/g, ' '));
  const num = String(d.line);
  const gutter = ' '.repeat(num.length);
  const caretAt = displayWidth(inert(d.source.slice(0, Math.max(0, d.column - 1)).replace(/\t/g, ' ')));
  const shown = src.length > 160 ? src.slice(0, 157) + '...' : src;
  return [
    head,
    `  ${style.dim(`${num} |`)} ${shown}`,
    `  ${style.dim(`${gutter} |`)} ${' '.repeat(Math.min(caretAt, 160))}${d.severity === 'error' ? style.red('^') : style.yellow('^')}`,
  ].join('\n');
}

export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return {
    severity: d.severity,
    code: d.code,
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.place !== undefined ? { cell: d.place } : {}),
    message: d.message[lang],
  };
}

export function summaryLine(errors: number, warnings: number, lang: Lang): string {
  return lang === 'vi'
    ? `${errors} lỗi, ${warnings} cảnh báo`
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
