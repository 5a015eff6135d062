import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'file-too-large',
  severity: 'error',
  stage: 'file',
  description: t('tệp lớn hơn 1 MiB', 'the file is over 1 MiB'),
};
