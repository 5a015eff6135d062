/**
 * A generated agency for scenario tests: other names, council sizes, thresholds and years than
 * the bundled example, written as a new office would write its records, in a git repository.
 */
import { git, tempDir, write } from './workspace.js';

export interface AgencySpec {
  /** Varies the names; the same seed gives the same agency. */
  seed?: number;
  departments?: number;
  councilSize?: number;
  threshold?: {
    numerator: number;
    denominator: number;
    of: 'members' | 'ballots';
    quorum?: { numerator: number; denominator: number };
  };
  year?: number;
  /** Leave the round without its session (meeting not held yet). */
  noSession?: boolean;
  /** The kind of agency: a Sở (the default), a UBND xã, an upper-secondary school. */
  level?: keyof typeof LEVELS;
}

/** Each kind of agency as its agency.yaml names it: no `full_title`, as `init` writes it. */
export const LEVELS = {
  so: {
    name: 'Sở Tư pháp tỉnh Lâm Đồng',
    parent: 'UBND tỉnh Lâm Đồng',
    symbol: 'STP',
    head: 'Giám đốc',
    deputy: 'Phó Giám đốc',
  },
  xa: {
    name: 'Ủy ban nhân dân xã Tân Phú',
    parent: 'Tỉnh Đồng Nai',
    symbol: 'UBND',
    head: 'Chủ tịch',
    deputy: 'Phó Chủ tịch',
  },
  truong: {
    name: 'Trường Trung học phổ thông Nguyễn Du',
    parent: 'Sở Giáo dục và Đào tạo tỉnh Lâm Đồng',
    symbol: 'THPTND',
    head: 'Hiệu trưởng',
    deputy: 'Phó Hiệu trưởng',
  },
} as const;

export interface Agency {
  root: string;
  year: number;
  departments: Array<{ id: string; name: string }>;
  people: Array<{ id: string; name: string; department: string; leader: boolean; gender: 'nam' | 'nu' }>;
  council: string[];
  /** Nomination ids of the first round: a collective and an individual per department. */
  nominations: string[];
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Hữu', 'Ngọc'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hạnh',
  'Khoa',
  'Lan',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Uyên',
  'Vinh',
  'Xuân',
  'Yến',
  'Đức',
];
const DEPARTMENTS = [
  ['vp', 'Văn phòng Sở'],
  ['hctp', 'Phòng Hành chính tư pháp'],
  ['bttp', 'Phòng Bổ trợ tư pháp'],
  ['xdkt', 'Phòng Xây dựng và kiểm tra văn bản'],
  ['pbgd', 'Phòng Phổ biến, giáo dục pháp luật'],
  ['ttr', 'Thanh tra Sở'],
  ['tgpl', 'Trung tâm Trợ giúp pháp lý'],
  ['dgts', 'Trung tâm Dịch vụ đấu giá tài sản'],
] as const;

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const CRITERIA_YAML = `collective:
  - { id: hoan-thanh-xuat-sac, text: "Hoàn thành xuất sắc nhiệm vụ năm" }
  - { id: doan-ket, text: "Nội bộ đoàn kết, không có vi phạm" }
individual:
  - { id: trach-nhiem, text: "Có tinh thần trách nhiệm cao" }
  - { id: sang-tao, text: "Có sáng kiến được áp dụng" }
leader:
  - { id: guong-mau, text: "Gương mẫu, nói đi đôi với làm" }
`;

export function generateAgency(spec: AgencySpec = {}): Agency {
  const seed = spec.seed ?? 1;
  const year = spec.year ?? 2025;
  const nDept = spec.departments ?? 4;
  const councilSize = spec.councilSize ?? 7;
  const th = spec.threshold ?? { numerator: 2, denominator: 3, of: 'ballots' as const };
  const root = tempDir('thidua-agency-');
  const level = LEVELS[spec.level ?? 'so'];

  const departments = DEPARTMENTS.slice(0, nDept).map(([id, name]) => ({ id, name }));
  const people: Agency['people'] = [];
  const used = new Set<string>();
  let k = seed * 7;
  const nextName = () => {
    for (;;) {
      const name = `${FAMILY[k % FAMILY.length]!} ${MIDDLE[(k * 3 + 1) % MIDDLE.length]!} ${GIVEN[(k * 5 + seed) % GIVEN.length]!}`;
      k++;
      if (!used.has(fold(name))) {
        used.add(fold(name));
        return name;
      }
    }
  };
  // Three people per department: its head (a leader) and two staff; the director (giám đốc) in the first.
  const director = nextName();
  people.push({ id: fold(director), name: director, department: departments[0]!.id, leader: true, gender: 'nam' });
  for (const d of departments) {
    for (let i = 0; i < 3; i++) {
      const name = nextName();
      people.push({
        id: fold(name),
        name,
        department: d.id,
        leader: i === 0,
        gender: name.includes(' Thị ') ? 'nu' : 'nam',
      });
    }
  }
  const council = people.slice(0, councilSize).map((p) => p.id);
  if (council.length < councilSize) throw new Error('not enough people for the council');

  const quorum = th.quorum
    ? `, quorum: { numerator: ${th.quorum.numerator}, denominator: ${th.quorum.denominator} }`
    : '';
  write(
    root,
    'records/agency.yaml',
    `name: ${level.name}
parent: ${level.parent}
symbol: ${level.symbol}
place: Lâm Đồng
head: { title: ${level.head}, name: ${director} }
council: { name: Hội đồng Thi đua - Khen thưởng${spec.level === undefined || spec.level === 'so' ? ' Sở Tư pháp' : ''}, symbol: HĐTĐKT }
threshold: { numerator: ${th.numerator}, denominator: ${th.denominator}, of: ${th.of}${quorum} }
limits: { collective_per_department: 1, individual_per_department: 1 }
discipline: { blocks_collective_from: canh-cao, blocks_individual_from: khien-trach }
deadlines:
  - { id: registration, title: "Đăng ký thi đua", before: "11-30" }
  - { id: plan, title: "Kế hoạch nhân rộng", before: "12-15" }
recipients: [ "Sở Nội vụ", "Lưu: VT" ]
level: ${spec.level ?? 'so'}
legal_basis: [ "Căn cứ Luật Thi đua, khen thưởng năm 2022;" ]
`,
  );
  write(root, 'records/criteria.yaml', CRITERIA_YAML);
  write(
    root,
    'records/departments.yaml',
    departments.map((d) => `- { id: ${d.id}, name: "${d.name}" }`).join('\n') + '\n',
  );
  write(
    root,
    'records/people.yaml',
    people
      .map(
        (p) =>
          `- { id: ${p.id}, name: "${p.name}", gender: ${p.gender}, position: "${p.leader ? 'Trưởng phòng' : 'Chuyên viên'}", department: ${p.department}, leader: ${p.leader} }`,
      )
      .join('\n') + '\n',
  );
  write(root, 'records/discipline.yaml', '[]\n');

  const nominations = writeRound(root, year, { departments, people, council }, spec.noSession ? null : councilSize);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.name', 'Văn thư']);
  git(root, ['config', 'user.email', 'vanthu@example.org']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'Hồ sơ ban đầu']);
  return { root, year, departments, people, council, nominations };
}

/** A round's council (and session) and one collective and one staff individual per department. */
export function writeRound(
  root: string,
  year: number,
  a: Pick<Agency, 'departments' | 'people' | 'council'>,
  ballotsIssued: number | null,
  options: { criteria?: Record<string, string[]> } = {},
): string[] {
  const members = a.council
    .map((id, i) => `  - { person: ${id}, role: ${i === 0 ? 'chu-tich' : i === 1 ? 'thu-ky' : 'uy-vien'} }`)
    .join('\n');
  const session =
    ballotsIssued === null
      ? ''
      : `session:
  date: ${year + 1}-01-15
  place: Phòng họp Sở
  chair: ${a.council[0]!}
  secretary: ${a.council[1]!}
  counters: [ ${a.council[2]!} ]
  ballots_issued: ${ballotsIssued}
`;
  write(root, `records/${year}/council.yaml`, `members:\n${members}\n${session}`);
  const ids: string[] = [];
  const answers = (group: string[]) => group.map((c) => `  ${c}: true`).join('\n');
  const crit = options.criteria ?? {
    collective: ['hoan-thanh-xuat-sac', 'doan-ket'],
    individual: ['trach-nhiem', 'sang-tao'],
  };
  for (const d of a.departments) {
    const staff =
      a.people.find((p) => p.department === d.id && !p.leader && !a.council.includes(p.id)) ??
      a.people.find((p) => p.department === d.id && !p.leader)!;
    write(
      root,
      `records/${year}/nominations/${d.id}-tap-the.yaml`,
      `id: ${d.id}-tap-the
kind: collective
department: ${d.id}
title: "Tập thể hoàn thành xuất sắc nhiệm vụ năm ${year}"
initiative: |
  Cải cách thủ tục hành chính tại ${d.name}.
submitted: ${year}-11-10
criteria:
${answers(crit['collective']!)}
`,
    );
    write(
      root,
      `records/${year}/nominations/${d.id}-ca-nhan.yaml`,
      `id: ${d.id}-ca-nhan
kind: individual
department: ${d.id}
person: ${staff.id}
title: "Chuyên viên tiêu biểu năm ${year}"
submitted: ${year}-11-12
criteria:
${answers(crit['individual']!)}
`,
    );
    ids.push(`${d.id}-tap-the`, `${d.id}-ca-nhan`);
  }
  return ids;
}
