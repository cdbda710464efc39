/**
 * Target and deadline changes between two aligned holders (plans, sections or tasks): targets paired by
 * indicator, unit and comparator; deadlines compared within each plan's year.
 */
import type { DeadlineNode, TargetNode } from '../graph/schema.js';
import type { Change, TargetFact } from './schema.js';
import type { NamedTarget } from './side.js';
import { targetDirection } from './grammar.js';
import { bigrams, dice, normalizeText, stripItemNumber } from './text.js';

type FactKind =
  | 'target_changed'
  | 'target_added'
  | 'target_removed'
  | 'deadline_changed'
  | 'deadline_added'
  | 'deadline_removed';
type Omitted = 'plan' | 'oldPath' | 'newPath' | 'confidence';
type Fact = Extract<Change, { kind: FactKind }>;
/** A target or deadline change without its place. */
export type FactChange = Fact extends infer C ? (C extends Fact ? Omit<C, Omitted> : never) : never;

/** Indicators this similar (character bigrams, digits and dates aside) name the same thing. */
const SAME_INDICATOR = 0.5;

const fact = (t: TargetNode): TargetFact => ({
  comparator: t.comparator,
  value: t.value,
  unit: t.unit,
  ...(t.baseline !== undefined ? { baseline: t.baseline } : {}),
});
const sameFact = (a: TargetFact, b: TargetFact) => JSON.stringify(a) === JSON.stringify(b);
const masked = (text: string, masks: string[]) => {
  let s = stripItemNumber(normalizeText(text));
  for (const m of masks) s = s.replaceAll(m, '');
  return s;
};
const indicatorGrams = (t: TargetNode, masks: string[]) =>
  bigrams(masked(t.indicator, masks).replace(/[0-9.]+/g, ''));
/** A target's name with the deadlines of its holder taken out ("中牟县10月底前实现…" → "中牟县实现…"). */
const shownName = (n: NamedTarget, masks: string[]) => masked(n.name, masks) || n.name;

/**
 * Changes of targets: equal facts on similar indicators are kept; the rest paired by similarity (a pair whose facts
 * are equal is no change, whatever its indicators).
 */
export function targetChanges(
  olds: readonly TargetNode[],
  news: readonly TargetNode[],
  masks: string[] = [],
  oldNames: readonly NamedTarget[] = [],
  newNames: readonly NamedTarget[] = [],
): FactChange[] {
  const named = (t: TargetNode, names: readonly NamedTarget[], i: number): NamedTarget =>
    names[i] ?? { name: t.indicator, context: t.indicator };
  const og = olds.map((t) => indicatorGrams(t, masks));
  const ng = news.map((t) => indicatorGrams(t, masks));
  const sim = (i: number, j: number) => {
    const a = og[i] as Set<string>;
    const b = ng[j] as Set<string>;
    return a.size === 0 && b.size === 0 ? 1 : dice(a, b);
  };
  const freeOld = new Set(olds.map((_, i) => i));
  const freeNew = new Set(news.map((_, j) => j));
  // unchanged: the same fact on a similar indicator, in order
  for (const i of [...freeOld])
    for (const j of freeNew)
      if (sameFact(fact(olds[i] as TargetNode), fact(news[j] as TargetNode)) && sim(i, j) >= SAME_INDICATOR) {
        freeOld.delete(i);
        freeNew.delete(j);
        break;
      }
  const candidates: { i: number; j: number; score: number }[] = [];
  for (const i of freeOld)
    for (const j of freeNew) {
      const a = olds[i] as TargetNode;
      const b = news[j] as TargetNode;
      const sameUnit = a.unit === b.unit;
      const sameCmp = a.comparator === b.comparator;
      const s = sim(i, j);
      if (s >= SAME_INDICATOR || (sameUnit && sameCmp))
        candidates.push({ i, j, score: s + +sameUnit + +sameCmp / 2 });
    }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const out: FactChange[] = [];
  for (const { i, j } of candidates) {
    if (!freeOld.has(i) || !freeNew.has(j)) continue;
    freeOld.delete(i);
    freeNew.delete(j);
    const a = olds[i] as TargetNode;
    const b = news[j] as TargetNode;
    // The same fact in the same holder, named otherwise (a reworded or damaged indicator): no target changed; the
    // wording, if it changed, is the holder's change.
    if (sameFact(fact(a), fact(b))) continue;
    const na = named(a, oldNames, i);
    const nb = named(b, newNames, j);
    const indicator = shownName(nb.name ? nb : na, masks);
    const direction = targetDirection(`${na.context}\n${nb.context}`, fact(a), fact(b));
    out.push({ kind: 'target_changed', indicator, old: fact(a), new: fact(b), direction });
  }
  for (const i of freeOld) {
    const t = olds[i] as TargetNode;
    out.push({ kind: 'target_removed', indicator: shownName(named(t, oldNames, i), masks), target: fact(t) });
  }
  for (const j of freeNew) {
    const t = news[j] as TargetNode;
    out.push({ kind: 'target_added', indicator: shownName(named(t, newNames, j), masks), target: fact(t) });
  }
  return out;
}

/** A deadline as compared: the date itself, and its place within its plan's year (null for other years). */
function when(d: DeadlineNode, year: number | null): { label: string; inYear: string | null } {
  if (d.date === null) return { label: normalizeText(d.text), inYear: null };
  const inYear = year !== null && d.date.startsWith(`${year}-`) ? d.date.slice(5) : null;
  return { label: d.date, inYear };
}

/**
 * Changes of deadlines. Two deadlines are the same when their dates are equal or fall on the same month and
 * day of each plan's year ("10月底前" in 2020 and in 2021); the remaining dated ones pair in order.
 */
export function deadlineChanges(
  olds: readonly DeadlineNode[],
  news: readonly DeadlineNode[],
  oldYear: number | null,
  newYear: number | null,
): FactChange[] {
  const a = olds.map((d) => when(d, oldYear));
  const b = news.map((d) => when(d, newYear));
  const freeNew = new Set(b.map((_, j) => j));
  const leftOld: number[] = [];
  a.forEach((x, i) => {
    const j = [...freeNew].find((k) => {
      const y = b[k] as (typeof b)[number];
      return y.label === x.label || (x.inYear !== null && x.inYear === y.inYear);
    });
    if (j === undefined) leftOld.push(i);
    else freeNew.delete(j);
  });
  const out: FactChange[] = [];
  const datedNew = [...freeNew].filter((j) => news[j]?.date !== null);
  for (const i of leftOld) {
    const o = olds[i] as DeadlineNode;
    const j = o.date !== null ? datedNew.shift() : undefined;
    if (j === undefined) {
      out.push({ kind: 'deadline_removed', deadline: o.date ?? o.text });
      continue;
    }
    freeNew.delete(j);
    const n = news[j] as DeadlineNode;
    const x = a[i] as (typeof a)[number];
    const y = b[j] as (typeof b)[number];
    const later =
      x.inYear !== null && y.inYear !== null ? y.inYear > x.inYear : (n.date as string) > (o.date as string);
    out.push({
      kind: 'deadline_changed',
      old: o.date as string,
      new: n.date as string,
      direction: later ? 'later' : 'earlier',
    });
  }
  for (const j of freeNew) {
    const n = news[j] as DeadlineNode;
    out.push({ kind: 'deadline_added', deadline: n.date ?? n.text });
  }
  return out;
}
