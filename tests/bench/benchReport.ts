/**
 * What every benchmark prints last: one stdout line of JSON with every figure, each target and
 * whether it was met, and the machine's load over the run (a benchmark run beside other work on 2
 * cores measures the other work too, so the load is part of the result). Tables go to stderr.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

export interface Target {
  value: number | null;
  /** A human reading of the target, e.g. "≤ 4 ms" or "≥ 100000/s". */
  target: string;
  met: boolean;
}

/** A target met when `value <= limit` (times, memory). */
export function atMost(value: number | null, limit: number, unit = ''): Target {
  return { value, target: `≤ ${limit}${unit ? ` ${unit}` : ''}`, met: value !== null && value <= limit };
}

/** A target met when `value >= limit` (rates). */
export function atLeast(value: number | null, limit: number, unit = ''): Target {
  return { value, target: `≥ ${limit}${unit ? ` ${unit}` : ''}`, met: value !== null && value >= limit };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function commit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * Starts watching the load (1-minute average, sampled every 5 s) for a benchmark; `finish` prints
 * the targets as a table on stderr and the one JSON line on stdout.
 */
export function startBenchReport(benchmark: string) {
  const before = loadavg()[0]!;
  let max = before;
  const sampler = setInterval(() => (max = Math.max(max, loadavg()[0]!)), 5000);
  sampler.unref();
  return {
    finish(figures: Record<string, unknown>, targets: Record<string, Target>): void {
      clearInterval(sampler);
      const after = loadavg()[0]!;
      const load = { before: +before.toFixed(2), max: +Math.max(max, after).toFixed(2), after: +after.toFixed(2), cores: cpus().length };
      console.error(`\n${benchmark}: load average ${load.before} at start, ${load.max} at most, ${load.after} at end, ${load.cores} cores`);
      console.error(Object.entries(targets).map(([name, t]) => `  ${t.met ? 'met    ' : 'NOT MET'}  ${name}: ${t.value ?? '—'} (target ${t.target})`).join('\n'));
      console.log(JSON.stringify({ benchmark, date: new Date().toISOString(), commit: commit(), load, figures, targets }));
    },
  };
}
