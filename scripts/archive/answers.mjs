/* global process, console, URL */
// Every answer of an archive, for comparing two builds of gongwen (issue 17: a change to `archive add` must not
// change any answer). Writes into OUTDIR the CLI's answers (task filters in JSON and CSV, units, series, diffs), the
// served pages and a digest of every table and of a full-text search; then `diff -r` two OUTDIRs.
// usage: node scripts/archive/answers.mjs PKG DB OUTDIR (PKG: a folder holding a built dist/, e.g. a worktree)
// Made for the bench's archive (node dist/bench/archive.js): its filters name units of the generated notices.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
const [wt, dbIn, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const db = out + '/copy.db';
rmSync(db, { force: true });
rmSync(db + '-wal', { force: true });
copyFileSync(dbIn, db);
const cli = (args) => {
  try {
    return execFileSync('node', [wt + '/dist/bundle/main.js', ...args, '--db', db], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
    });
  } catch (e) {
    return 'ERR ' + e.stdout + e.stderr;
  }
};
const sets = [
  ['--unit', '生态环境部', '--role', 'lead'],
  ['--due', '2021-04-01..2021-06-30'],
  ['--q', '扬尘'],
  ['--q', '差异化管理'],
  ['--q', '治'],
  ['--year', '2020'],
  ['--role', 'guidance', '--year', '2018'],
  ['--unit', '各试点城市人民政府', '--q', '建设', '--due', '2019-01-01..2022-12-31'],
  ['--unit', '县(市)区政府', '--role', 'responsible', '--year', '2021', '--limit', '50', '--offset', '100'],
  ['--role', 'cooperating'],
];
sets.forEach((s, i) =>
  writeFileSync(`${out}/tasks-${i}.json`, cli(['archive', 'tasks', ...s, '--format', 'json'])),
);
writeFileSync(`${out}/tasks-csv.csv`, cli(['archive', 'tasks', '--unit', '生态环境部', '--format', 'csv']));
writeFileSync(`${out}/units.txt`, cli(['archive', 'units']));
writeFileSync(`${out}/units-one.txt`, cli(['archive', 'units', '--unit', '生态环境部']));
writeFileSync(`${out}/series.json`, cli(['archive', 'series', '--format', 'json']));
writeFileSync(`${out}/diff-4.txt`, cli(['archive', 'diff', '4']));
writeFileSync(`${out}/diff-4-2020.json`, cli(['archive', 'diff', '4', '2020', '--format', 'json']));
const { openArchive } = await import(wt + '/dist/archive/db.js');
const { routes } = await import(wt + '/dist/serve/pages.js');
const h = await openArchive(db, { write: false, cache: true });
const pages = [
  '/',
  '/tasks',
  '/tasks?unit=生态环境部&role=lead',
  '/tasks?q=扬尘&page=3',
  '/tasks?due=2021-04-01..2021-06-30&year=2021',
  '/units',
  '/units/生态环境部',
  '/calendar',
  '/notices/5',
  '/notices/77?hl=tasks',
  '/series/4',
  '/series/11',
];
for (const p of pages) {
  const u = new URL(p, 'http://x');
  const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let r;
  try {
    r = routes(h, parts, u.searchParams);
  } catch (e) {
    r = 'ERR ' + e.message;
  }
  writeFileSync(`${out}/page-${p.replace(/[^a-z0-9]+/gi, '_')}.html`, String(r));
}
// table digests
const tables = [
  'notices',
  'plans',
  'tasks',
  'units',
  'unit_names',
  'roles',
  'deadlines',
  'targets',
  'series',
  'task_keys',
  'task_roles',
  'unit_tasks',
];
const dig = [];
for (const t of tables) {
  const cols = h
    .prepare(`SELECT * FROM ${t} LIMIT 0`)
    .columns()
    .map((c) => c.name)
    .filter((c) => c !== 'added_at');
  const rows = h
    .prepare(`SELECT ${cols.join(',')} FROM ${t} ORDER BY ${cols.join(',')}`)
    .raw()
    .all();
  dig.push(
    `${t} ${rows.length} ${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`,
  );
}
for (const [t, cols] of [
  ['sections', 'notice_id, plan_id, key, path, marker, level, title, start, end'],
  ['refs', 'notice_id, holder, title, doc_number'],
  ['repairs', 'notice_id, rule_id, start, end, raw, fixed'],
]) {
  const rows = h.prepare(`SELECT ${cols} FROM ${t} ORDER BY ${cols}`).raw().all();
  dig.push(
    `${t} ${rows.length} ${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`,
  );
}
const fts = h
  .prepare('SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH \'"扬尘"\' ORDER BY rowid')
  .pluck()
  .all();
dig.push(
  `fts 扬尘 ${fts.length} ${createHash('sha256').update(JSON.stringify(fts)).digest('hex').slice(0, 16)}`,
);
writeFileSync(`${out}/digests.txt`, dig.join('\n') + '\n');
h.close();
console.log(dig.join('\n'));
