/**
 * Diff speed: CPU time (user + system, start-up included) of `gongwen diff` on two seed-sized notices, the seed
 * and its 2021 version, as a planner runs it: one fresh `node dist/bundle/main.js diff old new` process per run.
 * The goal (issue 5) is under 1.5 s. Run alone: `node dist/bench/diff.js`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../grammars.js';
import { median } from './measure.js';

/** The goal, in seconds of CPU. */
export const DIFF_CPU_GOAL_S = 1.5;
const RUNS = 5;
const CLI = join(PACKAGE_ROOT, 'dist/bundle/main.js');
const OLD = join(PACKAGE_ROOT, 'corpus/zhengzhou-2020-notice.txt');
const NEW = join(PACKAGE_ROOT, 'corpus/diff/zhengzhou-2021-notice.txt');

/** Preloaded into the child: prints its own CPU time (µs, user + system, whole lifetime) on stderr at exit. */
const CPU_REPORTER =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write("\\ncpu-us "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

/** CPU seconds of one `gongwen diff` process. */
function oneRun(args: string[]): number {
  const r = spawnSync(process.execPath, ['--import', CPU_REPORTER, CLI, 'diff', ...args], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const m = /cpu-us (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`gongwen diff failed (${r.status}): ${r.stderr}`);
  return Number(m[1]) / 1e6;
}

/** The diff bench's figures: median and worst CPU seconds of `RUNS` runs, per output format. */
export function benchDiff(): { format: string; medianS: number; maxS: number; goalS: number }[] {
  return ['json', 'html'].map((format) => {
    const runs = Array.from({ length: RUNS }, () => oneRun([OLD, NEW, '--format', format]));
    return { format, medianS: median(runs), maxS: Math.max(...runs), goalS: DIFF_CPU_GOAL_S };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`gongwen diff, seed 2020 vs 2021 (CPU user+sys with start-up, ${RUNS} runs)\n\n`);
  process.stdout.write('| format | median | worst | goal |\n| --- | --- | --- | --- |\n');
  for (const r of benchDiff())
    process.stdout.write(
      `| ${r.format} | ${r.medianS.toFixed(2)} s | ${r.maxS.toFixed(2)} s | < ${r.goalS} s |\n`,
    );
}
