import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'yaml-alias',
  severity: 'error',
  stage: 'file',
  description: t('dùng anchor/alias', 'anchors or aliases are used'),
};
