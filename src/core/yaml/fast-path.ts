/**
 * A quick reading of the plain YAML that record files are made of: block mappings and sequences,
 * plain, single- and double-quoted scalars, flow collections written on one line and literal
 * block scalars (`|`, `|-`). For a text inside that subset it gives the value the `yaml` package
 * gives (`parseAllDocuments(text, PARSE_OPTIONS)[0].toJS()`, YAML 1.2 core schema), several times
 * faster; for anything else — and for anything the full parser or the tree checks would report:
 * a repeated key, an anchor, a tag, a line it would refuse — it gives `NOT_SIMPLE`, and the file is
 * read by the `yaml` package, which gives the findings their places.
 *
 * It never guesses: each construct it does not know, or knows only in part (an escape in double
 * quotes, a folded scalar, a key that is not a plain word, octal, hexadecimal or infinite
 * numbers, a flow collection over several lines…), sends the file to the full parser.
 * `test/unit/yaml-fast-path.test.ts` compares the two on every record file of the example and the
 * fixtures, and on files changed at random.
 */

/** The answer for a text outside the subset: read it with the full parser. */
export const NOT_SIMPLE: unique symbol = Symbol('not simple');

class NotSimple extends Error {}
const BAIL = new NotSimple('not simple');

function bail(): never {
  throw BAIL;
}

// The patterns stand inside the functions that use them, not at the top of the module: the
// mutation runs share modules from one run to the next, so a value made when the module loads
// would never be seen mutated (docs/mutation.md).

/**
 * Characters the subset leaves to the full parser wherever they stand: tab, the C1 controls, the
 * line and paragraph separators, byte order marks and non-characters, and surrogates (a character
 * outside the Basic Multilingual Plane).
 */
function outsideSubset(text: string): boolean {
  return /[\t\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/.test(text);
}

/** A line's key, when the line begins with one: a plain word or path, as every record key is. */
function keyOf(line: string): string | null {
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
const MAX_DEPTH = 32;

/** After a quoted scalar or a flow collection: nothing, or spaces and perhaps a comment. */
function onlyCommentAfter(rest: string): boolean {
  return /^(?: +(?:#.*)?)?$/.test(rest);
}

/**
 * The core schema's resolution of a plain scalar, limited to null, booleans and decimal numbers:
 * octal, hexadecimal, infinity and not-a-number are left to the full parser.
 */
function resolvePlain(s: string): unknown {
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
function plainStartOk(s: string): boolean {
  if (!/^[-?:,[\]{}#&*!|>'"%@` ]/.test(s)) return true;
  return /^-[0-9A-Za-z.]/.test(s);
}

const EMPTY = {};

/**
 * A key is taken as written only when it reads as a string (not null, a boolean or a number),
 * does not repeat, and is no name an object already has (`constructor`, `__proto__`: the full
 * parser defines those in its own way).
 */
function checkKey(map: Record<string, unknown>, key: string): void {
  if (key.length > MAX_KEY || Object.hasOwn(map, key) || key in EMPTY || resolvePlain(key) !== key) bail();
}

/** A double-quoted scalar on one line without escapes, from `p` (the opening quote). */
function doubleQuoted(s: string, p: number): [string, number] {
  const end = s.indexOf('"', p + 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: defensive; without it an unclosed quote still fails, as the reading goes on from the line's start
  if (end < 0) bail();
  const body = s.slice(p + 1, end);
  if (body.includes('\\')) bail();
  return [body, end + 1];
}

/** A single-quoted scalar on one line (`''` is a quote), from `p` (the opening quote). */
function singleQuoted(s: string, p: number): [string, number] {
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

function skipSpaces(s: string, p: number): number {
  while (s.charCodeAt(p) === 32) p++;
  return p;
}

/** A flow collection closed on the same line, from `p` (its bracket). */
function flow(s: string, p: number, depth: number): [unknown, number] {
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

interface Lines {
  raw: string[];
  indent: number[];
  content: string[];
}

/**
 * The text's lines, each with its indentation. A document marker (`---`, `...`) or a directive
 * (`%`) needs no test of its own: no key, dash or indented line begins that way.
 */
function splitLines(text: string): Lines {
  const raw = text.split('\n');
  const indent: number[] = [];
  const content: string[] = [];
  for (const line of raw) {
    const n = skipSpaces(line, 0);
    indent.push(n);
    content.push(line.slice(n));
  }
  return { raw, indent, content };
}

function isItem(c: string): boolean {
  return c === '-' || c.startsWith('- ');
}

function isBlank(c: string): boolean {
  return c === '' || c[0] === '#';
}

class Reader {
  i = 0;
  constructor(private readonly l: Lines) {}

  /** The next line holding something other than a comment, or -1. */
  next(): number {
    const { content } = this.l;
    while (this.i < content.length && isBlank(content[this.i]!)) this.i++;
    return this.i < content.length ? this.i : -1;
  }

  node(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) bail();
    // A line that is neither a dash nor a key is refused by mapping().
    return isItem(this.l.content[this.i]!) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  mapping(n: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let j = this.next(); j >= 0; j = this.next()) {
      const ind = this.l.indent[j]!;
      if (ind < n) break;
      if (ind > n) bail();
      const c = this.l.content[j]!;
      const key = keyOf(c);
      // Stryker disable next-line ConditionalExpression: equivalent; without it, measuring the missing key fails, and a failure gives NOT_SIMPLE too
      if (key === null) bail();
      checkKey(map, key);
      this.i = j + 1;
      map[key] = this.value(c.slice(skipSpaces(c, key.length + 1)), n, depth, true);
    }
    return map;
  }

  sequence(n: number, depth: number): unknown[] {
    const list: unknown[] = [];
    for (let j = this.next(); j >= 0; j = this.next()) {
      const ind = this.l.indent[j]!;
      if (ind < n) break;
      if (ind > n) bail();
      const c = this.l.content[j]!;
      if (!isItem(c)) break;
      const k = skipSpaces(c, 1);
      const rest = c.slice(k);
      if (isItem(rest) || keyOf(rest) !== null) {
        // "- key: value" or "- - item": a collection that begins on the dash's line.
        this.l.indent[j] = n + k;
        this.l.content[j] = rest;
        list.push(this.node(n + k, depth + 1));
      } else {
        this.i = j + 1;
        list.push(this.value(rest, n, depth, false));
      }
    }
    return list;
  }

  /** What follows a key's colon or a dash: `rest` on the line, or the lines below. */
  value(rest: string, n: number, depth: number, inMapping: boolean): unknown {
    if (rest === '' || rest[0] === '#') {
      const k = this.next();
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; with no line left, the tests below compare an absent indentation, are false, and give null all the same
      if (k < 0) return null;
      if (this.l.indent[k]! > n) {
        const c = this.l.content[k]!;
        if (isItem(c) || keyOf(c) !== null) return this.node(this.l.indent[k]!, depth + 1);
        // A scalar or flow collection on a line of its own, below its key or dash.
        if (c[0] === '|') bail();
        this.i = k + 1;
        return this.value(c, n, depth, inMapping);
      }
      if (inMapping && this.l.indent[k] === n && isItem(this.l.content[k]!)) return this.sequence(n, depth + 1);
      return null;
    }
    const c = rest[0];
    if (c === '|') return this.literal(rest, n);
    if (c === '"' || c === "'" || c === '[' || c === '{') {
      const [v, end] = c === '"' ? doubleQuoted(rest, 0) : c === "'" ? singleQuoted(rest, 0) : flow(rest, 0, depth + 1);
      if (!onlyCommentAfter(rest.slice(end))) bail();
      return v;
    }
    const hash = rest.indexOf(' #');
    // Stryker disable next-line EqualityOperator: equivalent; `rest` never begins with a space, so ' #' is never at 0
    const plain = (hash < 0 ? rest : rest.slice(0, hash)).replace(/ +$/, '');
    if (!plainStartOk(plain) || plain.includes(': ') || plain.endsWith(':')) bail();
    // A scalar ends on its line: a deeper line after it (which would continue it) is refused by the
    // mapping or list that reads on.
    return resolvePlain(plain);
  }

  /** A literal block scalar whose header is `header`, inside a collection indented `n`. */
  literal(header: string, n: number): string {
    // Clip or strip (`|`, `|-`); no indentation indicator, no keep (`|+`).
    const m = /^\|(-?)(?: +(?:#.*)?)?$/.exec(header);
    // Stryker disable next-line ConditionalExpression: equivalent; without it, reading the header's chomping fails at the end, and a failure gives NOT_SIMPLE too
    if (!m) bail();
    const { raw } = this.l;
    const parts: string[] = [];
    let indent = -1;
    let leading = 0;
    let k = this.i;
    for (; k < raw.length; k++) {
      const line = raw[k]!;
      const sp = skipSpaces(line, 0);
      if (sp === line.length) {
        // An empty line; one with more spaces than the scalar's indentation would hold content.
        // Stryker disable next-line EqualityOperator: equivalent; once set, the indentation is deeper than the parent's, so at least 1
        if (indent < 0) leading = Math.max(leading, sp);
        else if (sp > indent) bail();
        parts.push('');
        continue;
      }
      // Stryker disable next-line EqualityOperator: equivalent; once set, the indentation is deeper than the parent's, so at least 1
      if (indent < 0) {
        if (sp <= n || leading > sp) bail();
        indent = sp;
      } else if (sp < indent) break;
      parts.push(line.slice(indent));
    }
    // An empty literal is left to the full parser. (It ends the file with or without a line break:
    // the `yaml` package keeps the last line's break either way.)
    // Stryker disable next-line EqualityOperator: equivalent; once set, the indentation is deeper than the parent's, so at least 1
    if (indent < 0) bail();
    while (parts[parts.length - 1] === '') parts.pop();
    this.i = k;
    return parts.join('\n') + (m[1] === '-' ? '' : '\n');
  }
}

/**
 * The value of a record file's text when it lies inside the subset, else `NOT_SIMPLE`. The text
 * has passed the checks that come before parsing (decoding, control characters, depth).
 */
export function fastParse(text: string): unknown {
  if (outsideSubset(text)) return NOT_SIMPLE;
  // Lines ended as Windows ends them read as lines ended with a line feed; a carriage return alone
  // is left to the full parser.
  // Stryker disable next-line ConditionalExpression: equivalent; the test only saves two scans of a text without a carriage return
  if (text.includes('\r')) {
    if (/\r(?!\n)/.test(text)) return NOT_SIMPLE;
    text = text.replaceAll('\r\n', '\n');
  }
  try {
    const lines = splitLines(text);
    const reader = new Reader(lines);
    const first = reader.next();
    // Stryker disable next-line ConditionalExpression: equivalent; with no line, reading the first one fails, and a failure gives NOT_SIMPLE too
    if (first < 0) return NOT_SIMPLE;
    const value = reader.node(lines.indent[first]!, 1);
    // Stryker disable next-line EqualityOperator: equivalent; the first line was read, so a line left has an index above 0
    if (reader.next() >= 0) return NOT_SIMPLE;
    return value;
  } catch {
    // Anything the quick reading cannot take (and, were it ever to fail, its own failure) leaves
    // the file to the full parser.
    return NOT_SIMPLE;
  }
}
