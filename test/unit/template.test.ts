import { describe, expect, it } from 'vitest';
import { parseTemplate, fill } from '../../src/core/documents/template.js';
import { formatPercent, twoDigits } from '../../src/core/format/numbers.js';

const spec = { title: { fields: [], required: true }, item: { fields: ['name'], required: false } };

describe('templates', () => {
  it('reads sections and fills placeholders', () => {
    const { template, diagnostics } = parseTemplate(
      't.txt',
      '# note\n[title]\nQUYẾT ĐỊNH {year}\n\n[item]\n- {name}\n',
      spec,
      ['year'],
    );
    expect(diagnostics).toEqual([]);
    expect(fill(template.sections.get('item')!.paragraphs[0]!.text, { name: 'An' })).toBe('- An');
  });
  it('a school year: “năm {year}” and “năm {model_year}” read the names given as year_name, model_year_name', () => {
    const text = 'nhân tố mới năm {year}, nhân rộng mô hình của năm {model_year}';
    expect(fill(text, { year: 2024, model_year: 2023 })).toBe('nhân tố mới năm 2024, nhân rộng mô hình của năm 2023');
    expect(
      fill(text, {
        year: 2024,
        year_name: 'năm học 2023 - 2024',
        model_year: 2023,
        model_year_name: 'năm học 2022 - 2023',
      }),
    ).toBe('nhân tố mới năm học 2023 - 2024, nhân rộng mô hình của năm học 2022 - 2023');
  });
  it('refuses an unknown placeholder at its line and column, with a hint', () => {
    const { diagnostics } = parseTemplate('t.txt', '[title]\nX {nmae}\n[item]\n{name}\n', spec, ['year']);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['template-placeholder', 2, 3]]);
  });
  it('a field of another section is unknown here', () => {
    const { diagnostics } = parseTemplate('t.txt', '[title]\n{name}\n', spec, []);
    expect(diagnostics.map((d) => d.code)).toEqual(['template-placeholder']);
  });
  it('refuses an unknown section, text outside sections, unbalanced braces and a missing required section', () => {
    expect(parseTemplate('t.txt', '[titel]\nx\n', spec, []).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['template-section', 1],
      ['template-section', 1],
    ]);
    expect(parseTemplate('t.txt', 'x\n[title]\ny\n', spec, []).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['template-section', 1],
    ]);
    expect(
      parseTemplate('t.txt', '[title]\nx {year\n', spec, ['year']).diagnostics.map((d) => [d.code, d.line, d.column]),
    ).toEqual([['template-placeholder', 2, 3]]);
  });
});

describe('numbers', () => {
  it('leading zero below 10, percentages with a decimal comma', () => {
    expect([twoDigits(5), twoDigits(10), twoDigits(0)]).toEqual(['05', '10', '00']);
    expect(formatPercent(88.9)).toBe('88,9%');
    expect(formatPercent(100)).toBe('100,0%');
    expect(formatPercent(66.7, 'en')).toBe('66.7%');
  });
});
