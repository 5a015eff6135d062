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

import {
  bail,
  keyOf,
  MAX_DEPTH,
  onlyCommentAfter,
  resolvePlain,
  plainStartOk,
  checkKey,
  doubleQuoted,
  singleQuoted,
  skipSpaces,
  flow,
} from './fast-path-inline.js';

/** The answer for a text outside the subset: read it with the full parser. */
export const NOT_SIMPLE: unique symbol = Symbol('not simple');

/**
 * Characters the subset leaves to the full parser wherever they stand: tab, the C1 controls, the
 * line and paragraph separators, byte order marks and non-characters, and surrogates (a character
 * outside the Basic Multilingual Plane).
 */
function outsideSubset(text: string): boolean {
  return /[\t\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/.test(text);
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
