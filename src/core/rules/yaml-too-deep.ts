import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see yaml/nesting.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'yaml-too-deep',
  severity: 'error',
  stage: 'file',
  description: t('tệp lồng ánh xạ, danh sách quá 64 tầng', 'the file nests mappings or lists more than 64 deep'),
  fix: t(
    'Hồ sơ chỉ cần vài tầng lồng nhau; viết lại phần được chỉ ra (thường là tệp bị hỏng hoặc được tạo có chủ ý).',
    'Records need only a few levels of nesting; rewrite the part shown (usually a damaged or crafted file).',
  ),
  example:
    '# records/2016/ballots/002.yaml\nvotes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n',
});
