/** Turning zod issues into diagnostics placed on the YAML node they concern. */
import type { z } from 'zod';
import { t, type Diagnostic, type Localized } from '../diagnostics.js';
import {
  sourceLine,
  parentPosition,
  positionOf,
  type ParsedFile,
  type PathSegment,
  type Position,
} from '../yaml/positions.js';
import { closest } from '../text/closest.js';
import { TAG, type FormatTag } from '../schemas/values.js';
import { customText, describeInput, fieldLabel, fieldName, formatText, typeName } from './schema-text.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

export interface SchemaFinding {
  code: 'schema' | 'unknown-field';
  path: PathSegment[];
  at: 'value' | 'key' | 'parent';
  message: Localized;
}

export function issueToFindings(
  issue: Issue,
  basePath: readonly PathSegment[],
  vocabulary: readonly string[],
): SchemaFinding[] {
  const path = [...basePath, ...(issue.path as PathSegment[])];
  const f = fieldLabel(path);
  const missing = issue.input === undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const guess = closest(key, vocabulary);
        const hint = guess ? t(` (có phải “${guess}”?)`, ` (did you mean “${guess}”?)`) : t('', '');
        return {
          code: 'unknown-field' as const,
          path: [...path, key],
          at: 'key' as const,
          message: t(`trường không được biết “${key}”${hint.vi}`, `unknown field “${key}”${hint.en}`),
        };
      });
    case 'invalid_type':
      if (missing) {
        return [
          {
            code: 'schema',
            path,
            at: 'parent',
            message: t(`thiếu trường bắt buộc ${f.vi}`, `missing required field ${f.en}`),
          },
        ];
      }
      return [
        {
          code: 'schema',
          path,
          at: 'value',
          message: t(
            `${f.vi} phải là ${typeName(issue.expected).vi}, không phải ${describeInput(issue.input).vi}`,
            `${f.en} must be ${typeName(issue.expected).en}, not ${describeInput(issue.input).en}`,
          ),
        },
      ];
    case 'invalid_union': {
      const disc = issue as unknown as { discriminator?: string; options?: unknown[] };
      if (disc.discriminator) {
        const parent = issue.input as Record<string, unknown> | undefined;
        const options = (disc.options ?? []).map(String).join(', ');
        if (!parent || typeof parent !== 'object' || parent[disc.discriminator] === undefined) {
          return [
            {
              code: 'schema',
              path,
              at: 'parent',
              message: t(`thiếu trường bắt buộc ${f.vi} (${options})`, `missing required field ${f.en} (${options})`),
            },
          ];
        }
        return [
          {
            code: 'schema',
            path,
            at: 'value',
            message: t(`${f.vi} phải là một trong: ${options}`, `${f.en} must be one of: ${options}`),
          },
        ];
      }
      return [{ code: 'schema', path, at: 'value', message: t(`${f.vi} không hợp lệ`, `${f.en} is not valid`) }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v)).join(', ');
      if (missing) {
        return [
          {
            code: 'schema',
            path,
            at: 'parent',
            message: t(`thiếu trường bắt buộc ${f.vi} (${options})`, `missing required field ${f.en} (${options})`),
          },
        ];
      }
      return [
        {
          code: 'schema',
          path,
          at: 'value',
          message: t(
            `${f.vi} phải là một trong: ${options}; không phải ${describeInput(issue.input).vi}`,
            `${f.en} must be one of: ${options}; not ${describeInput(issue.input).en}`,
          ),
        },
      ];
    }
    case 'invalid_format': {
      const params = (issue as unknown as { params?: Record<string, unknown> }).params;
      if (params?.['thidua'])
        return [{ code: 'schema', path, at: 'value', message: customText(params, path, issue.input) }];
      if (issue.message.startsWith(TAG))
        return [
          {
            code: 'schema',
            path,
            at: 'value',
            message: formatText(issue.message.slice(TAG.length) as FormatTag, f, issue.input),
          },
        ];
      return [
        {
          code: 'schema',
          path,
          at: 'value',
          message: t(
            `${f.vi}: ${describeInput(issue.input).vi} sai định dạng`,
            `${f.en}: ${describeInput(issue.input).en} has the wrong form`,
          ),
        },
      ];
    }
    case 'invalid_key': {
      const key = fieldName(path);
      return [
        {
          code: 'schema',
          path,
          at: 'key',
          message: t(
            `khoá “${key}” không phải mã hợp lệ (chữ thường không dấu, số, gạch nối)`,
            `the key “${key}” is not a valid id (lower-case letters, digits, hyphens)`,
          ),
        },
      ];
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return [
          { code: 'schema', path, at: 'value', message: t(`${f.vi} không được để trống`, `${f.en} may not be empty`) },
        ];
      if (issue.origin === 'array')
        return [
          {
            code: 'schema',
            path,
            at: 'value',
            message: t(`${f.vi} phải có ít nhất ${min} mục`, `${f.en} needs at least ${min} item(s)`),
          },
        ];
      return [{ code: 'schema', path, at: 'value', message: t(`${f.vi} phải ≥ ${min}`, `${f.en} must be ≥ ${min}`) }];
    }
    case 'too_big': {
      const max = String(issue.maximum);
      return [{ code: 'schema', path, at: 'value', message: t(`${f.vi} phải ≤ ${max}`, `${f.en} must be ≤ ${max}`) }];
    }
    case 'custom':
      return [{ code: 'schema', path, at: 'value', message: customText(issue.params, path, issue.input) }];
    default:
      return [{ code: 'schema', path, at: 'value', message: t(`${f.vi} không hợp lệ`, `${f.en} is not valid`) }];
  }
}

export function placeFinding(file: ParsedFile, path: readonly PathSegment[], at: 'value' | 'key' | 'parent'): Position {
  if (at === 'parent') return parentPosition(file, path);
  return positionOf(file, path, at);
}

export function findingToDiagnostic(file: ParsedFile, f: SchemaFinding): Diagnostic {
  const pos = placeFinding(file, f.path, f.at);
  return {
    severity: 'error',
    code: f.code,
    file: file.path,
    line: pos.line,
    column: pos.column,
    message: f.message,
    source: sourceLine(file, pos.line),
  };
}
