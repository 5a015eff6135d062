/**
 * A province-scale workspace, deterministic from a seed: 100 departments, 5,000 people,
 * 300 disciplinary measures, and 20 rounds (×scale) of 200 nominations and 31 ballots of 200 marks.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENCY_FILE,
  ballotPath,
  CRITERIA_FILE,
  DEPARTMENTS_FILE,
  DISCIPLINE_FILE,
  nominationPath,
  PEOPLE_FILE,
  roundFile,
} from '../core/records/paths.js';
import { DEFAULT_THRESHOLD } from '../core/defaults.js';
import { thresholdFlow } from '../core/init/agency-file.js';

export interface GenerateOptions {
  root: string;
  seed?: number;
  departments?: number;
  people?: number;
  discipline?: number;
  rounds?: number;
  ballots?: number;
  criteriaFile: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Ngọc', 'Đức'];
const GIVEN = [
  'An',
  'Bình',
  'Cúc',
  'Dũng',
  'Em',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Sơn',
  'Tài',
  'Thu',
  'Tuấn',
  'Yến',
];
const LEVELS = ['khien-trach', 'canh-cao', 'ha-bac-luong', 'giang-chuc', 'cach-chuc', 'buoc-thoi-viec'];

export function generateWorkspace(o: GenerateOptions): { files: number; bytes: number; years: number[] } {
  const rand = rng(o.seed ?? 2016);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const D = o.departments ?? 100;
  const P = o.people ?? 5000;
  const R = o.rounds ?? 20;
  const B = o.ballots ?? 31;
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const abs = join(o.root, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const dept = (i: number) => `d${String(i + 1).padStart(3, '0')}`;
  const person = (i: number) => `p${String(i + 1).padStart(5, '0')}`;
  const deptOf = (i: number) => i % D;

  write(
    AGENCY_FILE,
    [
      'name: Thanh tra tỉnh Mẫu',
      'parent: UBND tỉnh Mẫu',
      'symbol: TTr',
      'place: Tỉnh Mẫu',
      'head: { title: Chánh Thanh tra, name: Nguyễn Văn Giáp }',
      'council: { name: Hội đồng Thi đua - Khen thưởng, symbol: HĐTĐKT }',
      `threshold: ${thresholdFlow(DEFAULT_THRESHOLD)}`,
      'limits: { collective_per_department: 1, individual_per_department: 1 }',
      'discipline: { blocks_collective_from: canh-cao, blocks_individual_from: khien-trach }',
      'deadlines:',
      '  - { id: registration, title: Đăng ký, before: "11-30" }',
      '  - { id: plan, title: Kế hoạch, before: "12-15" }',
      'recipients: [ Ban TĐKT tỉnh ]',
      'legal_basis: [ "Căn cứ Luật Thi đua, khen thưởng;" ]',
      '',
    ].join('\n'),
  );
  write(CRITERIA_FILE, readFileSync(o.criteriaFile, 'utf8'));
  write(
    DEPARTMENTS_FILE,
    Array.from({ length: D }, (_, i) => `- { id: ${dept(i)}, name: "Phòng số ${i + 1}", head: ${person(i)} }`).join(
      '\n',
    ) + '\n',
  );
  write(
    PEOPLE_FILE,
    Array.from({ length: P }, (_, i) => {
      const g = rand() < 0.5;
      const name = `${pick(FAMILY)} ${g ? pick(MIDDLE.filter((m) => m !== 'Thị')) : 'Thị'} ${pick(GIVEN)}`;
      const leader = i < 2 * D;
      return `- { id: ${person(i)}, name: ${name}, gender: ${g ? 'nam' : 'nu'}, position: ${leader ? 'Trưởng phòng' : 'Chuyên viên'}, department: ${dept(deptOf(i))}, leader: ${leader} }`;
    }).join('\n') + '\n',
  );
  write(
    DISCIPLINE_FILE,
    Array.from({ length: o.discipline ?? 300 }, () => {
      const y = 1990 + Math.floor(rand() * 8);
      return `- { person: ${person(Math.floor(rand() * P))}, level: ${pick(LEVELS)}, date: ${y}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)} }`;
    }).join('\n') + '\n',
  );

  const criteria = readFileSync(o.criteriaFile, 'utf8');
  const ids = (group: string) => {
    const block = criteria.split(/^(?=\w+:)/m).find((b) => b.startsWith(`${group}:`)) ?? '';
    return [...block.matchAll(/id: ([a-z0-9-]+)/g)].map((m) => m[1]!);
  };
  const crit = { collective: ids('collective'), individual: ids('individual'), leader: ids('leader') };
  const years: number[] = [];
  for (let r = 0; r < R; r++) {
    const year = 2001 + r;
    years.push(year);
    const members = Array.from(
      { length: B },
      (_, i) => `  - { person: ${person(2 * D + i)}, role: ${i === 0 ? 'chu-tich' : 'uy-vien'} }`,
    );
    write(
      roundFile(year, 'council.yaml'),
      [
        'members:',
        ...members,
        'session:',
        `  date: ${year}-12-20`,
        '  time: "08:00"',
        '  place: Phòng họp',
        `  chair: ${person(2 * D)}`,
        `  secretary: ${person(2 * D + 1)}`,
        `  counters: [ ${person(2 * D + 2)}, ${person(2 * D + 3)} ]`,
        `  ballots_issued: ${B}`,
        '',
      ].join('\n'),
    );
    const noms: string[] = [];
    for (let d = 0; d < D; d++) {
      const c = `${dept(d)}-mo-hinh`;
      noms.push(c);
      write(
        nominationPath(year, c),
        [
          `id: ${c}`,
          'kind: collective',
          `department: ${dept(d)}`,
          `title: "Mô hình tiêu biểu của Phòng số ${d + 1} năm ${year}"`,
          'initiative: |',
          `  Mô tả sáng kiến của phòng số ${d + 1}.`,
          `submitted: ${year}-11-1${d % 10}`,
          'criteria:',
          ...crit.collective.map((x) => `  ${x}: true`),
          '',
        ].join('\n'),
      );
      const who = d + D * (1 + Math.floor(rand() * ((P - 2 * D - B) / D - 1)));
      const pi = rand() < 0.3 ? d : who;
      const leader = pi < 2 * D;
      const n = `${dept(d)}-ca-nhan`;
      noms.push(n);
      write(
        nominationPath(year, n),
        [
          `id: ${n}`,
          'kind: individual',
          `department: ${dept(d)}`,
          `person: ${person(pi)}`,
          `title: "Cá nhân tiêu biểu của Phòng số ${d + 1} năm ${year}"`,
          `submitted: ${year}-11-2${d % 10}`,
          'criteria:',
          ...[...crit.individual, ...(leader ? crit.leader : [])].map((x) => `  ${x}: true`),
          '',
        ].join('\n'),
      );
    }
    for (let b = 0; b < B; b++) {
      const votes = noms.map((id, i) => {
        const strong = Math.floor(i / 2) % 2 === 0;
        const x = rand();
        const v = x < (strong ? 0.92 : 0.45) ? 'agree' : x < 0.97 ? 'disagree' : 'abstain';
        return `  ${id}: ${v}`;
      });
      write(
        ballotPath(year, b + 1),
        [`serial: ${b + 1}`, 'valid: true', 'written: false', 'votes:', ...votes, ''].join('\n'),
      );
    }
    write(
      roundFile(year, 'submissions.yaml'),
      Array.from(
        { length: D - 10 },
        (_, d) =>
          `- { deadline: plan, department: ${dept(d)}, received: ${year}-12-0${1 + (d % 9)}, reference: ${d + 1}/KH }`,
      ).join('\n') + '\n',
    );
  }
  return { files, bytes, years };
}
