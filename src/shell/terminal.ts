/** Text for the terminal: record text made inert (no escape sequences), and colour on or off. */
import { Chalk, type ChalkInstance } from 'chalk';

export { inert } from '../core/text/inert.js';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const plain: Style = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  cyan: (s) => s,
};

function styled(c: ChalkInstance): Style {
  return {
    bold: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    red: (s) => c.red(s),
    yellow: (s) => c.yellow(s),
    green: (s) => c.green(s),
    cyan: (s) => c.cyan(s),
  };
}

/**
 * Colour, by chalk, follows NO_COLOR and FORCE_COLOR, and is off when stdout is not a terminal or
 * the terminal is dumb. Decided from the run's own environment (so tests and scripts can set it).
 */
export function chooseStyle(env: NodeJS.ProcessEnv, isTTY: boolean): Style {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return plain;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force === '0' || force === 'false' ? plain : styled(new Chalk({ level: 1 }));
  if (!isTTY || env['TERM'] === 'dumb') return plain;
  return styled(new Chalk({ level: 1 }));
}

/** Pad to a display width (Vietnamese letters with combining marks count once). */
export function displayWidth(s: string): number {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  return [...s.normalize('NFC').replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - displayWidth(s));
  return align === 'left' ? s + ' '.repeat(gap) : ' '.repeat(gap) + s;
}

/** Words folded to lines of at most `width` display columns (a word longer than a line is cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let w = word;
    while (displayWidth(w) > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      const chars = [...w.normalize('NFC')];
      lines.push(chars.slice(0, width).join(''));
      w = chars.slice(width).join('');
    }
    if (line === '') line = w;
    else if (displayWidth(line) + 1 + displayWidth(w) <= width) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * A plain text table: header row, a rule, then rows; columns sized to their content. When it is
 * wider than the terminal (`columns`), each row becomes a block instead: its first cell, then
 * "header: value" lines folded to the width.
 */
export function table(
  header: string[],
  rows: string[][],
  align: Array<'left' | 'right'> = [],
  style: Style = plain,
  columns?: number,
): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (columns !== undefined && total > columns) return compactTable(header, rows, style, columns);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [style.bold(line(header)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function compactTable(header: string[], rows: string[][], style: Style, columns: number): string {
  const blocks = rows.map((r) => {
    const out = wrap(`${header[0] ?? ''}: ${r[0] ?? ''}`, columns).map((l) => style.bold(l));
    for (let i = 1; i < header.length; i++) {
      const v = r[i] ?? '';
      if (v === '') continue;
      out.push(...wrap(`${header[i] ?? ''}: ${v}`, columns - 4).map((l, k) => (k === 0 ? '  ' : '    ') + l));
    }
    return out.join('\n');
  });
  return blocks.join('\n\n');
}
