import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'duplicate-key',
  severity: 'error',
  stage: 'file',
  description: t('một khoá lặp lại trong cùng ánh xạ', 'a key repeats in a mapping'),
};
