#!/usr/bin/env node
/**
 * The PDF layout sweep: the layout sweep (sweep.mjs) on real typesetters instead of re-wrapped text. Each corpus
 * notice text (the seed, corpus/gov, corpus/diff, corpus/pages) is set as a PDF by independent producers over a
 * grid of layouts, sampled with a seeded random draw:
 *   lo        LibreOffice (soffice --convert-to pdf of a .fodt from scripts/producers/fodt.py): font, size, first-line
 *             indent, justified or not, line height, margins, paper (A4, Letter; --wide: A5, B5, landscape), one column
 *             or two (--wide: three) with a narrow gutter, page-number footer styles, a running header;
 *   chromium  Chromium's print-to-PDF (headless, served over HTTP with a UTF-8 header by scripts/producers/serve.py)
 *             of the State Council pages (corpus/gov/*.html) with their own CSS plus a page size, margin and zoom,
 *             Chromium's header and footer on or off; and of the texts as HTML paragraphs with CSS variations;
 *   weasy     WeasyPrint of the texts as HTML paragraphs (font size, letter-spacing, text-indent, columns, paper)
 *             and of the State Council pages with a user stylesheet (paper, margins).
 * Every PDF is converted by the built CLI (dist/bundle/main.js convert, a folder at a time) and its graph compared
 * with the graph of the same notice's text by the eval's producer scores (src/eval/producers.ts: headings and tasks,
 * units by role, deadlines, targets, head fields, 发文字号). Prints every PDF that differs, then per producer and
 * kind the number of failures and the smallest failing layout (the shortest notice, then the fewest pages).
 * The PDFs, their graphs and a sweep.json of the results stay in out/pdf-sweep/ for a look.
 *
 * Usage (after `npm run build`; needs soffice, chromium, weasyprint and python3, skipping a producer whose tool
 * is missing):
 *   node scripts/layout/pdf-sweep.mjs [--quick] [--wide] [--seed N] [--count N] [--producers lo,chromium,weasy]
 *                                     [--only SUBSTRING] [--jobs N] [--out DIR] [--reuse]
 * --quick: a few minutes (the short notices, ~30 PDFs); default ≤ 20 minutes on 2 cores (~240 PDFs);
 * --wide: the widened grid (sizes 10.5–22 pt, three columns, A5/B5/landscape, letter-spacing, zoom 0.6–1.5);
 * --count N: PDFs per producer route; --only: notices or layouts whose name holds SUBSTRING; --reuse: keep the PDFs
 * an earlier run with the same options made in --out, make only the missing ones (to score a change of the reading
 * code on the same PDFs).
 * Exits 1 when some PDF differs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import { basename, join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { random } from '../../dist/bench/corpus.js';
import { PACKAGE_ROOT } from '../../dist/grammars.js';
import { convertSync } from '../../dist/index.js';
import { CORPUS_TEXTS, pageTexts } from '../../dist/eval/layout.js';
import { differencesFromText } from '../../dist/eval/producers.js';
import { arg, flag, sweepOut } from './args.mjs';

const QUICK = flag('quick');
const REUSE = flag('reuse');
const WIDE = flag('wide');
const SEED = Number(arg('seed', '7'));
const ONLY = arg('only', '');
const JOBS = Number(arg('jobs', '2'));
const OUT = sweepOut();
const ROUTES = arg('producers', 'lo,chromium,weasy').split(',');
const started = Date.now();

// The seeded draw (mulberry32), so that a run is repeatable (`--seed`).
const rand = random(SEED);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = {
  lo: has('soffice') && has('python3'),
  chromium: has('chromium') && has('python3'),
  weasy: has('weasyprint'),
};
for (const r of ROUTES)
  if (!tools[r])
    console.warn(`pdf-sweep: ${r} skipped, its tool is not installed (scripts/system-deps.sh installs it)`);
if (!existsSync(join(PACKAGE_ROOT, 'dist', 'bundle', 'main.js'))) {
  console.error('pdf-sweep: dist/bundle/main.js is missing; run `npm run build` first');
  process.exit(2);
}

// The notices: paragraph-a-line texts, and for the State Council pages their published HTML.
const notices = [...CORPUS_TEXTS, ...pageTexts()]
  .map((rel) => {
    const text = readFileSync(join(PACKAGE_ROOT, rel), 'utf8');
    const gov = /^corpus\/gov\/(\d{3})\.txt$/.exec(rel);
    const name = gov
      ? `gov-${gov[1]}`
      : rel.includes('/pages/')
        ? `page-${basename(rel, '.txt')}`
        : basename(rel, '.txt').replace(/-notice$/, '');
    return {
      rel,
      name,
      text,
      chars: text.length,
      html: gov ? join(PACKAGE_ROOT, 'corpus', 'gov', `${gov[1]}.html`) : null,
    };
  })
  .filter((n) => !QUICK || n.chars < 10000);
if (notices.length === 0) {
  console.error('pdf-sweep: no notice texts');
  process.exit(2);
}

// The grids, one per route. Each layout is a plain object; its name lists the values that are not the first.
const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';
const GRID = {
  lo: {
    font: WIDE ? [SERIF, SANS, 'Noto Sans Mono CJK SC'] : [SERIF, SANS],
    size: WIDE ? [10.5, 12, 14, 16, 18, 20, 22] : [12, 14, 16, 18],
    indent: [2, 0],
    align: ['justify', 'start'],
    lineHeight: WIDE ? [100, 150, 200] : [100, 150],
    margins: ['narrow', 'wide'],
    paper: WIDE ? ['A4', 'Letter', 'A5', 'B5', 'A4 landscape'] : ['A4', 'Letter'],
    columns: WIDE ? [1, 2, 3] : [1, 2],
    gutter: [1, 0.5],
    footer: ['dash', 'plain', 'page', 'none'],
    header: WIDE ? [false, true] : [false],
  },
  'chromium-html': {
    paper: WIDE ? ['A4', 'Letter', 'A5', 'A4 landscape'] : ['A4', 'Letter'],
    margin: ['default', '1cm', '2.5cm'],
    zoom: WIDE ? [0.6, 0.8, 1, 1.25, 1.5] : [0.8, 1, 1.25],
    headerFooter: [true, false],
  },
  'chromium-text': {
    font: [SERIF, SANS],
    size: WIDE ? [10.5, 12, 14, 16, 18, 22] : [12, 14, 16, 18],
    indent: [2, 0],
    align: ['justify', 'left'],
    lineHeight: [1.5, 1.0],
    letterSpacing: WIDE ? [0, 0.05, 0.15] : [0, 0.05],
    columns: WIDE ? [1, 2, 3] : [1, 2],
    paper: WIDE ? ['A4', 'Letter', 'A5', 'A4 landscape'] : ['A4', 'Letter'],
    headerFooter: [false, true],
  },
  'weasy-text': {
    font: [SERIF, SANS],
    size: WIDE ? [10.5, 12, 14, 16, 18, 22] : [12, 14, 16, 18],
    indent: [2, 0],
    align: ['justify', 'left'],
    lineHeight: [1.6, 1.0],
    letterSpacing: WIDE ? [0, 0.05, 0.15] : [0, 0.05],
    columns: WIDE ? [1, 2, 3] : [1, 2],
    paper: WIDE ? ['A4', 'Letter', 'A5', 'A4 landscape'] : ['A4', 'Letter'],
    pageNumber: ['- N -', 'none', '第N页'],
  },
  'weasy-html': {
    paper: WIDE ? ['A4', 'Letter', 'A5', 'A4 landscape'] : ['A4', 'Letter'],
    margin: ['2cm', '1cm', '3cm'],
  },
};
/** PDFs per route: the default run ≈ 240 PDFs, --quick ≈ 30. */
const COUNT = {
  lo: 100,
  'chromium-html': 30,
  'chromium-text': 40,
  'weasy-text': 50,
  'weasy-html': 20,
};
const route = (r) => (r === 'lo' ? 'lo' : r.split('-')[0]);
const drawLayout = (grid) => Object.fromEntries(Object.entries(grid).map(([k, vs]) => [k, pick(vs)]));
const layoutName = (grid, layout) =>
  Object.entries(layout)
    .filter(([k, v]) => v !== grid[k][0])
    .map(([k, v]) => `${k}=${v}`)
    .join(' ') || 'defaults';

// The draw: each route cycles through its notices (shuffled) with a random layout each time.
const cases = [];
for (const r of Object.keys(GRID)) {
  if (!ROUTES.includes(route(r)) || !tools[route(r)]) continue;
  const own = notices.filter((n) => (r.endsWith('-html') ? n.html : true));
  if (own.length === 0) continue;
  const order = own
    .map((n) => [rand(), n])
    .sort((a, b) => a[0] - b[0])
    .map(([, n]) => n);
  const count = Number(arg('count', '0')) || (QUICK ? Math.max(3, Math.round(COUNT[r] / 8)) : COUNT[r]);
  for (let i = 0; i < count; i++) {
    const notice = order[i % order.length];
    const layout = drawLayout(GRID[r]);
    const name = `${r}-${notice.name}-${String(i).padStart(3, '0')}`;
    const description = layoutName(GRID[r], layout);
    if (ONLY && !`${name} ${description}`.includes(ONLY)) continue;
    cases.push({ route: r, notice, layout, name, description });
  }
}
if (cases.length === 0) {
  console.error('pdf-sweep: nothing to make (no producer installed, or --only matched nothing)');
  process.exit(2);
}

const SRC = join(OUT, 'src');
const PDF = join(OUT, 'pdf');
const JSON_DIR = join(OUT, 'json');
// --reuse: keep the PDFs of an earlier run with the same draw (same seed and options), and make only the missing
// ones: to score a change of the reading code on the same PDFs.
if (REUSE) rmSync(JSON_DIR, { recursive: true, force: true });
else rmSync(OUT, { recursive: true, force: true });
for (const d of [SRC, PDF, JSON_DIR]) mkdirSync(d, { recursive: true });
const toMake = cases.filter((c) => !existsSync(join(PDF, `${c.name}.pdf`)));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const pageSize = (paper) => paper.replace(' landscape', ' landscape');

/** A text as HTML paragraphs with the layout's CSS (Chromium and WeasyPrint). */
function textHtml(notice, l, weasy) {
  const pageNumber =
    weasy && l.pageNumber !== 'none'
      ? `@bottom-center { content: "${l.pageNumber === '第N页' ? '第" counter(page) "页' : '- " counter(page) " -'}"; font-size: 10pt; }`
      : '';
  const css = `@page { size: ${pageSize(l.paper)}; margin: 2.5cm 2.2cm; ${pageNumber} }
body { font-family: '${l.font}'; font-size: ${l.size}pt; line-height: ${l.lineHeight}; letter-spacing: ${l.letterSpacing}em; margin: 0;
  ${l.columns > 1 ? `column-count: ${l.columns}; column-gap: 1em;` : ''} }
p { text-indent: ${l.indent}em; margin: 0; text-align: ${l.align}; }`;
  const body = paragraphs(notice.text)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(notice.name)}</title><style>${css}</style></head><body>${body}</body></html>`;
}

/** A State Council page with a style sheet of the layout put before it (the page's own inline styles still apply). */
function govHtml(notice, l) {
  const margin = l.margin === 'default' ? '' : `margin: ${l.margin};`;
  const css = `@page { size: ${pageSize(l.paper)}; ${margin} } html { zoom: ${l.zoom}; }`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${readFileSync(notice.html, 'utf8')}</body></html>`;
}

const MARGINS = { narrow: '1.27,1.27,1.27,1.27', wide: '3.7,3.5,2.8,2.6' };

/** Runs `cmd` with `args`; resolves with its exit code (stderr kept for the report). */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    // A producer stuck on one document is stopped after 5 minutes; the CLI's conversion of the folder is not.
    const timer = opts.cwd ? undefined : setTimeout(() => p.kill('SIGKILL'), 300_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}

async function pool(jobs, n) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, jobs.length) }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

// Sources, then the producer jobs.
const jobs = [];
const loCases = toMake.filter((c) => c.route === 'lo');
for (const c of loCases) {
  const l = c.layout;
  const text = join(SRC, `${c.name}.txt`);
  writeFileSync(text, c.notice.text);
  const opts = [
    `--font=${l.font}`,
    `--indent=${l.indent}`,
    `--align=${l.align}`,
    `--line-height=${l.lineHeight}`,
    `--margins=${MARGINS[l.margins]}`,
    `--paper=${l.paper.split(' ')[0]}`,
    ...(l.paper.endsWith('landscape') ? ['--landscape'] : []),
    `--footer=${l.footer}`,
    ...(l.header ? [`--header=${paragraphs(c.notice.text)[0].slice(0, 30)}`] : []),
  ];
  const r = spawnSync('python3', [
    join(PACKAGE_ROOT, 'scripts', 'producers', 'fodt.py'),
    text,
    join(SRC, `${c.name}.fodt`),
    String(l.size),
    String(l.columns),
    String(l.gutter),
    ...opts,
  ]);
  if (r.status !== 0) throw new Error(`fodt.py ${c.name}: ${r.stderr}`);
}
// soffice: a dozen documents a call, each call with its own profile so that two calls can run at once.
for (let i = 0; i < loCases.length; i += 12) {
  const chunk = loCases.slice(i, i + 12);
  jobs.push(
    Object.assign(
      async () => {
        const profile = join(OUT, `profile-${i}`);
        await run('soffice', [
          '--headless',
          `-env:UserInstallation=file://${profile}`,
          '--convert-to',
          'pdf',
          '--outdir',
          PDF,
          ...chunk.map((c) => join(SRC, `${c.name}.fodt`)),
        ]);
        rmSync(profile, { recursive: true, force: true });
      },
      { route: 'lo' },
    ),
  );
}
for (const c of toMake.filter((c) => c.route === 'weasy-text' || c.route === 'weasy-html')) {
  const l = c.layout;
  const args = ['-q'];
  if (c.route === 'weasy-text') writeFileSync(join(SRC, `${c.name}.html`), textHtml(c.notice, l, true));
  else {
    writeFileSync(join(SRC, `${c.name}.css`), `@page { size: ${pageSize(l.paper)}; margin: ${l.margin}; }`);
    args.push('-e', 'utf-8', '-s', join(SRC, `${c.name}.css`));
  }
  const input = c.route === 'weasy-text' ? join(SRC, `${c.name}.html`) : c.notice.html;
  jobs.push(
    Object.assign(() => run('weasyprint', [...args, input, join(PDF, `${c.name}.pdf`)]), { route: 'weasy' }),
  );
}
const chromiumCases = toMake.filter((c) => c.route.startsWith('chromium'));
let server = null;
if (chromiumCases.length > 0) {
  for (const c of chromiumCases)
    writeFileSync(
      join(SRC, `${c.name}.html`),
      c.route === 'chromium-text' ? textHtml(c.notice, c.layout, false) : govHtml(c.notice, c.layout),
    );
  server = spawn('python3', [join(PACKAGE_ROOT, 'scripts', 'producers', 'serve.py'), SRC], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
  for (const c of chromiumCases)
    jobs.push(
      Object.assign(
        () =>
          run('chromium', [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            `--user-data-dir=${join(OUT, `chromium-${c.name}`)}`,
            c.layout.headerFooter ? '--pdf-header-footer' : '--no-pdf-header-footer',
            `--print-to-pdf=${join(PDF, `${c.name}.pdf`)}`,
            `http://127.0.0.1:${port}/${c.name}.html`,
          ]).then(() => rmSync(join(OUT, `chromium-${c.name}`), { recursive: true, force: true })),
        { route: 'chromium' },
      ),
    );
}
console.log(
  `pdf-sweep: ${cases.length} PDFs (${Object.keys(GRID)
    .map((r) => `${r} ${cases.filter((c) => c.route === r).length}`)
    .join(
      ', ',
    )}) of ${new Set(cases.map((c) => c.notice.name)).size} notices, seed ${SEED}${QUICK ? ', quick' : ''}${WIDE ? ', wide grid' : ''}`,
);
// The routes interleaved, so that a soffice chunk and a browser run side by side.
const queues = ['lo', 'chromium', 'weasy'].map((r) => jobs.filter((j) => j.route === r));
const order = [];
for (let i = 0; queues.some((q) => i < q.length); i++)
  for (const q of queues) if (i < q.length) order.push(q[i]);
await pool(order, JOBS);
server?.kill();
const made = cases.filter((c) => existsSync(join(PDF, `${c.name}.pdf`)));
console.log(
  `pdf-sweep: ${made.length} PDFs made in ${((Date.now() - started) / 1000).toFixed(0)} s; converting`,
);

// The built CLI on the whole folder.
const cli = await run(
  process.execPath,
  [join(PACKAGE_ROOT, 'dist', 'bundle', 'main.js'), 'convert', PDF, '-o', JSON_DIR, '--jobs', String(JOBS)],
  { cwd: PACKAGE_ROOT },
);

// Scores.
const originals = new Map();
const original = (n) => {
  if (!originals.has(n.rel)) originals.set(n.rel, convertSync(n.text, { path: n.rel }));
  return originals.get(n.rel);
};
const results = [];
for (const c of cases) {
  const out = join(JSON_DIR, `${c.name}.pdf.json`);
  const base = {
    name: c.name,
    route: c.route,
    notice: c.notice.name,
    chars: c.notice.chars,
    layout: c.description,
  };
  if (!existsSync(join(PDF, `${c.name}.pdf`))) {
    results.push({ ...base, error: 'no PDF made' });
    continue;
  }
  if (!existsSync(out)) {
    const line =
      cli.err.split('\n').find((l) => l.includes(c.name)) ?? `no graph (the CLI exited ${cli.code})`;
    results.push({ ...base, error: line.trim() });
    continue;
  }
  const graph = JSON.parse(readFileSync(out, 'utf8'));
  const text = original(c.notice);
  const pages = Math.max(0, ...graph.nodes.map((n) => n.page ?? 0));
  results.push({ ...base, pages, bad: differencesFromText(graph, text) });
}
writeFileSync(join(OUT, 'sweep.json'), JSON.stringify(results, null, 2) + '\n');

const failures = results.filter((r) => r.error || r.bad.length > 0);
const clip = (xs) => JSON.stringify(xs).slice(0, 90);
if (failures.length > 0) {
  console.log('\nFailures (producer, notice, layout, kind, F1; first missed and extra facts):');
  for (const r of failures) {
    console.log(`${r.name}  [${r.layout}]${r.pages ? ` ${r.pages} pp.` : ''}`);
    if (r.error) console.log(`  error: ${r.error}`);
    else
      for (const b of r.bad)
        console.log(
          `  ${b.kind.padEnd(18)} ${b.f1.toFixed(3)}  missed ${clip(b.missed)}  extra ${clip(b.extra)}`,
        );
  }
  console.log('\nBy producer and kind: failures, and the smallest failing layout:');
  const groups = new Map();
  for (const r of failures)
    for (const kind of r.error ? ['error'] : r.bad.map((b) => b.kind)) {
      const key = `${r.route} ${kind}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
  for (const [key, rs] of [...groups].sort()) {
    const small = [...rs].sort((a, b) => a.chars - b.chars || (a.pages ?? 0) - (b.pages ?? 0))[0];
    const f1 = small.bad?.find((b) => key.endsWith(` ${b.kind}`))?.f1;
    console.log(
      `  ${key.padEnd(34)} ${String(rs.length).padStart(3)}  ${small.name} [${small.layout}]${f1 === undefined ? '' : ` F1 ${f1.toFixed(3)}`}`,
    );
  }
}
const routes = Object.keys(GRID).filter((r) => results.some((x) => x.route === r));
console.log(
  `\npdf-sweep: ${failures.length} of ${results.length} PDFs differ from their text (${routes
    .map(
      (r) =>
        `${r} ${failures.filter((x) => x.route === r).length}/${results.filter((x) => x.route === r).length}`,
    )
    .join(', ')}); ${((Date.now() - started) / 1000).toFixed(0)} s; results in ${OUT}`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
