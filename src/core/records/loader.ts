/** The loader: reads each file of a snapshot once and records what it could not read. */
import type { z } from 'zod';
import { t, type Diagnostic } from '../diagnostics.js';
import { parseYamlFile } from '../yaml/parse-yaml-file.js';
import { lineText, releaseDocument, type ParsedFile, type PathSegment } from '../yaml/positions.js';
import { tooLargeDiagnostic } from '../yaml/syntax-errors.js';
import { findingToDiagnostic, issueToFindings } from './schema-diagnostics.js';
import { FIELD_VOCABULARY } from '../schemas/vocabulary.js';
import { type FileEntry, type Rec, type Snapshot } from './workspace.js';

export function unreadableDiagnostic(path: string, entry: Extract<FileEntry, { kind: 'unreadable' }>): Diagnostic {
  const why = {
    directory: t('đây là một thư mục, không phải tệp', 'this is a folder, not a file'),
    permission: t('không có quyền đọc tệp', 'no permission to read the file'),
    'symlink-outside': t(
      'liên kết tượng trưng trỏ ra ngoài không gian làm việc',
      'a symbolic link that points outside the workspace',
    ),
    'symlink-loop': t('liên kết tượng trưng tạo thành vòng lặp', 'a symbolic link loop'),
    other: t(
      `không đọc được tệp${entry.detail ? ` (${entry.detail})` : ''}`,
      `cannot read the file${entry.detail ? ` (${entry.detail})` : ''}`,
    ),
  }[entry.reason];
  return { severity: 'error', code: 'schema', file: path, line: 1, column: 1, message: why };
}

export function missingFileDiagnostic(path: string): Diagnostic {
  return {
    severity: 'error',
    code: 'schema',
    file: path,
    line: 1,
    column: 1,
    message: t(`thiếu tệp bắt buộc ${path}`, `the required file ${path} is missing`),
  };
}

export class Loader {
  readonly files = new Map<string, ParsedFile>();
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly snapshot: Snapshot,
    private readonly preparsed?: ReadonlyMap<string, ParsedFile>,
  ) {}

  has(path: string): boolean {
    return this.snapshot.files.has(path);
  }

  /** The file was read as YAML (whatever its schema findings). */
  readable(path: string): boolean {
    const f = this.files.get(path);
    return f !== undefined && f.value !== undefined;
  }

  /** Parse a file; `null` when it is absent, unreadable or not YAML. */
  parse(path: string): ParsedFile | null {
    const cached = this.files.get(path);
    if (cached) return cached;
    const entry = this.snapshot.files.get(path);
    if (!entry) return null;
    if (entry.kind === 'unreadable') {
      this.diagnostics.push(unreadableDiagnostic(path, entry));
      return null;
    }
    if (entry.kind === 'too-large') {
      this.diagnostics.push(tooLargeDiagnostic(path, entry.size));
      return null;
    }
    const parsed = this.preparsed?.get(path) ?? parseYamlFile(path, entry.bytes);
    this.files.set(path, parsed);
    this.diagnostics.push(...parsed.diagnostics);
    return parsed.value === undefined ? null : parsed;
  }

  check<S extends z.ZodType>(file: ParsedFile, schema: S, value: unknown, basePath: PathSegment[]): z.infer<S> | null {
    const res = schema.safeParse(value, { reportInput: true });
    if (res.success) {
      // List files are checked item by item: release the tree only after the whole file.
      if (basePath.length === 0) releaseDocument(file);
      return res.data;
    }
    for (const issue of res.error.issues) {
      for (const f of issueToFindings(issue, basePath, FIELD_VOCABULARY)) {
        this.diagnostics.push(findingToDiagnostic(file, f));
      }
    }
    return null;
  }

  single<S extends z.ZodType>(path: string, schema: S, required: boolean): Rec<z.infer<S>> | null {
    if (!this.has(path)) {
      if (required) this.diagnostics.push(missingFileDiagnostic(path));
      return null;
    }
    const file = this.parse(path);
    if (!file) return null;
    const data = this.check(file, schema, file.value, []);
    return data === null ? null : { value: data, loc: { file: path, path: [] } };
  }

  /** A file holding a list; each item is checked on its own so one bad item keeps the others. */
  list<S extends z.ZodType>(
    path: string,
    schema: S,
    required: boolean,
    brokenIds?: { key: string; into: Set<string> },
  ): Rec<z.infer<S>>[] {
    if (!this.has(path)) {
      if (required) this.diagnostics.push(missingFileDiagnostic(path));
      return [];
    }
    const file = this.parse(path);
    if (!file) return [];
    if (file.value === null) return [];
    if (!Array.isArray(file.value)) {
      const pos = { line: 1, column: 1 };
      this.diagnostics.push({
        severity: 'error',
        code: 'schema',
        file: path,
        ...pos,
        message: t(
          'tệp phải là một danh sách (mỗi mục bắt đầu bằng “- ”)',
          'the file must be a list (each item starting with “- ”)',
        ),
        source: lineText(file.text, 1),
      });
      return [];
    }
    const out: Rec<z.infer<S>>[] = [];
    const items = file.value as unknown[];
    items.forEach((item: unknown, i: number) => {
      const data = this.check(file, schema, item, [i]);
      if (data !== null) out.push({ value: data, loc: { file: path, path: [i] } });
      else if (brokenIds && item && typeof item === 'object') {
        const id = (item as Record<string, unknown>)[brokenIds.key];
        if (typeof id === 'string') brokenIds.into.add(id);
      }
    });
    if (out.length === items.length) releaseDocument(file);
    return out;
  }

  idMismatch(file: ParsedFile, path: PathSegment[], message: Diagnostic['message']): void {
    const d = findingToDiagnostic(file, { code: 'schema', path, at: 'value', message });
    this.diagnostics.push({ ...d, code: 'id-mismatch' });
  }
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return path.slice(slash + 1).replace(/\.yaml$/, '');
}
