import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'id-mismatch',
  severity: 'error',
  stage: 'file',
  description: t(
    'tên tệp khác mã (đề nghị), số phiếu khác tên tệp (phiếu bầu)',
    'file name differs from the id (nominations), serial differs from the file name (ballots)',
  ),
  fix: t(
    'Đổi tên tệp theo mã (nv1-mo-hinh.yaml), hoặc sửa mã; số phiếu phải khớp tên tệp (001.yaml ↔ serial: 1).',
    "Rename the file after the id (nv1-mo-hinh.yaml), or fix the id; a ballot's serial must match its file name (001.yaml ↔ serial: 1).",
  ),
  example: '# records/2016/ballots/002.yaml\nserial: 3\n',
});
