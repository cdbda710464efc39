/**
 * Alignment of two sides: plans by topic and title; tasks by content (an optimal one-to-one assignment on a
 * similarity of text, units and targets), then splits and merges among what is left; sections by title and by
 * where their tasks went.
 */
import { assignMax } from './assign.js';
import type { Holder, SidePlan } from './side.js';
import { bigrams, containment, dice, normalizeText, union } from './text.js';

/** A pair of aligned holders and how sure the alignment is (0..1). */
export interface Pair {
  o: Holder;
  n: Holder;
  score: number;
}

/** How the tasks and sections of two aligned plans correspond. */
export interface PlanAlignment {
  old: SidePlan;
  new: SidePlan;
  score: number;
  matches: Pair[];
  splits: { o: Holder; ns: Holder[]; score: number }[];
  merges: { os: Holder[]; n: Holder; score: number }[];
  added: Holder[];
  removed: Holder[];
  sections: Pair[];
}

/** Below this similarity two tasks are not the same task. */
export const MATCH_THRESHOLD = 0.4;
/** A part of a split or merge lies at least this much (bigrams) inside the whole. */
export const PART_CONTAINMENT = 0.6;
/** The parts of a split or merge together cover at least this much of the whole. */
export const WHOLE_COVERAGE = 0.7;
const SECTION_THRESHOLD = 0.35;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

/** Similarity of two tasks: mostly text (bigrams of the masked text), then shared units and shared targets. */
export function taskSimilarity(o: Holder, n: Holder): number {
  const text = dice(o.grams, n.grams);
  const units = o.unitKeys.size + n.unitKeys.size === 0 ? text : jaccard(o.unitKeys, n.unitKeys);
  const targets = o.targetKeys.size + n.targetKeys.size === 0 ? text : jaccard(o.targetKeys, n.targetKeys);
  return 0.75 * text + 0.15 * units + 0.1 * targets;
}

/** Aligns plans: the same topic, else the most similar titles (the year aside); one plan each always pairs. */
export function alignPlans(
  olds: SidePlan[],
  news: SidePlan[],
): { o: SidePlan; n: SidePlan; score: number }[] {
  const title = (p: SidePlan) => bigrams(normalizeText(p.title, p.year));
  const score = olds.map((o) =>
    news.map((n) => (o.topic !== null && o.topic === n.topic ? 1 : dice(title(o), title(n)))),
  );
  if (olds.length === 1 && news.length === 1)
    return [{ o: olds[0] as SidePlan, n: news[0] as SidePlan, score: score[0]?.[0] ?? 0 }];
  return assignMax(score, 0.3).map(([i, j]) => ({
    o: olds[i] as SidePlan,
    n: news[j] as SidePlan,
    score: score[i]?.[j] ?? 0,
  }));
}

/** Finds wholes that split into (or merged from) several parts: the whole's match plus unmatched parts. */
function groups(
  wholes: Holder[],
  freeParts: Set<Holder>,
  matchOf: Map<Holder, Holder>,
): { whole: Holder; parts: Holder[]; score: number }[] {
  const out: { whole: Holder; parts: Holder[]; score: number }[] = [];
  for (const whole of wholes) {
    const mate = matchOf.get(whole);
    const pool = [...freeParts, ...(mate ? [mate] : [])];
    const parts = pool
      .filter((p) => containment(p.grams, whole.grams) >= PART_CONTAINMENT)
      .sort((a, b) => a.order - b.order);
    if (parts.length < 2) continue;
    const coverage = containment(whole.grams, union(parts.map((p) => p.grams)));
    const alone = mate ? containment(whole.grams, mate.grams) : 0;
    if (coverage < WHOLE_COVERAGE || coverage - alone < 0.1) continue;
    for (const p of parts) freeParts.delete(p);
    out.push({ whole, parts, score: coverage });
  }
  return out;
}

function alignSections(o: SidePlan, n: SidePlan, matches: Pair[]): Pair[] {
  const votes = new Map<string, number>();
  for (const m of matches) {
    const key = `${m.o.section}\n${m.n.section}`;
    if (m.o.section && m.n.section) votes.set(key, (votes.get(key) ?? 0) + 1);
  }
  const sizes = new Map<string | null, number>();
  for (const t of [...o.tasks, ...n.tasks]) sizes.set(t.section, (sizes.get(t.section) ?? 0) + 1);
  const size = (s: Holder) => sizes.get(s.id) ?? 0;
  const score = o.sections.map((a) =>
    n.sections.map((b) => {
      const v = votes.get(`${a.id}\n${b.id}`) ?? 0;
      const share = v / Math.max(size(a), size(b), 1);
      return 0.6 * dice(a.grams, b.grams) + 0.4 * share;
    }),
  );
  return assignMax(score, SECTION_THRESHOLD).map(([i, j]) => ({
    o: o.sections[i] as Holder,
    n: n.sections[j] as Holder,
    score: score[i]?.[j] ?? 0,
  }));
}

/** Aligns the tasks and sections of two plans. */
export function alignTasks(o: SidePlan, n: SidePlan, score: number): PlanAlignment {
  const sim = o.tasks.map((a) => n.tasks.map((b) => taskSimilarity(a, b)));
  let matches: Pair[] = assignMax(sim, MATCH_THRESHOLD).map(([i, j]) => ({
    o: o.tasks[i] as Holder,
    n: n.tasks[j] as Holder,
    score: Math.min(1, sim[i]?.[j] ?? 0),
  }));
  const freeOld = new Set(o.tasks.filter((t) => !matches.some((m) => m.o === t)));
  const freeNew = new Set(n.tasks.filter((t) => !matches.some((m) => m.n === t)));
  const splits = groups(o.tasks, freeNew, new Map(matches.map((m) => [m.o, m.n]))).map((g) => ({
    o: g.whole,
    ns: g.parts,
    score: g.score,
  }));
  matches = matches.filter((m) => !splits.some((s) => s.o === m.o || s.ns.includes(m.n)));
  const merges = groups(n.tasks, freeOld, new Map(matches.map((m) => [m.n, m.o]))).map((g) => ({
    os: g.parts,
    n: g.whole,
    score: g.score,
  }));
  matches = matches.filter((m) => !merges.some((g) => g.n === m.n || g.os.includes(m.o)));
  for (const s of splits) freeOld.delete(s.o);
  for (const g of merges) freeNew.delete(g.n);
  return {
    old: o,
    new: n,
    score,
    matches,
    splits,
    merges,
    added: [...freeNew],
    removed: [...freeOld],
    sections: alignSections(o, n, matches),
  };
}
