/** Where things are in a parsed file: lines, and the node at a path of keys and indexes. */
import { LineCounter, parseAllDocuments, isMap, isSeq, isPair, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedFile {
  path: string;
  text: string;
  lineCounter: LineCounter;
  /**
   * The parsed document with its nodes, for positions. Released by `releaseDocument` once a file is
   * loaded (keeping thousands of syntax trees costs memory and collection time); `documentOf`
   * parses the text again on the rare occasion a finding needs a position.
   */
  doc: Document.Parsed | null;
  /** The plain value; `undefined` when the file could not be read as YAML at all. */
  value: unknown;
  /** Parse-level findings; when any is an error, `value` is undefined. */
  diagnostics: Diagnostic[];
}

const LINE_STARTS = new WeakMap<ParsedFile, number[]>();

/** The text of one line of a parsed file, from an index of line starts built once per file. */
export function sourceLine(file: ParsedFile, line: number): string {
  let starts = LINE_STARTS.get(file);
  if (!starts) {
    starts = [0];
    for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) starts.push(i + 1);
    LINE_STARTS.set(file, starts);
  }
  const start = starts[line - 1];
  if (start === undefined) return '';
  const end = starts[line] !== undefined ? starts[line] - 1 : file.text.length;
  return file.text.slice(start, end).replace(/\r$/, '');
}

/** The line starts of the last text asked about: many findings in one file share one index. */
let lastText: string | null = null;
let lastStarts: number[] = [];

/** The text of one line (1-based) of `text`; linear once per text, then constant per line. */
export function lineText(text: string, line: number): string {
  if (text !== lastText) {
    lastStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lastStarts.push(i + 1);
    lastText = text;
  }
  const start = lastStarts[line - 1];
  if (start === undefined || line < 1) return '';
  const next = lastStarts[line];
  return text.slice(start, next !== undefined ? next - 1 : text.length).replace(/\r$/, '');
}

export function posAt(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(Math.max(0, offset));
  return { line: p.line, column: p.col };
}

export type PathSegment = string | number;

export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: true,
} as const;

/** Key → pair of a mapping, built once per mapping: placing thousands of findings stays linear. */
const PAIRS = new WeakMap<object, Map<string, Pair>>();

function pairIndex(map: import('yaml').YAMLMap): Map<string, Pair> {
  let index = PAIRS.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key)) {
        const key = String(item.key.value);
        if (!index.has(key)) index.set(key, item);
      }
    }
    PAIRS.set(map, index);
  }
  return index;
}

export function releaseDocument(file: ParsedFile): void {
  if (file.diagnostics.length === 0) file.doc = null;
}

function documentOf(file: ParsedFile): Document.Parsed | null {
  if (file.doc === null && file.value !== undefined && file.text !== '') {
    file.lineCounter = new LineCounter();
    const docs = parseAllDocuments(file.text, { ...PARSE_OPTIONS, lineCounter: file.lineCounter }) as Document.Parsed[];
    file.doc = Array.isArray(docs) ? (docs[0] ?? null) : null;
  }
  return file.doc;
}

/**
 * The position of the node at `path`: the value node, or with `at: 'key'` the key of the pair.
 * A path that does not exist resolves to its deepest existing ancestor (for a missing key: the
 * parent mapping, shown at its own key when it has one).
 */
export function positionOf(file: ParsedFile, path: readonly PathSegment[], at: 'value' | 'key' = 'value'): Position {
  const doc = documentOf(file);
  if (!doc || !isNode(doc.contents)) return firstContentPosition(file);
  let node: Node = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    let nextNode: Node | null = null;
    if (isMap(node)) {
      const nextPair: Pair | null = pairIndex(node).get(String(seg)) ?? null;
      if (nextPair) {
        const isLast = i === path.length - 1;
        if (isLast && at === 'key') return nodePos(file, nextPair.key as Node);
        nextNode = isNode(nextPair.value) ? nextPair.value : null;
        if (!nextNode) return nodePos(file, nextPair.key as Node);
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (isNode(item)) {
        nextNode = item;
      }
    }
    if (!nextNode) break;
    node = nextNode;
  }
  return nodePos(file, node);
}

/** Position of the key of the deepest existing mapping on `path` (for a missing key: its parent). */
export function parentPosition(file: ParsedFile, path: readonly PathSegment[]): Position {
  // Walk to the parent; if the parent is the value of a pair, show that pair's key.
  const parentPath = path.slice(0, -1);
  if (parentPath.length === 0) return firstContentPosition(file);
  return positionOf(file, parentPath, 'key');
}

function nodePos(file: ParsedFile, node: Node): Position {
  const offset = node.range?.[0] ?? 0;
  return posAt(file.lineCounter, offset);
}

export function firstContentPosition(file: ParsedFile): Position {
  const doc = documentOf(file);
  if (doc && isNode(doc.contents)) return nodePos(file, doc.contents);
  return { line: 1, column: 1 };
}
