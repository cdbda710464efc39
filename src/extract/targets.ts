/**
 * Numeric target extraction (DESIGN.md, `target` nodes): "不高于97微克/立方米", "比2018年降低7%以上",
 * "50万千瓦左右", "不低于1:8", "建成100个", "退出后20位", "达到III类", and size thresholds inside rules
 * ("2000吨/日及以下"). Vocabulary and examples are data in grammars/targets.yaml.
 */
import { examplesChecked, GrammarError, registerGrammar } from '../grammars.js';
import { parseNumber, toHalfWidth } from './numbers.js';
import { nextQuantity, QUANTITY_GROUPS } from './quantity-scan.js';
import { compileTargets, TARGETS_FILE, type CompiledTargets, type TargetGrammar } from './target-grammar.js';
import {
  baselineBefore,
  clauseStart,
  isCjkAt,
  makeHit,
  type HitFields,
  type Scan,
  type TargetHit,
} from './target-hits.js';

export type { Comparator, TargetHit, TargetValue } from './target-hits.js';

const ROMAN: Readonly<Record<string, string>> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V' };
const ROMAN_BY_NUMBER = ['', 'I', 'II', 'III', 'IV', 'V'];

/** "Ⅲ" / "三" / "III" → "III". */
function romanClass(s: string): string {
  const n = parseNumber(s);
  return ROMAN[s] ?? (n === null ? s : (ROMAN_BY_NUMBER[n] ?? s));
}

/** Whether `text` holds one of the characters of `chars`. */
function includesAny(text: string, chars: string): boolean {
  for (let i = 0; i < chars.length; i++) if (text.includes(chars.charAt(i))) return true;
  return false;
}

/** Phase one: forms with their own pattern (ratios, classes, emission stages, ranks, word numerals). */
function specialForms(s: Scan): TargetHit[] {
  const { c, norm } = s;
  // A ratio holds a ratio separator and a class its class word: without them the patterns need not run.
  const ratios = includesAny(norm, c.g.ratioSeparators);
  const classes = norm.includes(c.g.classWord);
  c.anyLiteral.lastIndex = 0;
  const literal = c.anyLiteral.test(norm);
  if (!ratios && !classes && !literal) return [];
  const hits: TargetHit[] = [];
  const each = (re: RegExp | null, f: (m: RegExpExecArray) => TargetHit | undefined) => {
    if (re === null) return;
    re.lastIndex = 0;
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      const hit = f(m);
      if (hit) hits.push(hit);
    }
  };
  const end = (m: RegExpExecArray) => m.index + m[0].length;
  const nounAfter = (i: number) => isCjkAt(norm, i);
  each(ratios ? c.ratio : null, (m) => {
    const cmp = c.g.prefixes[m.groups?.pre ?? ''] ?? '=';
    const value = `${m.groups?.a}:${m.groups?.b}`;
    return makeHit(s, m.index, end(m), { comparator: cmp, value, unit: null, kind: 'target' });
  });
  each(classes ? c.klass : null, (m) => {
    const value = romanClass(m.groups?.cls ?? '');
    return makeHit(s, m.index, end(m), {
      comparator: 'meets_class',
      value,
      unit: c.g.classWord,
      kind: 'target',
    });
  });
  each(literal ? c.stage : null, (m) => {
    const cmp = c.g.suffixes[m.groups?.sfx ?? ''] ?? '=';
    const kind = nounAfter(end(m)) ? 'threshold' : 'target';
    return makeHit(s, m.index, end(m), { comparator: cmp, value: m.groups?.stage ?? '', unit: null, kind });
  });
  each(literal ? c.rank : null, (m) => {
    const value = parseNumber(m.groups?.num ?? '');
    if (value === null) return undefined;
    const start = clauseStart(s, m.index, 60);
    return makeHit(s, start, end(m), {
      comparator: 'not_in_last',
      value,
      unit: m.groups?.unit ?? null,
      kind: 'target',
    });
  });
  each(literal ? c.word : null, (m) => {
    const w = c.g.words.find((x) => x.word === m[0]);
    if (w === undefined) return undefined;
    const fields = { comparator: w.comparator, value: w.value, unit: w.unit, kind: 'target' as const };
    const baseline =
      w.comparator === 'increase_by' || w.comparator === 'reduce_by' ? baselineBefore(s, m.index) : undefined;
    return makeHit(s, m.index, end(m), baseline === undefined ? fields : { ...fields, baseline });
  });
  return hits;
}

/** The groups of a quantity match (QUANTITY_GROUPS) that decide its comparator. */
interface QuantityParts {
  chg: string | undefined;
  pre: string | undefined;
  num2: string | undefined;
  unit: string | undefined;
  sfx: string | undefined;
}

/** The comparator of a quantity match, or undefined when it is no target. */
function comparatorOf(
  s: Scan,
  m: RegExpExecArray,
  { chg, pre, num2, unit, sfx }: QuantityParts,
  numStart: number,
  continued: TargetHit | undefined,
) {
  const { g, countVerbs, clauseEnds } = s.c;
  if (chg !== undefined) return g.changes[chg];
  if (continued?.comparator === 'reduce_by' || continued?.comparator === 'increase_by')
    return continued.comparator;
  if (num2 !== undefined) return unit !== undefined ? 'range' : undefined;
  if (sfx !== undefined) return g.suffixes[sfx] === 'range' ? undefined : g.suffixes[sfx];
  if (pre !== undefined) return g.prefixes[pre];
  if (continued !== undefined) return continued.comparator;
  if (unit === undefined) return undefined;
  const end = m.index + m[0].length;
  const atClauseEnd =
    (end >= s.norm.length || clauseEnds.has(s.norm.charCodeAt(end))) && isCjkAt(s.norm, numStart - 1);
  return atClauseEnd || countVerbs.endsAt(s.norm, numStart) ? '=' : undefined;
}

/** Whether a match at `start` follows the hit `prev` right after a list separator (分别不低于90%、95%). */
function continuesList(g: TargetGrammar, norm: string, start: number, prev: TargetHit | undefined): boolean {
  return prev?.end === start - 1 && g.listSeparators.includes(norm[start - 1] as string);
}

/** The hits of phase two and, index for index, the suffix word each was read from. */
interface Quantities {
  hits: TargetHit[];
  suffixes: (string | undefined)[];
}

/** Phase two: number + unit + comparator words, skipping what phase one claimed. */
function quantities(s: Scan, claimed: TargetHit[]): Quantities {
  const { c, norm } = s;
  const { g, notUnits } = c;
  const found: Quantities = { hits: [], suffixes: [] };
  let k = 0;
  let prev: TargetHit | undefined;
  // A number alone is a target only as the next value of a list (分别不低于90%、95).
  const keepAlone = (at: number) => continuesList(g, norm, at, prev);
  for (
    let m = nextQuantity(c.quantity, norm, 0, keepAlone);
    m !== null;
    m = nextQuantity(c.quantity, norm, m.index + m[0].length, keepAlone)
  ) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < claimed.length && (claimed[k] as TargetHit).end <= start) k++;
    if (k < claimed.length && (claimed[k] as TargetHit).start < end) continue;
    const [lead, num] = [m[QUANTITY_GROUPS.lead] as string, m[QUANTITY_GROUPS.num] as string];
    const parts: QuantityParts = {
      chg: m[QUANTITY_GROUPS.chg],
      pre: m[QUANTITY_GROUPS.pre],
      num2: m[QUANTITY_GROUPS.num2],
      unit: m[QUANTITY_GROUPS.unit],
      sfx: m[QUANTITY_GROUPS.sfx],
    };
    const { chg, pre, num2, unit, sfx } = parts;
    const numStart = start + lead.length;
    // The tests that drop a match have no side effects: the cheap ones come first, numbers are parsed last.
    // A word of notUnits is no amount, except a duration after a comparator prefix (至少1个月).
    const noAmount =
      unit !== undefined && notUnits.has(unit) && !(pre !== undefined && c.durationUnits.has(unit));
    if (c.numberJoiners.has(norm.charCodeAt(numStart - 1)) || noAmount) continue;
    const listed = chg === undefined && pre === undefined && continuesList(g, norm, start, prev);
    const continued = listed ? prev : undefined;
    const comparator = comparatorOf(s, m, parts, numStart, continued);
    if (comparator === undefined || (unit === undefined && sfx === undefined && isCjkAt(norm, end))) continue;
    const u = unit ?? continued?.unit ?? null;
    if (u === null && comparator === '=') continue;
    const value = parseNumber(num);
    const value2 = num2 === undefined ? null : parseNumber(num2);
    if (value === null || (num2 !== undefined && value2 === null)) continue;
    const committed = pre !== undefined && g.targetPrefixes.includes(pre);
    const bounded = comparator === '<=' || comparator === '>=' || comparator === '<' || comparator === '>';
    const sized = !g.shareUnits.includes(u as string) && isCjkAt(norm, end);
    const threshold = !committed && (comparator === 'range' || (bounded && sized));
    const fields: HitFields = {
      comparator,
      value: comparator === 'range' ? [value, value2 as number] : value,
      unit: u,
      kind: threshold ? 'threshold' : 'target',
    };
    if (comparator === 'reduce_by' || comparator === 'increase_by') {
      const baseline = continued ? continued.baseline : baselineBefore(s, start);
      if (baseline !== undefined) fields.baseline = baseline;
    }
    prev = makeHit(s, start, end, fields, continued?.indicator);
    found.hits.push(prev);
    found.suffixes.push(sfx);
  }
  return found;
}

/** What tells two phase-two hits apart for applyComplements: suffix, value and unit. */
const complementKey = (sfx: string, h: TargetHit) => `${sfx}\n${String(h.value)}\n${h.unit ?? '\n'}`;

/** A bare 以下 next to 及以上 for the same value and unit is read strictly (and the other way round). */
function applyComplements(c: CompiledTargets, { hits, suffixes }: Quantities): void {
  const { g, complementWords } = c;
  // Only hits with a suffix that is some rule's complement (及以上) can change another.
  if (!suffixes.some((sfx) => sfx !== undefined && complementWords.has(sfx))) return;
  const present = new Set<string>();
  suffixes.forEach((sfx, i) => {
    if (sfx !== undefined && complementWords.has(sfx)) present.add(complementKey(sfx, hits[i] as TargetHit));
  });
  suffixes.forEach((sfx, i) => {
    const rule = sfx === undefined ? undefined : g.complements[sfx];
    const hit = hits[i] as TargetHit;
    if (rule !== undefined && present.has(complementKey(rule.with, hit))) hit.comparator = rule.comparator;
  });
}

function extractWith(c: CompiledTargets, text: string): TargetHit[] {
  const s: Scan = { c, text, norm: toHalfWidth(text) };
  const special = specialForms(s);
  special.sort((a, b) => a.start - b.start || b.end - a.end);
  const claimed: TargetHit[] = [];
  for (const hit of special)
    if (claimed.length === 0 || (claimed.at(-1) as TargetHit).end <= hit.start) claimed.push(hit);
  const found = quantities(s, claimed);
  applyComplements(c, found);
  // Phase two skips what phase one claimed, so no two hits start at the same index.
  if (claimed.length === 0) return found.hits;
  return [...claimed, ...found.hits].sort((a, b) => a.start - b.start);
}

/** Runs the grammar's specs and rejects; throws GrammarError on a mismatch. */
function checkSpecs(c: CompiledTargets): void {
  const key = (h: Pick<TargetHit, 'comparator' | 'value' | 'unit' | 'kind' | 'baseline'>) =>
    JSON.stringify([h.comparator, h.value, h.unit, h.kind, h.baseline ?? null]);
  for (const spec of c.g.specs) {
    const got = extractWith(c, spec.text).map(key);
    const want = spec.hits.map(key);
    if (got.join() !== want.join())
      throw new GrammarError(TARGETS_FILE, `"${spec.text}" gave ${got.join(' ')}`);
    const hits = extractWith(c, spec.text);
    spec.hits.forEach((h, i) => {
      const indicator = hits[i]?.indicator;
      if (h.indicator !== undefined && indicator !== h.indicator)
        throw new GrammarError(
          TARGETS_FILE,
          `"${spec.text}": hit ${i + 1} counts "${indicator}", not "${h.indicator}"`,
        );
    });
  }
  for (const text of c.g.rejects) {
    const got = extractWith(c, text);
    if (got.length > 0)
      throw new GrammarError(TARGETS_FILE, `reject "${text}" gave ${got.map(key).join(' ')}`);
  }
}

let compiled: CompiledTargets | undefined;

/**
 * Finds the numeric targets and thresholds in `text`, in text order. Values given in a list after one
 * comparator ("分别不低于90%、95%") become one hit each.
 */
export function extractTargets(text: string): TargetHit[] {
  return extractWith(targetGrammar(), text);
}

/** Loads, compiles and checks grammars/targets.yaml once per process. */
function targetGrammar(): CompiledTargets {
  if (compiled === undefined) {
    const c = compileTargets();
    if (!examplesChecked(TARGETS_FILE)) checkSpecs(c);
    compiled = c;
  }
  return compiled;
}

registerGrammar(TARGETS_FILE, targetGrammar);
