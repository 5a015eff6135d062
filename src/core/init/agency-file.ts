/** The agency.yaml of a new workspace, from the answers given (placeholders for the rest). */
import { yamlScalar } from '../yaml/emit.js';
import type { Threshold } from '../schemas/agency.js';
import { DEFAULT_THRESHOLD } from '../defaults.js';

/** A threshold as agency.yaml writes it on one line: { numerator: 2, denominator: 3, of: members }. */
export function thresholdFlow(th: Pick<Threshold, 'numerator' | 'denominator' | 'of'>): string {
  return `{ numerator: ${th.numerator}, denominator: ${th.denominator}, of: ${th.of} }`;
}
import type { Level } from '../schemas/pack.js';

export interface InitAnswers {
  agency: string;
  parent: string;
  symbol: string;
  place: string;
  headName: string;
  headTitle: string;
  /** The act that gives the issuer its competence, the decision's first căn cứ (optional). */
  competence: string;
}

export const INIT_FIELDS: Array<{
  key: keyof InitAnswers;
  option: string;
  flag: string;
  field: string;
  placeholder: string;
  required: boolean;
}> = [
  { key: 'agency', option: 'agency', flag: 'agency', field: 'name', placeholder: 'Tên cơ quan', required: true },
  {
    key: 'parent',
    option: 'parent',
    flag: 'parent',
    field: 'parent',
    placeholder: 'Tên cơ quan chủ quản',
    required: false,
  },
  { key: 'symbol', option: 'symbol', flag: 'symbol', field: 'symbol', placeholder: 'CQ', required: true },
  { key: 'place', option: 'place', flag: 'place', field: 'place', placeholder: 'Địa danh', required: true },
  {
    key: 'headName',
    option: 'headName',
    flag: 'head-name',
    field: 'head.name',
    placeholder: 'Họ và tên người ký',
    required: true,
  },
  {
    key: 'headTitle',
    option: 'headTitle',
    flag: 'head-title',
    field: 'head.title',
    placeholder: 'Thủ trưởng cơ quan',
    required: true,
  },
  {
    key: 'competence',
    option: 'competence',
    flag: 'competence',
    field: 'legal_basis',
    placeholder: '',
    required: false,
  },
];

/** "Căn cứ Quyết định số 12/2024/QĐ-UBND …;" from what the clerk typed, with or without "Căn cứ" and the ";". */
export function competenceLine(text: string): string {
  const body = text
    .trim()
    .replace(/^căn cứ\s+/iu, '')
    .replace(/[;.,\s]+$/u, '');
  return `Căn cứ ${body};`;
}

/** Every value through the one YAML emitter (quoted where YAML would misread it), in a flow map too. */
const q = (s: string) => (/[{}[\],]/.test(s) ? JSON.stringify(s) : yamlScalar(s));

/** What each level is, in agency.yaml's comment. */
const LEVEL_NOTE: Record<Level, string> = {
  so: 'cơ quan chuyên môn thuộc UBND tỉnh và tương đương',
  xa: 'Ủy ban nhân dân cấp xã',
  truong: 'trường công lập thuộc Sở',
  tinh: 'Ủy ban nhân dân tỉnh',
};

/**
 * The authority above a new agency, named with its province: the rule pack's `proposes_to` for the
 * agency's level ("Chủ tịch Ủy ban nhân dân tỉnh") completed from the parent body ("UBND tỉnh Lâm
 * Đồng" → "… tỉnh Lâm Đồng"). Null when the parent names no province: nothing is guessed.
 */
export function proposesToOf(authority: string | undefined, parent: string | undefined): string | null {
  const m = /(?:^|\s)(tỉnh|thành phố)\s+(\S.*)$/iu.exec(parent?.trim() ?? '');
  if (!authority || !m) return null;
  const kind = m[1]!.toLocaleLowerCase('vi');
  const bare = authority.trim().replace(/\s+(tỉnh|thành phố)$/iu, '');
  return `${bare} ${kind} ${m[2]!.trim()}`;
}

export function renderAgencyYaml(
  answers: Partial<InitAnswers>,
  level: Level = 'so',
  extra: { period?: 'calendar' | 'school-year'; unit?: string; proposesTo?: string | null } = {},
): { text: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const v = (key: keyof InitAnswers) => {
    const f = INIT_FIELDS.find((x) => x.key === key)!;
    const given = answers[key];
    if (given === undefined) {
      placeholders.push(f.field);
      return f.placeholder;
    }
    return given;
  };
  const name = v('agency');
  const parent = v('parent');
  const symbol = v('symbol');
  const place = v('place');
  const headTitle = v('headTitle');
  const headName = v('headName');
  // Optional and never a placeholder: without it, the decision cites the rule pack's instruments only.
  const competence = answers.competence?.trim() ? `  - ${q(competenceLine(answers.competence))}\n` : '';
  const text = `# yaml-language-server: $schema=../schemas/agency.schema.json
# Cơ quan, người ký, quy định của Hội đồng Thi đua - Khen thưởng và các thời hạn.
# Tên viết thường như trong câu (“Thanh tra tỉnh Bình Phước”, “Chánh Thanh tra”): văn bản tự in hoa ở tiêu đề và chữ ký.
name: ${q(name)}
${parent === '' ? '' : `parent: ${q(parent)}\n`}symbol: ${q(symbol)}
place: ${q(place)}
head: { title: ${q(headTitle)}, name: ${q(headName)} }
council:
  name: "Hội đồng Thi đua - Khen thưởng"
  symbol: HĐTĐKT
# Được công nhận khi ít nhất ${DEFAULT_THRESHOLD.numerator}/${DEFAULT_THRESHOLD.denominator} thành viên Hội đồng đồng ý (of: members | ballots).
threshold: ${thresholdFlow(DEFAULT_THRESHOLD)}
limits: { collective_per_department: 1, individual_per_department: 1 }
discipline: { blocks_collective_from: canh-cao, blocks_individual_from: khien-trach }
# Thời hạn các phòng nộp văn bản (thidua status, overdue); chưa có thời hạn nào cho đến khi cơ quan thêm, ví dụ:
#   - { id: registration, title: "Đăng ký thi đua", before: "03-31" }
deadlines: []
# Cấp của cơ quan (so | xa | truong | tinh): ${LEVEL_NOTE[level]}. Bộ quy tắc (titles.yaml, competence)
# cho biết Thủ trưởng quyết định danh hiệu nào; danh hiệu khác đề nghị cấp trên.
level: ${level}
${
  extra.proposesTo
    ? `# Cấp trên nhận đề nghị danh hiệu vượt thẩm quyền và công văn gửi quyết định (“Kính gửi”); nơi nhận công văn khác thì ghi report_to.\nproposes_to: ${q(extra.proposesTo)}\n`
    : '# Cấp trên nhận đề nghị và công văn gửi quyết định (“Kính gửi”), ví dụ:\n#   proposes_to: "Chủ tịch Ủy ban nhân dân tỉnh …"   (và report_to: nơi nhận công văn, nếu khác)\n'
}${
    level === 'truong'
      ? '# Danh hiệu tỉnh phân cấp thêm cho Hiệu trưởng quyết định (theo quy định của tỉnh), ví dụ:\n#   delegated: [ lao-dong-tien-tien, tap-the-lao-dong-tien-tien ]\n'
      : ''
  }recipients: []
# Căn cứ riêng của cơ quan (văn bản quy định thẩm quyền trước); Luật, Nghị định, Thông tư lấy từ bộ quy tắc (records/titles.yaml).
legal_basis:
${competence}  - "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
${
  extra.period === 'school-year'
    ? '# Đợt xét là năm học kết thúc trong năm của đợt (01/9 – 31/8): đợt 2025 là năm học 2024 - 2025.\nperiod: school-year\n'
    : ''
}${extra.unit !== undefined ? `# Các đơn vị trong cơ quan được gọi là:\nunit: ${q(extra.unit)}\n` : ''}`;
  return { text, placeholders };
}
