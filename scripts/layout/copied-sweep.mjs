#!/usr/bin/env node
/**
 * The copied-text sweep: the text a user copies out of PDFs of every producer and layout, not only the handful in
 * corpus/producers/text/. It takes the PDFs of the PDF layout sweep (scripts/layout/pdf-sweep.mjs: LibreOffice,
 * Chromium and WeasyPrint over a seeded grid of layouts, in --out), runs `pdftotext` on each, plain (reading order
 * as pdftotext guesses it) and -layout (the page's columns kept with blanks), converts each text with the library and
 * compares its graph with the graph of the same notice's text, as the PDF sweep and `npm run eval` score a PDF
 * (src/eval/producers.ts: headings and tasks, units by role, deadlines, targets, head fields, 发文字号). Prints every
 * text that differs, then per producer, mode and kind the number of failures and the smallest failing layout, then
 * one line per producer and mode. A text whose graph carries a warning (two columns interleaved) is counted apart:
 * it is reported to the user, not read wrong silently.
 *
 * Usage (after `npm run build`; needs pdftotext, and what pdf-sweep needs to make the PDFs):
 *   node scripts/layout/copied-sweep.mjs [pdf-sweep options: --quick --wide --seed N --count N --producers …
 *                                         --only SUBSTRING --jobs N --out DIR] [--make] [--modes plain,layout]
 * The PDFs are made by pdf-sweep (with the same options) when --out holds no sweep.json of an earlier run, or
 * with --make (which passes --reuse, so only missing PDFs are made); otherwise the PDFs of --out are read as they
 * are, so a change of the text reading is scored on the same PDFs in a minute. --only filters the texts scored.
 * The texts, their results (copied.json) stay in DIR/copied/. Exits 1 when some text differs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import { basename, join } from 'node:path';
import process from 'node:process';
import { PACKAGE_ROOT } from '../../dist/grammars.js';
import { convertSync } from '../../dist/index.js';
import { CORPUS_TEXTS, pageTexts } from '../../dist/eval/layout.js';
import { differencesFromText } from '../../dist/eval/producers.js';
import { arg, argv, flag, sweepOut } from './args.mjs';

const OUT = sweepOut();
const ONLY = arg('only', '');
const MODES = arg('modes', 'plain,layout').split(',');
const started = Date.now();

if (spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0) {
  console.error(
    'copied-sweep: pdftotext is not installed (poppler-utils; scripts/system-deps.sh installs it)',
  );
  process.exit(2);
}

// The PDFs: pdf-sweep's, made now when asked or absent.
const SWEEP = join(OUT, 'sweep.json');
if (flag('make') || !existsSync(SWEEP)) {
  const pass = argv.filter(
    (a, i) => !['--make', '--modes', '--out'].includes(a) && !['--modes', '--out'].includes(argv[i - 1]),
  );
  const r = spawnSync(
    process.execPath,
    [
      join(PACKAGE_ROOT, 'scripts', 'layout', 'pdf-sweep.mjs'),
      ...pass,
      '--out',
      OUT,
      ...(existsSync(SWEEP) ? ['--reuse'] : []),
    ],
    { stdio: 'inherit' },
  );
  if (!existsSync(SWEEP)) {
    console.error(`copied-sweep: pdf-sweep made no ${SWEEP} (exit ${r.status})`);
    process.exit(2);
  }
}
const made = JSON.parse(readFileSync(SWEEP, 'utf8')).filter(
  (c) => !c.error?.startsWith('no PDF') && (!ONLY || `${c.name} ${c.layout}`.includes(ONLY)),
);

// The notices by the names pdf-sweep gives them.
const noticeName = (rel) => {
  const gov = /^corpus\/gov\/(\d{3})\.txt$/.exec(rel);
  if (gov) return `gov-${gov[1]}`;
  return rel.includes('/pages/')
    ? `page-${basename(rel, '.txt')}`
    : basename(rel, '.txt').replace(/-notice$/, '');
};
const rels = new Map([...CORPUS_TEXTS, ...pageTexts()].map((rel) => [noticeName(rel), rel]));
const originals = new Map();
const original = (name) => {
  const rel = rels.get(name);
  if (!originals.has(name))
    originals.set(name, convertSync(readFileSync(join(PACKAGE_ROOT, rel), 'utf8'), { path: rel }));
  return originals.get(name);
};

const TEXT = join(OUT, 'copied');
mkdirSync(TEXT, { recursive: true });
const results = [];
for (const c of made) {
  const pdf = join(OUT, 'pdf', `${c.name}.pdf`);
  if (!existsSync(pdf) || !rels.has(c.notice)) continue;
  for (const mode of MODES) {
    const file = join(TEXT, `${c.name}${mode === 'layout' ? '.layout' : ''}.txt`);
    const base = { name: c.name, route: c.route, mode, notice: c.notice, chars: c.chars, layout: c.layout };
    const r = spawnSync('pdftotext', [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', pdf, file]);
    if (r.status !== 0 || !existsSync(file)) {
      results.push({
        ...base,
        error: `pdftotext exited ${r.status}: ${String(r.stderr).trim().slice(0, 200)}`,
      });
      continue;
    }
    try {
      // The bytes, as a user's file is read (a string skips ingest: no encoding sniffing, no -layout columns).
      const graph = convertSync(readFileSync(file), { path: file });
      const warned = graph.diagnostics
        .filter((d) => d.severity === 'warning' && d.code === 'columns-interleaved')
        .map((d) => d.code);
      results.push({ ...base, warned, bad: differencesFromText(graph, original(c.notice)) });
    } catch (err) {
      results.push({ ...base, error: `convert: ${String(err?.message ?? err).slice(0, 200)}` });
    }
  }
}
writeFileSync(join(TEXT, 'copied.json'), JSON.stringify(results, null, 2) + '\n');

const failures = results.filter((r) => r.error || r.bad.length > 0);
const clip = (xs) => JSON.stringify(xs).slice(0, 90);
if (failures.length > 0) {
  console.log(
    '\nTexts that differ (producer, notice, layout, mode, kind, F1; first missed and extra facts):',
  );
  for (const r of failures) {
    console.log(
      `${r.name} ${r.mode}  [${r.layout}]${r.warned?.length ? `  warned: ${r.warned.join(', ')}` : ''}`,
    );
    if (r.error) console.log(`  error: ${r.error}`);
    else
      for (const b of r.bad)
        console.log(
          `  ${b.kind.padEnd(18)} ${b.f1.toFixed(3)}  missed ${clip(b.missed)}  extra ${clip(b.extra)}`,
        );
  }
  console.log('\nBy producer, mode and kind: failures, and the smallest failing layout:');
  const groups = new Map();
  for (const r of failures)
    for (const kind of r.error ? ['error'] : r.bad.map((b) => b.kind)) {
      const key = `${r.route} ${r.mode} ${kind}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
  for (const [key, rs] of [...groups].sort()) {
    const small = [...rs].sort((a, b) => a.chars - b.chars)[0];
    const f1 = small.bad?.find((b) => key.endsWith(` ${b.kind}`))?.f1;
    console.log(
      `  ${key.padEnd(40)} ${String(rs.length).padStart(3)}  ${small.name} [${small.layout}]${f1 === undefined ? '' : ` F1 ${f1.toFixed(3)}`}`,
    );
  }
}
console.log('\nBy producer and mode: texts that differ (of them warned) / texts:');
const keys = [...new Set(results.map((r) => `${r.route} ${r.mode}`))].sort();
for (const key of keys) {
  const all = results.filter((r) => `${r.route} ${r.mode}` === key);
  const bad = failures.filter((r) => `${r.route} ${r.mode}` === key);
  const warned = bad.filter((r) => r.warned?.length).length;
  console.log(`  ${key.padEnd(24)} ${String(bad.length).padStart(3)} (${warned}) / ${all.length}`);
}
console.log(
  `\ncopied-sweep: ${failures.length} of ${results.length} copied texts differ from their notice's text ` +
    `(${failures.filter((r) => r.warned?.length).length} of them warned); ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s; texts and copied.json in ${TEXT}`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
