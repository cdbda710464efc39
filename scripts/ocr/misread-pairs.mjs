#!/usr/bin/env node
// Lists the characters tesseract read for others in OCR readings of texts whose source is known, and writes them
// as grammars/repair/misread-pairs.yaml (rule misread-word, src/repair/misreads.ts). Each reading is aligned with
// its source character by character (src/eval/align.ts, blanks left out); a substitution of one ideograph for
// another seen at least MIN times over all readings, in MIN_VARIANTS renderings (font × dpi) or more, becomes a pair,
// with where it was seen.
//
//   python3 scripts/ocr/misread-training.py && npm run build && node scripts/ocr/misread-pairs.mjs
//   node scripts/ocr/misread-pairs.mjs SOURCE:READING …            # others (a PDF reading is its text layer)
//
// The default readings are the training sheets of scripts/ocr/misread-training.py (listed in
// .cache/misread-training/manifest.tsv): jieba's frequent words, the notice grammars' words and the State Council
// notices no evaluation reads, rendered in five fonts at 200 and 300 dpi and OCR'd. No reading of a file that
// `npm run eval` scores OCR against (the seed and its scans, gov/006, 012, 015, corpus/ocr) is ever taken, so every
// reading the rule is measured on is held out (src/eval/ocr-words.ts). A pair's `seen` names the sheets.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';
import { TextDecoder } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { alignIndex, compact } = await import(join(ROOT, 'dist', 'eval', 'align.js'));
const { ingestAsync } = await import(join(ROOT, 'dist', 'ingest', 'index.js'));
// The texts `npm run eval` scores OCR against: never evidence for a pair.
const { OCR_EVALUATED } = await import(join(ROOT, 'dist', 'eval', 'ocr-words.js'));

const MIN = 2;
// … in at least this many renderings (font × dpi; a reading given as an argument counts as one each): a confusion
// seen in one rendering only may be that page's noise.
const MIN_VARIANTS = 2;
// MISREAD_PAIRS_OUT writes elsewhere (the tests).
const OUT = process.env.MISREAD_PAIRS_OUT ?? join(ROOT, 'grammars', 'repair', 'misread-pairs.yaml');
const MANIFEST = join(ROOT, '.cache', 'misread-training', 'manifest.tsv');
const HAN = /^[\u4e00-\u9fff]$/;
// The ideographs of GB 2312 (rows 0xB0–0xF7), which a notice in simplified characters is printed in: a pair whose
// printed character lies outside (發 read 发, 東 read 东: a traditional word of the grammars' examples read as
// simplified) is no misreading of such a notice, and would turn simplified text traditional.
const GB2312 = new Set();
const gbk = new TextDecoder('gbk');
for (let hi = 0xb0; hi <= 0xf7; hi++)
  for (let lo = 0xa1; lo <= 0xfe; lo++) GB2312.add(gbk.decode(new Uint8Array([hi, lo])));

/** [label, source path, reading path] of each reading. */
function readings() {
  const args = process.argv.slice(2);
  if (args.length) return args.map((arg) => arg.split(':')).map(([s, r]) => [basename(r), s, r]);
  if (!existsSync(MANIFEST)) {
    process.stderr.write(`${MANIFEST}: missing; run python3 scripts/ocr/misread-training.py first\n`);
    process.exit(1);
  }
  return readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .map(([sheet, font, dpi, truth, reading]) => [sheet, truth, reading, `${font} ${dpi}`]);
}

// A glyph read as two (豺 read 和对): an ideograph tesseract writes before its misreading of one printed glyph,
// between two characters read right. One seen at least SPLIT_MIN times, in SPLIT_VARIANTS renderings and for
// SPLIT_GLYPHS printed glyphs or more is a habit of the engine, not one glyph's shape: it becomes a `splits` entry.
const SPLIT_MIN = 5;
const SPLIT_VARIANTS = 3;
const SPLIT_GLYPHS = 3;

const pairs = new Map();
const splits = new Map();
for (const [label, source, reading, variant] of readings()) {
  const norm = (p) => p.replace(/^\.\//, '');
  if (
    OCR_EVALUATED.includes(norm(source)) ||
    /(^|\/)(corpus\/ocr|corpus\/layout)\/|(^|\/)(tess|scan)-(gbt-)?(seed|gov)-/.test(norm(reading))
  ) {
    process.stderr.write(`${reading}: a reading npm run eval scores; never evidence for a pair\n`);
    process.exit(1);
  }
  const path = join(ROOT, reading);
  if (!existsSync(path)) {
    process.stderr.write(`${reading}: missing; skipped\n`);
    continue;
  }
  const text = (await ingestAsync(new Uint8Array(readFileSync(path)), { path })).raw;
  const truth = compact(readFileSync(join(ROOT, source), 'utf8')).text;
  const read = compact(text).text;
  const index = alignIndex(truth, read);
  for (let j = 0; j < read.length; j++) {
    const i = index[j];
    if (i < 0 || truth[i] === read[j] || !HAN.test(truth[i]) || !HAN.test(read[j]) || !GB2312.has(truth[i]))
      continue;
    const key = read[j] + truth[i];
    const entry = pairs.get(key) ?? {
      read: read[j],
      printed: truth[i],
      files: new Map(),
      variants: new Set(),
      example: '',
    };
    entry.files.set(label, (entry.files.get(label) ?? 0) + 1);
    entry.variants.add(variant ?? reading);
    if (!entry.example)
      entry.example = `${truth.slice(Math.max(0, i - 2), i + 3)} read ${read.slice(Math.max(0, j - 2), j + 3)}`;
    pairs.set(key, entry);
  }
  // A glyph read as two: truth …a c b… read …a x y b…, a and b read right, x an ideograph inserted, y another
  // ideograph than c.
  const at = new Int32Array(truth.length).fill(-1);
  for (let j = 0; j < read.length; j++) if (index[j] >= 0) at[index[j]] = j;
  for (let i = 1; i + 1 < truth.length; i++) {
    const j = at[i - 1];
    if (j < 0 || at[i + 1] !== j + 3 || truth[i - 1] !== read[j] || truth[i + 1] !== read[j + 3]) continue;
    const [x, y, c] = [read[j + 1], read[j + 2], truth[i]];
    if (!HAN.test(x) || !HAN.test(y) || !HAN.test(c) || y === c || x === c) continue;
    const entry = splits.get(x) ?? { extra: x, files: new Map(), variants: new Set(), glyphs: new Set(), example: '' };
    entry.files.set(label, (entry.files.get(label) ?? 0) + 1);
    entry.variants.add(variant ?? reading);
    entry.glyphs.add(c);
    if (!entry.example) entry.example = `${truth.slice(i - 1, i + 2)} read ${read.slice(j, j + 4)}`;
    splits.set(x, entry);
  }
}
const total = (e) => [...e.files.values()].reduce((a, b) => a + b, 0);
// A double-quoted YAML scalar (JSON's escapes are YAML's): an example may hold a quote the OCR read.
const quoted = (s) => JSON.stringify(s);
const where = (e) =>
  [...e.files].map(([f, n]) => `${f} ×${n}`).join(', ') + ` (${e.variants.size} of font × dpi)`;
const kept = [...pairs.values()]
  .filter((e) => total(e) >= MIN && e.variants.size >= MIN_VARIANTS)
  .sort((a, b) => total(b) - total(a) || (a.read + a.printed).localeCompare(b.read + b.printed));
const keptSplits = [...splits.values()]
  .filter((e) => total(e) >= SPLIT_MIN && e.variants.size >= SPLIT_VARIANTS && e.glyphs.size >= SPLIT_GLYPHS)
  .sort((a, b) => total(b) - total(a) || a.extra.localeCompare(b.extra));
const lines = [
  '# Generated by scripts/ocr/misread-pairs.mjs: do not edit by hand. Ideographs tesseract (5, chi_sim) read for',
  `# others, seen at least ${MIN} times and in ${MIN_VARIANTS} renderings (font × dpi) or more, in readings aligned`,
  '# with their source: read, printed, and where it was seen (the training sheets of scripts/ocr/misread-training.py,',
  '# how many renderings showed it, an example). No reading of a text that npm run eval scores OCR against is',
  '# evidence for a pair.',
  '# Used by rule misread-word (src/repair/misreads.ts), which edits only where the dictionary confirms the word.',
  'pairs:',
  ...kept.map((e) => `  - { read: ${e.read}, printed: ${e.printed}, seen: ${quoted(`${where(e)}: ${e.example}`)} }`),
  `# Ideographs tesseract writes before its misreading of one printed glyph (a glyph read as two: 豺 read 和对),`,
  `# seen at least ${SPLIT_MIN} times, in ${SPLIT_VARIANTS} renderings and for ${SPLIT_GLYPHS} printed glyphs or more, between characters read`,
  '# right. Used by `gongwen diff` (src/diff/ocr.ts) to set aside an OCR side that reads one glyph as this and a',
  '# known misreading of it.',
  keptSplits.length ? 'splits:' : 'splits: []',
  ...keptSplits.map(
    (e) => `  - { extra: ${e.extra}, seen: ${quoted(`${where(e)}, ${e.glyphs.size} glyphs: ${e.example}`)} }`,
  ),
];
writeFileSync(OUT, lines.join('\n') + '\n');
process.stderr.write(
  `${OUT}: ${kept.length} pairs of ${pairs.size} seen, ${keptSplits.length} split extras of ${splits.size}\n`,
);
