/**
 * The repair grammar (grammars/repair/rules.yaml): rules as data, validated by zod, compiled, and checked against
 * their own examples when loaded — a failing example throws a GrammarError naming the rule and the example.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { structureGrammar } from '../parse/grammar.js';
import { applyProposals, type Proposal } from './fixer.js';
import { gazetteerJoin, paragraphJoin } from './breaks.js';
import { grammarConfusion } from './confusions.js';
import { headingSequence } from './headings.js';
import { unitMisread, unitName } from './names.js';
import { misreadWord, ratePercent } from './misreads.js';
import { placeName } from './places.js';
import { strayQuote } from './punctuation.js';
import { roleLabel } from './roles.js';
import { roleNote } from './role-notes.js';
import { spuriousSpace } from './spaces.js';
import type { BuiltinRule, Lexicon, RuleContext, RuleOutput } from './types.js';

/** The grammar file, relative to grammars/. */
export const REPAIR_GRAMMAR = 'repair/rules.yaml';

/** Built-in rules by the name a grammar entry gives in `builtin`. */
export const BUILTINS: Record<string, BuiltinRule> = {
  'spurious-space': spuriousSpace,
  'paragraph-join': paragraphJoin,
  'gazetteer-join': gazetteerJoin,
  'stray-quote': strayQuote,
  'heading-sequence': headingSequence,
  'role-label': roleLabel,
  'role-note': roleNote,
  'unit-name': unitName,
  'unit-misread': unitMisread,
  'place-name': placeName,
  'grammar-confusion': grammarConfusion,
  'misread-word': misreadWord,
  'rate-percent': ratePercent,
};

const SpecSchema = z.object({ from: z.string(), to: z.string() });
const base = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  specs: z.array(SpecSchema).min(1),
  keep: z.array(z.string()).default([]),
  /** Run only on a text that shows OCR damage (src/repair/index.ts; grammars/repair/misreads.yaml). */
  ocr: z.boolean().default(false),
};
const RuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('regex'), pattern: z.string(), replace: z.string() }),
  z.object({
    ...base,
    kind: z.literal('word'),
    wrong: z.string().length(1),
    right: z.string().length(1),
    words: z.array(z.string()).min(1),
    keepWords: z.array(z.string()).default([]),
  }),
  z.object({ ...base, kind: z.literal('pairs'), pairs: z.record(z.string().min(1), z.string()) }),
  z.object({
    ...base,
    kind: z.literal('builtin'),
    builtin: z.enum(Object.keys(BUILTINS) as [string, ...string[]]),
    exampleUnits: z.array(z.string()).default([]),
  }),
]);
const LexiconSchema = z.object({
  orgSuffixes: z.array(z.string()).min(1),
  titleTails: z.array(z.string()),
  roleLabels: z.array(z.string()),
  otherLabels: z.array(z.string()).default([]),
});
const GrammarSchema = z.object({ lexicon: LexiconSchema, rules: z.array(RuleSchema).min(1) });

/** One rule of the grammar as written. */
export type RuleSpec = z.infer<typeof RuleSchema>;

/** A compiled rule: runs over a raw text. */
export interface CompiledRule {
  id: string;
  spec: RuleSpec;
  run(raw: string, ctx: RuleContext): RuleOutput;
}

/** The loaded, checked grammar. */
export interface RepairGrammar {
  lexicon: Lexicon;
  rules: CompiledRule[];
}

/** Expands $& and $1…$9 in a replacement template. */
function expand(template: string, m: RegExpMatchArray): string {
  return template.replace(/\$([&1-9])/g, (_, k: string) => (k === '&' ? m[0] : (m[Number(k)] ?? '')));
}

/** Proposals of a regex rule: every match is replaced by the expanded template. */
function regexRule(id: string, pattern: string, replace: string): CompiledRule['run'] {
  const re = new RegExp(pattern, 'gmu');
  return (raw) => {
    const proposals: Proposal[] = [];
    for (const m of raw.matchAll(re)) {
      proposals.push({ start: m.index, end: m.index + m[0].length, text: expand(replace, m), ruleId: id });
    }
    return { proposals, diagnostics: [] };
  };
}

/** Proposals of a word rule: `wrong` becomes `right` where that makes one of `words` and none of `keepWords`. */
function wordRule(
  id: string,
  wrong: string,
  right: string,
  words: string[],
  keepWords: string[],
): CompiledRule['run'] {
  const fits = (raw: string, at: number, word: string, ch: string): boolean => {
    for (let j = word.indexOf(ch); j >= 0; j = word.indexOf(ch, j + 1)) {
      const start = at - j;
      if (start < 0) continue;
      const window = raw.slice(start, start + word.length);
      if (window.length === word.length && window.slice(0, j) + ch + window.slice(j + 1) === word)
        return true;
    }
    return false;
  };
  return (raw) => {
    const proposals: Proposal[] = [];
    for (let at = raw.indexOf(wrong); at >= 0; at = raw.indexOf(wrong, at + 1)) {
      if (keepWords.some((w) => fits(raw, at, w, wrong))) continue;
      if (words.some((w) => fits(raw, at, w, right))) {
        proposals.push({ start: at, end: at + 1, text: right, ruleId: id });
      }
    }
    return { proposals, diagnostics: [] };
  };
}

/**
 * A pattern with `{numerals}`, `{open}`, `{close}`, `{markerNoise}` … (the character classes of heading markers,
 * from grammars/structure.yaml) written out, so the marker literals stay in that one file.
 */
function withMarkerClasses(pattern: string): string {
  const classes = structureGrammar().classes as unknown as Record<string, string>;
  return pattern.replace(/\{([a-zA-Z0-9]+)\}/g, (all, name: string) => classes[name] ?? all);
}

/** Compiles one rule. */
function compile(spec: RuleSpec): CompiledRule {
  switch (spec.kind) {
    case 'regex':
      return { id: spec.id, spec, run: regexRule(spec.id, withMarkerClasses(spec.pattern), spec.replace) };
    case 'pairs': {
      const keys = Object.keys(spec.pairs).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const re = new RegExp(keys.join('|'), 'g');
      const run: CompiledRule['run'] = (raw) => ({
        proposals: [...raw.matchAll(re)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
          text: spec.pairs[m[0]]!,
          ruleId: spec.id,
        })),
        diagnostics: [],
      });
      return { id: spec.id, spec, run };
    }
    case 'word':
      return {
        id: spec.id,
        spec,
        run: wordRule(spec.id, spec.wrong, spec.right, spec.words, spec.keepWords),
      };
    case 'builtin': {
      const builtin = BUILTINS[spec.builtin]!;
      return { id: spec.id, spec, run: (raw, ctx) => builtin(raw, spec.id, ctx) };
    }
  }
}

/** Runs one rule alone on `text` (for its examples). */
function runAlone(rule: CompiledRule, text: string, lexicon: Lexicon): string {
  const units = rule.spec.kind === 'builtin' ? rule.spec.exampleUnits : [];
  const out = rule.run(text, { lexicon, knownUnits: new Set(units) });
  return applyProposals(text, out.proposals).text;
}

/** Checks every rule's examples; throws GrammarError naming the rule and the example that fails. */
export function checkExamples(file: string, grammar: RepairGrammar): void {
  for (const rule of grammar.rules) {
    for (const { from, to } of rule.spec.specs) {
      const got = runAlone(rule, from, grammar.lexicon);
      if (got !== to) {
        throw new GrammarError(
          file,
          `rule ${rule.id}: example ${JSON.stringify(from)} gave ${JSON.stringify(got)}, expected ${JSON.stringify(to)}`,
        );
      }
    }
    for (const text of rule.spec.keep) {
      const got = runAlone(rule, text, grammar.lexicon);
      if (got !== text) {
        throw new GrammarError(
          file,
          `rule ${rule.id}: ${JSON.stringify(text)} must stay unchanged, gave ${JSON.stringify(got)}`,
        );
      }
    }
  }
}

let loaded: RepairGrammar | undefined;

/** Loads, compiles and checks the repair grammar (once per process, or from `file` when given). */
export function loadRepairGrammar(file: string = REPAIR_GRAMMAR): RepairGrammar {
  if (file === REPAIR_GRAMMAR && loaded) return loaded;
  const data = loadGrammar(file, GrammarSchema);
  const grammar: RepairGrammar = { lexicon: data.lexicon, rules: data.rules.map(compile) };
  if (!examplesChecked(file)) checkExamples(file, grammar);
  if (file === REPAIR_GRAMMAR) loaded = grammar;
  return grammar;
}

registerGrammar(REPAIR_GRAMMAR, () => loadRepairGrammar());
