/** Commands that report, publish, commit and explain. */
import { t } from '../../core/diagnostics.js';
import type { CommandDef } from './types.js';
import { json } from './shared.js';

export const PUBLISHING_COMMANDS = {
  report: {
    description: t(
      'báo cáo tổng kết giai đoạn: theo đợt, theo phòng, nhân tố mới, nhân rộng mô hình, thời hạn',
      'period summary: by round, by department, new factors, models replicated, deadlines',
    ),
    args: [],
    options: {
      from: {
        flag: '--from',
        value: '<year>',
        type: 'year',
        description: t('từ đợt (mặc định: đợt đầu)', 'from round (default: the first)'),
      },
      to: {
        flag: '--to',
        value: '<year>',
        type: 'year',
        description: t('đến đợt (mặc định: đợt cuối)', 'to round (default: the last)'),
      },
      asOf: {
        flag: '--as-of',
        value: '<date>',
        type: 'date',
        description: t('tính thời hạn đến ngày (mặc định hôm nay)', 'deadlines as of (default today)'),
      },
      json,
    },
  },
  publish: {
    description: t(
      'trang web tĩnh các mô hình, gương điển hình được công nhận (cho trang thông tin điện tử)',
      'a static web page of the recognised models and individuals (for the agency’s website)',
    ),
    args: [],
    options: {
      from: { flag: '--from', value: '<year>', type: 'year', description: t('từ đợt', 'from round') },
      to: { flag: '--to', value: '<year>', type: 'year', description: t('đến đợt', 'to round') },
      out: {
        flag: '--out',
        value: '<dir>',
        type: 'text',
        description: t('thư mục ghi (mặc định public/)', 'folder to write (default public/)'),
      },
      json,
    },
  },
  commit: {
    description: t(
      'kiểm tra hồ sơ rồi commit records/, templates/, documents/ vào git',
      'validate, then commit records/, templates/ and documents/ to git',
    ),
    args: [],
    options: {
      message: {
        flag: '-m, --message',
        value: '<msg>',
        type: 'text',
        description: t(
          'nội dung commit (mặc định: tóm tắt thay đổi)',
          'commit message (default: a summary of the changes)',
        ),
      },
      json,
    },
  },
  log: {
    description: t(
      'lịch sử git của một hồ sơ: mã đề nghị, mã hay tên người, phòng, 2016/ballot/7 hoặc đường dẫn',
      'the git history of one record: a nomination id, a person’s or department’s id or name, 2016/ballot/7 or a path',
    ),
    args: [{ name: 'record', type: 'text' }],
    options: { json },
  },
  inbox: {
    description: t(
      'cấp tỉnh nhận đề nghị của các cơ quan qua git: add ID URL, remove ID, fetch [ID...], status, import NĂM',
      'a province receives its agencies’ proposals over git: add ID URL, remove ID, fetch [ID...], status, import YEAR',
    ),
    args: [
      { name: 'action', type: 'text' },
      { name: 'words', type: 'texts', optional: true },
    ],
    options: {
      name: {
        flag: '--name',
        value: '<name>',
        type: 'text',
        description: t('tên cơ quan (inbox add)', 'the agency’s name (inbox add)'),
      },
      force: {
        flag: '--force',
        type: 'flag',
        description: t(
          'tải và kiểm tra lại cả kho chưa có gì mới (inbox fetch)',
          'fetch and verify again even a repository whose head has not moved (inbox fetch)',
        ),
      },
      json,
    },
  },
  history: {
    description: t(
      'ghi vào records/history.yaml kết quả cấp tỉnh đã quyết định cho người, đơn vị của cơ quan: pull URL',
      'record in records/history.yaml what the province decided for the agency’s people and units: pull URL',
    ),
    args: [
      { name: 'action', type: 'text' },
      { name: 'url', type: 'text' },
    ],
    options: {
      source: {
        flag: '--source',
        value: '<id>',
        type: 'text',
        description: t(
          'mã của cơ quan này trong records/inbox.yaml của tỉnh (mặc định: tìm theo tên cơ quan)',
          'this agency’s id in the province’s records/inbox.yaml (default: found by the agency’s name)',
        ),
      },
      json,
    },
  },
  explain: {
    description: t(
      'giải thích một mã lỗi: ý nghĩa, ví dụ, cách sửa (không có mã: liệt kê mọi mã)',
      'explain a diagnostic code: what it means, an example, the fix (no code: list every code)',
    ),
    args: [{ name: 'code', type: 'text', optional: true }],
    options: { json },
  },
  schema: {
    description: t(
      'xuất JSON Schema của từng loại hồ sơ (cho trình soạn thảo)',
      'write the JSON Schema of every record kind (for editors)',
    ),
    args: [],
    options: {
      out: {
        flag: '--out',
        value: '<dir>',
        type: 'text',
        description: t('thư mục ghi (mặc định: schemas/)', 'folder to write (default: schemas/)'),
      },
    },
  },
} as const satisfies Record<string, CommandDef>;
