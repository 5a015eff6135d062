/** Commands that set up, check and decide on the records. */
import { t } from '../../core/diagnostics.js';
import type { CommandDef } from './types.js';
import { DEFAULT_SHARE_TEXT, json, year } from './shared.js';

export const RECORD_COMMANDS = {
  init: {
    description: t(
      'tạo không gian làm việc mới (hồ sơ, bộ tiêu chí, mẫu văn bản, git)',
      'create a new workspace (records, criteria, templates, git)',
    ),
    args: [{ name: 'dir', type: 'text', optional: true }],
    options: {
      agency: {
        flag: '--agency',
        value: '<name>',
        type: 'text',
        description: t(
          'tên cơ quan, viết như trong câu, ví dụ “Thanh tra tỉnh Bình Phước”',
          'issuing body, as in a sentence, e.g. “Thanh tra tỉnh Bình Phước”',
        ),
      },
      parent: {
        flag: '--parent',
        value: '<name>',
        type: 'text',
        description: t('cơ quan chủ quản, ví dụ “UBND TỈNH BÌNH PHƯỚC”', 'parent body, e.g. “UBND TỈNH BÌNH PHƯỚC”'),
      },
      symbol: {
        flag: '--symbol',
        value: '<symbol>',
        type: 'text',
        description: t('ký hiệu trong số văn bản, ví dụ “TTr”', 'symbol in document numbers, e.g. “TTr”'),
      },
      place: {
        flag: '--place',
        value: '<place>',
        type: 'text',
        description: t('địa danh ghi ở dòng ngày tháng', 'place name on the date line'),
      },
      headName: {
        flag: '--head-name',
        value: '<name>',
        type: 'text',
        description: t('họ tên người ký', 'name of the signer'),
      },
      headTitle: {
        flag: '--head-title',
        value: '<title>',
        type: 'text',
        description: t(
          'chức danh người ký, viết như trong câu, ví dụ “Chánh Thanh tra”',
          'title of the signer, as in a sentence, e.g. “Chánh Thanh tra”',
        ),
      },
      period: {
        flag: '--period',
        value: '<period>',
        type: 'text',
        description: t(
          'calendar (năm dương lịch, mặc định) hoặc school-year (năm học 01/9 – 31/8: đợt 2025 là năm học 2024 - 2025; các đơn vị gọi là “Tổ”)',
          'calendar (the default) or school-year (1/9 – 31/8: round 2025 is the school year 2024 - 2025; its units called “Tổ”)',
        ),
      },
      unit: {
        flag: '--unit',
        value: '<word>',
        type: 'text',
        description: t(
          'các đơn vị trong cơ quan được gọi là gì: Phòng (mặc định), Tổ, Khoa, Bộ phận, …',
          'what the agency calls its units: Phòng (default), Tổ, Khoa, Bộ phận, …',
        ),
      },
      competence: {
        flag: '--competence',
        value: '<text>',
        type: 'text',
        description: t(
          'văn bản quy định thẩm quyền của cơ quan, căn cứ đầu tiên của quyết định',
          'the act that gives the agency its competence, the decision’s first căn cứ',
        ),
      },
      titles: {
        flag: '--titles',
        type: 'flag',
        description: t(
          'xét cả danh hiệu thi đua hằng năm (records/titles.yaml: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …), ngoài mô hình tiêu biểu, gương điển hình',
          'the year-end titles too (records/titles.yaml: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …), beside the plan’s models and examples',
        ),
      },
      level: {
        flag: '--level',
        value: '<level>',
        type: 'text',
        description: t(
          'cấp của cơ quan, cho thẩm quyền khen thưởng: so (cơ quan chuyên môn thuộc UBND tỉnh, mặc định), xa (UBND xã), truong (trường công lập thuộc Sở), tinh (tỉnh)',
          'the agency’s level, for who decides which title: so (a department of the province, the default), xa (a commune), truong (a public school under a Sở), tinh (the province)',
        ),
      },
    },
  },
  validate: {
    description: t('kiểm tra toàn bộ hồ sơ theo mọi quy tắc', 'check all records against every rule'),
    args: [{ name: 'years', type: 'years', optional: true }],
    options: { json },
  },
  tally: {
    description: t(
      `kiểm phiếu một đợt theo ngưỡng (mặc định ${DEFAULT_SHARE_TEXT} thành viên)`,
      `count a round’s ballots against the threshold (${DEFAULT_SHARE_TEXT} of members by default)`,
    ),
    args: [year],
    options: {
      seal: {
        flag: '--seal',
        type: 'flag',
        description: t(
          'niêm phong kết quả vào records/YEAR/tally.yaml',
          'seal the result into records/YEAR/tally.yaml',
        ),
      },
      date: {
        flag: '--date',
        value: '<date>',
        type: 'date',
        description: t(
          'ngày niêm phong (mặc định hôm nay), khi nhập lại hồ sơ cũ',
          'the day of the seal (default today), when entering past records',
        ),
      },
      incomplete: {
        flag: '--incomplete',
        value: '<reason>',
        type: 'text',
        description: t(
          'niêm phong khi chưa nhập đủ số phiếu phát ra, ghi lý do (in trong biên bản)',
          'seal with fewer ballots than issued, giving the reason (printed in the minutes)',
        ),
      },
      json,
    },
  },
  verify: {
    description: t(
      'kiểm tra niêm phong: tệp đầu vào không đổi, kết quả khớp với kiểm phiếu lại',
      'check seals: inputs unchanged, stored results equal a fresh count',
    ),
    args: [{ name: 'years', type: 'years', optional: true }],
    options: {
      full: {
        flag: '--full',
        type: 'flag',
        description: t(
          'in lại từng văn bản và so từng byte (mặc định: văn bản có mã băm và dữ liệu đầu vào khớp với lần in được coi là khớp)',
          'render every document again and compare byte for byte (by default a document whose hash and inputs match its render is taken as current)',
        ),
      },
      noHistory: {
        flag: '--no-history',
        type: 'flag',
        description: t(
          'không đối chiếu lịch sử git (khi không có kho git đầy đủ); khi thiếu cờ này mà lịch sử không đọc được thì kiểm tra không đạt',
          'do not check the git history (when no complete repository is at hand); without it, a history that cannot be read fails the check',
        ),
      },
      json,
    },
  },
  decide: {
    description: t(
      'ghi quyết định công nhận đã ký (số, ngày) của một đợt đã niêm phong',
      'record the signed decision (number, date) of a sealed round',
    ),
    args: [year],
    options: {
      number: {
        flag: '--number',
        value: '<n>',
        type: 'count',
        description: t('số quyết định, ví dụ 5 (in ra “05/QĐ-TTr”)', 'decision number, e.g. 5 (printed “05/QĐ-TTr”)'),
      },
      date: {
        flag: '--date',
        value: '<date>',
        type: 'date',
        description: t('ngày ký, YYYY-MM-DD', 'signing date, YYYY-MM-DD'),
      },
      force: {
        flag: '--force',
        type: 'flag',
        description: t('thay quyết định đã ghi', 'replace a decision already recorded'),
      },
      signer: {
        flag: '--signer',
        value: '<name>',
        type: 'text',
        description: t(
          'người ký, nếu không phải thủ trưởng (kèm --signer-title)',
          'who signed, when not the head (with --signer-title)',
        ),
      },
      signerTitle: {
        flag: '--signer-title',
        value: '<title>',
        type: 'text',
        description: t(
          'chức vụ người ký, ví dụ “Phó Chánh Thanh tra”',
          'the signer’s title, e.g. “Phó Chánh Thanh tra”',
        ),
      },
      signAs: {
        flag: '--sign-as',
        value: '<KT|Q|TM|TL|TUQ>',
        type: 'text',
        description: t(
          'thể thức ký: KT. (ký thay), Q. (quyền), TM. (thay mặt), TL. (thừa lệnh), TUQ. (thừa ủy quyền)',
          'how it is signed: KT. (for the head), Q. (acting), TM. (on behalf of a body), TL., TUQ. (by delegation)',
        ),
      },
      signFor: {
        flag: '--sign-for',
        value: '<title>',
        type: 'text',
        description: t(
          'chức danh hoặc tập thể được ký thay (mặc định chức danh thủ trưởng)',
          'the post or body signed for (default the head’s title)',
        ),
      },
      json,
    },
  },
  unseal: {
    description: t(
      'mở niêm phong một đợt để sửa (ghi người, ngày, lý do); rút quyết định nếu có',
      'open a sealed round to correct it (who, when and why are recorded); withdraws any decision',
    ),
    args: [year],
    options: {
      reason: {
        flag: '--reason',
        value: '<text>',
        type: 'text',
        description: t(
          'lý do mở niêm phong (bắt buộc; in trong biên bản lần niêm phong sau)',
          'why the seal is opened (required; printed in the next minutes)',
        ),
      },
      json,
    },
  },
  issue: {
    description: t(
      'đăng ký bản văn bản đã hoàn thiện, ký ban hành (.docx, .pdf) để verify đối chiếu',
      'register the final issued file of a document (.docx, .pdf) for verify to check',
    ),
    args: [year, { name: 'file', type: 'text' }],
    options: {
      kind: {
        flag: '--kind',
        value: '<kind>',
        type: 'text',
        description: t(
          'loại văn bản: decision, certificates, minutes, list (mặc định theo tên tệp, hoặc decision)',
          'document kind: decision, certificates, minutes, list (default from the file name, or decision)',
        ),
      },
      json,
    },
  },
} as const satisfies Record<string, CommandDef>;
