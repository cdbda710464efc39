/**
 * Scoring of a diff against a fixture's list of known edits: a reported change counts when its kind, plan and
 * paths equal an expected one's and every other field the expected one gives agrees (objects compared on the
 * fields given). Each expected change is matched at most once.
 */
import * as z from 'zod';
import type { Change } from './schema.js';

/** An expected change: `kind` and `plan`, the paths, and any fields of the Change worth checking. */
export const ExpectedChangeSchema = z
  .object({
    kind: z.string(),
    plan: z.string(),
    oldPath: z.string().optional(),
    newPath: z.string().optional(),
  })
  .loose();
/** See `ExpectedChangeSchema`. */
export type ExpectedChange = z.infer<typeof ExpectedChangeSchema>;

/** A fixture pair: the two inputs (relative to the package root), extra gazetteer files and the known edits. */
export const DiffFixtureSchema = z.object({
  description: z.string(),
  old: z.string(),
  new: z.string(),
  units: z.array(z.string()).default([]),
  /** Tasks only renumbered: they must be matches and carry no change. */
  renumbered: z.array(z.object({ plan: z.string(), oldPath: z.string(), newPath: z.string() })).default([]),
  changes: z.array(ExpectedChangeSchema),
});
/** See `DiffFixtureSchema`. */
export type DiffFixture = z.infer<typeof DiffFixtureSchema>;

/** Whether `got` agrees with `want` on every field `want` gives (arrays element by element). */
function agrees(want: unknown, got: unknown): boolean {
  if (Array.isArray(want))
    return Array.isArray(got) && got.length === want.length && want.every((w, i) => agrees(w, got[i]));
  if (want !== null && typeof want === 'object')
    return (
      got !== null &&
      typeof got === 'object' &&
      Object.entries(want).every(([k, v]) => agrees(v, (got as Record<string, unknown>)[k]))
    );
  return want === got;
}

/** Whether a reported change is the expected one. */
export function sameChange(want: ExpectedChange, got: Change): boolean {
  return (
    want.kind === got.kind &&
    want.plan === got.plan &&
    want.oldPath === got.oldPath &&
    want.newPath === got.newPath &&
    agrees(want, got)
  );
}

/** Precision and recall of reported changes, with what was missed and what was reported in excess. */
export interface ChangeScore {
  precision: number;
  recall: number;
  missed: ExpectedChange[];
  extra: Change[];
}

/** Scores reported changes against expected ones. */
export function scoreChanges(reported: readonly Change[], expected: readonly ExpectedChange[]): ChangeScore {
  const left = [...expected];
  const extra: Change[] = [];
  for (const got of reported) {
    const i = left.findIndex((want) => sameChange(want, got));
    if (i < 0) extra.push(got);
    else left.splice(i, 1);
  }
  const hits = reported.length - extra.length;
  return {
    precision: reported.length === 0 ? 1 : hits / reported.length,
    recall: expected.length === 0 ? 1 : hits / expected.length,
    missed: left,
    extra,
  };
}
