import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'duplicate-key',
  severity: 'error',
  stage: 'file',
  description: t('một khoá lặp lại trong cùng ánh xạ', 'a key repeats in a mapping'),
  fix: t('Giữ một khoá, xoá hoặc đổi tên khoá lặp lại.', 'Keep one key; remove or rename the repeated one.'),
  example:
    '# records/2016/nominations/nv1-ca-nhan.yaml\ntitle: Thanh tra viên tiêu biểu\ntitle: Chuyên viên tiêu biểu\n',
});
