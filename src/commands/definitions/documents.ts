/** Commands that render documents and show where things stand. */
import { t } from '../../core/diagnostics.js';
import type { CommandDef } from './types.js';
import { json } from './shared.js';

export const DOCUMENT_COMMANDS = {
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
} as const satisfies Record<string, CommandDef>;
