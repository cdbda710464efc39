#!/usr/bin/env node
/**
 * Table sweep: the seed's task table (corpus/tables/seed-table.html) laid out many ways and printed by
 * independent producers, each graph scored against the graph of the HTML page it was printed from (and that
 * page against seed-table.html's graph, so a layout that changes the facts shows there, not as a producer's
 * fault). A script, not a test: it runs LibreOffice, Chromium and WeasyPrint, which take seconds a page.
 *
 * A layout is drawn from a seeded random grid:
 *   rules     grid (every cell ruled) | three (三线表) | rows (rules between rows) | none
 *   repeat    the header row in <thead> (repeated on every page) or an ordinary first row (printed once)
 *   order     the seed's column order, or the unit and deadline columns moved (完成时限 before 牵头单位, …)
 *   words     the seed's header words, or synonyms from grammars/tables.yaml (工作任务, 牵头部门, 时间节点, …)
 *   merge     牵头单位 cells equal on consecutive rows merged (rowspan) or not
 *   sections  the category rows (三、…, (一)…) kept across the table, or dropped
 *   valign    top | middle
 *   font      9pt | 10.5pt | 12pt; widths: auto | fixed (a content column twice as wide)
 *   notice    the table alone, or after a cover notice's prose
 *
 *   npm run build && node scripts/tables/sweep.mjs [--n 24] [--seed 1] [--only lo,chromium,weasyprint]
 *                                                  [--quick] [--keep DIR] [--json FILE] [--dist DIR]
 *
 * --quick: 8 layouts. Prints one line per layout and producer with the F1 of each fact kind against the HTML
 * page's graph, and, per producer, the failing layouts from the smallest (fewest layout features off the seed's).
 */
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import {
  mkdtempSync,
  readFileSync,
  writeFileSync,
  rmSync,
  mkdirSync,
  existsSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
// --dist DIR: the build to measure (another checkout's dist/, for before → after figures).
const DIST = opt('dist', join(ROOT, 'dist'));
const { convert } = await import(join(DIST, 'index.js'));
const { compareGraphs } = await import(join(DIST, 'eval', 'tables.js'));
// --before DIR: also score each PDF with that build (another checkout's dist/), the same PDFs both ways.
const BEFORE = opt('before', null);
const before = BEFORE ? await import(join(BEFORE, 'index.js')) : null;
const quick = args.includes('--quick');
const N = Number(opt('n', quick ? 8 : 24));
const SEED = Number(opt('seed', 1));
const producers = opt('only', 'lo,chromium,weasyprint').split(',');
const keep = opt('keep', null);
const jsonOut = opt('json', null);

// The seeded draw (mulberry32, src/bench/corpus.ts), so that a run is repeatable (`--seed`).
const { random } = await import(join(DIST, 'bench', 'corpus.js'));
const rand = random(SEED);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// The seed table: header and rows of cells {attrs, text}.
const src = readFileSync(join(ROOT, 'corpus', 'tables', 'seed-table.html'), 'utf8');
const rows = [...src.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
  [...m[1].matchAll(/<t([dh])([^>]*)>(.*?)<\/t[dh]>/gs)].map((c) => ({ attrs: c[2], text: c[3] })),
);
const header = rows[0].map((c) => c.text);
const body = rows.slice(1);

// Header synonyms from the grammar, by kind.
const grammar = parseYaml(readFileSync(join(ROOT, 'grammars', 'tables.yaml'), 'utf8'));
const wordsOf = (kind) => grammar.columns.find((c) => c.kind === kind).words;
const KIND = {
  方案: 'plan',
  序号: 'number',
  重点任务: 'title',
  具体措施: 'content',
  牵头单位: 'lead',
  配合单位: 'cooperating',
  责任单位: 'responsible',
  完成时限: 'deadline',
};
// Synonyms that name the same kind as a word of their own (the bare 牵头, 任务 are left out: too short to print alone).
const SYN = Object.fromEntries(
  Object.entries(KIND).map(([h, k]) => [h, wordsOf(k).filter((w) => w.length >= 2 && !(k === 'plan'))]),
);

const ORDERS = [
  header,
  ['方案', '序号', '重点任务', '具体措施', '完成时限', '牵头单位', '配合单位', '责任单位'],
  ['方案', '序号', '重点任务', '牵头单位', '配合单位', '责任单位', '具体措施', '完成时限'],
];

function layout(k) {
  if (k === 0)
    return {
      rules: 'grid',
      repeat: true,
      order: 0,
      words: false,
      merge: false,
      sections: true,
      valign: 'top',
      font: '9pt',
      widths: 'auto',
      notice: false,
    };
  return {
    rules: pick(['grid', 'three', 'rows', 'none']),
    repeat: rand() < 0.5,
    order: Math.floor(rand() * ORDERS.length),
    words: rand() < 0.5,
    merge: rand() < 0.4,
    sections: rand() < 0.75,
    valign: rand() < 0.7 ? 'top' : 'middle',
    font: pick(['9pt', '10.5pt', '12pt']),
    widths: rand() < 0.6 ? 'auto' : 'fixed',
    notice: rand() < 0.3,
  };
}
const BASE = layout(0);
const distance = (l) => Object.keys(BASE).filter((k) => l[k] !== BASE[k]).length;
const describe = (l) =>
  Object.keys(BASE)
    .filter((k) => l[k] !== BASE[k])
    .map((k) => `${k}=${l[k]}`)
    .join(' ') || '(seed layout)';

const esc = (s) => s;

/** The HTML page of a layout. */
function page(l) {
  const order = ORDERS[l.order].map((h) => header.indexOf(h));
  const names = header.map((h) => (l.words && h !== '方案' ? pick(SYN[h].length ? SYN[h] : [h]) : h));
  // Cells as a full grid (spans written out), so that columns can be reordered and lead cells merged.
  const width = header.length;
  const grid = [];
  const pending = new Array(width).fill(0);
  for (const r of body) {
    const line = new Array(width).fill(null);
    let c = 0;
    for (const cell of r) {
      while (pending[c] > 0) c++;
      const rs = Number(/rowspan="(\d+)"/.exec(cell.attrs)?.[1] ?? 1);
      const cs = Number(/colspan="(\d+)"/.exec(cell.attrs)?.[1] ?? 1);
      line[c] = { text: cell.text, rs, cs, category: cs > 1 };
      for (let k = c; k < c + cs; k++) pending[k] = rs;
      c += cs;
    }
    for (let k = 0; k < width; k++) if (pending[k] > 0) pending[k]--;
    grid.push(line);
  }
  const rowsOut = [];
  const planCol = header.indexOf('方案');
  const leadCol = header.indexOf('牵头单位');
  // Category rows: kept (a cell from 序号 to the end) or dropped (the plan's rowspan shrinks).
  // A dropped category row hands its plan cell (the first row of each plan) to the next row.
  let carry = null;
  let kept = [];
  for (const line of grid) {
    if (!l.sections && line.some((c) => c?.category)) {
      carry = line[planCol] ?? carry;
      continue;
    }
    if (carry) line[planCol] = carry;
    carry = null;
    kept.push(line);
  }
  // Plan spans recomputed over the kept rows.
  let open = null;
  kept = kept.map((line) => line.map((c) => (c ? { ...c } : null)));
  for (const line of kept) {
    if (line[planCol]) {
      open = line[planCol];
      open.rs = 0;
    }
    open.rs++;
  }
  // Lead cells equal on consecutive task rows merged.
  if (l.merge) {
    let prev = null;
    for (const line of kept) {
      const c = line[leadCol];
      if (!c || c.category || line.some((x) => x?.category)) {
        prev = null;
        continue;
      }
      if (prev && prev.text === c.text && c.text !== '') {
        prev.rs++;
        line[leadCol] = undefined;
      } else prev = c;
    }
  }
  for (const line of kept) {
    const cells = [];
    const cat = line.find((c) => c?.category);
    for (const k of order) {
      const c = line[k];
      if (cat && k !== planCol) continue;
      if (c === undefined || c === null) {
        // A cell covered by a rowspan (plan or merged lead) prints nothing; a cell that is null is absent.
        continue;
      }
      const attrs = `${c.rs > 1 ? ` rowspan="${c.rs}"` : ''}`;
      cells.push(`<td${attrs}>${esc(c.text)}</td>`);
    }
    if (cat) cells.push(`<td colspan="${width - 1}">${esc(cat.text)}</td>`);
    // The category cell follows the plan cell (when the plan cell opens on this row) whatever the order.
    rowsOut.push(`<tr>${cells.join('')}</tr>`);
  }
  const head = `<tr>${order.map((k) => `<th>${names[k]}</th>`).join('')}</tr>`;
  const frame = {
    grid: '',
    three: ' frame="hsides" rules="groups"',
    rows: ' frame="hsides" rules="rows"',
    none: ' frame="void" rules="none"',
  }[l.rules];
  const border = l.rules === 'grid' ? 'td,th{border:1px solid #000;padding:2px}' : 'td,th{padding:2px}';
  const cols =
    l.widths === 'fixed'
      ? `<colgroup>${order.map((k) => `<col style="width:${header[k] === '具体措施' ? 30 : header[k] === '序号' ? 4 : 11}%">`).join('')}</colgroup>`
      : '';
  const table =
    `<table border="1"${frame} cellpadding="2" cellspacing="0" style="border-collapse:collapse;font-size:${l.font}${l.widths === 'fixed' ? ';table-layout:fixed;width:100%' : ''}">` +
    cols +
    (l.repeat ? `<thead>${head}</thead><tbody>` : `<tbody>${head}`) +
    rowsOut.join('\n').replace(/<td/g, `<td valign="${l.valign}"`) +
    `</tbody></table>`;
  const name = '郑州市2020年污染防治攻坚战重点任务分解表';
  const cover = l.notice
    ? [
        '<p style="text-align:center">郑州市人民政府关于印发' + name + '的通知</p>',
        '<p>各县（市、区）人民政府，市人民政府各部门：</p>',
        '<p>现将《' + name + '》印发给你们，请认真贯彻落实。</p>',
        '<p>附件：' + name + '</p>',
        '<p style="text-align:right">郑州市人民政府</p>',
        '<p style="text-align:right">2020年3月1日</p>',
        '<p>附件</p>',
        '<p style="text-align:center">' + name + '</p>',
      ].join('')
    : '';
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title><style>${border}</style></head>\n<body>${cover}${table}</body></html>\n`;
}

const has = (tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const WORK = mkdtempSync(join(tmpdir(), 'table-sweep-'));
const cpu0 = process.cpuUsage();
function print(producer, html, pdf) {
  const base = html.replace(/\.html$/, '');
  if (producer === 'lo') {
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${WORK}/profile`,
        '--convert-to',
        'pdf:writer_web_pdf_Export',
        '--outdir',
        join(WORK, 'lo'),
        html,
      ],
      { stdio: 'ignore' },
    );
    copyFileSync(join(WORK, 'lo', base.split('/').pop() + '.pdf'), pdf);
  } else if (producer === 'chromium') {
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        `--user-data-dir=${WORK}/chrome`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${html}`,
      ],
      { stdio: 'ignore' },
    );
  } else if (producer === 'weasyprint') {
    execFileSync('weasyprint', [html, pdf], { stdio: 'ignore' });
  }
}

const TOOL = { lo: 'soffice', chromium: 'chromium', weasyprint: 'weasyprint' };
const results = [];
try {
  const seedGraph = await convert(
    new Uint8Array(readFileSync(join(ROOT, 'corpus', 'tables', 'seed-table.html'))),
    { path: 'seed-table.html' },
  );
  const seen = new Set();
  for (let k = 0, made = 0; made < N && k < N * 20; k++) {
    const l = layout(k);
    const key = JSON.stringify(l);
    if (seen.has(key)) continue;
    seen.add(key);
    made++;
    const html = join(WORK, `layout-${k}.html`);
    writeFileSync(html, page(l));
    const hg = await convert(new Uint8Array(readFileSync(html)), { path: `layout-${k}.html` });
    const vsSeed = compareGraphs(seedGraph, hg);
    for (const p of producers) {
      if (!has(TOOL[p])) {
        console.error(`sweep: ${p} skipped, ${TOOL[p]} is not installed`);
        continue;
      }
      const pdf = join(WORK, `layout-${k}-${p}.pdf`);
      let scores;
      let error;
      let was;
      try {
        print(p, html, pdf);
        const g = await convert(new Uint8Array(readFileSync(pdf)), { path: `layout-${k}-${p}.pdf` });
        scores = compareGraphs(hg, g);
        if (before) {
          const bh = await before.convert(new Uint8Array(readFileSync(html)), { path: `layout-${k}.html` });
          const bg = await before.convert(new Uint8Array(readFileSync(pdf)), {
            path: `layout-${k}-${p}.pdf`,
          });
          was = compareGraphs(bh, bg);
        }
      } catch (e) {
        error = String(e?.message ?? e).split('\n')[0];
      }
      const f1 = scores ? Object.fromEntries(scores.map((s) => [s.kind, s.f1])) : {};
      const min = scores ? Math.min(...scores.map((s) => s.f1)) : 0;
      const r = {
        layout: k,
        producer: p,
        l,
        distance: distance(l),
        f1,
        min,
        error,
        htmlVsSeed: Object.fromEntries(vsSeed.map((s) => [s.kind, s.f1])),
      };
      if (was) {
        r.before = Object.fromEntries(was.map((s) => [s.kind, s.f1]));
        r.beforeMin = Math.min(...was.map((s) => s.f1));
      }
      results.push(r);
      const fmt = scores
        ? scores.map((s) => `${s.kind.replace('units:', '')} ${s.f1.toFixed(3)}`).join('  ')
        : `error: ${error}`;
      const wasFmt = was ? `  (before: ${was.map((s) => s.f1.toFixed(3)).join(' ')})` : '';
      console.log(`#${String(k).padStart(3)} ${p.padEnd(10)} ${fmt}${wasFmt}   [${describe(l)}]`);
      if (keep) {
        mkdirSync(keep, { recursive: true });
        copyFileSync(html, join(keep, `layout-${k}.html`));
        if (existsSync(pdf)) copyFileSync(pdf, join(keep, `layout-${k}-${p}.pdf`));
      }
    }
  }
} finally {
  rmSync(WORK, { recursive: true, force: true });
}

// Summary per producer: mean F1 per kind, tables at 1.000, failing layouts from the smallest.
const kinds = ['tasks', 'units:lead', 'units:cooperating', 'units:responsible', 'deadlines'];
console.log(
  '\nproducer    tables  perfect  ' + kinds.map((k) => k.replace('units:', '').padStart(12)).join(''),
);
for (const p of producers) {
  const rs = results.filter((r) => r.producer === p);
  if (rs.length === 0) continue;
  const mean = (k, of = 'f1') => rs.reduce((s, r) => s + (r[of]?.[k] ?? 0), 0) / rs.length;
  console.log(
    `${p.padEnd(10)} ${String(rs.length).padStart(7)} ${String(rs.filter((r) => r.min >= 0.9995).length).padStart(8)}  ` +
      kinds.map((k) => mean(k).toFixed(3).padStart(12)).join(''),
  );
  if (before)
    console.log(
      `${'  before'.padEnd(10)} ${String(rs.length).padStart(7)} ${String(rs.filter((r) => r.beforeMin >= 0.9995).length).padStart(8)}  ` +
        kinds.map((k) => mean(k, 'before').toFixed(3).padStart(12)).join(''),
    );
}
for (const p of producers) {
  const failing = results
    .filter((r) => r.producer === p && r.min < 0.9995)
    .sort((a, b) => a.distance - b.distance || a.min - b.min);
  if (failing.length === 0) continue;
  console.log(`\n${p}: failing layouts, smallest first`);
  for (const r of failing.slice(0, 6))
    console.log(`  #${r.layout} min F1 ${r.min.toFixed(3)}  ${describe(r.l)}`);
}
const cpu = process.cpuUsage(cpu0);
console.log(
  `\nsweep: ${results.length} graphs, seed ${SEED}, node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (producers' CPU not counted)`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
