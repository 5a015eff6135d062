import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS } from '../../src/core/documents/index.js';
import { parseTemplate, sectionOr, type TemplateSpec } from '../../src/core/documents/template.js';
import { REMINDER_TEMPLATE_SPEC } from '../../src/core/documents/reminders.js';
import { REPORT_TEMPLATE_SPEC } from '../../src/core/documents/report.js';

// Sections added after templates were written carry a fallback wording in their spec, printed when
// a workspace's template (or one frozen with a round) leaves the section out. The shipped template
// is the one home of that wording: each fallback must be its section's text there, line for line.
const shipped: Array<{ template: string; spec: TemplateSpec }> = [
  ...DOCUMENTS.map((d) => ({ template: d.template, spec: d.spec })),
  { template: 'cong-van-don-doc.txt', spec: REMINDER_TEMPLATE_SPEC },
  { template: 'bao-cao-tong-ket.txt', spec: REPORT_TEMPLATE_SPEC },
];

function shippedTemplate(file: string, spec: TemplateSpec) {
  const text = readFileSync(join(import.meta.dirname, '../../templates', file), 'utf8');
  // Fields are not checked here (the templates test does): every placeholder is allowed.
  const all = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  return parseTemplate(file, text, spec, all).template;
}

describe('template fallbacks: the shipped templates are the one home of their wording', () => {
  const cases = shipped.flatMap(({ template, spec }) =>
    Object.entries(spec)
      .filter(([, s]) => s.fallback !== undefined)
      .map(([section, s]) => ({ template, spec, section, fallback: s.fallback! })),
  );

  it('the fallbacks of every document are found (decision, minutes, ballots, certificates, letters, list, upward, report)', () => {
    expect(new Set(cases.map((c) => c.template))).toEqual(
      new Set([
        'quyet-dinh.txt',
        'bien-ban-kiem-phieu.txt',
        'phieu-bau.txt',
        'giay-cong-nhan.txt',
        'to-trinh.txt',
        'cong-van-gui.txt',
        'bien-ban-hop.txt',
        'danh-sach.txt',
        'to-trinh-cap-tren.txt',
        'bao-cao-tong-ket.txt',
      ]),
    );
  });

  it.each(cases)('$template [$section] is the fallback word for word', ({ template, spec, section, fallback }) => {
    const parsed = shippedTemplate(template, spec);
    const text = parsed.sections.get(section)?.paragraphs.map((p) => p.text);
    expect(text, `templates/${template} has no [${section}]`).toBeDefined();
    expect(text!.join('\n')).toBe(fallback);
  });

  it('a template written before a section prints what the shipped template prints', () => {
    for (const { template, spec, section } of cases) {
      const full = shippedTemplate(template, spec);
      const old = { file: template, sections: new Map([...full.sections].filter(([name]) => name !== section)) };
      const values = { year: 2031, n: 4, title_name: 'Tập thể lao động xuất sắc', head_title: 'Giám đốc' };
      expect(sectionOr(old, spec, section, values), `${template} [${section}]`).toEqual(
        sectionOr(full, spec, section, values),
      );
    }
  });
});
