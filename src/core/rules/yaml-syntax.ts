import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'yaml-syntax',
  severity: 'error',
  stage: 'file',
  description: t(
    'tệp không phải YAML hợp lệ (cú pháp, mã hoá, thẻ, nhiều tài liệu)',
    'the file is not valid YAML (syntax, encoding, tags, several documents)',
  ),
  fix: t(
    'Sửa cú pháp tại vị trí được chỉ: đóng ngoặc, dấu nháy; lưu tệp bằng UTF-8; mỗi tệp một tài liệu YAML.',
    'Fix the syntax where pointed: close the bracket or quote; save as UTF-8; one YAML document per file.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml\ncriteria: { xuat-sac: true, sang-kien: true\n',
});
