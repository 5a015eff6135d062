/** Commands that run a round: its sessions, exports, imports and received files. */
import { t } from '../../core/diagnostics.js';
import type { CommandDef } from './types.js';
import { json, year } from './shared.js';

export const ROUND_COMMANDS = {
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
        description: t(
          'nominations: đợt nhận các đề nghị; people: đợt của cột Xếp loại (ghi vào records/NĂM/ratings.yaml)',
          'nominations: the round they go to; people: the round of the Xếp loại column (written to records/YEAR/ratings.yaml)',
        ),
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
} as const satisfies Record<string, CommandDef>;
