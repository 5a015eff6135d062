/** Running thidua on a generated agency: entering ballots, sealing, deciding, as a clerk would. */
import { runCli } from './workspace.js';
import { generateAgency, type Agency } from './agency.js';

export const ENV = {
  THIDUA_TODAY: '2026-01-20',
  GIT_AUTHOR_NAME: 'Văn thư',
  GIT_AUTHOR_EMAIL: 'vt@example.org',
  GIT_COMMITTER_NAME: 'Văn thư',
  GIT_COMMITTER_EMAIL: 'vt@example.org',
};

export function run(a: Agency | string, ...args: string[]) {
  const root = typeof a === 'string' ? a : a.root;
  return runCli(['--root', root, ...args], { env: ENV });
}

export async function ok(a: Agency | string, ...args: string[]) {
  const r = await run(a, ...args);
  if (r.code !== 0) throw new Error(`thidua ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Enter ballots: each is a list of agree/disagree per nomination (in order), or 'invalid'. */
export async function ballots(a: Agency, year: number, papers: Array<Record<string, string> | 'invalid'>, written = 0) {
  for (const [i, paper] of papers.entries()) {
    const flags =
      paper === 'invalid' ? ['--invalid'] : Object.entries(paper).flatMap(([id, v]) => ['--vote', `${id}=${v}`]);
    await ok(a, 'ballot', String(year), ...flags, ...(i < written ? ['--written'] : []));
  }
}

export const all = (ids: string[], v = 'agree') => Object.fromEntries(ids.map((id) => [id, v]));

/** 2025 voted by the whole council, sealed, decided, rendered and committed. */
export async function decidedAgency(spec: Parameters<typeof generateAgency>[0] = {}): Promise<Agency> {
  const a = generateAgency({
    councilSize: 7,
    departments: 4,
    threshold: { numerator: 2, denominator: 3, of: 'members' },
    ...spec,
  });
  const n = spec?.councilSize ?? 7;
  const papers = Array.from({ length: n }, (_, i) =>
    i === 0 ? { ...all(a.nominations), [a.nominations[0]!]: 'disagree' } : all(a.nominations),
  );
  await ballots(a, a.year, papers);
  await ok(a, 'tally', String(a.year), '--seal');
  await ok(a, 'decide', String(a.year), '--number', '12', '--date', `${a.year + 1}-01-20`);
  await ok(a, 'render', 'all', String(a.year));
  await ok(a, 'commit', '-m', `Đợt ${a.year}: kiểm phiếu, quyết định, văn bản`);
  return a;
}
