/**
 * The numeric target grammar (grammars/targets.yaml): its zod schema and the regular expressions built from
 * its vocabulary. src/extract/targets.ts runs them and checks the grammar's examples.
 */
import * as z from 'zod';
import { GrammarError, loadGrammar } from '../grammars.js';
import { COMPARATORS } from '../graph/schema.js';
import { NUMBER_SOURCE } from './numbers.js';

/** The grammar file, relative to grammars/. */
export const TARGETS_FILE = 'targets.yaml';
const Cmp = z.enum(COMPARATORS);
const Value = z.union([z.number(), z.string(), z.tuple([z.number(), z.number()])]);
const HitSpec = z.object({
  comparator: Cmp,
  value: Value,
  unit: z.string().nullable(),
  kind: z.enum(['target', 'threshold']),
  baseline: z.number().int().optional(),
});
const GrammarSchema = z.object({
  unitMultipliers: z.array(z.string()),
  units: z.array(z.string()).min(1),
  notUnits: z.array(z.string()),
  prefixes: z.record(z.string(), Cmp),
  targetPrefixes: z.array(z.string()),
  changes: z.record(z.string(), z.enum(['reduce_by', 'increase_by'])),
  baselineWords: z.array(z.string()).min(1),
  suffixes: z.record(z.string(), Cmp),
  complements: z.record(z.string(), z.object({ with: z.string(), comparator: Cmp })),
  rangeSeparators: z.array(z.string()).min(1),
  countVerbs: z.array(z.string()),
  adverbs: z.array(z.string()),
  listSeparators: z.array(z.string()),
  clauseEnds: z.string(),
  words: z.array(z.object({ word: z.string(), comparator: Cmp, value: Value, unit: z.string().nullable() })),
  classPrefixes: z.array(z.string()).min(1),
  classFillers: z.array(z.string()),
  classNames: z.string(),
  stagePattern: z.string(),
  rankPattern: z.string(),
  rankUnits: z.array(z.string()).min(1),
  ratioSeparators: z.string().min(1),
  specs: z.array(z.object({ text: z.string(), hits: z.array(HitSpec) })).min(1),
  rejects: z.array(z.string()),
});
/** The validated targets grammar. */
export type TargetGrammar = z.infer<typeof GrammarSchema>;

/** The targets grammar with its regular expressions compiled. */
export interface CompiledTargets {
  g: TargetGrammar;
  quantity: RegExp;
  ratio: RegExp;
  klass: RegExp;
  stage: RegExp;
  rank: RegExp;
  word: RegExp;
  baseline: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const alt = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** Loads grammars/targets.yaml and builds its regular expressions (examples are checked by the caller). */
export function compileTargets(): CompiledTargets {
  return build(loadGrammar(TARGETS_FILE, GrammarSchema));
}

function build(g: TargetGrammar): CompiledTargets {
  const num = `(?:${NUMBER_SOURCE})`;
  const adv = `(?:${alt(g.adverbs)})?`;
  const pre = alt(Object.keys(g.prefixes));
  const sfx = alt(Object.keys(g.suffixes));
  const re = (source: string) => {
    try {
      return new RegExp(source, 'dg');
    } catch (err) {
      throw new GrammarError(TARGETS_FILE, (err as Error).message);
    }
  };
  return {
    g,
    quantity: re(
      `${adv}(?:(?<chg>${alt(Object.keys(g.changes))})|(?<pre>${pre}))?${adv}(?<num>${num})` +
        `(?:(?<sep>${alt(g.rangeSeparators)})(?<num2>${num}))?(?<unit>(?:${alt(g.unitMultipliers)})?(?:${alt(g.units)})|${alt(g.notUnits)})?(?<sfx>${sfx})?`,
    ),
    ratio: re(
      `(?<pre>${pre})${adv}(?<a>[0-9]+(?:\\.[0-9]+)?) ?[${escape(g.ratioSeparators)}] ?(?<b>[0-9]+(?:\\.[0-9]+)?)`,
    ),
    klass: re(`(?:${alt(g.classPrefixes)})(?:${alt(g.classFillers)})?(?<cls>${g.classNames})类`),
    stage: re(`(?<stage>${g.stagePattern})(?<sfx>${sfx})`),
    rank: re(`${g.rankPattern}(?<num>${num})(?<unit>${alt(g.rankUnits)})`),
    word: re(alt(g.words.map((w) => w.word))),
    baseline: re(`(?:${alt(g.baselineWords)})(?<year>(?:19|20)[0-9]{2})年`),
  };
}
