/**
 * The numeric target grammar (grammars/targets.yaml): its zod schema and the regular expressions built from
 * its vocabulary. src/extract/targets.ts runs them and checks the grammar's examples.
 */
import * as z from 'zod';
import { GrammarError, loadGrammar } from '../grammars.js';
import { COMPARATORS } from '../graph/schema.js';
import { NUMBER_SOURCE } from './numbers.js';
import { QUANTITY_GROUPS, type QuantityPattern } from './quantity-scan.js';

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
  /** What the hit counts, as read from its clause (checked only where a spec gives it). */
  indicator: z.string().optional(),
});
const GrammarSchema = z.object({
  unitMultipliers: z.array(z.string()),
  units: z.array(z.string()).min(1),
  notUnits: z.array(z.string()),
  durationUnits: z.array(z.string()),
  prefixes: z.record(z.string(), Cmp),
  targetPrefixes: z.array(z.string()),
  changes: z.record(z.string(), z.enum(['reduce_by', 'increase_by'])),
  baselineWords: z.array(z.string()).min(1),
  baselineClosers: z.array(z.string()),
  indicatorLeading: z.array(z.string()),
  indicatorTrailing: z.array(z.string()),
  suffixes: z.record(z.string(), Cmp),
  complements: z.record(z.string(), z.object({ with: z.string(), comparator: Cmp })),
  rangeSeparators: z.array(z.string()).min(1),
  countVerbs: z.array(z.string()),
  shareUnits: z.array(z.string()),
  adverbs: z.array(z.string()),
  listSeparators: z.array(z.string()),
  clauseEnds: z.string(),
  numberJoiners: z.string(),
  words: z.array(z.object({ word: z.string(), comparator: Cmp, value: Value, unit: z.string().nullable() })),
  classPrefixes: z.array(z.string()).min(1),
  classFillers: z.array(z.string()),
  classNames: z.string(),
  classWord: z.string().min(1),
  stagePattern: z.string(),
  rankPattern: z.string(),
  rankUnits: z.array(z.string()).min(1),
  ratioSeparators: z.string().min(1),
  specs: z.array(z.object({ text: z.string(), hits: z.array(HitSpec) })).min(1),
  rejects: z.array(z.string()),
});
/** The validated targets grammar. */
export type TargetGrammar = z.infer<typeof GrammarSchema>;

/** The targets grammar with its regular expressions compiled and its word lists made sets. */
export interface CompiledTargets {
  g: TargetGrammar;
  quantity: QuantityPattern;
  ratio: RegExp;
  klass: RegExp;
  stage: RegExp;
  rank: RegExp;
  word: RegExp;
  /** Matches where `stage`, `rank` or `word` does (one search instead of three on most texts). */
  anyLiteral: RegExp;
  /** A baseline word and year (比2018年); no lookaround, so a match depends on its own characters only. */
  baseline: RegExp;
  /** The longest match of `baseline`. */
  maxBaseline: number;
  /** Leading time words and trailing baseline phrases or adverbs of a clause that are no part of an indicator. */
  indicatorNoise: RegExp;
  notUnits: Set<string>;
  /** Words of notUnits that are an amount after a comparator prefix (至少1个月, 压缩至5个工作日). */
  durationUnits: Set<string>;
  /** The suffixes that are some complement rule's `with`. */
  complementWords: Set<string>;
  countVerbs: WordSet;
  /** UTF-16 units of `clauseEnds`. */
  clauseEnds: Set<number>;
  /** UTF-16 units of `numberJoiners`. */
  numberJoiners: Set<number>;
}

/** A set of words that answers "does the text end with one of them at this index" without a scan per word. */
export class WordSet {
  private readonly words: Set<string>;
  private readonly lengths: number[];

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.lengths = [...new Set([...this.words].map((w) => w.length))];
  }

  /** Whether one of the words ends at `at`: `words.some((w) => text.startsWith(w, at - w.length))`. */
  endsAt(text: string, at: number): boolean {
    for (const n of this.lengths) {
      const from = Math.max(0, at - n);
      if (this.words.has(text.slice(from, from + n))) return true;
    }
    return false;
  }
}

/** The first characters of `words`, as one string. */
const firstUnits = (words: string[]) => words.map((w) => w.charAt(0)).join('');
const codeUnits = (s: string) => new Set(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)));

/** An ASCII decimal number (ratios are written with ASCII digits after toHalfWidth). */
const DECIMAL = '[0-9]+(?:\\.[0-9]+)?';

/** Length of the year after a baseline word: four digits and 年. */
const YEAR_LENGTH = 5;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const longest = (words: Iterable<string>) => Math.max(0, ...[...words].map((w) => w.length));
/** Words in the order an alternation of them is tried: the longest first. */
const byLength = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length);
const alt = (words: Iterable<string>) => byLength(words).map(escape).join('|');

/** Loads grammars/targets.yaml and builds its regular expressions (examples are checked by the caller). */
export function compileTargets(): CompiledTargets {
  return build(loadGrammar(TARGETS_FILE, GrammarSchema));
}

/** The number of capture groups of a pattern. */
const groupCount = (re: RegExp) => (new RegExp(`${re.source}|`).exec('') as RegExpExecArray).length - 1;

function build(g: TargetGrammar): CompiledTargets {
  const num = `(?:${NUMBER_SOURCE})`;
  const adv = `(?:${alt(g.adverbs)})?`;
  const changes = Object.keys(g.changes);
  const prefixes = Object.keys(g.prefixes);
  const suffixes = Object.keys(g.suffixes);
  const pre = alt(prefixes);
  const sfx = alt(suffixes);
  const re = (source: string) => {
    try {
      return new RegExp(source, 'g');
    } catch (err) {
      throw new GrammarError(TARGETS_FILE, (err as Error).message);
    }
  };
  // Words of notUnits are tried before units (3个月 is a duration, not 3个), which is the longest match as long
  // as no unit starts with one of them.
  const stray = g.durationUnits.find((w) => !g.notUnits.includes(w));
  if (stray !== undefined) throw new GrammarError(TARGETS_FILE, `durationUnits: ${stray} is not in notUnits`);
  const shadowed = g.units.find((u) => g.notUnits.some((w) => u.startsWith(w)));
  if (shadowed !== undefined)
    throw new GrammarError(
      TARGETS_FILE,
      `unit ${shadowed} starts with a word of notUnits, which is tried first`,
    );
  // What can start after a number, besides a word of notUnits: a separator, a multiplier or unit, a suffix.
  const starts = codeUnits(firstUnits([...g.rangeSeparators, ...g.unitMultipliers, ...g.units, ...suffixes]));
  const notUnitStarts = codeUnits(firstUnits(g.notUnits));
  // Phase one's forms that start with fixed words (emission stages, ranks, word numerals), groups named or not.
  const literalForms = (group: (name: string, body: string) => string) => ({
    stage: `${group('stage', g.stagePattern)}${group('sfx', sfx)}`,
    rank: `${g.rankPattern}${group('num', num)}${group('unit', alt(g.rankUnits))}`,
    word: alt(g.words.map((w) => w.word)),
  });
  const { stage, rank, word } = literalForms((name, body) => `(?<${name}>${body})`);
  const literal = { stage: re(stage), rank: re(rank), word: re(word) };
  const quantity: QuantityPattern = {
    // The groups, in order: lead, chg, pre, num, sep, num2, unit, sfx (QUANTITY_GROUPS).
    re: re(
      `(${adv}(?:(${alt(changes)})|(${pre}))?${adv})(${num})` +
        `(?:(${alt(g.rangeSeparators)})(${num}))?(${alt(g.notUnits)}|(?:${alt(g.unitMultipliers)})?(?:${alt(g.units)}))?(${sfx})?`,
    ),
    leadChars: codeUnits([...g.adverbs, ...changes, ...prefixes].join('')),
    maxLead: 2 * longest(g.adverbs) + longest([...changes, ...prefixes]),
    afterNumber: new Set([...starts, ...notUnitStarts]),
    notUnits: byLength(g.notUnits),
    notUnitStarts: new Set([...notUnitStarts].filter((u) => !starts.has(u))),
    suffixStarts: codeUnits(firstUnits(suffixes)),
  };
  if (groupCount(quantity.re) !== Object.keys(QUANTITY_GROUPS).length)
    throw new GrammarError(TARGETS_FILE, 'the quantity pattern has groups other than QUANTITY_GROUPS');
  return {
    g,
    quantity,
    ratio: re(`(?<pre>${pre})${adv}(?<a>${DECIMAL}) ?[${escape(g.ratioSeparators)}] ?(?<b>${DECIMAL})`),
    klass: re(
      `(?:${alt(g.classPrefixes)})(?:${alt(g.classFillers)})?(?<cls>${g.classNames})${escape(g.classWord)}`,
    ),
    ...literal,
    anyLiteral: re(
      Object.values(literalForms((_, body) => `(?:${body})`))
        .map((source) => `(?:${source})`)
        .join('|'),
    ),
    baseline: re(`(?:${alt(g.baselineWords)})(?<year>(?:19|20)[0-9]{2})年`),
    maxBaseline: longest(g.baselineWords) + YEAR_LENGTH,
    indicatorNoise: new RegExp(
      `^(?:(?:19|20)[0-9]{2}年|${alt(g.indicatorLeading)})+` +
        `|(?:(?:${alt(g.baselineWords)})(?:19|20)[0-9]{2}年(?:${alt(g.baselineClosers)})?|${alt(g.indicatorTrailing)})+$`,
      'g',
    ),
    notUnits: new Set(g.notUnits),
    durationUnits: new Set(g.durationUnits),
    complementWords: new Set(Object.values(g.complements).map((rule) => rule.with)),
    countVerbs: new WordSet(g.countVerbs),
    clauseEnds: codeUnits(g.clauseEnds),
    numberJoiners: codeUnits(g.numberJoiners),
  };
}
