/**
 * How deep a file nests, found before the parser runs: the parser builds deep structures by
 * recursion, so a crafted file nested thousands deep would exhaust its stack and memory.
 */
import { t, type Localized } from '../diagnostics.js';

/** Records nest a few levels; anything deeper than this is refused. */
export const MAX_DEPTH = 64;

export const TOO_DEEP: Localized = t(
  `lồng ánh xạ, danh sách quá ${MAX_DEPTH} tầng; hồ sơ chỉ cần vài tầng`,
  `mappings or lists nested more than ${MAX_DEPTH} deep; records need only a few levels`,
);

const VALUE_START = new Set([':', '-', '[', '{', ',', '?']);

/**
 * The offset of the bracket (or sequence dash) that goes deeper than `limit` in flow
 * collections or in a chain of "- - -" on one line, or null. Quoted strings and comments are
 * skipped; linear in the text.
 */
export function tooDeepAt(text: string, limit = MAX_DEPTH): number | null {
  let flow = 0;
  let dashes = 0;
  let atLineStart = true;
  let previous = '\n';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      atLineStart = true;
      dashes = 0;
      previous = c;
      continue;
    }
    if (c === ' ') continue;
    if (atLineStart && c === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n' || i + 1 === n)) {
      if (++dashes > limit) return i;
      previous = c;
      continue;
    }
    atLineStart = false;
    if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return null;
      i = nl - 1;
      continue;
    }
    if ((c === '"' || c === "'") && VALUE_START.has(previous === '\n' ? ':' : previous)) {
      // A quoted scalar: skip to its closing quote ("\" escapes in double quotes, '' in single).
      let j = i + 1;
      while (j < n) {
        if (c === '"' && text[j] === '\\') j += 2;
        else if (text[j] === c) {
          if (c === "'" && text[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      i = j;
      previous = c;
      continue;
    }
    if (c === '[' || c === '{') {
      if (++flow > limit) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
    previous = c;
  }
  return null;
}
