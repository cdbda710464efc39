/** Measuring helpers of the bench: medians, child processes timed with their peak memory, a regex baseline. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** GNU time, which reports a child's peak resident memory (`%M`, in KB). */
const GNU_TIME = '/usr/bin/time';
const KB_PER_MB = 1024;

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times `f` `runs` times (after `warmup` untimed calls); the milliseconds of each run. */
export function timeRuns(f: () => void, runs: number, warmup = 0): number[] {
  for (let i = 0; i < warmup; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times;
}

/** A finished child process: its wall time, its peak memory and CPU time (null without GNU time), its status. */
export interface ChildRun {
  ms: number;
  peakMB: number | null;
  /** User + system CPU seconds of the child, all its threads. */
  cpuS: number | null;
  status: number | null;
  stderr: string;
}

/** Runs `node args…` to completion, timing it and (with GNU time) taking its peak resident memory. */
export function runNode(args: string[], cwd: string): ChildRun {
  const withTime = existsSync(GNU_TIME);
  const [cmd, argv] = withTime
    ? [GNU_TIME, ['-f', '%M %U %S', process.execPath, ...args]]
    : [process.execPath, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - t0;
  const lines = r.stderr.trimEnd().split('\n');
  const [peakKB, user, sys] = withTime ? (lines.at(-1) ?? '').split(' ').map(Number) : [];
  const cpuS = (user ?? NaN) + (sys ?? NaN);
  return {
    ms,
    peakMB: peakKB !== undefined && Number.isFinite(peakKB) ? peakKB / KB_PER_MB : null,
    cpuS: Number.isFinite(cpuS) ? cpuS : null,
    status: r.status,
    stderr: withTime ? lines.slice(0, -1).join('\n') : r.stderr,
  };
}

/** The files of the bench corpus, in name order. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** What the baseline scans for: heading and item markers and role labels, one pass with one regex. */
const BASELINE_SCAN =
  /[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．]|牵头单位|责任单位|配合单位/g;

/** The baseline: reads each file, decodes it and runs one regex scan over it; returns ms and matches. */
export function baseline(files: string[]): { ms: number; matches: number } {
  const t0 = performance.now();
  let matches = 0;
  for (const f of files) matches += readFileSync(f).toString('utf8').match(BASELINE_SCAN)?.length ?? 0;
  return { ms: performance.now() - t0, matches };
}
