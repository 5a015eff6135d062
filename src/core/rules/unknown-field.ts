import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'unknown-field',
  severity: 'error',
  stage: 'file',
  description: t('trường mà lược đồ không biết', 'a key the schema does not know'),
};
