/** The codes a template can raise: registered like the record rules, for `thidua explain`. */
import { t } from '../diagnostics.js';
import type { Rule } from '../rules/rule.js';
import type { TemplateCode } from '../codes.js';

export type ExplainedCode = Omit<Rule, 'stage' | 'check'>;

export const TEMPLATE_RULES = [
  {
    code: 'template-placeholder',
    severity: 'error',
    description: t(
      'mẫu văn bản có chỗ điền {…} không biết trong mục của nó, hoặc dấu ngoặc { } không khớp',
      'a template names an unknown {field} in its section, or has unbalanced { } braces',
    ),
    fix: t(
      'Dùng một chỗ điền mà mục cho phép (xem chú thích đầu mẫu) hoặc sửa dấu ngoặc.',
      'Use a field the section allows (see the template’s head comment) or fix the braces.',
    ),
    example: '# templates/quyet-dinh.txt\n[subject]\nVề việc {cong_nhan} công nhận …\n',
  },
  {
    code: 'template-section',
    severity: 'error',
    description: t(
      'mẫu văn bản có mục không biết, thiếu mục bắt buộc, mục lặp lại hoặc chữ nằm ngoài mục',
      'a template has an unknown section, lacks a required one, repeats one, or has text outside any section',
    ),
    fix: t(
      'Đặt mỗi đoạn dưới một tiêu đề [mục] của mẫu; giữ đủ các mục bắt buộc.',
      'Put every paragraph under a [section] heading of the template; keep every required section.',
    ),
    example: '# templates/quyet-dinh.txt\n[tieu-de]\nQUYẾT ĐỊNH\n',
  },
] as const satisfies readonly (ExplainedCode & { code: TemplateCode })[];

export type { TemplateCode };

type Unexplained = Exclude<TemplateCode, (typeof TEMPLATE_RULES)[number]['code']>;
export const EVERY_TEMPLATE_CODE_EXPLAINED: [Unexplained] extends [never] ? true : Unexplained = true;
