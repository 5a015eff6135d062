/**
 * Every command as typed data: its arguments and options with their types and help text. The
 * command line is built from this table and turns what was typed into a typed input at the edge
 * (a bad year, date or number is a usage error there); each command receives `Input<'name'>`.
 */
import { t, type Localized } from '../core/diagnostics.js';
import type { CommandContext } from '../shell/context.js';
import { DEFAULT_THRESHOLD } from '../core/defaults.js';

const DEFAULT_SHARE_TEXT = `${DEFAULT_THRESHOLD.numerator}/${DEFAULT_THRESHOLD.denominator}`;

/** year: 2016; years: 2016 2017…; text: one word; texts: several words (the last argument). */
export type ArgType = 'year' | 'years' | 'text' | 'texts';
/** flag: present or not; text; texts: repeatable; year, date (YYYY-MM-DD or dd/mm/yyyy), count (≥ 1). */
export type OptionType = 'flag' | 'text' | 'texts' | 'year' | 'date' | 'count';

export interface ArgDef {
  readonly name: string;
  readonly type: ArgType;
  readonly optional?: boolean;
}

export interface OptionDef {
  /** As typed: "--as-of", "-m, --message". */
  readonly flag: string;
  /** The value's placeholder in help ("<date>"), for options that take one. */
  readonly value?: string;
  readonly type: OptionType;
  readonly description: Localized;
}

export interface CommandDef {
  readonly description: Localized;
  readonly args: readonly ArgDef[];
  /** Keyed by the option's name in camelCase (`--as-of` → asOf). */
  readonly options: Readonly<Record<string, OptionDef>>;
}

type ArgValue<T extends ArgType> = T extends 'year'
  ? number
  : T extends 'years'
    ? number[]
    : T extends 'texts'
      ? string[]
      : string;
type OptionValue<T extends OptionType> = T extends 'flag'
  ? boolean
  : T extends 'texts'
    ? string[]
    : T extends 'year' | 'count'
      ? number
      : string;

/** The typed input of a command: its arguments by name, its options by key. */
export type InputOf<D extends CommandDef> = {
  args: {
    [A in D['args'][number] as A['name']]: A extends { type: 'years' }
      ? number[]
      : A extends { type: 'texts' }
        ? string[]
        : A extends { optional: true }
          ? ArgValue<A['type']> | undefined
          : ArgValue<A['type']>;
  };
  options: {
    [K in keyof D['options']]: D['options'][K]['type'] extends 'flag' | 'texts'
      ? OptionValue<D['options'][K]['type']>
      : OptionValue<D['options'][K]['type']> | undefined;
  };
};

const json = {
  flag: '--json',
  type: 'flag',
  description: t('in một tài liệu JSON', 'print one JSON document'),
} as const;
const year = { name: 'year', type: 'year' } as const;

export const DEFINITIONS = {
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
  round: {
    description: t(
      'tạo đợt mới: Hội đồng (từ đợt trước hoặc --member), để nhập đề nghị và phiếu',
      'create a round: its council (from the previous round or --member), ready for nominations and ballots',
    ),
    args: [year],
    options: {
      from: {
        flag: '--from',
        value: '<year>',
        type: 'year',
        description: t(
          'chép Hội đồng từ đợt này (mặc định đợt gần nhất trước đó)',
          'copy the council of this round (default the latest earlier one)',
        ),
      },
      member: {
        flag: '--member',
        value: '<id[:vai-trò]>',
        type: 'texts',
        description: t(
          'thành viên Hội đồng, lặp lại; vai trò chu-tich, pho-chu-tich, thu-ky, uy-vien (mặc định)',
          'a council member, repeated; role chu-tich, pho-chu-tich, thu-ky, uy-vien (default)',
        ),
      },
      json,
    },
  },
  session: {
    description: t(
      'ghi phiên họp xét của Hội đồng (ngày, giờ, nơi họp, người kiểm phiếu, số phiếu phát ra) vào council.yaml',
      'record the council’s review meeting (date, time, place, vote counters, ballots issued) in council.yaml',
    ),
    args: [year],
    options: {
      date: {
        flag: '--date',
        value: '<date>',
        type: 'date',
        description: t('ngày họp (dd/mm/yyyy)', 'the day of the meeting'),
      },
      time: {
        flag: '--time',
        value: '<HH:MM>',
        type: 'text',
        description: t('giờ họp, ví dụ 08:00', 'the time, e.g. 08:00'),
      },
      ended: {
        flag: '--ended',
        value: '<HH:MM>',
        type: 'text',
        description: t(
          'giờ kết thúc kiểm phiếu, in trong biên bản; riêng cờ này ghi thêm vào phiên đã có (trước khi niêm phong)',
          'when the count ended, printed in the minutes; alone, it is added to a recorded meeting (before the seal)',
        ),
      },
      place: { flag: '--place', value: '<text>', type: 'text', description: t('nơi họp', 'where') },
      chair: {
        flag: '--chair',
        value: '<id>',
        type: 'text',
        description: t('người chủ trì (mặc định Chủ tịch Hội đồng)', 'who chairs (default the council’s chu-tich)'),
      },
      secretary: {
        flag: '--secretary',
        value: '<id>',
        type: 'text',
        description: t('thư ký (mặc định Thư ký Hội đồng)', 'the secretary (default the council’s thu-ky)'),
      },
      counter: {
        flag: '--counter',
        value: '<id>',
        type: 'texts',
        description: t('người kiểm phiếu, lặp lại', 'a vote counter, repeated'),
      },
      issued: {
        flag: '--issued',
        value: '<n>',
        type: 'count',
        description: t('số phiếu phát ra (mặc định số thành viên)', 'ballots issued (default the number of members)'),
      },
      absent: {
        flag: '--absent',
        value: '<id>',
        type: 'texts',
        description: t('thành viên vắng mặt, lặp lại', 'an absent member, repeated'),
      },
      chairDecides: {
        flag: '--chair-decides',
        value: '<id>',
        type: 'texts',
        description: t(
          'khi bằng phiếu ở vị trí cuối của chỉ tiêu: đề nghị Chủ tịch Hội đồng chọn, lặp lại (trước khi niêm phong)',
          'at a tie for the last place of a quota: a nomination the chair chose, repeated (before the seal)',
        ),
      },
      discussion: {
        flag: '--discussion',
        value: '<text>',
        type: 'texts',
        description: t(
          'ý kiến thảo luận cho biên bản họp, lặp lại; “MÃ-ĐỀ-NGHỊ: ý kiến” cho một hồ sơ (trước khi niêm phong)',
          'an opinion for the meeting minutes, repeated; “NOMINATION-ID: opinion” for one nomination (before the seal)',
        ),
      },
      json,
    },
  },
  export: {
    description: t(
      'xuất ra Excel (.xlsx): list NĂM (danh sách gửi tỉnh), tally NĂM (kết quả kiểm phiếu), awards MÃ (quá trình), report (tổng kết --from --to)',
      'export to Excel (.xlsx): list YEAR (the list for the province), tally YEAR, awards ID (history), report (summary --from --to)',
    ),
    args: [
      { name: 'what', type: 'text' },
      { name: 'subject', type: 'text', optional: true },
    ],
    options: {
      xlsx: {
        flag: '--xlsx',
        value: '<file>',
        type: 'text',
        description: t('tệp Excel sẽ ghi', 'the Excel file to write'),
      },
      from: { flag: '--from', value: '<year>', type: 'year', description: t('report: từ đợt', 'report: from round') },
      to: { flag: '--to', value: '<year>', type: 'year', description: t('report: đến đợt', 'report: to round') },
      asOf: {
        flag: '--as-of',
        value: '<date>',
        type: 'date',
        description: t('report: tính thời hạn đến ngày (mặc định hôm nay)', 'report: deadlines as of (default today)'),
      },
      force: { flag: '--force', type: 'flag', description: t('ghi đè tệp đã có', 'overwrite an existing file') },
      json,
    },
  },
  import: {
    description: t(
      'nhập cán bộ (people), các phòng (departments) hoặc đề nghị của một đợt (nominations --year NĂM) từ bảng tính .xlsx hay .csv; nhập lại thì cập nhật, không tạo lại',
      'import staff (people), departments or a round’s nominations (nominations --year YEAR) from an .xlsx or .csv spreadsheet; importing again updates, never duplicates',
    ),
    args: [
      { name: 'kind', type: 'text' },
      { name: 'file', type: 'text' },
    ],
    options: {
      sheet: {
        flag: '--sheet',
        value: '<name>',
        type: 'text',
        description: t(
          'tên trang trong tệp .xlsx (mặc định trang đầu có dữ liệu)',
          'the sheet of an .xlsx file (default the first with data)',
        ),
      },
      map: {
        flag: '--map',
        value: '<cột=trường>',
        type: 'texts',
        description: t(
          'cột nào là trường nào, khi tiêu đề lạ: “Họ tên khai sinh=name” hoặc “C=name”; lặp lại',
          'which column is which field when its header is unusual: “Họ tên khai sinh=name” or “C=name”; repeated',
        ),
      },
      from: {
        flag: '--from',
        value: '<date>',
        type: 'date',
        description: t(
          'ngày các thay đổi (chức vụ, phòng, lãnh đạo, tên) có hiệu lực (mặc định hôm nay)',
          'the day changes (post, department, leadership, name) take effect (default today)',
        ),
      },
      year: {
        flag: '--year',
        value: '<year>',
        type: 'year',
        description: t('nominations: đợt nhận các đề nghị', 'nominations: the round they go to'),
      },
      markLeft: {
        flag: '--mark-left',
        value: '<date>',
        type: 'date',
        description: t(
          'people: ghi ngày nghỉ (left) cho những người có trong hồ sơ mà bảng tính không còn',
          'people: record the day they left (left) for those in the records whom the sheet no longer lists',
        ),
      },
      encoding: {
        flag: '--encoding',
        value: '<enc>',
        type: 'text',
        description: t(
          'bảng mã của tệp CSV: utf-8, utf-16le, utf-16be, windows-1258 (mặc định tự nhận)',
          'the encoding of a CSV file: utf-8, utf-16le, utf-16be, windows-1258 (detected by default)',
        ),
      },
      dryRun: {
        flag: '--dry-run',
        type: 'flag',
        description: t('chỉ xem bảng sẽ ghi, không ghi gì', 'show what would be written, write nothing'),
      },
      json,
    },
  },
  received: {
    description: t(
      'ghi văn bản một phòng gửi cho một thời hạn (vào submissions.yaml), hoặc phòng báo không có (--declined)',
      'record a department’s document for a deadline (in submissions.yaml), or that it has none (--declined)',
    ),
    args: [
      { name: 'department', type: 'text' },
      { name: 'deadline', type: 'text' },
    ],
    options: {
      date: {
        flag: '--date',
        value: '<date>',
        type: 'date',
        description: t('ngày nhận (mặc định hôm nay)', 'the day it was received (default today)'),
      },
      ref: {
        flag: '--ref',
        value: '<số/ký hiệu>',
        type: 'text',
        description: t('số, ký hiệu văn bản, ví dụ “27/KH-NV2”', 'the document’s number, e.g. “27/KH-NV2”'),
      },
      declined: {
        flag: '--declined',
        type: 'flag',
        description: t(
          'phòng báo không có gì để gửi (không đăng ký ai): thôi nhắc hạn',
          'the department has nothing to send (registers nobody): no longer overdue',
        ),
      },
      year: {
        flag: '--year',
        value: '<year>',
        type: 'year',
        description: t('đợt (mặc định đợt mới nhất)', 'the round (default the latest)'),
      },
      note: { flag: '--note', value: '<text>', type: 'text', description: t('ghi chú', 'a note') },
      json,
    },
  },
  render: {
    description: t(
      'in văn bản Word: ballots (phiếu bầu), proposal (tờ trình), decision, certificates, minutes, meeting (biên bản họp), list, cover (công văn gửi tỉnh), upward (tờ trình đề nghị cấp trên), all (của một đợt); report (--from --to) hoặc reminders (công văn đôn đốc các phòng chưa nộp)',
      'render Word documents: ballots (ballot paper), proposal (the council’s Tờ trình), decision, certificates, minutes, meeting (record of the meeting), list, cover (letter to the province), upward (proposal to a higher body), all (of a round); report (--from --to) or reminders (letters to departments behind)',
    ),
    args: [
      { name: 'kind', type: 'text' },
      { name: 'year', type: 'year', optional: true },
    ],
    options: {
      from: { flag: '--from', value: '<year>', type: 'year', description: t('báo cáo: từ đợt', 'report: from round') },
      to: { flag: '--to', value: '<year>', type: 'year', description: t('báo cáo: đến đợt', 'report: to round') },
      date: {
        flag: '--date',
        value: '<date>',
        type: 'date',
        description: t(
          'báo cáo, công văn đôn đốc: ngày ký (mặc định hôm nay)',
          'report, reminders: date on the document (default today)',
        ),
      },
      asOf: {
        flag: '--as-of',
        value: '<date>',
        type: 'date',
        description: t(
          'công văn đôn đốc: tính hạn đến ngày (mặc định hôm nay)',
          'reminders: deadlines as of (default today)',
        ),
      },
      year: {
        flag: '--year',
        value: '<year>',
        type: 'year',
        description: t('công văn đôn đốc: chỉ thời hạn của đợt này', 'reminders: only this round’s deadlines'),
      },
      out: {
        flag: '--out',
        value: '<dir>',
        type: 'text',
        description: t('thư mục ghi (mặc định documents/YEAR/)', 'folder to write (default documents/YEAR/)'),
      },
      blankStock: {
        flag: '--blank-stock',
        type: 'flag',
        description: t(
          'giấy công nhận in trên phôi mua sẵn: chỉ phần chữ thay đổi, ở chỗ agency.yaml ghi (certificate.blank_stock)',
          'certificates on bought blanks: only the variable text, where agency.yaml places it (certificate.blank_stock)',
        ),
      },
      copies: {
        flag: '--copies',
        value: '<n>',
        type: 'count',
        description: t(
          'phiếu bầu: số tờ in sẵn, mỗi tờ một trang (được nhớ cho lần in sau)',
          'ballots: how many papers, one per page (remembered for the next render)',
        ),
      },
      force: {
        flag: '--force',
        type: 'flag',
        description: t('ghi đè tệp đã sửa tay', 'overwrite a file that was edited by hand'),
      },
      pdf: {
        flag: '--pdf',
        type: 'flag',
        description: t(
          'ghi thêm bản PDF cạnh mỗi văn bản (cần LibreOffice)',
          'also write a PDF beside each document (needs LibreOffice)',
        ),
      },
      pdfa: {
        flag: '--pdfa',
        type: 'flag',
        description: t(
          'bản PDF theo chuẩn lưu trữ PDF/A-2b (kèm --pdf)',
          'make the PDF copies PDF/A-2b, for archiving (implies --pdf)',
        ),
      },
      json,
    },
  },
  overdue: {
    description: t(
      'các phòng chưa nộp hoặc nộp trễ theo từng thời hạn',
      'deadlines missed or met late, per department',
    ),
    args: [],
    options: {
      asOf: {
        flag: '--as-of',
        value: '<date>',
        type: 'date',
        description: t('tính đến ngày (YYYY-MM-DD; mặc định hôm nay)', 'as of this day (YYYY-MM-DD; default today)'),
      },
      year: { flag: '--year', value: '<year>', type: 'year', description: t('chỉ đợt này', 'only this round') },
      json,
    },
  },
  status: {
    description: t('mỗi đợt đang ở đâu và việc cần làm tiếp', 'where each round stands and what to do next'),
    args: [{ name: 'year', type: 'year', optional: true }],
    options: { json },
  },
  awards: {
    description: t(
      'mọi lần được đề nghị, công nhận của một người hay một phòng (mã hoặc tên, có dấu hay không)',
      'every nomination and recognition of a person or department (id or name, with or without diacritics)',
    ),
    args: [{ name: 'id', type: 'text' }],
    options: { json },
  },
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
          'sau khi mở niêm phong: thay phiếu số N bằng các ý kiến cho bằng cờ (phiếu cũ giữ trong unseals.yaml)',
          'after an unseal: replace ballot N with the marks given as flags (the old paper kept in unseals.yaml)',
        ),
      },
      json,
    },
  },
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

export type CommandName = keyof typeof DEFINITIONS;
export type Input<N extends CommandName> = InputOf<(typeof DEFINITIONS)[N]>;

/** What a command module exports. */
export interface CommandModule<N extends CommandName> {
  run(ctx: CommandContext, input: Input<N>): Promise<number> | number;
}
