/**
 * The archive bench's query rows: four filtered task queries (median and p95 over 50 rounds) and a served /tasks
 * page (median of 20), over an archive already built. Used by archive.ts; alone,
 * `node dist/bench/archive-query.js --db FILE` measures an archive kept from an earlier run.
 */
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const QUERIES = 50;
const PAGES = 20;

/** The bench's filters (a unit's short spelling is every city's unit: 305 units over 10,000 notices). */
const FILTERS = [
  { unit: '市生态环境局', role: 'lead' as const, dueFrom: '2020-04-01', dueTo: '2020-06-30' },
  { unit: '市生态环境局', q: '扬尘' },
  { q: '差异化管理' },
  { role: 'lead' as const, year: 2021, limit: 100 },
];
const PAGE = `/tasks?unit=${encodeURIComponent('市生态环境局')}&role=lead&due=2020-04-01..2020-06-30`;

const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;

/** The rows `| measure | archive | goal |` of the queries and the page over the archive `file`. */
export async function queryRows(file: string): Promise<string[][]> {
  const { openArchive } = await import('../archive/db.js');
  const { queryTasks } = await import('../archive/query.js');
  const db = await openArchive(file, { write: false });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < QUERIES; i++)
    for (const f of FILTERS) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      queryTasks(db, f);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  db.close();
  const { startServer } = await import('../serve/server.js');
  const server = await startServer({ db: file, port: 0 });
  const pages: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const t0 = performance.now();
    await (await fetch(new URL(PAGE, server.url))).text();
    pages.push(performance.now() - t0);
  }
  await server.close();
  return [
    [
      'filtered task query (4 filters), median / p95 (CPU time: median / p95)',
      `${median(times).toFixed(1)} / ${percentile(times, 0.95).toFixed(1)} ms ` +
        `(${median(cpu).toFixed(1)} / ${percentile(cpu, 0.95).toFixed(1)} ms)`,
      '≤ 20 / ≤ 50 ms',
    ],
    ['served /tasks page (50 rows and the count), median', `${median(pages).toFixed(1)} ms`, '≤ 100 ms'],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--db');
  if (at < 0 || !process.argv[at + 1]) {
    process.stderr.write('usage: node dist/bench/archive-query.js --db FILE\n');
    process.exitCode = 2;
  } else {
    const rows = await queryRows(process.argv[at + 1]!);
    process.stdout.write(rows.map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n');
  }
}
