/**
 * npm run bench, the provincial roll-up: one sound agency (a council of 5 proposing a title the
 * province decides, sealed and decided through thidua) served N times by `git daemon` on
 * 127.0.0.1, and `thidua inbox fetch` timed at N = 60, 120, 240: the first fetch (every agency
 * fetched and verified) and a second with nothing changed. Writes its table into docs/benchmarks.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVINCE_INIT } from './province.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(PROJECT, 'bin', 'thidua');
const COUNTS = (process.env['BENCH_ROLLUP'] ?? '60,120,240').split(',').map(Number);
const ENV = {
  ...process.env,
  NO_COLOR: '1',
  THIDUA_LANG: 'vi',
  THIDUA_TODAY: '2026-01-20',
  GIT_AUTHOR_NAME: 'Văn thư',
  GIT_AUTHOR_EMAIL: 'vt@example.org',
  GIT_COMMITTER_NAME: 'Văn thư',
  GIT_COMMITTER_EMAIL: 'vt@example.org',
};

function sh(cwd: string, cmd: string, args: string[], okCodes = [0]): string {
  const r = spawnSync(cmd, args, { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}
const thidua = (root: string, ...args: string[]) => sh(root, process.execPath, [BIN, '--root', root, ...args]);

const PEOPLE = [
  ['nguyen-van-an', 'Nguyễn Văn An', 'vp', true],
  ['tran-thi-binh', 'Trần Thị Bình', 'vp', false],
  ['le-van-cuong', 'Lê Văn Cường', 'vp', false],
  ['pham-thi-dung', 'Phạm Thị Dung', 'hctp', true],
  ['hoang-van-em', 'Hoàng Văn Em', 'hctp', false],
  ['vu-thi-giang', 'Vũ Thị Giang', 'hctp', false],
] as const;

/** A sound agency: its 2025 round proposes one person for a title the province decides, sealed and decided. */
function agency(dir: string): void {
  const w = (rel: string, text: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  w(
    'records/agency.yaml',
    `name: Sở Tư pháp tỉnh Lâm Đồng
parent: UBND tỉnh Lâm Đồng
symbol: STP
place: Lâm Đồng
head: { title: Giám đốc, name: Nguyễn Văn An }
council: { name: Hội đồng Thi đua - Khen thưởng Sở Tư pháp, symbol: HĐTĐKT }
threshold: { numerator: 2, denominator: 3, of: members }
limits: { collective_per_department: 1, individual_per_department: 1 }
discipline: { blocks_collective_from: canh-cao, blocks_individual_from: khien-trach }
deadlines: [ { id: registration, title: "Đăng ký thi đua", before: "11-30" } ]
recipients: [ "Sở Nội vụ", "Lưu: VT" ]
legal_basis: [ "Căn cứ Luật Thi đua, khen thưởng năm 2022;" ]
`,
  );
  w(
    'records/criteria.yaml',
    'collective:\n  - { id: xuat-sac, text: "Hoàn thành xuất sắc nhiệm vụ" }\nindividual:\n  - { id: trach-nhiem, text: "Có tinh thần trách nhiệm cao" }\n',
  );
  w(
    'records/departments.yaml',
    '- { id: vp, name: "Văn phòng Sở" }\n- { id: hctp, name: "Phòng Hành chính tư pháp" }\n',
  );
  w(
    'records/people.yaml',
    PEOPLE.map(
      ([id, name, d, leader]) =>
        `- { id: ${id}, name: "${name}", position: "${leader ? 'Trưởng phòng' : 'Chuyên viên'}", department: ${d}, leader: ${leader} }`,
    ).join('\n') + '\n',
  );
  w('records/discipline.yaml', '[]\n');
  w(
    'records/titles.yaml',
    '- id: bang-khen-tinh\n  name: Bằng khen của Chủ tịch UBND tỉnh\n  kind: individual\n  criteria: [ trach-nhiem ]\n  threshold: { percent: 90, of: members }\n  decided_by: { body: Chủ tịch UBND tỉnh Lâm Đồng }\n',
  );
  const council = PEOPLE.slice(0, 5).map(
    ([id], i) => `  - { person: ${id}, role: ${i === 0 ? 'chu-tich' : i === 1 ? 'thu-ky' : 'uy-vien'} }`,
  );
  w(
    'records/2025/council.yaml',
    `members:\n${council.join('\n')}\nsession: { date: 2026-01-15, place: Phòng họp Sở, chair: nguyen-van-an, secretary: tran-thi-binh, counters: [ le-van-cuong ], ballots_issued: 5 }\n`,
  );
  w(
    'records/2025/nominations/hctp-bang-khen.yaml',
    'id: hctp-bang-khen\nkind: individual\ndepartment: hctp\nperson: vu-thi-giang\naward: bang-khen-tinh\ntitle: "Hoàn thành xuất sắc nhiệm vụ năm 2025"\nsubmitted: 2025-11-12\ncriteria: { trach-nhiem: true }\n',
  );
  sh(dir, 'git', ['init', '-q', '-b', 'main']);
  sh(dir, 'git', ['add', '-A']);
  sh(dir, 'git', ['commit', '-q', '-m', 'Hồ sơ ban đầu']);
  for (let i = 0; i < 5; i++) thidua(dir, 'ballot', '2025', '--vote', 'hctp-bang-khen=agree');
  thidua(dir, 'tally', '2025', '--seal');
  thidua(dir, 'decide', '2025', '--number', '12', '--date', '2026-01-20');
  thidua(dir, 'commit', '-m', 'Đợt 2025');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });

function timed(root: string, args: string[]): { ms: number; out: string } {
  const start = process.hrtime.bigint();
  const out = sh(root, process.execPath, [BIN, '--root', root, ...args], [0, 1]);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'thidua-rollup-bench-'));
  const base = join(tmp, 'server');
  mkdirSync(base);
  const port = await freePort();
  const daemon = spawn(
    'git',
    ['daemon', '--reuseaddr', '--export-all', `--base-path=${base}`, '--listen=127.0.0.1', `--port=${port}`, base],
    { stdio: 'ignore' },
  );
  const rows: string[] = [];
  try {
    for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 50));
    const source = join(tmp, 'agency');
    mkdirSync(source);
    agency(source);
    for (const n of COUNTS) {
      const parent = join(tmp, `province-${n}`);
      mkdirSync(parent);
      thidua(parent, ...PROVINCE_INIT);
      const root = join(parent, 'tinh');
      const entries: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = `co-quan-${String(i + 1).padStart(3, '0')}`;
        if (!existsSync(join(base, `${id}.git`)))
          sh(base, 'git', ['clone', '--bare', '-q', source, join(base, `${id}.git`)]);
        entries.push(`- { id: ${id}, url: "git://127.0.0.1:${port}/${id}.git" }`);
      }
      writeFileSync(join(root, 'records/inbox.yaml'), entries.join('\n') + '\n');
      const first = timed(root, ['inbox', 'fetch']);
      const second = timed(root, ['inbox', 'fetch']);
      if (!first.out.includes(`${n} đạt, 0 bị giữ lại`) || !second.out.includes(`${n} không có gì mới`))
        throw new Error(`unexpected fetch output:\n${first.out}\n${second.out}`);
      const line = `| ${n} | ${(first.ms / 1000).toFixed(1)} s | ${(first.ms / n).toFixed(0)} ms | ${(second.ms / 1000).toFixed(1)} s | ${(second.ms / first.ms).toFixed(3)} |`;
      process.stderr.write(`  ${line}\n`);
      rows.push(line);
      rmSync(parent, { recursive: true, force: true });
    }
  } finally {
    daemon.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
  const table = [
    '<!-- rollup -->',
    '## Provincial roll-up (`thidua inbox fetch`, `src/bench/rollup.ts`)',
    '',
    'One sound agency served N times by `git daemon` on 127.0.0.1; the first fetch fetches and verifies every',
    'agency (two at a time), the second finds nothing changed. Goal: 60 agencies within 90 s on 2 cores, the',
    'second fetch within a quarter of the first.',
    '',
    '| Agencies | First fetch | Per agency | Second fetch | Second / first |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  process.stdout.write(table);
  const docPath = join(PROJECT, 'docs', 'benchmarks.md');
  const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n\n<!-- notes -->\n';
  const kept = previous.replace(/<!-- rollup -->[\s\S]*$/, '').trimEnd();
  writeFileSync(docPath, `${kept}\n\n${table}`);
}

void main();
