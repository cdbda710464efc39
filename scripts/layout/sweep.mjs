#!/usr/bin/env node
/**
 * The full layout sweep (issue 12): every corpus text (CORPUS_TEXTS and the web pages of corpus/pages) re-laid at
 * every width 20–60 × indent (none, two spaces, two U+3000) × blank lines or not, each compared with its original's
 * graph; prints every layout whose facts differ, with the first missed and the first extra fact per kind.
 * The eval samples every fifth width and the property test samples at random: this one is exhaustive (slow: run it
 * with `nice`). Usage: node scripts/layout/sweep.mjs [--from 20] [--to 60] [--only substring] (after `npm run build`).
 */
import { readFileSync } from 'node:fs';
import console from 'node:console';
import { join } from 'node:path';
import process from 'node:process';
import { PACKAGE_ROOT } from '../../dist/grammars.js';
import { convertSync } from '../../dist/index.js';
import { CORPUS_TEXTS, pageTexts, scoreAgainstOriginal } from '../../dist/eval/layout.js';
import { rewrap } from '../../dist/layout/rewrap.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const from = Number(arg('from', '20'));
const to = Number(arg('to', '60'));
const only = arg('only', '');
const files = [...CORPUS_TEXTS, ...pageTexts()].filter((f) => f.includes(only));
let layouts = 0;
let misses = 0;
for (const file of files) {
  const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
  const original = convertSync(text, { path: file });
  for (const indent of ['', '  ', '\u3000\u3000'])
    for (const blankLines of [false, true])
      for (let width = from; width <= to; width++) {
        layouts++;
        const graph = convertSync(rewrap(text, { width, indent, blankLines }), { path: file });
        const bad = scoreAgainstOriginal(graph, original).filter((s) => s.f1 < 1);
        if (bad.length === 0) continue;
        misses++;
        const name = `${file} w${width}${indent ? (indent[0] === ' ' ? ' sp' : ' ideo') : ''}${blankLines ? ' blank' : ''}`;
        console.log(name);
        for (const s of bad)
          console.log(
            `  ${s.kind} ${s.f1.toFixed(3)} missed: ${JSON.stringify(s.missed.slice(0, 2))} extra: ${JSON.stringify(
              s.spurious.slice(0, 2),
            )}`,
          );
      }
}
console.log(`${misses} of ${layouts} layouts differ`);
