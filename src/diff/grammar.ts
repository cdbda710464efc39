/**
 * The diff grammar (grammars/diff.yaml): which way a target's change goes, per comparator and indicator.
 * Loading checks the grammar's examples.
 */
import * as z from 'zod';
import { COMPARATORS, TargetValueSchema } from '../graph/schema.js';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import type { TargetFact } from './schema.js';
import { structureGrammar } from '../parse/grammar.js';

/** The grammar file, relative to grammars/. */
export const DIFF_GRAMMAR_FILE = 'diff.yaml';

const Cmp = z.enum(COMPARATORS);
const Direction = z.enum(['tightened', 'loosened', 'changed']);
const GrammarSchema = z.object({
  comparators: z.record(Cmp, z.enum(['higher', 'lower', 'indicator', 'class', 'none'])),
  lowerIsBetter: z.array(z.string().min(1)),
  reversingWords: z.array(z.string().min(1)),
  classRanks: z.array(z.string().min(1)).min(2),
  strictness: z.partialRecord(Cmp, z.number().int().nonnegative()),
  leadingWords: z.array(z.string().min(1)),
  followStops: z.array(z.string().min(1)),
  names: z
    .array(
      z.object({
        indicator: z.string(),
        text: z.string().min(1),
        sentence: z.string().min(1),
        previous: z.string().optional(),
        name: z.string().min(1),
      }),
    )
    .min(1),
  specs: z
    .array(
      z.object({
        indicator: z.string(),
        old: z.tuple([Cmp, TargetValueSchema]),
        new: z.tuple([Cmp, TargetValueSchema]),
        direction: Direction,
      }),
    )
    .min(1),
});
type DiffGrammar = z.infer<typeof GrammarSchema>;

/** How a changed target moved. */
export type TargetDirection = z.infer<typeof Direction>;

let checked: DiffGrammar | null = null;

function grammar(): DiffGrammar {
  if (checked) return checked;
  const g = loadGrammar(DIFF_GRAMMAR_FILE, GrammarSchema);
  if (!examplesChecked(DIFF_GRAMMAR_FILE)) checkSpecs(g);
  checked = g;
  return g;
}

registerGrammar(DIFF_GRAMMAR_FILE, grammar);

/** Checks the grammar's specs: each pair of targets moves the way the spec says; each name is found. */
function checkSpecs(g: DiffGrammar): void {
  for (const ex of g.names) {
    const got = nameWith(g, ex.indicator, ex.text, ex.sentence, ex.previous ?? '');
    if (got !== ex.name)
      throw new GrammarError(
        DIFF_GRAMMAR_FILE,
        `name of ${ex.indicator} ${ex.text}: ${got}, expected ${ex.name}`,
      );
  }
  for (const spec of g.specs) {
    const old = { comparator: spec.old[0], value: spec.old[1], unit: null };
    const neu = { comparator: spec.new[0], value: spec.new[1], unit: null };
    const got = directionWith(g, spec.indicator, old, neu);
    if (got !== spec.direction)
      throw new GrammarError(
        DIFF_GRAMMAR_FILE,
        `spec ${spec.indicator} ${spec.old.join(' ')} → ${spec.new.join(' ')}: ${got}, expected ${spec.direction}`,
      );
  }
}

/** The rank of a class name such as "III" or "III类" (null when it is none of the grammar's classes). */
function classRank(g: DiffGrammar, value: TargetFact['value']): number | null {
  if (typeof value !== 'string') return null;
  const i = g.classRanks.indexOf(value.normalize('NFKC').replace(/类$/, ''));
  return i < 0 ? null : i;
}

/** Which way is better for a target's indicator on its comparator's scale: up, down, or neither. */
function betterSide(g: DiffGrammar, cmp: TargetFact['comparator'], context: string): 'up' | 'down' | null {
  const rule = g.comparators[cmp] ?? 'none';
  if (rule === 'higher') return 'up';
  if (rule === 'lower') return 'down';
  if (rule === 'indicator') return g.lowerIsBetter.some((w) => context.includes(w)) ? 'down' : 'up';
  return null;
}

/** Comparators that share a scale: bounds, amounts and soft figures (see `strictness` in diff.yaml). */
const onScale = (g: DiffGrammar, cmp: TargetFact['comparator']) => g.strictness[cmp] !== undefined;

function directionWith(g: DiffGrammar, context: string, old: TargetFact, neu: TargetFact): TargetDirection {
  if (old.unit !== neu.unit || old.baseline !== neu.baseline) return 'changed';
  const reversed =
    onScale(g, old.comparator) &&
    onScale(g, neu.comparator) &&
    g.reversingWords.some((w) => context.includes(w));
  const flip = (d: TargetDirection): TargetDirection =>
    !reversed || d === 'changed' ? d : d === 'tightened' ? 'loosened' : 'tightened';
  if (old.comparator !== neu.comparator) {
    if (!onScale(g, old.comparator) || !onScale(g, neu.comparator)) return 'changed';
    if (typeof old.value !== 'number' || typeof neu.value !== 'number') return 'changed';
    const a = betterSide(g, old.comparator, context);
    const b = betterSide(g, neu.comparator, context);
    if (a === null || a !== b) return 'changed';
    const up = a === 'up' ? 1 : -1;
    const byValue = Math.sign((neu.value - old.value) * up);
    const ra = g.strictness[old.comparator] ?? 0;
    const rb = g.strictness[neu.comparator] ?? 0;
    const byStrictness = Math.sign(rb - ra);
    // a value that moves decides (< 97 is looser than <= 95), except against a soft figure becoming a bound or
    // the reverse (approx 53 → >= 50): no direction then
    const soft = Math.min(ra, rb) === 0;
    const way =
      byValue === 0 ? byStrictness : byStrictness !== 0 && byStrictness !== byValue && soft ? 0 : byValue;
    return flip(way > 0 ? 'tightened' : way < 0 ? 'loosened' : 'changed');
  }
  const rule = g.comparators[old.comparator] ?? 'none';
  if (rule === 'class') {
    const a = classRank(g, old.value);
    const b = classRank(g, neu.value);
    if (a === null || b === null || a === b) return 'changed';
    return b < a ? 'tightened' : 'loosened';
  }
  if (rule === 'none' || typeof old.value !== 'number' || typeof neu.value !== 'number') return 'changed';
  if (old.value === neu.value) return 'changed';
  const side = betterSide(g, old.comparator, context);
  const delta = (neu.value > old.value ? 1 : -1) * (side === 'down' ? -1 : 1);
  return flip(delta > 0 ? 'tightened' : 'loosened');
}

/** Where a clause ends. */
export const CLAUSE_END = /[,，;；。:：!！?？\n]/u;
const QUOTES = /[“”"‘’'《》「」]/gu;

/** Strips leading non-naming words (and quotes, item numbers) from a name. */
function stripLeading(g: DiffGrammar, text: string): string {
  let s = text.replace(structureGrammar().itemNumber, '').replace(QUOTES, '');
  for (let again = true; again;) {
    again = false;
    for (const w of g.leadingWords)
      if (s.startsWith(w) && s.length > w.length) {
        s = s.slice(w.length);
        again = true;
      }
  }
  return g.leadingWords.includes(s) ? '' : s;
}

function nameWith(
  g: DiffGrammar,
  indicator: string,
  text: string,
  sentence: string,
  previous: string,
): string {
  const at = sentence.indexOf(text);
  let after = at < 0 ? '' : sentence.slice(at + text.length);
  const end = after.search(CLAUSE_END);
  if (end >= 0) after = after.slice(0, end);
  for (const w of g.followStops) {
    const k = after.indexOf(w);
    if (k >= 0) after = after.slice(0, k);
  }
  after = after.replace(QUOTES, '');
  if (!/^[\p{L}]/u.test(after)) after = '';
  const head = stripLeading(g, indicator.normalize('NFKC').replace(/\s+/g, ''));
  if (!head) after = stripLeading(g, after.replace(/^的/, ''));
  const name = head + after;
  return name || previous;
}

/**
 * The name of what a target counts or measures, for a planner: the extractor's indicator without leading verbs
 * and scope words, followed by the noun the number counts ("建成13个绿色矿山" → 绿色矿山); else `previous` (the
 * name of the target before it in the same sentence). Empty when nothing names it.
 */
export function indicatorName(indicator: string, text: string, sentence: string, previous = ''): string {
  return nameWith(grammar(), indicator, text, sentence, previous);
}

/** Whether the change of a target from `old` to `neu` tightens it, loosens it, or neither can be said. */
export function targetDirection(context: string, old: TargetFact, neu: TargetFact): TargetDirection {
  return directionWith(grammar(), context, old, neu);
}
