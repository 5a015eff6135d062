/** Timing a command: runs, medians, peak memory, and pairs measured in turns. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

export interface Measure {
  label: string;
  median: number;
  min: number;
  peakMb: number | null;
  /** Each run's time in the order run (commands measured in turns share their turn's index). */
  times?: number[];
}

/** validate's cache is off unless a measure turns it on (`cached`): every other figure is a cold run. */
export const COLD = { THIDUA_NO_CACHE: '1' };

export function once(cmd: string[], cwd: string, env: NodeJS.ProcessEnv = COLD): { ms: number; peakKb: number | null } {
  const args = TIME ? ['-f', '%M', ...cmd] : cmd.slice(1);
  const start = process.hrtime.bigint();
  const res = spawnSync(TIME ?? cmd[0]!, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', THIDUA_TODAY: '2021-06-01', ...env },
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 0 && res.status !== 1)
    throw new Error(`${cmd.join(' ')} exited ${String(res.status)}: ${res.stderr.slice(-500)}`);
  const peak = TIME ? Number(/(\d+)\s*$/.exec(res.stderr.trim())?.[1] ?? NaN) : NaN;
  return { ms, peakKb: Number.isFinite(peak) ? peak : null };
}

export function measure(
  label: string,
  cmd: string[],
  cwd: string,
  runs = RUNS,
  env: NodeJS.ProcessEnv = COLD,
): Measure {
  once(cmd, cwd, env); // warm the file cache (and, with the cache on, fill it)
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const r = once(cmd, cwd, env);
    times.push(r.ms);
    if (r.peakKb !== null) peak = Math.max(peak, r.peakKb);
  }
  times.sort((a, b) => a - b);
  const m = {
    label,
    median: times[Math.floor(times.length / 2)]!,
    min: times[0]!,
    peakMb: TIME ? Math.round(peak / 1024) : null,
  };
  process.stderr.write(`  ${label}: ${m.median.toFixed(0)} ms (peak ${m.peakMb ?? '?'} MB)\n`);
  return m;
}

/** Two short commands measured alternately, so a busy moment of the machine hits both alike. */
export function measurePair(
  labelA: string,
  a: string[],
  labelB: string,
  b: string[],
  cwd: string,
  runs: number,
): Measure[] {
  once(a, cwd);
  once(b, cwd);
  const ta: number[] = [];
  const tb: number[] = [];
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < runs; i++) {
    const ra = once(a, cwd);
    const rb = once(b, cwd);
    ta.push(ra.ms);
    tb.push(rb.ms);
    pa = Math.max(pa, ra.peakKb ?? 0);
    pb = Math.max(pb, rb.peakKb ?? 0);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const out = [
    { label: labelA, median: med(ta), min: Math.min(...ta), peakMb: TIME ? Math.round(pa / 1024) : null },
    { label: labelB, median: med(tb), min: Math.min(...tb), peakMb: TIME ? Math.round(pb / 1024) : null },
  ];
  for (const m of out) process.stderr.write(`  ${m.label}: ${m.median.toFixed(0)} ms (peak ${m.peakMb ?? '?'} MB)\n`);
  return out;
}

/** Several commands measured in turns, round after round, so a busy moment hits them all alike. */
export function measureInTurns(
  commands: Array<{ label: string; cmd: string[]; env?: NodeJS.ProcessEnv }>,
  cwd: string,
  runs: number,
  env: NodeJS.ProcessEnv = COLD,
): Measure[] {
  for (const c of commands) once(c.cmd, cwd, c.env ?? env);
  const times = commands.map(() => [] as number[]);
  const peaks = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const r = once(c.cmd, cwd, c.env ?? env);
      times[k]!.push(r.ms);
      peaks[k] = Math.max(peaks[k]!, r.peakKb ?? 0);
    });
  }
  return commands.map((c, k) => {
    const sorted = [...times[k]!].sort((x, y) => x - y);
    const m = {
      label: c.label,
      median: sorted[Math.floor(sorted.length / 2)]!,
      min: sorted[0]!,
      peakMb: TIME ? Math.round(peaks[k]! / 1024) : null,
      times: times[k]!,
    };
    process.stderr.write(`  ${m.label}: ${m.median.toFixed(0)} ms (peak ${m.peakMb ?? '?'} MB)\n`);
    return m;
  });
}

/**
 * a's time over b's, for two commands measured in turns: the median of each turn's ratio, so that a
 * moment when other work slowed the machine weighs on one turn's pair alike rather than on one side.
 */
export function turnRatio(a: Measure, b: Measure): number {
  if (!a.times || !b.times || a.times.length !== b.times.length) return a.median / b.median;
  const ratios = a.times.map((t, i) => t / b.times![i]!).sort((x, y) => x - y);
  const mid = Math.floor(ratios.length / 2);
  return ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}
