/**
 * Templates: text files the office edits. `# ...` lines are comments; `[name]` starts a section;
 * each following non-empty line is one paragraph; `{field}` is filled from the records.
 * A template that names an unknown section or field is refused with its line and column.
 */
import type { TemplateCode } from './template-rules.js';
import { t, type Diagnostic } from '../diagnostics.js';
import { closest } from '../text/closest.js';

export interface TemplateSection {
  name: string;
  line: number;
  paragraphs: Array<{ text: string; line: number }>;
}

export interface Template {
  file: string;
  sections: Map<string, TemplateSection>;
}

export interface SectionSpec {
  /** Fields this section may use besides the common ones. */
  fields: readonly string[];
  required: boolean;
  /**
   * Wording of an optional section added after templates were written: a workspace template (or
   * one frozen with a round) that leaves the section out prints this. It is the shipped template's
   * text of the section, kept equal by test/unit/template-fallbacks.test.ts.
   */
  fallback?: string;
}

export type TemplateSpec = Record<string, SectionSpec>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

function diag(
  file: string,
  line: number,
  column: number,
  code: TemplateCode,
  message: Diagnostic['message'],
  source: string,
): Diagnostic {
  return { severity: 'error', code, file, line, column, message, source };
}

export function parseTemplate(
  file: string,
  text: string,
  spec: TemplateSpec,
  common: readonly string[],
): { template: Template; diagnostics: Diagnostic[] } {
  const sections = new Map<string, TemplateSection>();
  const diagnostics: Diagnostic[] = [];
  let current: TemplateSection | null = null;
  // After an unknown section its lines are skipped: one finding, not one per line.
  let skipping = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const header = /^\[([a-z0-9-]+)\]$/.exec(trimmed);
    if (header) {
      const name = header[1]!;
      if (!spec[name]) {
        const guess = closest(name, Object.keys(spec));
        diagnostics.push(
          diag(
            file,
            line,
            raw.indexOf('[') + 1,
            'template-section',
            t(
              `mục không có trong mẫu này: [${name}]${guess ? ` (có phải [${guess}]?)` : ''}`,
              `no such section in this template: [${name}]${guess ? ` (did you mean [${guess}]?)` : ''}`,
            ),
            raw,
          ),
        );
        current = null;
        skipping = true;
        return;
      }
      if (sections.has(name)) {
        diagnostics.push(
          diag(
            file,
            line,
            raw.indexOf('[') + 1,
            'template-section',
            t(`mục [${name}] lặp lại`, `the section [${name}] repeats`),
            raw,
          ),
        );
      }
      skipping = false;
      current = { name, line, paragraphs: [] };
      sections.set(name, current);
      return;
    }
    if (!current) {
      if (!skipping) {
        diagnostics.push(
          diag(
            file,
            line,
            1,
            'template-section',
            t(
              'dòng văn bản nằm ngoài mọi mục; hãy đặt nó dưới một tiêu đề [tên-mục]',
              'text outside any section; put it under a [section] heading',
            ),
            raw,
          ),
        );
      }
      return;
    }
    const allowed = new Set([...common, ...spec[current.name]!.fields]);
    for (const m of raw.matchAll(PLACEHOLDER)) {
      const field = m[1]!;
      if (!allowed.has(field)) {
        const guess = closest(field, allowed);
        diagnostics.push(
          diag(
            file,
            line,
            (m.index ?? 0) + 1,
            'template-placeholder',
            t(
              `chỗ điền không biết {${field}} trong mục [${current.name}]${guess ? ` (có phải {${guess}}?)` : ''}`,
              `unknown placeholder {${field}} in the section [${current.name}]${guess ? ` (did you mean {${guess}}?)` : ''}`,
            ),
            raw,
          ),
        );
      }
    }
    const stray = raw.replace(PLACEHOLDER, '');
    const brace = stray.search(/[{}]/);
    if (brace >= 0) {
      diagnostics.push(
        diag(
          file,
          line,
          brace + 1,
          'template-placeholder',
          t('dấu ngoặc { } không khớp', 'unbalanced { } braces'),
          raw,
        ),
      );
    }
    current.paragraphs.push({ text: trimmed, line });
  });
  for (const [name, s] of Object.entries(spec)) {
    if (s.required && !sections.has(name)) {
      diagnostics.push(
        diag(
          file,
          1,
          1,
          'template-section',
          t(`mẫu thiếu mục bắt buộc [${name}]`, `the template lacks the required section [${name}]`),
          lines[0] ?? '',
        ),
      );
    }
  }
  return { template: { file, sections }, diagnostics };
}

export type Values = Record<string, string | number>;

export function fill(text: string, values: Values): string {
  // A school's round is its school year: "năm {year}" reads "năm học 2024 - 2025" (values.year_name),
  // and so does any "năm {…year}" whose value has its "…_name" (model_year_name).
  const source = text.replace(/năm \{(\w*year)\}/g, (m, field: string) =>
    values[`${field}_name`] !== undefined ? `{${field}_name}` : m,
  );
  return source.replace(PLACEHOLDER, (_m, field: string) => {
    const v = values[field];
    return v === undefined ? '' : String(v);
  });
}

/** The filled paragraphs of a section (empty when the template leaves it out). */
export function paragraphs(template: Template, section: string, values: Values): string[] {
  return (template.sections.get(section)?.paragraphs ?? []).map((p) => fill(p.text, values));
}

/**
 * An optional section's paragraphs, or its spec's `fallback` (lines split at "\n") when the template
 * has no such section: the wording of a section added after a template was written, or frozen with a round.
 */
export function sectionOr(template: Template, spec: TemplateSpec, section: string, values: Values): string[] {
  const fallback = spec[section]?.fallback;
  return template.sections.has(section) || fallback === undefined
    ? paragraphs(template, section, values)
    : fill(fallback, values).split('\n');
}

/** The first filled paragraph of a section, or ''. */
export function line(template: Template, section: string, values: Values): string {
  return paragraphs(template, section, values)[0] ?? '';
}
