/**
 * The quick YAML reader's one-line parts (src/core/yaml/fast-path.ts reads the lines): keys, plain
 * and quoted scalars, and flow collections closed on their line. Each throws (`bail`) on what it
 * does not know, and the whole text goes to the full parser.
 */

class NotSimple extends Error {}
const BAIL = new NotSimple('not simple');

export function bail(): never {
  throw BAIL;
}

// The patterns stand inside the functions that use them, not at the top of the module: the
// mutation runs share modules from one run to the next, so a value made when the module loads
// would never be seen mutated (docs/mutation.md).

/** A line's key, when the line begins with one: a plain word or path, as every record key is. */
export function keyOf(line: string): string | null {
  return /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?= |$)/.exec(line)?.[1] ?? null;
}

/** The key of a flow mapping's entry at `p`, followed by `: `, or null. */
function flowKeyAt(s: string, p: number): string | null {
  // Stryker disable next-line OptionalChaining: equivalent; without it, no key fails, and a failure gives NOT_SIMPLE too
  const key = /^[A-Za-z0-9_][A-Za-z0-9_./-]*/.exec(s.slice(p))?.[0];
  // Stryker disable next-line ConditionalExpression: equivalent; without it, measuring the missing key fails, and a failure gives NOT_SIMPLE too
  if (key === undefined) return null;
  return s.startsWith(': ', p + key.length) ? key : null;
}

/** The longest implicit key `yaml` accepts is 1024 characters. */
const MAX_KEY = 1000;
/** Deeper than this is left to the full parser and its depth finding. */
export const MAX_DEPTH = 32;

/** After a quoted scalar or a flow collection: nothing, or spaces and perhaps a comment. */
export function onlyCommentAfter(rest: string): boolean {
  return /^(?: +(?:#.*)?)?$/.test(rest);
}

/**
 * The core schema's resolution of a plain scalar, limited to null, booleans and decimal numbers:
 * octal, hexadecimal, infinity and not-a-number are left to the full parser.
 */
export function resolvePlain(s: string): unknown {
  // The schema's null is also the empty scalar, which never comes here: a value is read only when
  // its line has one.
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) bail();
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
    return parseFloat(s);
  return s;
}

/** Whether a plain scalar may begin so: not with an indicator (a `-` may, before a digit, a letter or a dot). */
export function plainStartOk(s: string): boolean {
  if (!/^[-?:,[\]{}#&*!|>'"%@` ]/.test(s)) return true;
  return /^-[0-9A-Za-z.]/.test(s);
}

const EMPTY = {};

/**
 * A key is taken as written only when it reads as a string (not null, a boolean or a number),
 * does not repeat, and is no name an object already has (`constructor`, `__proto__`: the full
 * parser defines those in its own way).
 */
export function checkKey(map: Record<string, unknown>, key: string): void {
  if (key.length > MAX_KEY || Object.hasOwn(map, key) || key in EMPTY || resolvePlain(key) !== key) bail();
}

/** A double-quoted scalar on one line without escapes, from `p` (the opening quote). */
export function doubleQuoted(s: string, p: number): [string, number] {
  const end = s.indexOf('"', p + 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: defensive; without it an unclosed quote still fails, as the reading goes on from the line's start
  if (end < 0) bail();
  const body = s.slice(p + 1, end);
  if (body.includes('\\')) bail();
  return [body, end + 1];
}

/** A single-quoted scalar on one line (`''` is a quote), from `p` (the opening quote). */
export function singleQuoted(s: string, p: number): [string, number] {
  let out = '';
  let q = p + 1;
  for (;;) {
    const end = s.indexOf("'", q);
    // Stryker disable next-line EqualityOperator: equivalent; the search starts after the opening quote, so never at 0
    if (end < 0) bail();
    out += s.slice(q, end);
    if (s[end + 1] !== "'") return [out, end + 1];
    out += "'";
    q = end + 2;
  }
}

export function skipSpaces(s: string, p: number): number {
  while (s.charCodeAt(p) === 32) p++;
  return p;
}

/** A flow collection closed on the same line, from `p` (its bracket). */
export function flow(s: string, p: number, depth: number): [unknown, number] {
  if (depth > MAX_DEPTH) bail();
  const open = s[p];
  const close = open === '[' ? ']' : '}';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  p = skipSpaces(s, p + 1);
  if (s[p] === close) return [open === '[' ? list : map, p + 1];
  for (;;) {
    if (open === '[') {
      const [v, q] = flowItem(s, p, depth);
      list.push(v);
      p = q;
    } else {
      const key = flowKeyAt(s, p);
      // Stryker disable next-line ConditionalExpression: equivalent; without it, measuring the missing key fails, and a failure gives NOT_SIMPLE too
      if (key === null) bail();
      checkKey(map, key);
      const [v, q] = flowItem(s, skipSpaces(s, p + key.length + 2), depth);
      map[key] = v;
      p = q;
    }
    p = skipSpaces(s, p);
    if (s[p] === close) return [open === '[' ? list : map, p + 1];
    if (s[p] !== ',') bail();
    p = skipSpaces(s, p + 1); // a trailing comma, or the line's end, is an empty item: refused there
  }
}

function flowItem(s: string, p: number, depth: number): [unknown, number] {
  const c = s[p];
  if (c === '[' || c === '{') return flow(s, p, depth + 1);
  if (c === '"') return doubleQuoted(s, p);
  if (c === "'") return singleQuoted(s, p);
  const m = /[,[\]{}]/.exec(s.slice(p));
  const end = m ? p + m.index : s.length;
  const plain = s.slice(p, end).replace(/ +$/, '');
  if (plain === '' || !plainStartOk(plain) || plain.includes(':') || plain.includes('#')) bail();
  return [resolvePlain(plain), end];
}
