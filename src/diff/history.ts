/**
 * The history of a plan over several editions (`gongwen diff A B C…`): consecutive editions are diffed, tasks are
 * followed from edition to edition through the matches, and each task's targets (by name), units (by role) and
 * changes are laid out per edition: a target's values 2019–2022, the edition where a unit joined or left.
 */
import * as z from 'zod';
import type { NoticeGraph } from '../graph/schema.js';
import { diff, type DiffOptions } from './index.js';
import { PlanDiffSchema, TargetFactSchema, ChangeSchema, type PlanDiff, type TargetFact } from './schema.js';
import { buildSide, type Holder } from './side.js';
import { maskParts, normalizeText } from './text.js';

/** One task (or a plan's own facts, path '') followed across the editions. */
export const ThreadSchema = z.object({
  plan: z.string(),
  /** Its path in each edition (null where it is absent). */
  paths: z.array(z.string().nullable()),
  /** Its text in the last edition it is in (the plan's title for the plan itself). */
  text: z.string(),
  /** Each target by name: its value in each edition (null where absent). */
  targets: z.array(z.object({ indicator: z.string(), values: z.array(TargetFactSchema.nullable()) })),
  /** Units that are not there in every edition the task is: in which editions they are, per role. */
  units: z.array(z.object({ unit: z.string(), role: z.string(), present: z.array(z.boolean()) })),
  /** The changes of each step (step k: edition k → k+1) that concern it. */
  changes: z.array(z.object({ step: z.number().int().nonnegative(), change: ChangeSchema })),
});
/** See `ThreadSchema`. */
export type Thread = z.infer<typeof ThreadSchema>;

/** The history of several editions. */
export const EditionHistorySchema = z.object({
  editions: z.array(
    z.object({ title: z.string(), date: z.string().optional(), year: z.number().int().nullable() }),
  ),
  /** The diff of each pair of consecutive editions. */
  steps: z.array(PlanDiffSchema),
  /** Every task or plan that changed, or is not in every edition. */
  threads: z.array(ThreadSchema),
});
/** See `EditionHistorySchema`. */
export type EditionHistory = z.infer<typeof EditionHistorySchema>;

interface Working {
  plan: string;
  holders: (Holder | null)[];
  changes: { step: number; change: PlanDiff['changes'][number] }[];
}

const fact = (h: Holder, i: number): TargetFact => {
  const t = h.targets[i]!;
  return {
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    ...(t.baseline !== undefined ? { baseline: t.baseline } : {}),
  };
};

/** The history of `graphs`, oldest first (at least two). */
export function history(graphs: readonly NoticeGraph[], options: DiffOptions = {}): EditionHistory {
  if (graphs.length < 2) throw new Error('a history needs at least two editions');
  const sides = graphs.map((g) => buildSide(g));
  const steps = graphs.slice(1).map((g, k) => diff(graphs[k]!, g, options));
  const n = graphs.length;
  const at: Map<string, Working>[] = graphs.map(() => new Map());
  const key = (plan: string, path: string) => `${plan}\n${path}`;
  const holderAt = (k: number, plan: string, path: string): Holder | null => {
    const p = sides[k]!.plans.find((x) => x.id === plan);
    if (!p) return null;
    return path === '' ? p.self : (p.tasks.find((t) => t.path === path) ?? null);
  };
  const all: Working[] = [];
  const open = (k: number, plan: string, path: string): Working => {
    const w: Working = { plan, holders: Array<Holder | null>(n).fill(null), changes: [] };
    w.holders[k] = holderAt(k, plan, path);
    at[k]!.set(key(plan, path), w);
    all.push(w);
    return w;
  };
  for (const p of sides[0]!.plans) for (const h of [p.self, ...p.tasks]) open(0, p.id, h.path);
  steps.forEach((step, k) => {
    const oldPlanOf = new Map(step.plans.map((p) => [p.new, p.old]));
    const follow = (oldPlan: string, oldPath: string, newPlan: string, newPath: string) => {
      const w = at[k]!.get(key(oldPlan, oldPath)) ?? open(k, oldPlan, oldPath);
      w.plan = newPlan;
      w.holders[k + 1] = holderAt(k + 1, newPlan, newPath);
      at[k + 1]!.set(key(newPlan, newPath), w);
    };
    for (const p of step.plans) follow(p.old, '', p.new, '');
    for (const m of step.matches) follow(oldPlanOf.get(m.plan) ?? m.plan, m.oldPath, m.plan, m.newPath);
    for (const p of sides[k + 1]!.plans)
      for (const h of [p.self, ...p.tasks]) if (!at[k + 1]!.has(key(p.id, h.path))) open(k + 1, p.id, h.path);
    for (const change of step.changes) {
      const newPath =
        change.kind === 'task_merged' || change.newPath !== undefined ? change.newPath : undefined;
      const w =
        (newPath !== undefined && change.kind !== 'task_removed'
          ? at[k + 1]!.get(key(change.plan, newPath))
          : undefined) ??
        (change.oldPath !== undefined
          ? at[k]!.get(key(oldPlanOf.get(change.plan) ?? change.plan, change.oldPath))
          : undefined) ??
        (change.kind === 'task_split' || change.kind === 'task_merged'
          ? undefined
          : at[k + 1]!.get(key(change.plan, '')));
      (
        w ?? at[k + 1]!.get(key(change.plan, change.kind === 'task_split' ? (change.newPaths[0] ?? '') : ''))
      )?.changes.push({ step: k, change });
    }
  });
  const threads = all
    .map((w) => toThread(w))
    .filter((t) => t.changes.length > 0 || t.paths.some((p) => p === null));
  return {
    editions: graphs.map((g, k) => ({
      title: g.document.title,
      ...(g.document.date !== undefined ? { date: g.document.date } : {}),
      year: sides[k]!.plans[0]?.year ?? null,
    })),
    steps,
    threads,
  };
}

function toThread(w: Working): Thread {
  const n = w.holders.length;
  const last = [...w.holders].reverse().find((h) => h !== null) ?? null;
  const targets = new Map<string, (TargetFact | null)[]>();
  const shown = new Map<string, string>();
  const units = new Map<string, boolean[]>();
  w.holders.forEach((h, k) => {
    if (!h) return;
    h.named.forEach((t, i) => {
      const name = maskParts(
        normalizeText(t.name, h.year),
        h.deadlines.map((d) => normalizeText(d.text, h.year)),
      );
      const values = targets.get(name) ?? Array<TargetFact | null>(n).fill(null);
      if (values[k] === null) values[k] = fact(h, i);
      targets.set(name, values);
      shown.set(name, t.name);
    });
    for (const u of h.units) {
      const id = `${u.unit.name}\n${u.role}`;
      const present = units.get(id) ?? Array<boolean>(n).fill(false);
      present[k] = true;
      units.set(id, present);
    }
  });
  const inTask = w.holders.map((h) => h !== null);
  return {
    plan: w.plan,
    paths: w.holders.map((h) => h?.path ?? null),
    text: last?.text ?? '',
    targets: [...targets].map(([name, values]) => ({ indicator: shown.get(name) ?? name, values })),
    units: [...units]
      .filter(([, present]) => present.some((p, k) => p !== inTask[k]))
      .map(([id, present]) => {
        const [unit, role] = id.split('\n') as [string, string];
        return { unit, role, present };
      }),
    changes: w.changes,
  };
}
