/** The parser's own errors as diagnostics, each placed where the clerk should look. */
import { Parser, type Document, type LineCounter } from 'yaml';
import { t, type Diagnostic, type Localized } from '../diagnostics.js';
import { lineText, posAt, type Position } from './positions.js';

import { MAX_FILE_BYTES } from './limits.js';

export { MAX_FILE_BYTES };

const YAML_ERROR_TEXT: Record<string, Localized> = {
  BAD_INDENT: t('thụt lề không đúng', 'bad indentation'),
  TAB_AS_INDENT: t(
    'dùng ký tự tab để thụt lề (YAML chỉ cho phép dấu cách)',
    'a tab used for indentation (YAML allows spaces only)',
  ),
  MULTILINE_IMPLICIT_KEY: t(
    'khoá ngầm định không được trải trên nhiều dòng',
    'an implicit key may not span several lines',
  ),
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

export function diag(
  file: string,
  text: string,
  pos: Position,
  code: 'yaml-syntax' | 'yaml-alias' | 'duplicate-key' | 'file-too-large' | 'yaml-too-deep',
  message: Localized,
): Diagnostic {
  return {
    severity: 'error',
    code,
    file,
    line: pos.line,
    column: pos.column,
    message,
    source: lineText(text, pos.line),
  };
}

export function tooLargeDiagnostic(path: string, size: number): Diagnostic {
  return diag(
    path,
    '',
    { line: 1, column: 1 },
    'file-too-large',
    t(
      `tệp lớn ${size} byte, vượt giới hạn 1 MiB (${MAX_FILE_BYTES} byte)`,
      `the file is ${size} bytes, over the 1 MiB limit (${MAX_FILE_BYTES} bytes)`,
    ),
  );
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
      if (
        start.source === open &&
        start.offset < before &&
        !end.some((t) => t.source === close) &&
        (found === null || start.offset > found)
      )
        found = start.offset;
    }
    if (token['value']) stack.push(token['value']);
    if (token['key']) stack.push(token['key']);
    for (const item of (token['items'] as Array<Record<string, unknown>> | undefined) ?? [])
      stack.push(item['key'], item['value']);
  }
  return found;
}

/** Every error and warning of the parsed document, with its code, words and place. */
export function syntaxDiagnostics(
  path: string,
  text: string,
  doc: Document.Parsed,
  lineCounter: LineCounter,
): Diagnostic[] {
  const out: Diagnostic[] = [];
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
    out.push(diag(path, text, posAt(lineCounter, offset), code, msg));
  }
  return out;
}
