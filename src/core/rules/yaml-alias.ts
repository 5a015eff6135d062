import { t } from '../diagnostics.js';
import { defineRule } from './rule.js';

/** Raised while reading files (see records/load-workspace.ts and yaml/parse-yaml-file.ts). */
export const rule = defineRule({
  code: 'yaml-alias',
  severity: 'error',
  stage: 'file',
  description: t('dùng anchor/alias', 'anchors or aliases are used'),
  fix: t(
    'Viết lại giá trị thay cho alias (*ten) và bỏ anchor (&ten).',
    'Write the value out instead of the alias (*name) and drop the anchor (&name).',
  ),
  example: '# records/people.yaml\n- &an { id: an, name: Trần Văn An }\n- *an\n',
});
