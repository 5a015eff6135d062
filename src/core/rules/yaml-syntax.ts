import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'yaml-syntax',
  severity: 'error',
  stage: 'file',
  description: t('tệp không phải YAML hợp lệ (cú pháp, mã hoá, thẻ, nhiều tài liệu)', 'the file is not valid YAML (syntax, encoding, tags, several documents)'),
};
