/** The commands: usage, description and options of each; the implementation is loaded on use. */
import { t, type Localized } from '../core/diagnostics.js';
import type { CommandContext } from '../shell/context.js';

export interface CommandModule {
  run(ctx: CommandContext, args: Array<string | string[] | undefined>, opts: Record<string, unknown>): Promise<number>;
}

export interface OptionSpec {
  flags: string;
  description: Localized;
  repeatable?: boolean;
}

export interface CommandSpec {
  usage: string;
  description: Localized;
  options?: OptionSpec[];
  load(): Promise<CommandModule>;
}

const JSON_OPTION: OptionSpec = { flags: '--json', description: t('in một tài liệu JSON', 'print one JSON document') };

export const COMMANDS: CommandSpec[] = [
  {
    usage: 'init [dir]',
    description: t('tạo không gian làm việc mới (hồ sơ, bộ tiêu chí, mẫu văn bản, git)', 'create a new workspace (records, criteria, templates, git)'),
    options: [
      { flags: '--agency <name>', description: t('tên cơ quan, ví dụ “THANH TRA TỈNH BÌNH PHƯỚC”', 'issuing body, e.g. “THANH TRA TỈNH BÌNH PHƯỚC”') },
      { flags: '--parent <name>', description: t('cơ quan chủ quản, ví dụ “UBND TỈNH BÌNH PHƯỚC”', 'parent body, e.g. “UBND TỈNH BÌNH PHƯỚC”') },
      { flags: '--symbol <symbol>', description: t('ký hiệu trong số văn bản, ví dụ “TTr”', 'symbol in document numbers, e.g. “TTr”') },
      { flags: '--place <place>', description: t('địa danh ghi ở dòng ngày tháng', 'place name on the date line') },
      { flags: '--head-name <name>', description: t('họ tên người ký', 'name of the signer') },
      { flags: '--head-title <title>', description: t('chức danh người ký, ví dụ “CHÁNH THANH TRA”', 'title of the signer, e.g. “CHÁNH THANH TRA”') },
    ],
    load: () => import('../commands/init.js'),
  },
  {
    usage: 'validate [years...]',
    description: t('kiểm tra toàn bộ hồ sơ theo mọi quy tắc', 'check all records against every rule'),
    options: [JSON_OPTION],
    load: () => import('../commands/validate.js'),
  },
  {
    usage: 'tally <year>',
    description: t('kiểm phiếu một đợt theo ngưỡng (mặc định 2/3 thành viên)', 'count a round’s ballots against the threshold (2/3 of members by default)'),
    options: [
      { flags: '--seal', description: t('niêm phong kết quả vào records/YEAR/tally.yaml', 'seal the result into records/YEAR/tally.yaml') },
      { flags: '--date <date>', description: t('ngày niêm phong (mặc định hôm nay), khi nhập lại hồ sơ cũ', 'the day of the seal (default today), when entering past records') },
      { flags: '--incomplete <reason>', description: t('niêm phong khi chưa nhập đủ số phiếu phát ra, ghi lý do (in trong biên bản)', 'seal with fewer ballots than issued, giving the reason (printed in the minutes)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/tally.js'),
  },
  {
    usage: 'verify [years...]',
    description: t('kiểm tra niêm phong: tệp đầu vào không đổi, kết quả khớp với kiểm phiếu lại', 'check seals: inputs unchanged, stored results equal a fresh count'),
    options: [JSON_OPTION],
    load: () => import('../commands/verify.js'),
  },
  {
    usage: 'decide <year>',
    description: t('ghi quyết định công nhận đã ký (số, ngày) của một đợt đã niêm phong', 'record the signed decision (number, date) of a sealed round'),
    options: [
      { flags: '--number <n>', description: t('số quyết định, ví dụ 5 (in ra “05/QĐ-TTr”)', 'decision number, e.g. 5 (printed “05/QĐ-TTr”)') },
      { flags: '--date <date>', description: t('ngày ký, YYYY-MM-DD', 'signing date, YYYY-MM-DD') },
      { flags: '--force', description: t('thay quyết định đã ghi', 'replace a decision already recorded') },
      JSON_OPTION,
    ],
    load: () => import('../commands/decide.js'),
  },
  {
    usage: 'unseal <year>',
    description: t('mở niêm phong một đợt để sửa (ghi người, ngày, lý do); rút quyết định nếu có', 'open a sealed round to correct it (who, when and why are recorded); withdraws any decision'),
    options: [
      { flags: '--reason <text>', description: t('lý do mở niêm phong (bắt buộc; in trong biên bản lần niêm phong sau)', 'why the seal is opened (required; printed in the next minutes)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/unseal.js'),
  },
  {
    usage: 'issue <year> <file>',
    description: t('đăng ký bản văn bản đã hoàn thiện, ký ban hành (.docx, .pdf) để verify đối chiếu', 'register the final issued file of a document (.docx, .pdf) for verify to check'),
    options: [
      { flags: '--kind <kind>', description: t('loại văn bản: decision, certificates, minutes, list (mặc định theo tên tệp, hoặc decision)', 'document kind: decision, certificates, minutes, list (default from the file name, or decision)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/issue.js'),
  },
  {
    usage: 'render <kind> [year]',
    description: t('in văn bản Word: decision, certificates, minutes, list, all (của một đợt) hoặc report (--from --to)', 'render Word documents: decision, certificates, minutes, list, all (of a round) or report (--from --to)'),
    options: [
      { flags: '--from <year>', description: t('báo cáo: từ đợt', 'report: from round') },
      { flags: '--to <year>', description: t('báo cáo: đến đợt', 'report: to round') },
      { flags: '--date <date>', description: t('báo cáo: ngày ký (mặc định hôm nay)', 'report: date on the report (default today)') },
      { flags: '--out <dir>', description: t('thư mục ghi (mặc định documents/YEAR/)', 'folder to write (default documents/YEAR/)') },
      { flags: '--force', description: t('ghi đè tệp đã sửa tay', 'overwrite a file that was edited by hand') },
      JSON_OPTION,
    ],
    load: () => import('../commands/render.js'),
  },
  {
    usage: 'overdue',
    description: t('các phòng chưa nộp hoặc nộp trễ theo từng thời hạn', 'deadlines missed or met late, per department'),
    options: [
      { flags: '--as-of <date>', description: t('tính đến ngày (YYYY-MM-DD; mặc định hôm nay)', 'as of this day (YYYY-MM-DD; default today)') },
      { flags: '--year <year>', description: t('chỉ đợt này', 'only this round') },
      JSON_OPTION,
    ],
    load: () => import('../commands/overdue.js'),
  },
  {
    usage: 'status [year]',
    description: t('mỗi đợt đang ở đâu và việc cần làm tiếp', 'where each round stands and what to do next'),
    options: [JSON_OPTION],
    load: () => import('../commands/status.js'),
  },
  {
    usage: 'awards <id>',
    description: t('mọi lần được đề nghị, công nhận của một người hay một phòng', 'every nomination and recognition of a person or department'),
    options: [JSON_OPTION],
    load: () => import('../commands/awards.js'),
  },
  {
    usage: 'nominate [year]',
    description: t('thêm một đề nghị (hỏi từng bước, hoặc cho bằng cờ)', 'add a nomination (step by step, or by flags)'),
    options: [
      { flags: '--kind <kind>', description: t('collective (mô hình tiêu biểu) hoặc individual (gương điển hình)', 'collective or individual') },
      { flags: '--department <id>', description: t('mã phòng', 'department id') },
      { flags: '--person <id>', description: t('mã người (đề nghị cá nhân)', 'person id (individual)') },
      { flags: '--title <text>', description: t('thành tích, in trên Giấy công nhận', 'the achievement, printed on the certificate') },
      { flags: '--initiative <text>', description: t('bản mô tả sáng kiến, mô hình (tập thể)', 'description of the initiative (collective)') },
      { flags: '--initiative-file <file>', description: t('bản mô tả lấy từ tệp', 'the description, read from a file') },
      { flags: '--met <ids>', description: t('tiêu chí đạt: all, hoặc mã (lặp lại hoặc cách bằng dấu phẩy)', 'criteria met: all, or ids (repeat or comma-separated)'), repeatable: true },
      { flags: '--submitted <date>', description: t('ngày nhận hồ sơ (mặc định hôm nay)', 'date received (default today)') },
      { flags: '--id <id>', description: t('mã đề nghị (mặc định PHÒNG-mo-hinh / PHÒNG-ca-nhan)', 'nomination id (default DEPT-mo-hinh / DEPT-ca-nhan)') },
      { flags: '--new-factor', description: t('đánh dấu nhân tố mới', 'mark as a new factor') },
      { flags: '--force', description: t('thêm cả khi đợt đã có phiếu bầu (được ghi lại trong đề nghị)', 'add even when the round already has ballots (recorded in the nomination)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/nominate.js'),
  },
  {
    usage: 'ballot <year>',
    description: t('nhập phiếu bầu sau khi kiểm (hỏi từng phiếu, hoặc cho bằng cờ)', 'enter the paper ballots after the count (step by step, or by flags)'),
    options: [
      { flags: '--vote <id=choice>', description: t('ý kiến cho một đề nghị: ID=agree|disagree|abstain (lặp lại)', 'a mark for one nomination: ID=agree|disagree|abstain (repeat)'), repeatable: true },
      { flags: '--invalid', description: t('phiếu không hợp lệ', 'an invalid ballot') },
      { flags: '--written', description: t('phiếu ý kiến bằng văn bản của thành viên vắng mặt', 'a written vote of an absent member') },
      { flags: '--serial <n>', description: t('số phiếu (mặc định: số tiếp theo)', 'serial (default: the next one)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/ballot.js'),
  },
  {
    usage: 'report',
    description: t('báo cáo tổng kết giai đoạn: theo đợt, theo phòng, nhân tố mới, nhân rộng mô hình, thời hạn', 'period summary: by round, by department, new factors, models replicated, deadlines'),
    options: [
      { flags: '--from <year>', description: t('từ đợt (mặc định: đợt đầu)', 'from round (default: the first)') },
      { flags: '--to <year>', description: t('đến đợt (mặc định: đợt cuối)', 'to round (default: the last)') },
      { flags: '--as-of <date>', description: t('tính thời hạn đến ngày (mặc định hôm nay)', 'deadlines as of (default today)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/report.js'),
  },
  {
    usage: 'publish',
    description: t('trang web tĩnh các mô hình, gương điển hình được công nhận (cho trang thông tin điện tử)', 'a static web page of the recognised models and individuals (for the agency’s website)'),
    options: [
      { flags: '--from <year>', description: t('từ đợt', 'from round') },
      { flags: '--to <year>', description: t('đến đợt', 'to round') },
      { flags: '--out <dir>', description: t('thư mục ghi (mặc định public/)', 'folder to write (default public/)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/publish.js'),
  },
  {
    usage: 'commit',
    description: t('kiểm tra hồ sơ rồi commit records/, templates/, documents/ vào git', 'validate, then commit records/, templates/ and documents/ to git'),
    options: [
      { flags: '-m, --message <msg>', description: t('nội dung commit (mặc định: tóm tắt thay đổi)', 'commit message (default: a summary of the changes)') },
      JSON_OPTION,
    ],
    load: () => import('../commands/commit.js'),
  },
  {
    usage: 'log <record>',
    description: t('lịch sử git của một hồ sơ: mã đề nghị, mã người, 2016/ballot/7 hoặc đường dẫn', 'the git history of one record: a nomination id, a person id, 2016/ballot/7 or a path'),
    options: [JSON_OPTION],
    load: () => import('../commands/log.js'),
  },
  {
    usage: 'schema',
    description: t('xuất JSON Schema của từng loại hồ sơ (cho trình soạn thảo)', 'write the JSON Schema of every record kind (for editors)'),
    options: [{ flags: '--out <dir>', description: t('thư mục ghi (mặc định: schemas/)', 'folder to write (default: schemas/)') }],
    load: () => import('../commands/schema.js'),
  },
];
