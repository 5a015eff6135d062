/**
 * Reading one record file: bytes in, a YAML document with positions and the plain value out,
 * or diagnostics. Never throws on any input.
 */
import { LineCounter, Parser, parseAllDocuments, isAlias, isMap, isSeq, isPair, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { t, type Diagnostic, type Localized } from '../diagnostics.js';

export const MAX_FILE_BYTES = 1024 * 1024;

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

const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((n) => `tag:yaml.org,2002:${n}`),
);

const YAML_ERROR_TEXT: Record<string, Localized> = {
  BAD_INDENT: t('thụt lề không đúng', 'bad indentation'),
  TAB_AS_INDENT: t('dùng ký tự tab để thụt lề (YAML chỉ cho phép dấu cách)', 'a tab used for indentation (YAML allows spaces only)'),
  MULTILINE_IMPLICIT_KEY: t('khoá ngầm định không được trải trên nhiều dòng', 'an implicit key may not span several lines'),
  BLOCK_AS_IMPLICIT_KEY: t('khối không thể làm khoá', 'a block cannot be a key'),
  MISSING_CHAR: t('thiếu ký tự đóng (ngoặc hoặc dấu nháy)', 'a closing character (bracket or quote) is missing'),
  UNEXPECTED_TOKEN: t('ký hiệu không mong đợi', 'unexpected token'),
  BAD_SCALAR_START: t('giá trị bắt đầu bằng ký tự không hợp lệ', 'a value starts with a reserved character'),
  BAD_DIRECTIVE: t('chỉ thị YAML không hợp lệ', 'bad YAML directive'),
  BAD_DQ_ESCAPE: t('chuỗi thoát trong dấu nháy kép không hợp lệ', 'bad escape in a double-quoted string'),
  KEY_OVER_1024_CHARS: t('khoá dài quá 1024 ký tự', 'a key longer than 1024 characters'),
  DUPLICATE_KEY: t('khoá bị lặp lại trong cùng một ánh xạ', 'a key repeats in the same mapping'),
  IMPOSSIBLE: t('cấu trúc YAML không thể có', 'impossible YAML structure'),
  MISSING_ANCHOR: t('tham chiếu tới anchor không tồn tại', 'an alias to a missing anchor'),
  TAG_RESOLVE_FAILED: t('thẻ (tag) không được hỗ trợ', 'an unsupported tag'),
};

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

export function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

function posAt(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(Math.max(0, offset));
  return { line: p.line, column: p.col };
}

function diag(
  file: string,
  text: string,
  pos: Position,
  code: 'yaml-syntax' | 'yaml-alias' | 'duplicate-key' | 'file-too-large',
  message: Localized,
): Diagnostic {
  return { severity: 'error', code, file, line: pos.line, column: pos.column, message, source: lineText(text, pos.line) };
}

function decodeUtf8(bytes: Uint8Array): { text: string; badOffset: number | null; utf16: boolean } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: '', badOffset: 0, utf16: true };
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), badOffset: null, utf16: false };
  } catch {
    const loose = new TextDecoder('utf-8').decode(body);
    const at = loose.indexOf('\uFFFD');
    return { text: loose, badOffset: at < 0 ? 0 : at, utf16: false };
  }
}

export function tooLargeDiagnostic(path: string, size: number): Diagnostic {
  return diag(path, '', { line: 1, column: 1 }, 'file-too-large', t(
    `tệp lớn ${size} byte, vượt giới hạn 1 MiB (${MAX_FILE_BYTES} byte)`,
    `the file is ${size} bytes, over the 1 MiB limit (${MAX_FILE_BYTES} bytes)`,
  ));
}

/**
 * The offset of the innermost flow collection opened with `open` before `before` that has no
 * closing bracket, from the parser's concrete syntax tree (so a bracket inside a quoted string is
 * never taken for one). Walked with an explicit stack: no recursion limit on deep nesting.
 */
function unclosedFlowStart(text: string, open: '{' | '[', before: number): number | null {
  const close = open === '{' ? '}' : ']';
  let found: number | null = null;
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length) {
    const token = stack.pop() as Record<string, unknown> | undefined;
    if (!token || typeof token !== 'object') continue;
    if (token['type'] === 'flow-collection') {
      const start = token['start'] as { offset: number; source: string };
      const end = (token['end'] as Array<{ source: string }> | undefined) ?? [];
      if (start.source === open && start.offset < before && !end.some((t) => t.source === close) && (found === null || start.offset > found)) found = start.offset;
    }
    if (token['value']) stack.push(token['value']);
    if (token['key']) stack.push(token['key']);
    for (const item of (token['items'] as Array<Record<string, unknown>> | undefined) ?? []) stack.push(item['key'], item['value']);
  }
  return found;
}

export function parseYamlFile(path: string, bytes: Uint8Array): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { path, text: '', lineCounter, doc: null, value: undefined, diagnostics: [] };
  if (bytes.length > MAX_FILE_BYTES) {
    result.diagnostics.push(tooLargeDiagnostic(path, bytes.length));
    return result;
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.utf16) {
    result.diagnostics.push(diag(path, '', { line: 1, column: 1 }, 'yaml-syntax', t(
      'tệp được mã hoá UTF-16; hãy lưu lại dưới dạng UTF-8',
      'the file is encoded as UTF-16; save it as UTF-8',
    )));
    return result;
  }
  if (decoded.badOffset !== null) {
    const before = decoded.text.slice(0, decoded.badOffset);
    const line = before.split('\n').length;
    const column = decoded.badOffset - (before.lastIndexOf('\n') + 1) + 1;
    result.text = decoded.text;
    result.diagnostics.push(diag(path, decoded.text, { line, column }, 'yaml-syntax', t(
      'tệp chứa byte không phải UTF-8 hợp lệ; hãy lưu lại dưới dạng UTF-8',
      'the file holds bytes that are not valid UTF-8; save it as UTF-8',
    )));
    return result;
  }
  const text = decoded.text;
  result.text = text;
  // YAML allows no raw control characters but tab, line feed and carriage return (an escaped
  // "\e" inside double quotes is fine: it is text, and printed inert).
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - (before.lastIndexOf('\n') + 1) + 1;
    const code = control[0].charCodeAt(0).toString(16).padStart(2, '0');
    result.diagnostics.push(diag(path, text, { line, column }, 'yaml-syntax', t(
      `tệp chứa ký tự điều khiển U+00${code.toUpperCase()} không được phép trong YAML`,
      `the file holds the control character U+00${code.toUpperCase()}, which YAML does not allow`,
    )));
    return result;
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (err) {
    result.diagnostics.push(diag(path, text, { line: 1, column: 1 }, 'yaml-syntax', t(
      `không đọc được YAML: ${(err as Error).message}`,
      `cannot read the YAML: ${(err as Error).message}`,
    )));
    return result;
  }
  if (!Array.isArray(docs) || docs.length === 0) {
    // Empty file or only comments: the value is null (the schema decides whether that is fine).
    result.value = null;
    return result;
  }
  const doc = docs[0]!;
  result.doc = doc;
  if (docs.length > 1) {
    const second = docs[1]!;
    const offset = second.range?.[0] ?? 0;
    result.diagnostics.push(diag(path, text, posAt(lineCounter, offset), 'yaml-syntax', t(
      'tệp chứa nhiều tài liệu YAML (---); mỗi tệp chỉ được có một',
      'the file holds several YAML documents (---); a file may hold one only',
    )));
  }
  for (const e of [...doc.errors, ...doc.warnings]) {
    const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    const known = YAML_ERROR_TEXT[e.code];
    const libText = e.message.split('\n')[0] ?? '';
    const msg = known
      ? t(`${known.vi}`, `${known.en}`)
      : t(`cú pháp YAML không hợp lệ (${libText})`, `invalid YAML syntax (${libText})`);
    if (e.code === 'DUPLICATE_KEY') {
      const key = text.slice(e.pos[0], e.pos[1]);
      msg.vi = `khoá “${key}” bị lặp lại trong cùng một ánh xạ`;
      msg.en = `the key “${key}” repeats in the same mapping`;
    }
    let offset = e.pos[0];
    const flow = /flow (map|sequence)/i.exec(e.message);
    if (flow && /end with/.test(e.message)) {
      // Point at the bracket that was never closed, as the parser's own tokens place it.
      const open = flow[1] === 'map' ? '{' : '[';
      offset = unclosedFlowStart(text, open, e.pos[0]) ?? offset;
      msg.vi = `ngoặc “${open}” mở ở đây nhưng không đóng`;
      msg.en = `the “${open}” opened here is never closed`;
    }
    if (e.code === 'MISSING_CHAR' && /closing ["']quote/.test(e.message)) {
      // Point at the opening quote, not at the end of the file where the parser gave up.
      const quote = /closing "quote/.test(e.message) ? '"' : "'";
      const open = text.lastIndexOf(quote, Math.max(0, e.pos[0] - 1));
      if (open >= 0) offset = open;
      msg.vi = 'chuỗi mở bằng dấu nháy ở đây nhưng không có dấu nháy đóng';
      msg.en = 'a string opens with a quote here but is never closed';
    }
    result.diagnostics.push(diag(path, text, posAt(lineCounter, offset), code, msg));
  }
  // One walk over the tree, with an explicit stack (no recursion limit): aliases and anchors,
  // tags outside the core schema, and keys repeated in a mapping (checked here with a set per
  // mapping; the parser's own check compares every pair with every other).
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!isNode(node) && !isPair(node)) continue;
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (isAlias(node)) {
      result.diagnostics.push(diag(path, text, posAt(lineCounter, node.range?.[0] ?? 0), 'yaml-alias', t(
        `không được dùng alias (*${node.source}); hãy viết lại giá trị`,
        `aliases are not allowed (*${node.source}); write the value out`,
      )));
      continue;
    }
    const n = node as Node;
    if (n.anchor) {
      result.diagnostics.push(diag(path, text, posAt(lineCounter, n.range?.[0] ?? 0), 'yaml-alias', t(
        `không được dùng anchor (&${n.anchor})`,
        `anchors are not allowed (&${n.anchor})`,
      )));
    }
    if (n.tag && !ALLOWED_TAGS.has(n.tag)) {
      result.diagnostics.push(diag(path, text, posAt(lineCounter, n.range?.[0] ?? 0), 'yaml-syntax', t(
        `không được dùng thẻ (tag) ${n.tag}`,
        `the tag ${n.tag} is not allowed`,
      )));
    }
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const item of n.items) {
        if (isScalar(item.key)) {
          const key = String(item.key.value);
          if (seen.has(key)) {
            result.diagnostics.push(diag(path, text, posAt(lineCounter, item.key.range?.[0] ?? 0), 'duplicate-key', t(
              `khoá “${key}” bị lặp lại trong cùng một ánh xạ`,
              `the key “${key}” repeats in the same mapping`,
            )));
          }
          seen.add(key);
        }
      }
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    } else if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  result.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (result.diagnostics.length === 0) {
    try {
      result.value = doc.toJS({ maxAliasCount: 0 });
    } catch (err) {
      result.diagnostics.push(diag(path, text, { line: 1, column: 1 }, 'yaml-syntax', t(
        `không đọc được YAML: ${(err as Error).message}`,
        `cannot read the YAML: ${(err as Error).message}`,
      )));
    }
  }
  return result;
}

export type PathSegment = string | number;

const PARSE_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: false, merge: false, prettyErrors: false, strict: true } as const;

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
        nextNode = isNode(nextPair.value) ? (nextPair.value) : null;
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

