/**
 * A school's year-end at its real size for `npm run bench`: 64 staff in 8 tổ, a council of 9, 63
 * nominations from the tổ's list. Importing the list and entering a ballot with `--all` are each one
 * command, measured in turns with a validate of the round.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SchoolMeasure {
  label: string;
  median: number;
  min: number;
  peakMb: number | null;
  times?: number[];
}

type InTurns = (commands: Array<{ label: string; cmd: string[] }>, cwd: string, runs: number) => SchoolMeasure[];

const TO = ['Toán', 'Ngữ văn', 'Ngoại ngữ', 'Vật lý', 'Hóa học', 'Sinh học', 'Lịch sử', 'Văn phòng'];

/** The school's workspace: staff imported, the round with its council and meeting (ballots to spare). */
function schoolWorkspace(node: string, bin: string): { root: string; nominations: string } {
  const parent = mkdtempSync(join(tmpdir(), 'thidua-bench-school-'));
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.org' };
  const cli = (cwd: string, ...args: string[]) => {
    const r = spawnSync(node, [bin, ...args], {
      cwd,
      env: { ...env, GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.org' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`bench school: thidua ${args.join(' ')}: ${r.stderr}`);
  };
  cli(
    parent,
    'init',
    'truong',
    '--agency',
    'Trường THPT Chu Văn An',
    '--parent',
    'Sở Giáo dục và Đào tạo',
    '--symbol',
    'THPTCVA',
    '--place',
    'Hà Nội',
    '--head-name',
    'Phạm Văn Hùng',
    '--head-title',
    'Hiệu trưởng',
    '--titles',
    '--period',
    'school-year',
  );
  const root = join(parent, 'truong');
  const name = (i: number) => `Giáo viên ${String(i + 1).padStart(2, '0')}`;
  const staff = Array.from({ length: 64 }, (_, i) => `${i + 1},${name(i)},Nữ,Giáo viên,Tổ ${TO[i % 8]!}`);
  writeFileSync(join(parent, 'can-bo.csv'), ['STT,Họ và tên,Giới tính,Chức vụ,Tổ chuyên môn', ...staff].join('\n'));
  cli(root, 'import', 'people', join(parent, 'can-bo.csv'));
  const id = (i: number) => `giao-vien-${String(i + 1).padStart(2, '0')}`;
  cli(
    root,
    'round',
    '2025',
    ...Array.from({ length: 9 }, (_, i) => ['--member', `${id(i)}:${i ? 'uy-vien' : 'chu-tich'}`]).flat(),
  );
  cli(
    root,
    'session',
    '2025',
    '--date',
    '2025-05-28',
    '--place',
    'Phòng họp',
    '--chair',
    id(0),
    '--secretary',
    id(1),
    '--counter',
    id(2),
    '--issued',
    '9',
  );
  const rows = ['STT,Họ và tên,Tổ,Danh hiệu đề nghị,Thành tích'];
  for (let t = 0; t < 8; t++) {
    if (t < 7) rows.push(`${rows.length},,Tổ ${TO[t]!},Tập thể lao động tiên tiến,Hoàn thành tốt nhiệm vụ năm học`);
    for (let k = 0; k < 7; k++)
      rows.push(`${rows.length},${name(t + 8 * k)},Tổ ${TO[t]!},Lao động tiên tiến,Hoàn thành tốt nhiệm vụ`);
  }
  const nominations = join(parent, 'de-nghi.csv');
  writeFileSync(nominations, rows.join('\n'));
  return { root, nominations };
}

export function schoolBench(
  node: string,
  bin: string,
  inTurns: InTurns,
  runs: number,
): { rows: SchoolMeasure[]; goals: Array<{ goal: string; value: number; limit: number }> } {
  const { root, nominations } = schoolWorkspace(node, bin);
  const thidua = (...args: string[]) => [node, bin, ...args];
  const validate = (when: string) => ({
    label: `school: thidua validate 2025 (64 staff; ${when})`,
    cmd: thidua('validate', '2025'),
  });
  // The import planned and checked in full each time: --dry-run leaves the round empty for the next turn.
  const before = inTurns(
    [
      validate('no nomination yet'),
      {
        label: 'school: thidua import nominations (63 rows, --dry-run)',
        cmd: thidua('import', 'nominations', nominations, '--year', '2025', '--dry-run'),
      },
    ],
    root,
    runs,
  );
  spawnSync(node, [bin, 'import', 'nominations', nominations, '--year', '2025'], { cwd: root });
  const after = inTurns(
    [
      validate('63 nominations'),
      {
        // The paper entered before is removed first (the council has 9): the removal counts against the ballot.
        label: 'school: thidua ballot 2025 --all agree --vote … (63 marks)',
        cmd: [
          'sh',
          '-c',
          'rm -f records/2025/ballots/*.yaml; exec "$0" "$@"',
          ...thidua('ballot', '2025', '--all', 'agree', '--vote', 'toan-tap-the-lao-dong-tien-tien=disagree'),
        ],
      },
    ],
    root,
    runs,
  );
  // A staff list of 100,000 rows, planned and checked in full: people.yaml would pass its 1 MiB, so
  // nothing is written; what is measured is the import's own work, linear in the rows.
  const big = join(root, '..', 'can-bo-100000.csv');
  const staff = Array.from(
    { length: 100_000 },
    (_, i) => `${i + 1},Giáo viên số ${i + 1},Nữ,Giáo viên,Tổ ${TO[i % 8]!}`,
  );
  writeFileSync(big, ['STT,Họ và tên,Giới tính,Chức vụ,Tổ chuyên môn', ...staff].join('\n'));
  const [scale] = inTurns(
    [
      {
        label: 'school: thidua import people (100,000 rows, --dry-run)',
        cmd: thidua('import', 'people', big, '--dry-run'),
      },
    ],
    root,
    Math.min(runs, 3),
  );
  const rows = [...before, ...after, scale!];
  const ratio = (a: SchoolMeasure, b: SchoolMeasure) => {
    if (!a.times || !b.times) return a.median / b.median;
    const r = a.times.map((x, i) => x / b.times![i]!).sort((x, y) => x - y);
    return r[Math.floor(r.length / 2)]!;
  };
  return {
    rows,
    goals: [
      { goal: 'school: import nominations ≤ 3× validate of the round', value: ratio(before[1]!, before[0]!), limit: 3 },
      { goal: 'school: ballot --all ≤ 3× validate of the round', value: ratio(after[1]!, after[0]!), limit: 3 },
    ],
  };
}
