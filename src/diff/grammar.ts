/**
 * The diff grammar (grammars/diff.yaml): which way a target's change goes, per comparator and indicator.
 * Loading checks the grammar's examples.
 */
import * as z from 'zod';
import { COMPARATORS, TargetValueSchema } from '../graph/schema.js';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import type { TargetFact } from './schema.js';

/** The grammar file, relative to grammars/. */
export const DIFF_GRAMMAR_FILE = 'diff.yaml';

const Cmp = z.enum(COMPARATORS);
const Direction = z.enum(['tightened', 'loosened', 'changed']);
const GrammarSchema = z.object({
  comparators: z.record(Cmp, z.enum(['higher', 'lower', 'indicator', 'class', 'none'])),
  lowerIsBetter: z.array(z.string().min(1)),
  reversingWords: z.array(z.string().min(1)),
  classRanks: z.array(z.string().min(1)).min(2),
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

/** Checks the grammar's specs: each pair of targets moves the way the spec says. */
function checkSpecs(g: DiffGrammar): void {
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

function directionWith(g: DiffGrammar, indicator: string, old: TargetFact, neu: TargetFact): TargetDirection {
  if (old.comparator !== neu.comparator || old.unit !== neu.unit || old.baseline !== neu.baseline)
    return 'changed';
  const rule = g.comparators[old.comparator] ?? 'none';
  if (rule === 'class') {
    const a = classRank(g, old.value);
    const b = classRank(g, neu.value);
    if (a === null || b === null || a === b) return 'changed';
    return b < a ? 'tightened' : 'loosened';
  }
  if (rule === 'none' || typeof old.value !== 'number' || typeof neu.value !== 'number') return 'changed';
  if (old.value === neu.value) return 'changed';
  let delta = neu.value > old.value ? 1 : -1;
  const lowerBetter =
    rule === 'lower' || (rule === 'indicator' && g.lowerIsBetter.some((w) => indicator.includes(w)));
  if (lowerBetter) delta = -delta;
  if (g.reversingWords.some((w) => indicator.includes(w))) delta = -delta;
  return delta > 0 ? 'tightened' : 'loosened';
}

/** Whether the change of a target from `old` to `neu` tightens it, loosens it, or neither can be said. */
export function targetDirection(indicator: string, old: TargetFact, neu: TargetFact): TargetDirection {
  return directionWith(grammar(), indicator, old, neu);
}
