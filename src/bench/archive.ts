/**
 * Archive bench: generated notices made into plan series (each group of 8 notices becomes the 2016–2023 editions
 * of one city's plans), then `gongwen archive add` from the notices (conversion included, --jobs 2) and from
 * their graph JSON, a filtered task query (median and p95), a served page, the database's size next to the JSON,
 * and the peak memory of the add. Default 100 notices; `node dist/bench/archive.js --notices 10000` for the bar
 * (`--json-only`: without the add from text, which takes longest).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grammars.js';
import { generateCorpus } from './corpus.js';
import { queryRows } from './archive-query.js';
import { corpusFiles, runNode } from './measure.js';

const DIR = join(PACKAGE_ROOT, '.bench/archive');
const CLI = join(PACKAGE_ROOT, 'dist/bundle/main.js');
const CITY_CHARS = '东西南北安平宁和泰康永兴昌明华德阳山河林川江海青白云';
const EDITIONS = 8;

/** The city of a group of editions: two characters from the list, then 市. */
const city = (group: number): string =>
  `${CITY_CHARS[group % CITY_CHARS.length]}${CITY_CHARS[Math.floor(group / CITY_CHARS.length) % CITY_CHARS.length]}市`;

/** Rewrites the generated notices into series: a city per group, a year per edition. */
function makeSeries(files: string[]): void {
  files.forEach((file, i) => {
    const year = 2016 + (i % EDITIONS);
    const text = readFileSync(file, 'utf8')
      .replace(/郑州市/g, city(Math.floor(i / EDITIONS)))
      .replace(/20[12]\d(?=年)/g, String(year));
    writeFileSync(file, text);
  });
}

const sizeOf = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);

async function main(): Promise<void> {
  const at = process.argv.indexOf('--notices');
  const n = at > 0 ? Number(process.argv[at + 1]) : 100;
  // --json-only: no add from text (the graph JSON still comes from `convert`); the queries run on the JSON's archive.
  const jsonOnly = process.argv.includes('--json-only');
  const corpus = join(DIR, 'corpus');
  const json = join(DIR, 'json');
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  generateCorpus(PACKAGE_ROOT, corpus, n, 2020);
  makeSeries(corpusFiles(corpus));
  const dbText = join(DIR, 'text.db');
  const dbJson = join(DIR, 'json.db');
  const fromText = jsonOnly
    ? null
    : runNode([CLI, 'archive', 'add', corpus, '--db', dbText, '--jobs', '2', '--quiet'], PACKAGE_ROOT);
  runNode([CLI, 'convert', corpus, '-o', json, '--jobs', '2', '--quiet'], PACKAGE_ROOT);
  const fromJson = runNode([CLI, 'archive', 'add', json, '--db', dbJson, '--quiet'], PACKAGE_ROOT);
  for (const r of [fromText, fromJson])
    if (r && r.status !== 0) process.stderr.write(`archive add: ${r.stderr}\n`);

  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  const dbQueried = fromText ? dbText : dbJson;
  const dbSize = statSync(dbQueried).size;
  const rows = [
    [
      `archive add, ${n} notices from text (--jobs 2, conversion included; series diffs on first request)`,
      fromText ? `${(fromText.ms / 1000).toFixed(1)} s` : 'not run (--json-only)',
      '10,000 ≤ 180 s',
    ],
    [`archive add, ${n} notices from graph JSON`, `${(fromJson.ms / 1000).toFixed(1)} s`, '10,000 ≤ 30 s'],
    [
      'CPU time of archive add, all threads (from text; from JSON)',
      `${fromText?.cpuS?.toFixed(1) ?? 'n/a'} s; ${fromJson.cpuS?.toFixed(1) ?? 'n/a'} s`,
      'the machine is shared: see the load',
    ],
    ...(await queryRows(dbQueried)),
    [
      'database size / graph JSON size',
      `${mb(dbSize)} / ${mb(sizeOf(json))} (${(dbSize / sizeOf(json)).toFixed(2)}×)`,
      '≤ 2×',
    ],
    [
      'peak memory of archive add (from text; from JSON)',
      `${fromText?.peakMB?.toFixed(0) ?? 'n/a'} MB; ${fromJson.peakMB?.toFixed(0) ?? 'n/a'} MB`,
      '≤ 300 MB',
    ],
  ];
  rows.push([
    'load average (1, 5, 15 min) at the end',
    loadavg()
      .map((l) => l.toFixed(1))
      .join(', '),
    '',
  ]);
  process.stdout.write(
    ['| measure | archive | goal |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
      '\n',
    ) + '\n',
  );
}

await main();
