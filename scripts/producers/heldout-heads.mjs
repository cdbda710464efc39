#!/usr/bin/env node
// The held-out check of the head reader on scans (issue 12): each tess-gbt-gov-NNN-DPI.pdf that
// scripts/producers/heldout-heads.sh made in DIR, its head (title, issuers, 发文字号, 成文日期, 主送机关) and 版记 (抄送机关,
// 印发机关, 印发日期) against the fields as printed (gbt-gov-NNN.head.json), compared as `npm run eval` compares a
// GB/T page's (spaces and quotation marks aside). Needs `npm run build`.
// Usage: node scripts/producers/heldout-heads.mjs [DIR (default /tmp/gongwen-heldout-heads)] [--json]
import console from 'node:console';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { convert } from '../../dist/index.js';
import { found, HEAD_FIELDS } from '../../dist/eval/head.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '/tmp/gongwen-heldout-heads';
if (!existsSync(dir)) {
  console.error(`heldout-heads: no folder ${dir} (make it with scripts/producers/heldout-heads.sh ${dir})`);
  process.exit(2);
}
const norm = (s) =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[《》〈〉“”"'‘’]/g, '')
    .replace(/，/g, ',');
const iso = (d) => {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(d);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
};
const FIELDS = [...HEAD_FIELDS, 'copyTo', 'printedBy', 'printDate'];
const rows = [];
for (const file of readdirSync(dir)
  .filter((f) => /^tess-gbt-gov-\d{3}-\d{3}\.pdf$/.test(f))
  .sort()) {
  const num = /gov-(\d{3})/.exec(file)[1];
  const h = JSON.parse(readFileSync(join(dir, `gbt-gov-${num}.head.json`), 'utf8'));
  const want = {
    title: norm(h.title),
    issuers: h.issuers.map(norm).join('|'),
    docNumber: norm(h.docNumber),
    date: iso(h.date),
    recipients: norm(h.recipients.replace(/[:：]$/, '')),
    copyTo: h.copyTo.replace(/[。]$/, '').split(/[，,]/).map(norm).join('|'),
    printedBy: norm(h.printedBy),
    printDate: iso(h.printDate),
  };
  const graph = await convert(readFileSync(join(dir, file)), { path: file });
  const d = graph.document;
  const got = {
    ...Object.fromEntries(HEAD_FIELDS.map((f) => [f, found(graph, f)])),
    copyTo: (d.copyTo ?? []).map(norm).join('|'),
    printedBy: norm(d.printedBy ?? ''),
    printDate: d.printDate ?? '',
  };
  rows.push({
    file,
    fields: Object.fromEntries(FIELDS.map((f) => [f, { expected: want[f], found: got[f] }])),
  });
}
if (args.includes('--json')) console.log(JSON.stringify(rows, null, 1));
else {
  const mark = (v) => (v.found === v.expected ? 'ok' : v.found ? '≠' : '∅');
  console.log(['file'.padEnd(26), ...FIELDS.map((f) => f.padStart(10))].join(''));
  for (const r of rows)
    console.log([r.file.padEnd(26), ...FIELDS.map((f) => mark(r.fields[f]).padStart(10))].join(''));
  const right = FIELDS.map(
    (f) => `${f} ${rows.filter((r) => r.fields[f].found === r.fields[f].expected).length}/${rows.length}`,
  );
  console.log(`  held-out head right: ${right.join('  ')}`);
  for (const r of rows)
    for (const f of FIELDS)
      if (r.fields[f].found !== r.fields[f].expected)
        console.log(`  ${r.file} ${f}: expected "${r.fields[f].expected}", found "${r.fields[f].found}"`);
}
