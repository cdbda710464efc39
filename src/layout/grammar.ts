/**
 * The layout grammar (grammars/repair/layout.yaml): the literals the paragraph model reads as evidence, and the
 * thresholds of hard-wrap detection. Its examples (hard-wrapped texts and their joined form) are checked on load.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar } from '../grammars.js';
import { loadRepairGrammar } from '../repair/grammar.js';
import { applyProposals } from '../repair/fixer.js';

/** The grammar file, relative to grammars/. */
export const LAYOUT_GRAMMAR = 'repair/layout.yaml';

const LayoutSchema = z.object({
  sentenceEnds: z.string().min(1),
  closers: z.string(),
  leadEnds: z.string().min(1),
  noStart: z.string().min(1),
  numberUnits: z.string().min(1),
  minLines: z.number().int().positive(),
  minMeasure: z.number().int().positive(),
  minMeasureLines: z.number().int().positive(),
  maxMeasure: z.number().int().positive(),
  fullShare: z.number().min(0).max(1),
  endShare: z.number().min(0).max(1),
  tolerance: z.number().min(0).max(0.5),
  fullStops: z.string().min(1),
  runIn: z.number().int().positive(),
  clauseEnds: z.string().min(1),
  parallelTail: z.number().int().positive(),
  brackets: z.array(z.string().length(2)).min(1),
  listSeparators: z.string().min(1),
  titleQuotes: z.array(z.string().length(2)).min(1),
  unitRun: z.number().int().positive(),
  specs: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
  keep: z.array(z.string()).default([]),
});

/** The compiled layout grammar. */
export interface LayoutGrammar extends Omit<z.infer<typeof LayoutSchema>, 'specs' | 'keep'> {
  /** Role labels (the repair lexicon's): a line opening with one and a colon opens a paragraph. */
  roleLabels: readonly string[];
}

let loaded: LayoutGrammar | undefined;

/** Loads grammars/repair/layout.yaml once; `check` runs its examples with the hard-wrap pass given. */
export function layoutGrammar(): LayoutGrammar {
  if (loaded) return loaded;
  const data = loadGrammar(LAYOUT_GRAMMAR, LayoutSchema);
  const { specs: _specs, keep: _keep, ...rest } = data;
  loaded = { ...rest, roleLabels: loadRepairGrammar().lexicon.roleLabels };
  return loaded;
}

/** Checks the examples of the layout grammar with `pass` (the hard-wrap pass; passed in to avoid a cycle). */
export function checkLayoutExamples(pass: (text: string) => import('../repair/fixer.js').Proposal[]): void {
  if (examplesChecked(LAYOUT_GRAMMAR)) return;
  const data = loadGrammar(LAYOUT_GRAMMAR, LayoutSchema);
  checkSpecs(LAYOUT_GRAMMAR, data, (text) => applyProposals(text, pass(text)).text);
}

/** Checks examples `{specs: [{from, to}], keep}` of grammar `file` against `run`; throws GrammarError on a miss. */
export function checkSpecs(
  file: string,
  data: { specs: { from: string; to: string }[]; keep: string[] },
  run: (text: string) => string,
): void {
  for (const { from, to } of data.specs) {
    const got = run(from);
    if (got !== to)
      throw new GrammarError(
        file,
        `example ${JSON.stringify(from)} gave ${JSON.stringify(got)}, expected ${JSON.stringify(to)}`,
      );
  }
  for (const text of data.keep)
    if (run(text) !== text) throw new GrammarError(file, `${JSON.stringify(text)} must stay unchanged`);
}
