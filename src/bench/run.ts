/**
 * npm run bench: generates the province-scale workspace in a temporary folder and measures, in one
 * run, start-up, validate against the bare parse, tally, status and render, with peak memory,
 * then the validate figure at 1×, 2× and 4× the size. Prints the table and writes docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from './generate.js';
import { schoolBench } from './school.js';
import { type Measure, RUNS, measure, measureInTurns, measurePair, turnRatio } from './measure.js';
import { BIN, FLOOR, PROJECT, exampleScale, node, thidua } from './example.js';

function workspace(scale: number): { root: string; years: number[]; files: number; bytes: number } {
  const root = mkdtempSync(join(tmpdir(), `thidua-bench-${scale}x-`));
  const g = generateWorkspace({ root, rounds: 20 * scale, criteriaFile: join(PROJECT, 'records', 'criteria.yaml') });
  return { root, ...g };
}

function main(): void {
  const example = exampleScale();
  // BENCH_ONLY=example: the everyday table alone (a minute), without writing docs/benchmarks.md.
  if (process.env['BENCH_ONLY'] === 'example') {
    const coldBase = example.rows[0]!.cold.median;
    for (const [i, r] of example.rows.entries())
      process.stdout.write(
        `${r.label}: ${r.warm.median.toFixed(0)} ms, ${(r.warm.median / example.base).toFixed(2)}×${i > 0 ? ` (goal ≤ ${example.goals[i - 1]!.limit}×)` : ''}; no cache ${r.cold.median.toFixed(0)} ms, ${(r.cold.median / coldBase).toFixed(2)}×\n`,
      );
    return;
  }
  process.stderr.write(
    'Generating the workspace (100 departments, 5,000 people, 300 measures, 20 rounds × 200 nominations × 31 ballots)…\n',
  );
  const ws = workspace(1);
  const year = ws.years[ws.years.length - 1]!;
  const check = spawnSync(node, [BIN, 'validate', '--json'], {
    cwd: ws.root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const v = JSON.parse(check.stdout) as { errors: number; warnings: number };
  process.stderr.write(
    `  ${ws.files} files, ${(ws.bytes / 1048576).toFixed(1)} MiB; validate: ${v.errors} errors, ${v.warnings} warnings\n`,
  );

  const rows: Measure[] = [];
  rows.push(
    ...measurePair(
      'node -e 0',
      [node, '-e', '0'],
      'thidua --version',
      thidua('--version'),
      ws.root,
      Math.max(21, RUNS * 4),
    ),
  );
  // The floors, the cold validate and the validate that finds its answer in the cache (its first,
  // unmeasured run fills it: every later one finds nothing changed), in turns, so the ratios
  // between them are not a busy moment's.
  const cacheDir = mkdtempSync(join(tmpdir(), 'thidua-bench-cache-'));
  rows.push(
    ...measureInTurns(
      [
        { label: 'parse floor (read + parse every YAML file with the yaml package)', cmd: [node, FLOOR, ws.root] },
        {
          label: 'parse floor as thidua reads (quick reading, else the yaml package)',
          cmd: [node, FLOOR, ws.root, '--quick'],
        },
        { label: 'thidua validate (whole workspace)', cmd: thidua('validate') },
        {
          label: 'thidua validate again, nothing changed (cache)',
          cmd: thidua('validate'),
          env: { XDG_CACHE_HOME: cacheDir },
        },
      ],
      ws.root,
      RUNS,
    ),
  );
  rmSync(cacheDir, { recursive: true, force: true });
  rows.push(
    ...measureInTurns(
      [
        { label: `thidua validate ${year} (one round)`, cmd: thidua('validate', String(year)) },
        { label: `thidua tally ${year}`, cmd: thidua('tally', String(year)) },
      ],
      ws.root,
      RUNS,
    ),
  );
  rows.push(measure('thidua status', thidua('status'), ws.root, 3));
  spawnSync(node, [BIN, 'tally', String(year), '--seal'], { cwd: ws.root });
  spawnSync(node, [BIN, 'decide', String(year), '--number', '5', '--date', `${year}-12-28`], { cwd: ws.root });
  const recognised = (
    JSON.parse(spawnSync(node, [BIN, 'tally', String(year), '--json'], { cwd: ws.root, encoding: 'utf8' }).stdout) as {
      results: Array<{ recognised: boolean }>;
    }
  ).results.filter((r) => r.recognised).length;
  rows.push(
    measure(
      `thidua render all ${year} (${recognised} recognitions)`,
      thidua('render', 'all', String(year), '--out', join(ws.root, 'out'), '--force'),
      ws.root,
      3,
    ),
  );

  process.stderr.write('A school: import nominations and ballot --all against validate…\n');
  const school = schoolBench(node, BIN, measureInTurns, RUNS);
  rows.push(...school.rows);
  const by = (prefix: string) => rows.find((r) => r.label.startsWith(prefix))!;
  const ratio = (a: Measure, b: Measure) => a.median / b.median;
  const goals = [
    { goal: 'start-up ≤ 1.3× node -e 0', value: ratio(by('thidua --version'), by('node -e 0')), limit: 1.3 },
    {
      goal: 'validate ≤ 2× the bare parse',
      value: turnRatio(by('thidua validate (whole'), by('parse floor (read')),
      limit: 2,
    },
    {
      goal: 'cold validate ≤ 1.2× the bare parse (median of the turns’ ratios)',
      value: turnRatio(by('thidua validate (whole'), by('parse floor (read')),
      limit: 1.2,
    },
    {
      goal: 'the parse floor as thidua reads ≤ 1× the bare parse (the floor lowered)',
      value: turnRatio(by('parse floor as thidua'), by('parse floor (read')),
      limit: 1,
    },
    {
      goal: 'cold validate over the floor as thidua reads (no goal: what is left beyond parsing)',
      value: turnRatio(by('thidua validate (whole'), by('parse floor as thidua')),
      limit: null,
    },
    {
      goal: 'a second validate, nothing changed ≤ 0.2× the first (median of the turns’ ratios)',
      value: turnRatio(by('thidua validate again'), by('thidua validate (whole')),
      limit: 0.2,
    },
    {
      goal: 'tally of one round ≤ 1.5× validate of that round (median of the turns’ ratios)',
      value: turnRatio(by('thidua tally'), by(`thidua validate ${year}`)),
      limit: 1.5,
    },
  ];
  goals.push(...school.goals);
  const peakValidate = by('thidua validate (whole').peakMb;

  process.stderr.write('Scaling: validate at 1×, 2×, 4×…\n');
  const scaling: Array<{ scale: number; files: number; ms: number; perFile: number }> = [];
  scaling.push({
    scale: 1,
    files: ws.files,
    ms: by('thidua validate (whole').median,
    perFile: by('thidua validate (whole').median / ws.files,
  });
  rmSync(ws.root, { recursive: true, force: true });
  for (const scale of [2, 4]) {
    const big = workspace(scale);
    const m = measure(`thidua validate (${scale}×)`, thidua('validate'), big.root, 3);
    scaling.push({ scale, files: big.files, ms: m.median, perFile: m.median / big.files });
    rmSync(big.root, { recursive: true, force: true });
  }

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${osType()} ${release()}; Node.js ${process.version}`;
  const lines: string[] = [];
  lines.push('| measure | median ms | min ms | peak MB |', '|---|---:|---:|---:|');
  for (const r of rows)
    lines.push(`| ${r.label} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.peakMb ?? '—'} |`);
  const goalLines = ['| goal | measured | met |', '|---|---:|---|'];
  for (const g of goals)
    goalLines.push(
      `| ${g.goal} | ${g.value.toFixed(2)}× | ${g.limit === null ? '—' : g.value <= g.limit ? 'yes' : 'NO'} |`,
    );
  goalLines.push(
    `| peak memory of validate ≤ 200 MB | ${peakValidate ?? '—'} MB | ${peakValidate !== null && peakValidate <= 200 ? 'yes' : peakValidate === null ? '—' : 'NO'} |`,
  );
  const scaleLines = ['| size | files | validate ms | ms per file |', '|---|---:|---:|---:|'];
  for (const s of scaling)
    scaleLines.push(`| ${s.scale}× | ${s.files} | ${s.ms.toFixed(0)} | ${s.perFile.toFixed(3)} |`);
  const exampleLines = [
    '| the bundled example | median ms | × node -e 0 | goal | met | no cache: ms | × node -e 0 |',
    '|---|---:|---:|---:|---|---:|---:|',
  ];
  const coldBase = example.rows[0]!.cold.median;
  example.rows.forEach((r, i) => {
    const g = i === 0 ? null : example.goals[i - 1]!;
    exampleLines.push(
      `| ${r.label} | ${r.warm.median.toFixed(0)} | ${(r.warm.median / example.base).toFixed(2)}× | ${g ? `≤ ${g.limit}×` : ''} | ${g ? (g.value <= g.limit ? 'yes' : 'NO') : ''} | ${r.cold.median.toFixed(0)} | ${(r.cold.median / coldBase).toFixed(2)}× |`,
    );
  });
  const table = [
    `Machine: ${machine}`,
    '',
    ...exampleLines,
    '',
    'Province scale:',
    '',
    ...lines,
    '',
    ...goalLines,
    '',
    ...scaleLines,
  ].join('\n');
  process.stdout.write(table + '\n');

  const docPath = join(PROJECT, 'docs', 'benchmarks.md');
  const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const notes = /<!-- notes -->[\s\S]*$/.exec(previous)?.[0] ?? '<!-- notes -->\n';
  writeFileSync(
    docPath,
    [
      '# Benchmarks',
      '',
      'Written by `npm run bench` (medians of several runs of the built CLI as a child process, commands of one table',
      'taken in turns so that a busy moment of the machine hits them alike; peak memory is the',
      'maximum resident set size from `/usr/bin/time`). The workspace is generated in a temporary folder by',
      '`src/bench/generate.ts` from a fixed seed: 100 departments, 5,000 people, 300 disciplinary measures, 20 rounds',
      'each with 200 nominations and 31 ballot papers of 200 marks.',
      '',
      'The bundled example is measured as the clerk runs its commands, one after another with the cache on',
      '(`src/shell/validate-cache.ts`: each command run once before, so nothing changed since), and again with',
      '`THIDUA_NO_CACHE=1`, when every run reads, parses and validates every file. The goals are read on the',
      'first. Province-scale figures are all without the cache except the one named for it.',
      '',
      table,
      '',
      notes.trimEnd(),
      '',
    ].join('\n'),
  );
  process.stderr.write(`Wrote ${docPath}\n`);
}

main();
