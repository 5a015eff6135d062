import { t } from '../diagnostics.js';
import type { Rule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule: Rule = {
  code: 'id-mismatch',
  severity: 'error',
  stage: 'file',
  description: t('tên tệp khác mã (đề nghị), số phiếu khác tên tệp (phiếu bầu)', 'file name differs from the id (nominations), serial differs from the file name (ballots)'),
};
