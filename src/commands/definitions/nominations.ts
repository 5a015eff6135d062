/** Commands that nominate and ballot. */
import { t } from '../../core/diagnostics.js';
import type { CommandDef } from './types.js';
import { json, year } from './shared.js';

export const NOMINATION_COMMANDS = {
  nominate: {
    description: t(
      'thêm một đề nghị (hỏi từng bước, hoặc cho bằng cờ)',
      'add a nomination (step by step, or by flags)',
    ),
    args: [{ name: 'year', type: 'year', optional: true }],
    options: {
      kind: {
        flag: '--kind',
        value: '<kind>',
        type: 'text',
        description: t(
          'collective (mô hình tiêu biểu) hoặc individual (gương điển hình); với --award thì theo danh hiệu',
          'collective or individual; with --award, the title’s',
        ),
      },
      award: {
        flag: '--award',
        value: '<id>',
        type: 'text',
        description: t(
          'danh hiệu đề nghị (mã trong records/titles.yaml), ví dụ chien-si-thi-dua-co-so',
          'the title proposed (an id of records/titles.yaml), e.g. chien-si-thi-dua-co-so',
        ),
      },
      department: { flag: '--department', value: '<id>', type: 'text', description: t('mã phòng', 'department id') },
      person: {
        flag: '--person',
        value: '<id>',
        type: 'text',
        description: t('mã người (đề nghị cá nhân)', 'person id (individual)'),
      },
      title: {
        flag: '--title',
        value: '<text>',
        type: 'text',
        description: t('thành tích, in trên Giấy công nhận', 'the achievement, printed on the certificate'),
      },
      initiative: {
        flag: '--initiative',
        value: '<text>',
        type: 'text',
        description: t('bản mô tả sáng kiến, mô hình (tập thể)', 'description of the initiative (collective)'),
      },
      initiativeFile: {
        flag: '--initiative-file',
        value: '<file>',
        type: 'text',
        description: t('bản mô tả lấy từ tệp', 'the description, read from a file'),
      },
      rating: {
        flag: '--rating',
        value: '<rating>',
        type: 'text',
        description: t(
          'xếp loại trong năm: xuat-sac, tot, hoan-thanh hoặc khong-hoan-thanh (hoàn thành xuất sắc, tốt, hoàn thành, không hoàn thành nhiệm vụ)',
          'the yearly rating: xuat-sac, tot, hoan-thanh or khong-hoan-thanh (completed tasks with distinction, well, completed, not completed)',
        ),
      },
      research: {
        flag: '--research',
        value: '<text>',
        type: 'text',
        description: t(
          'đề tài nghiên cứu khoa học đã nghiệm thu (thay cho sáng kiến khi danh hiệu cho phép)',
          'an accepted research work (instead of an initiative where the title allows it)',
        ),
      },
      met: {
        flag: '--met',
        value: '<ids>',
        type: 'texts',
        description: t(
          'tiêu chí đạt: all, hoặc mã (lặp lại hoặc cách bằng dấu phẩy)',
          'criteria met: all, or ids (repeat or comma-separated)',
        ),
      },
      submitted: {
        flag: '--submitted',
        value: '<date>',
        type: 'date',
        description: t('ngày nhận hồ sơ (mặc định hôm nay)', 'date received (default today)'),
      },
      acceptedLate: {
        flag: '--accepted-late',
        value: '<reason>',
        type: 'text',
        description: t(
          'Hội đồng vẫn nhận hồ sơ nộp sau hạn: lý do (cùng --accepted-by)',
          'the council accepts a nomination submitted after the deadline: why (with --accepted-by)',
        ),
      },
      acceptedBy: {
        flag: '--accepted-by',
        value: '<id>',
        type: 'text',
        description: t('mã người quyết định nhận hồ sơ nộp muộn', 'id of the person who accepted the late nomination'),
      },
      id: {
        flag: '--id',
        value: '<id>',
        type: 'text',
        description: t(
          'mã đề nghị (mặc định PHÒNG-mo-hinh / PHÒNG-ca-nhan)',
          'nomination id (default DEPT-mo-hinh / DEPT-ca-nhan)',
        ),
      },
      newFactor: { flag: '--new-factor', type: 'flag', description: t('đánh dấu nhân tố mới', 'mark as a new factor') },
      force: {
        flag: '--force',
        type: 'flag',
        description: t(
          'thêm cả khi đợt đã có phiếu bầu (được ghi lại trong đề nghị)',
          'add even when the round already has ballots (recorded in the nomination)',
        ),
      },
      json,
    },
  },
  ballot: {
    description: t(
      'nhập phiếu bầu sau khi kiểm (hỏi từng phiếu, hoặc cho bằng cờ)',
      'enter the paper ballots after the count (step by step, or by flags)',
    ),
    args: [year],
    options: {
      vote: {
        flag: '--vote',
        value: '<id=choice>',
        type: 'texts',
        description: t(
          'ý kiến cho một đề nghị: ID=agree|disagree|abstain (lặp lại)',
          'a mark for one nomination: ID=agree|disagree|abstain (repeat)',
        ),
      },
      all: {
        flag: '--all',
        value: '<choice>',
        type: 'text',
        description: t(
          'ý kiến cho mọi đề nghị: agree|disagree|abstain; --vote cho các đề nghị khác (“tất cả đồng ý, trừ …”)',
          'one mark for every nomination: agree|disagree|abstain; --vote for the ones marked otherwise',
        ),
      },
      invalid: { flag: '--invalid', type: 'flag', description: t('phiếu không hợp lệ', 'an invalid ballot') },
      reason: {
        flag: '--reason',
        value: '<text>',
        type: 'text',
        description: t(
          'phiếu không hợp lệ: lý do Ban kiểm phiếu ghi (in trong biên bản kiểm phiếu)',
          'an invalid ballot: why the counters found it invalid (printed in the minutes)',
        ),
      },
      written: {
        flag: '--written',
        type: 'flag',
        description: t('phiếu ý kiến bằng văn bản của thành viên vắng mặt', 'a written vote of an absent member'),
      },
      serial: {
        flag: '--serial',
        value: '<n>',
        type: 'count',
        description: t('số phiếu (mặc định: số tiếp theo)', 'serial (default: the next one)'),
      },
      replace: {
        flag: '--replace',
        value: '<n>',
        type: 'count',
        description: t(
          'sau khi mở niêm phong: thay phiếu số N bằng các ý kiến cho bằng cờ, hoặc hỏi từng câu khi không có cờ (phiếu cũ giữ trong unseals.yaml)',
          'after an unseal: replace ballot N with the marks given as flags, or asked by prompts without them (the old paper kept in unseals.yaml)',
        ),
      },
      json,
    },
  },
} as const satisfies Record<string, CommandDef>;
