/**
 * `npm run eval`: accuracy against corpus/gold/ — precision, recall and F1 per kind of fact on the seed,
 * repair precision/recall on its gold OCR repairs, and character error rate before/after repair on corpus/ocr.
 * Prints a table; with `--json`, the full scores (misses and false positives included) as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../extract/units.js';
import { PACKAGE_ROOT } from '../grammars.js';
import { REGION_HEAD } from '../pipeline.js';
import { evalDiffFixtures } from '../diff/eval.js';
import { convert, convertSync } from '../index.js';
import { repair } from '../repair/index.js';
import { corpusLayoutTable, diffStability, evalLayouts, layoutTable } from './layout.js';
import { cer, scoreRepairs, unwrapped, type GoldRepair } from './repair.js';
import { evalHead, headTable } from './head.js';
import { table, type Score } from './score.js';
import { scoreSeed, type Gold } from './seed.js';
import { unitClausesReport } from './units.js';
import { printProducers } from './producers.js';

const CORPUS = join(PACKAGE_ROOT, 'corpus');
const SEED = join(CORPUS, 'zhengzhou-2020-notice.txt');
const GOLD = join(CORPUS, 'gold', 'zhengzhou-2020-notice.gold.json');
const OCR = join(CORPUS, 'ocr');

/** The seed rendered to PDF (corpus/pdf): scored on tasks and units like the text. */
const SEED_PDFS = ['seed-export.pdf', 'seed-scan.pdf'];

async function main(): Promise<void> {
  const bytes = readFileSync(SEED);
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold & { ocrRepairs: GoldRepair[] };
  const graph = convertSync(bytes, { path: 'corpus/zhengzhou-2020-notice.txt' });
  const scores: Score[] = scoreSeed(graph, gold);
  const raw = bytes.toString('utf8');
  const units = loadGazetteer();
  const knownUnits = (text: string) => units.names(text.slice(0, REGION_HEAD));
  const rep = scoreRepairs(
    raw,
    repair(raw, { knownUnits: knownUnits(raw) }).text,
    graph.repairs,
    gold.ocrRepairs,
  );
  const repairRow: Score = {
    kind: 'repairs',
    gold: gold.ocrRepairs.length,
    found: graph.repairs.length,
    tp: rep.tp,
    precision: rep.precision,
    recall: rep.recall,
    f1:
      rep.precision + rep.recall === 0 ? 0 : (2 * rep.precision * rep.recall) / (rep.precision + rep.recall),
    missed: rep.missed.slice(0, 8).map((m) => `${m.raw} → ${m.fixed}`),
    spurious: rep.spurious.slice(0, 8).map((e) => `${e.raw} → ${e.fixed} (${e.ruleId})`),
  };
  scores.push(repairRow);
  const pairs = readdirSync(OCR)
    .filter((f) => f.endsWith('.ocr.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.ocr.txt'.length);
      const clean = readFileSync(join(OCR, `${name}.clean.txt`), 'utf8');
      const noisy = readFileSync(join(OCR, f), 'utf8');
      return {
        name,
        before: cer(unwrapped(clean), unwrapped(noisy)),
        after: cer(unwrapped(clean), unwrapped(repair(noisy, { knownUnits: knownUnits(noisy) }).text)),
      };
    });
  const pdfs: { file: string; scores: Score[] }[] = [];
  for (const file of SEED_PDFS) {
    const path = join(CORPUS, 'pdf', file);
    const g = await convert(readFileSync(path), { path: `corpus/pdf/${file}` });
    pdfs.push({
      file,
      scores: scoreSeed(g, gold).filter((s) => s.kind === 'tasks' || s.kind.startsWith('units:')),
    });
  }
  const diffs = evalDiffFixtures();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ scores, ocr: pairs, pdfs, diffs }, null, 2) + '\n');
    return;
  }
  process.stdout.write(`Seed (corpus/zhengzhou-2020-notice.txt) against corpus/gold:\n${table(scores)}\n\n`);
  process.stdout.write('OCR pairs (corpus/ocr), character error rate:\n');
  for (const p of pairs)
    process.stdout.write(
      `  ${p.name.padEnd(20)} before ${p.before.toFixed(4)}  after ${p.after.toFixed(4)}\n`,
    );
  for (const p of pdfs) process.stdout.write(`\nThe seed as corpus/pdf/${p.file}:\n${table(p.scores)}\n`);
  process.stdout.write(await (await import('./tables.js')).printTables(CORPUS, gold));
  process.stdout.write('\nDiff fixtures (corpus/diff), reported changes against the known edits:\n');
  for (const d of diffs)
    process.stdout.write(
      `  ${d.pair.padEnd(24)} precision ${d.precision.toFixed(3)}  recall ${d.recall.toFixed(3)}\n`,
    );
  process.stdout.write(
    `\nThe seed re-laid (hard wraps, tesseract), F1:\n${layoutTable(evalLayouts(raw, gold, (t, p) => convertSync(t, { path: p })))}\n`,
  );
  process.stdout.write(
    `\nEvery corpus text re-laid, worst F1 against its original:\n${corpusLayoutTable((t, p) => convertSync(t, { path: p }))}\n`,
  );
  process.stdout.write(`\nDiff stability:\n${diffStability(raw, (t, p) => convertSync(t, { path: p }))}\n`);
  process.stdout.write(unitClausesReport(process.argv.includes('--verbose')));
  process.stdout.write((await import('./diff.js')).diffQualityLines());
  await printProducers();
  process.stdout.write(
    await (await import('./ocr-words.js')).ocrWordsReport(process.argv.includes('--verbose')),
  );
  process.stdout.write(
    `\nHead of a notice (corpus/pages, corpus/gov):\n${headTable(await evalHead(), process.argv.includes('--verbose'))}\n`,
  );
  process.stdout.write(await (await import('./archive.js')).evalArchive());
  process.stdout.write(await (await import('./grammar.js')).evalGrammar());
  if (process.argv.includes('--verbose'))
    for (const s of scores)
      if (s.missed.length || s.spurious.length)
        process.stdout.write(
          `\n${s.kind}\n  missed:   ${s.missed.join(' ; ')}\n  spurious: ${s.spurious.join(' ; ')}\n`,
        );
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
