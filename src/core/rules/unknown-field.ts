import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'unknown-field',
  severity: 'error',
  stage: 'file',
  description: t('trường mà lược đồ không biết', 'a key the schema does not know'),
  fix: t(
    'Sửa tên trường bị gõ sai (xem gợi ý “có phải …?”) hoặc xoá trường không dùng.',
    'Fix the misspelt field (see the “did you mean”) or remove a field that is not used.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\ncritera: { xuat-sac: true }\n',
});
