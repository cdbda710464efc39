/**
 * Repairs of misread characters (rules misread-word and rate-percent, src/repair/misreads.ts) scored against the
 * texts the readings were made from, without gold annotations: each OCR reading is aligned with its source
 * (src/eval/align.ts) and an edit is right when it restores the source's character there.
 * - edit precision: edits that restore the source character / all edits;
 * - recall: restored characters / ideographs read for other ideographs (every such misreading, fixable or not);
 * - born-digital texts of corpus/ (the rules forced on): every edit there is wrong.
 * The pairs the rule reads (grammars/repair/misread-pairs.yaml) come from training sheets only (jieba's words, the
 * grammars' words and State Council notices no evaluation reads, scripts/ocr/misread-training.py), so every reading
 * scored here is held out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../extract/units.js';
import { PACKAGE_ROOT } from '../grammars.js';
import { ingestAsync } from '../ingest/index.js';
import { REGION_HEAD } from '../pipeline.js';
import { repair } from '../repair/index.js';
import { alignIndex, compact } from './align.js';

/** The rules scored here. */
export const MISREAD_RULES: readonly string[] = ['misread-word', 'rate-percent'];

const CORPUS = join(PACKAGE_ROOT, 'corpus');

/** An OCR reading and the text it was read from (paths under corpus/). */
interface Reading {
  name: string;
  source: string;
  reading: string;
  /** True when the rule's pairs were taken from this reading. */
  seen: boolean;
}

/**
 * The texts (paths from the package root) whose OCR readings `npm run eval` scores: here, in the diff stability
 * and layout tables (the seed), and the GB/T scans of the producer table (gov/015). The misread pairs are never
 * learned from them (scripts/ocr/misread-pairs.mjs, test/repair/misread-pairs.test.ts).
 */
export const OCR_EVALUATED: readonly string[] = [
  'corpus/zhengzhou-2020-notice.txt',
  'corpus/gov/006.txt',
  'corpus/gov/012.txt',
  'corpus/gov/015.txt',
  // The source of corpus/ocr/plan-excerpt (scripts/ocr-fixtures.sh); corpus/ocr's texts are its renderings.
  'scripts/ocr/excerpt-plan.txt',
];

/** Every reading of corpus/ whose source is known; PDFs that are missing (fixtures not made) are skipped. */
export function ocrReadings(): Reading[] {
  const seed = 'zhengzhou-2020-notice.txt';
  const out: Reading[] = [
    { name: 'seed.tesseract.txt', source: seed, reading: 'layout/seed.tesseract.txt', seen: false },
    { name: 'tess-seed-200', source: seed, reading: 'producers/tess-seed-200.pdf', seen: false },
    { name: 'tess-seed-300', source: seed, reading: 'producers/tess-seed-300.pdf', seen: false },
  ];
  for (const n of ['006', '012'])
    for (const dpi of ['200', '300'])
      out.push({
        name: `tess-gov-${n}-${dpi}`,
        source: `gov/${n}.txt`,
        reading: `producers/tess-gov-${n}-${dpi}.pdf`,
        seen: false,
      });
  for (const f of readdirSync(join(CORPUS, 'ocr'))
    .filter((f) => f.endsWith('.ocr.txt'))
    .sort()) {
    const name = f.slice(0, -'.ocr.txt'.length);
    out.push({ name: `ocr/${name}`, source: `ocr/${name}.clean.txt`, reading: `ocr/${f}`, seen: false });
  }
  return out.filter((r) => existsSync(join(CORPUS, r.reading)));
}

/** Scores of the misread repairs on one reading. */
export interface MisreadScore {
  name: string;
  seen: boolean;
  edits: number;
  right: number;
  /** Ideographs read for other ideographs (the alignment's substitutions). */
  misread: number;
  /** Wrong edits, for reports ("written → edited (source)"). */
  wrong: string[];
}

/** Scores the misread repairs of `raw` (a reading of `source`). */
export function scoreMisreads(name: string, seen: boolean, source: string, raw: string): MisreadScore {
  const known = loadGazetteer().names(raw.slice(0, REGION_HEAD));
  const result = repair(raw, { knownUnits: known });
  const truth = compact(source).text;
  const read = compact(raw);
  const index = alignIndex(truth, read.text);
  const at = new Map<number, number>();
  read.offsets.forEach((o, j) => at.set(o, j));
  let misread = 0;
  for (let j = 0; j < read.text.length; j++) {
    const i = index[j]!;
    if (i >= 0 && truth[i] !== read.text[j] && isHan(truth[i]!) && isHan(read.text[j]!)) misread++;
  }
  let edits = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const e of result.edits) {
    if (!MISREAD_RULES.includes(e.ruleId)) continue;
    edits++;
    // The first written character of the edit (a composed edit may carry a layout join before it).
    let p = e.start;
    while (p < e.end && /\s/.test(raw[p]!)) p++;
    const j = at.get(p);
    const i = j === undefined ? -1 : index[j]!;
    const ok = e.fixed === '' ? i < 0 : i >= 0 && truth[i] === e.fixed.trim().slice(0, 1);
    if (ok) right++;
    else wrong.push(`${raw[p]} → ${e.fixed || '∅'} (${i >= 0 ? truth[i] : '?'})`);
  }
  return { name, seen, edits, right, misread, wrong };
}

const isHan = (ch: string): boolean => /[\u3400-\u9fff]/.test(ch);

/** The born-digital texts of corpus/: the seed's later editions, the State Council notices, web page heads. */
export function bornDigital(): string[] {
  const out: string[] = [];
  for (const dir of ['gov', 'pages', 'diff'])
    for (const f of readdirSync(join(CORPUS, dir))
      .filter((f) => f.endsWith('.txt'))
      .sort())
      out.push(`${dir}/${f}`);
  const text = join(CORPUS, 'producers', 'text');
  if (existsSync(text))
    for (const f of readdirSync(text)
      .filter((f) => f.endsWith('.txt'))
      .sort())
      out.push(`producers/text/${f}`);
  return out;
}

/** Edits of the misread rules forced on a text (`ocr: true`). */
export function forcedMisreads(raw: string): string[] {
  const known = loadGazetteer().names(raw.slice(0, REGION_HEAD));
  return repair(raw, { knownUnits: known, ocr: true })
    .edits.filter((e) => MISREAD_RULES.includes(e.ruleId))
    .map((e) => `${e.raw} → ${e.fixed || '∅'}`);
}

/** The report of `npm run eval`. */
export async function ocrWordsReport(verbose = false): Promise<string> {
  const rows: MisreadScore[] = [];
  for (const r of ocrReadings()) {
    const path = join(CORPUS, r.reading);
    const raw = (await ingestAsync(new Uint8Array(readFileSync(path)), { path })).raw;
    rows.push(scoreMisreads(r.name, r.seen, readFileSync(join(CORPUS, r.source), 'utf8'), raw));
  }
  const lines = ["\nMisread characters (misread-word, rate-percent) against each reading's source:"];
  const sum = (list: MisreadScore[]): [number, number, number] =>
    list.reduce<[number, number, number]>(
      (a, r) => [a[0] + r.edits, a[1] + r.right, a[2] + r.misread],
      [0, 0, 0],
    );
  for (const r of rows)
    lines.push(
      `  ${r.name.padEnd(20)} ${r.seen ? 'pairs from it' : 'held out     '}  edits ${String(r.edits).padStart(3)}  right ${String(r.right).padStart(3)}  misread ideographs ${String(r.misread).padStart(4)}` +
        (r.wrong.length ? `  wrong: ${r.wrong.slice(0, verbose ? 99 : 4).join('; ')}` : ''),
    );
  for (const [label, list] of [
    ['pairs from it', rows.filter((r) => r.seen)],
    ['held out', rows.filter((r) => !r.seen)],
  ] as const) {
    const [edits, right, misread] = sum(list);
    lines.push(
      `  ${label}: edit precision ${edits ? (right / edits).toFixed(3) : '—'} (${right}/${edits}), recall ${misread ? (right / misread).toFixed(3) : '—'} (${right}/${misread})`,
    );
  }
  const born = bornDigital().map((f) => ({
    f,
    edits: forcedMisreads(readFileSync(join(CORPUS, f), 'utf8')),
  }));
  const hit = born.filter((b) => b.edits.length > 0);
  lines.push(
    `  born-digital texts with the rules forced on: ${born.length - hit.length}/${born.length} without an edit` +
      (hit.length ? ` (${hit.map((b) => `${b.f}: ${b.edits.slice(0, 3).join(', ')}`).join('; ')})` : ''),
  );
  return lines.join('\n') + '\n';
}
