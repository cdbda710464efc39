/**
 * `diff(old, new)`: the PlanDiff of two NoticeGraphs (DESIGN.md, "The PlanDiff contract"). Plans and tasks are
 * aligned by content (./align.ts); each aligned pair is compared fact by fact (targets, deadlines, units by role)
 * and, when the wording changed beyond OCR noise, word by word.
 */
import type { NoticeGraph } from '../graph/schema.js';
import { alignPlans, alignTasks, taskSimilarity, type Pair, type PlanAlignment } from './align.js';
import { deadlineChanges, targetChanges } from './facts.js';
import { CHANGE_KINDS, DIFF_SCHEMA_VERSION, type Change, type Match, type PlanDiff } from './schema.js';
import { buildSide, type Holder, type Side } from './side.js';
import { maskParts, normalizeText } from './text.js';
import { findRenames, unitChanges, type Renames } from './units.js';
import { diffWords, isSubstantive, sameUpToYearShift } from './wording.js';

export {
  ChangeSchema,
  CHANGE_KINDS,
  PlanDiffSchema,
  planDiffJsonSchema,
  type Change,
  type ChangeKind,
  type PlanDiff,
} from './schema.js';

/** Options of `diff`. */
export interface DiffOptions {
  /** Extra unit gazetteer files (as `convert --units`), for renamings the shipped gazetteer lacks. */
  units?: string[];
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/** The place of a change: the plan and the paths of the pair it concerns (none for the plan itself). */
function place(plan: string, pair: Pair, confidence: number) {
  return {
    plan,
    ...(pair.o.kind !== 'plan' ? { oldPath: pair.o.path, newPath: pair.n.path } : {}),
    confidence: round(confidence),
  };
}

function factChanges(plan: string, pair: Pair, renames: Renames, renamed: Map<string, string[]>): Change[] {
  const where = place(plan, pair, pair.score);
  const masks = [...pair.o.deadlines, ...pair.n.deadlines].map((d) => normalizeText(d.text));
  const units = unitChanges(pair.o, pair.n, renames);
  for (const key of units.renamed)
    renamed.set(key, [...(renamed.get(key) ?? []), ...(pair.n.path ? [pair.n.path] : [])]);
  return [
    ...targetChanges(pair.o.targets, pair.n.targets, masks, pair.o.named, pair.n.named),
    ...deadlineChanges(pair.o.deadlines, pair.n.deadlines, pair.o.year, pair.n.year),
    ...units.changes,
  ].map((c) => ({ ...where, ...c }) as Change);
}

/** The year shift between two holders' plans (0 when a year is unknown). */
const yearShift = (o: Holder, n: Holder) => (o.year !== null && n.year !== null ? n.year - o.year : 0);

/**
 * Whether two texts differ beyond their facts (compared as such), OCR noise and the year shift of a new edition
 * ("2020年" → "2021年", a cited 《河南省2020年…方案》 → 《河南省2021年…方案》).
 */
function substantiveWording(o: Holder, n: Holder): boolean {
  if (o.norm === n.norm) return false;
  const parts = [...o.plainParts, ...n.plainParts];
  const a = maskParts(o.plain, parts);
  const b = maskParts(n.plain, parts);
  return a !== b && isSubstantive(diffWords(a, b, sameUpToYearShift(yearShift(o, n))));
}

function taskChanges(a: PlanAlignment, renames: Renames, renamed: Map<string, string[]>): Change[] {
  const plan = a.new.id;
  const sectionMap = new Map<string | null, string | null>(a.sections.map((p) => [p.o.id, p.n.id]));
  sectionMap.set(null, null);
  const out: Change[] = [];
  for (const pair of a.matches) {
    const where = place(plan, pair, pair.score);
    if (sectionMap.get(pair.o.section) !== pair.n.section) out.push({ ...where, kind: 'task_moved' });
    if (substantiveWording(pair.o, pair.n))
      out.push({
        ...where,
        kind: 'wording_changed',
        diff: diffWords(pair.o.plain, pair.n.plain, sameUpToYearShift(yearShift(pair.o, pair.n))),
      });
    out.push(...factChanges(plan, pair, renames, renamed));
  }
  for (const s of a.splits)
    out.push({
      kind: 'task_split',
      plan,
      oldPath: s.o.path,
      newPaths: s.ns.map((x) => x.path),
      confidence: round(s.score),
    });
  for (const m of a.merges)
    out.push({
      kind: 'task_merged',
      plan,
      oldPaths: m.os.map((x) => x.path),
      newPath: m.n.path,
      confidence: round(m.score),
    });
  const best = (h: Holder, others: Holder[]) => Math.max(0, ...others.map((x) => taskSimilarity(h, x)));
  for (const h of a.added)
    out.push({ kind: 'task_added', plan, newPath: h.path, confidence: round(1 - best(h, a.old.tasks)) });
  for (const h of a.removed)
    out.push({
      kind: 'task_removed',
      plan: a.old.id,
      oldPath: h.path,
      confidence: round(1 - best(h, a.new.tasks)),
    });
  return out;
}

function oneSided(side: Side, aligned: Set<string>, kind: 'task_added' | 'task_removed'): Change[] {
  return side.plans
    .filter((p) => !aligned.has(p.id))
    .flatMap((p) =>
      p.tasks.map(
        (t) =>
          ({
            kind,
            plan: p.id,
            ...(kind === 'task_added' ? { newPath: t.path } : { oldPath: t.path }),
            confidence: 1,
          }) as Change,
      ),
    );
}

/** The diff of two NoticeGraphs: task matches and substantive changes, with counts per kind. */
export function diff(oldGraph: NoticeGraph, newGraph: NoticeGraph, options: DiffOptions = {}): PlanDiff {
  const renames = findRenames(oldGraph, newGraph, options.units);
  const oldSide = buildSide(oldGraph, (k) => renames.get(k)?.newKey ?? k);
  const newSide = buildSide(newGraph);
  const plans = alignPlans(oldSide.plans, newSide.plans);
  const matches: Match[] = [];
  const changes: Change[] = [];
  for (const { o, n, score } of plans) {
    const a = alignTasks(o, n, score);
    const renamed = new Map<string, string[]>();
    changes.push(...factChanges(n.id, { o: o.self, n: n.self, score }, renames, renamed));
    for (const s of a.sections) changes.push(...factChanges(n.id, s, renames, renamed));
    changes.push(...taskChanges(a, renames, renamed));
    for (const m of a.matches)
      matches.push({ plan: n.id, oldPath: m.o.path, newPath: m.n.path, score: round(m.score) });
    for (const [key, paths] of renamed) {
      const r = [...renames.values()].find((x) => x.newKey === key);
      if (r)
        changes.push({
          kind: 'unit_renamed',
          plan: n.id,
          oldName: r.oldName,
          newName: r.newName,
          paths: [...new Set(paths)],
          confidence: 1,
        });
    }
  }
  changes.push(
    ...oneSided(newSide, new Set(plans.map((p) => p.n.id)), 'task_added'),
    ...oneSided(oldSide, new Set(plans.map((p) => p.o.id)), 'task_removed'),
  );
  const shifts = plans.filter((p) => p.o.year !== null && p.n.year !== null && p.o.year !== p.n.year);
  const shift = shifts[0];
  const summary: PlanDiff['summary'] = {};
  for (const kind of CHANGE_KINDS) {
    const count = changes.filter((c) => c.kind === kind).length;
    if (count > 0) summary[kind] = count;
  }
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: { source: oldGraph.source, document: oldGraph.document },
    new: { source: newGraph.source, document: newGraph.document },
    plans: plans.map((p) => ({ old: p.o.id, new: p.n.id, score: round(p.score) })),
    matches,
    ...(shift ? { yearShift: { old: shift.o.year as number, new: shift.n.year as number } } : {}),
    changes,
    summary,
  };
}
