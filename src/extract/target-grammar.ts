/**
 * The numeric target grammar (grammars/targets.yaml): its zod schema and the regular expressions built from
 * its vocabulary. src/extract/targets.ts runs them and checks the grammar's examples.
 */
import { z } from 'zod';
import { GrammarError, loadGrammar } from '../grammars.js';
import { COMPARATORS } from '../graph/schema.js';
import type { AnchoredRegex } from './anchored.js';
import { NeedsFilter } from './needs.js';
import { indexOfNumber, NUMBER_SOURCE } from './numbers.js';

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

/** The special forms of phase one: ratios, classes, emission stages, ranks, word numerals. */
export const FORMS = ['ratio', 'klass', 'stage', 'rank', 'word'] as const;
/** One of FORMS. */
export type Form = (typeof FORMS)[number];

/** The targets grammar with its regular expressions compiled and its word lists made sets. */
export interface CompiledTargets {
  g: TargetGrammar;
  /** Groups: lead (what precedes the number: adverbs, chg or pre), num, sep, num2, unit, sfx. */
  quantity: AnchoredRegex;
  /** Phase one's patterns. */
  forms: Record<Form, RegExp>;
  /** Which of `forms` can match a text (lists in the order of FORMS). */
  formNeeds: NeedsFilter;
  baseline: RegExp;
  notUnits: Set<string>;
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

const codeUnits = (s: string) => new Set(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const longest = (words: Iterable<string>) => Math.max(0, ...[...words].map((w) => w.length));
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
      return new RegExp(source, 'g');
    } catch (err) {
      throw new GrammarError(TARGETS_FILE, (err as Error).message);
    }
  };
  return {
    g,
    quantity: {
      re: re(
        `(?<lead>${adv}(?:(?<chg>${alt(Object.keys(g.changes))})|(?<pre>${pre}))?${adv})(?<num>${num})` +
          `(?:(?<sep>${alt(g.rangeSeparators)})(?<num2>${num}))?(?<unit>(?:${alt(g.unitMultipliers)})?(?:${alt(g.units)})|${alt(g.notUnits)})?(?<sfx>${sfx})?`,
      ),
      // Every quantity holds a number, after at most two adverbs and a change word or prefix.
      nextAnchor: indexOfNumber,
      maxLead: 2 * longest(g.adverbs) + longest([...Object.keys(g.changes), ...Object.keys(g.prefixes)]),
    },
    forms: {
      ratio: re(
        `(?<pre>${pre})${adv}(?<a>[0-9]+(?:\\.[0-9]+)?) ?[${escape(g.ratioSeparators)}] ?(?<b>[0-9]+(?:\\.[0-9]+)?)`,
      ),
      klass: re(
        `(?:${alt(g.classPrefixes)})(?:${alt(g.classFillers)})?(?<cls>${g.classNames})${escape(g.classWord)}`,
      ),
      stage: re(`(?<stage>${g.stagePattern})(?<sfx>${sfx})`),
      rank: re(`${g.rankPattern}(?<num>${num})(?<unit>${alt(g.rankUnits)})`),
      word: re(alt(g.words.map((w) => w.word))),
    },
    // What each form's matches must hold: a ratio separator, the class word, a suffix, a rank unit, a word.
    formNeeds: new NeedsFilter(
      FORMS.map(
        (form) =>
          ({
            ratio: [...g.ratioSeparators],
            klass: [g.classWord],
            stage: Object.keys(g.suffixes),
            rank: g.rankUnits,
            word: g.words.map((w) => w.word),
          })[form],
      ),
    ),
    baseline: re(`(?:${alt(g.baselineWords)})(?<year>(?:19|20)[0-9]{2})年`),
    notUnits: new Set(g.notUnits),
    countVerbs: new WordSet(g.countVerbs),
    clauseEnds: codeUnits(g.clauseEnds),
    numberJoiners: codeUnits(g.numberJoiners),
  };
}
