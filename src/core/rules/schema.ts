import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'schema',
  severity: 'error',
  stage: 'file',
  description: t(
    'sai kiểu, thiếu trường bắt buộc, giá trị ngoài danh mục, ngày hoặc mã không hợp lệ',
    'wrong type, missing required key, bad enum, bad date, bad id',
  ),
  fix: t(
    'Sửa giá trị theo thông báo: đúng kiểu, đúng định dạng ngày YYYY-MM-DD, mã chữ thường không dấu; thêm trường bắt buộc còn thiếu.',
    'Correct the value as the message says: the right type, a real date YYYY-MM-DD, a lower-case id; add the missing required field.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\nsubmitted: 20/12/2016\n',
});
