import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'file-too-large',
  severity: 'error',
  stage: 'file',
  description: t('tệp lớn hơn 1 MiB', 'the file is over 1 MiB'),
  fix: t(
    'Tách tệp hoặc bỏ bớt nội dung: mỗi tệp hồ sơ tối đa 1 MiB.',
    'Split the file or trim it: a record file holds at most 1 MiB.',
  ),
  example: '# records/2016/nominations/nv1-mo-hinh.yaml with a 2 MiB initiative\n',
});
