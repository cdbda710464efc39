/**
 * `diff(old, new)`: the PlanDiff of two NoticeGraphs (DESIGN.md, "The PlanDiff contract"). Plans and tasks are
 * aligned by content (./align.ts); each aligned pair is compared fact by fact (targets, deadlines, units by role)
 * and, when the wording changed beyond OCR noise, word by word.
 */
import type { NoticeGraph } from '../graph/schema.js';
import { alignPlans, alignTasks, taskSimilarity, type Pair, type PlanAlignment } from './align.js';
import { deadlineChanges, targetChanges } from './facts.js';
import {
  CHANGE_KINDS,
  DIFF_SCHEMA_VERSION,
  type Change,
  type Match,
  type OcrVariant,
  type Phrase,
  type PlanDiff,
  type WordOp,
} from './schema.js';
import { asOcrVariant, isOcrReading, planTexts, type PlanPair } from './ocr.js';
import { buildSide, type Holder, type Side } from './side.js';
import { maskParts, normalizeText } from './text.js';
import { findRenames, unitChanges, type Renames } from './units.js';
import { diffWords, isSubstantive, phrasesOf, sameUpToYearShift } from './wording.js';

export {
  ChangeSchema,
  CHANGE_KINDS,
  OcrVariantSchema,
  type OcrVariant,
  type Listed,
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

/** The target, deadline and unit changes between two holders, without their place. */
function facts(o: Holder, n: Holder, renames: Renames, renamed: Map<string, string[]>, newPath: string) {
  const masks = [...o.deadlines, ...n.deadlines].map((d) => normalizeText(d.text));
  const units = unitChanges(o, n, renames);
  for (const key of units.renamed)
    renamed.set(key, [...(renamed.get(key) ?? []), ...(newPath ? [newPath] : [])]);
  return [
    ...targetChanges(o.targets, n.targets, masks, o.named, n.named),
    ...deadlineChanges(o.deadlines, n.deadlines, o.year, n.year),
    ...units.changes,
  ];
}

function factChanges(plan: string, pair: Pair, renames: Renames, renamed: Map<string, string[]>): Change[] {
  const where = place(plan, pair, pair.score);
  return facts(pair.o, pair.n, renames, renamed, pair.n.path).map((c) => ({ ...where, ...c }) as Change);
}

/** Several holders as one: their facts together (for the parts of a split or a merge). */
function together(parts: Holder[]): Holder {
  const first = parts[0] as Holder;
  return {
    ...first,
    targets: parts.flatMap((p) => p.targets),
    named: parts.flatMap((p) => p.named),
    deadlines: parts.flatMap((p) => p.deadlines),
    units: parts.flatMap((p) => p.units),
  };
}

type FactOnly = ReturnType<typeof facts>[number];

/** Whether a part of a split (new side) or a merge (old side) holds the fact a change names on that side. */
function holds(part: Holder, c: FactOnly, side: 'old' | 'new'): boolean {
  const sameTarget = (t: FactOnly & { kind: 'target_changed' }) => (side === 'new' ? t.new : t.old);
  const dateOf = (d: { date: string | null; text: string }) => d.date ?? d.text;
  switch (c.kind) {
    case 'target_changed':
    case 'target_added':
    case 'target_removed': {
      const f = c.kind === 'target_changed' ? sameTarget(c) : c.target;
      return part.targets.some(
        (t) =>
          t.comparator === f.comparator &&
          JSON.stringify(t.value) === JSON.stringify(f.value) &&
          t.unit === f.unit,
      );
    }
    case 'deadline_changed':
      return part.deadlines.some((d) => dateOf(d) === (side === 'new' ? c.new : c.old));
    case 'deadline_added':
    case 'deadline_removed':
      return part.deadlines.some((d) => dateOf(d) === c.deadline);
    case 'unit_role_changed':
      return part.units.some(
        (u) => u.unit.name === c.unit && u.role === (side === 'new' ? c.newRole : c.oldRole),
      );
    default:
      return part.units.some((u) => u.unit.name === c.unit && u.role === c.role);
  }
}

/**
 * The facts that changed across a split (one old task, several new parts) or a merge (several old parts, one
 * new task): the whole against its parts taken together, so that parts dividing the old units between them
 * change nothing. The single task's path is always given; on the other side, the path of the part that holds
 * the fact (none when no part does: a fact lost in a split, gained in a merge).
 */
function groupChanges(
  plan: string,
  whole: Holder,
  parts: Holder[],
  kind: 'split' | 'merge',
  score: number,
  renames: Renames,
  renamed: Map<string, string[]>,
): Change[] {
  const all = together(parts);
  const [o, n] = kind === 'split' ? [whole, all] : [all, whole];
  const side = kind === 'split' ? 'new' : 'old';
  return facts(o, n, renames, renamed, kind === 'split' ? '' : whole.path).map((c) => {
    const part = parts.find((p) => holds(p, c, side))?.path;
    const paths =
      kind === 'split'
        ? { oldPath: whole.path, ...(part !== undefined ? { newPath: part } : {}) }
        : { ...(part !== undefined ? { oldPath: part } : {}), newPath: whole.path };
    return { plan, ...paths, confidence: round(score), ...c } as Change;
  });
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

/** The word diff of two holders' texts and its changed phrases in context (changes of facts left out). */
function wordingOf(o: Holder, n: Holder): { diff: WordOp[]; phrases: Phrase[] } {
  const diff = diffWords(o.plain, n.plain, sameUpToYearShift(yearShift(o, n)));
  const within = (text: string, parts: string[]) => text === '' || parts.some((p) => p.includes(text));
  const isFact = (old: string, neu: string) => within(old, o.plainParts) && within(neu, n.plainParts);
  return { diff, phrases: phrasesOf(diff, isFact) };
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
        ...wordingOf(pair.o, pair.n),
      });
    out.push(...factChanges(plan, pair, renames, renamed));
  }
  for (const s of a.splits)
    out.push(
      {
        kind: 'task_split',
        plan,
        oldPath: s.o.path,
        newPaths: s.ns.map((x) => x.path),
        confidence: round(s.score),
      },
      ...groupChanges(plan, s.o, s.ns, 'split', s.score, renames, renamed),
    );
  for (const m of a.merges)
    out.push(
      {
        kind: 'task_merged',
        plan,
        oldPaths: m.os.map((x) => x.path),
        newPath: m.n.path,
        confidence: round(m.score),
      },
      ...groupChanges(plan, m.n, m.os, 'merge', m.score, renames, renamed),
    );
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
  // Where a side is an OCR reading, differences its misreadings explain entirely are set aside (./ocr.ts).
  const sides = { old: isOcrReading(oldGraph), new: isOcrReading(newGraph) };
  const ocrVariants: OcrVariant[] = [];
  if (sides.old || sides.new) {
    const oldTexts = planTexts(
      oldGraph,
      plans.map((p) => p.o.id),
    );
    const newTexts = planTexts(
      newGraph,
      plans.map((p) => p.n.id),
    );
    const byPlan = new Map<string, PlanPair>(
      plans.map((p) => [
        p.n.id,
        { o: p.o, n: p.n, oldTexts: oldTexts.get(p.o.id) ?? [], newTexts: newTexts.get(p.n.id) ?? [] },
      ]),
    );
    const kept = changes.filter((c) => {
      const pair = byPlan.get(c.plan);
      const same = sameUpToYearShift(pair ? yearShift(pair.o.self, pair.n.self) : 0);
      const v = pair ? asOcrVariant(c, pair, sides, same) : null;
      if (v) ocrVariants.push(v);
      return !v;
    });
    changes.splice(0, changes.length, ...kept);
  }
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
    ...(sides.old || sides.new ? { ocrVariants } : {}),
    summary,
  };
}
