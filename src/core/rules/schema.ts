import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'schema',
  severity: 'error',
  stage: 'file',
  description: t('sai kiểu, thiếu trường bắt buộc, giá trị ngoài danh mục, ngày hoặc mã không hợp lệ', 'wrong type, missing required key, bad enum, bad date, bad id'),
};
