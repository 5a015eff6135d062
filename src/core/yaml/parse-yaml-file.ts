/**
 * Reading one record file: bytes in, a YAML document with positions and the plain value out,
 * or diagnostics. Never throws on any input. Decoding, the parser's errors, the tree checks and
 * positions live in their own modules beside this one.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { t } from '../diagnostics.js';
import { decodeUtf8 } from './decode.js';
import { PARSE_OPTIONS, posAt, type ParsedFile } from './positions.js';
import { diag, MAX_FILE_BYTES, syntaxDiagnostics, tooLargeDiagnostic } from './syntax-errors.js';
import { treeDiagnostics } from './tree-checks.js';
import { TOO_DEEP, tooDeepAt } from './nesting.js';
import { fastParse, NOT_SIMPLE } from './fast-path.js';

export function parseYamlFile(path: string, bytes: Uint8Array): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { path, text: '', lineCounter, doc: null, value: undefined, diagnostics: [] };
  if (bytes.length > MAX_FILE_BYTES) {
    result.diagnostics.push(tooLargeDiagnostic(path, bytes.length));
    return result;
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.utf16) {
    result.diagnostics.push(
      diag(
        path,
        '',
        { line: 1, column: 1 },
        'yaml-syntax',
        t('tệp được mã hoá UTF-16; hãy lưu lại dưới dạng UTF-8', 'the file is encoded as UTF-16; save it as UTF-8'),
      ),
    );
    return result;
  }
  if (decoded.badOffset !== null) {
    const before = decoded.text.slice(0, decoded.badOffset);
    const line = before.split('\n').length;
    const column = decoded.badOffset - (before.lastIndexOf('\n') + 1) + 1;
    result.text = decoded.text;
    result.diagnostics.push(
      diag(
        path,
        decoded.text,
        { line, column },
        'yaml-syntax',
        t(
          'tệp chứa byte không phải UTF-8 hợp lệ; hãy lưu lại dưới dạng UTF-8',
          'the file holds bytes that are not valid UTF-8; save it as UTF-8',
        ),
      ),
    );
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
    result.diagnostics.push(
      diag(
        path,
        text,
        { line, column },
        'yaml-syntax',
        t(
          `tệp chứa ký tự điều khiển U+00${code.toUpperCase()} không được phép trong YAML`,
          `the file holds the control character U+00${code.toUpperCase()}, which YAML does not allow`,
        ),
      ),
    );
    return result;
  }

  const deep = tooDeepAt(text);
  if (deep !== null) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    result.diagnostics.push(
      diag(path, text, { line, column: deep - (before.lastIndexOf('\n') + 1) + 1 }, 'yaml-too-deep', TOO_DEEP),
    );
    return result;
  }
  // Plain record YAML is read quickly, without a syntax tree (positions are found again from the
  // text when a finding needs one); anything else, and anything the parser would report, below.
  const quick = fastParse(text);
  if (quick !== NOT_SIMPLE) {
    result.value = quick;
    return result;
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (err) {
    if (err instanceof RangeError) {
      // Nested too deep in a way the scan does not see (block indentation): the same finding.
      result.diagnostics.push(diag(path, text, { line: 1, column: 1 }, 'yaml-too-deep', TOO_DEEP));
      return result;
    }
    result.diagnostics.push(
      diag(
        path,
        text,
        { line: 1, column: 1 },
        'yaml-syntax',
        t(`không đọc được YAML: ${(err as Error).message}`, `cannot read the YAML: ${(err as Error).message}`),
      ),
    );
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
    result.diagnostics.push(
      diag(
        path,
        text,
        posAt(lineCounter, offset),
        'yaml-syntax',
        t(
          'tệp chứa nhiều tài liệu YAML (---); mỗi tệp chỉ được có một',
          'the file holds several YAML documents (---); a file may hold one only',
        ),
      ),
    );
  }
  result.diagnostics.push(...syntaxDiagnostics(path, text, doc, lineCounter));
  result.diagnostics.push(...treeDiagnostics(path, text, doc, lineCounter));
  result.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (result.diagnostics.length === 0) {
    try {
      result.value = doc.toJS({ maxAliasCount: 0 });
    } catch (err) {
      result.diagnostics.push(
        diag(
          path,
          text,
          { line: 1, column: 1 },
          'yaml-syntax',
          t(`không đọc được YAML: ${(err as Error).message}`, `cannot read the YAML: ${(err as Error).message}`),
        ),
      );
    }
  }
  return result;
}
