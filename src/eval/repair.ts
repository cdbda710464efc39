/**
 * Scoring of the repair stage (DESIGN.md, "How the seed's gold maps onto the graph"): recall and precision of
 * edits against gold OCR repairs, and the character error rate used on the (clean, OCR'd) pairs.
 */
import type { Repair } from '../graph/schema.js';

/** One gold OCR repair: `raw` as in the source, `fixed` its repair, `context` raw plus a few characters around. */
export interface GoldRepair {
  raw: string;
  fixed: string;
  context?: string;
  kind?: string;
}

/** Scores of a repaired text against gold repairs. */
export interface RepairScore {
  recall: number;
  precision: number;
  /** Gold repairs done. */
  tp: number;
  /** Edits that touch no gold repair. */
  fp: number;
  /** Gold repairs not done. */
  fn: number;
  /** Edits that touch some gold repair. */
  correctEdits: number;
  /** The gold repairs not done, for reports. */
  missed: GoldRepair[];
  /** The edits that touch no gold repair, for reports. */
  spurious: Repair[];
}

/** Normalises whitespace: a run holding a line break becomes one "\n", any other run one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '));
}

/** Occurrences of `needle` in `haystack` (may overlap). */
function count(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** Raw ranges of a gold repair: every place its `context` occurs (falling back to `raw`), narrowed to `raw`. */
function locate(raw: string, gold: GoldRepair): [number, number][] {
  const ranges: [number, number][] = [];
  const probe = gold.context && gold.context.includes(gold.raw) ? gold.context : gold.raw;
  const offset = probe.indexOf(gold.raw);
  for (let at = raw.indexOf(probe); at >= 0; at = raw.indexOf(probe, at + 1)) {
    ranges.push([at + offset, at + offset + gold.raw.length]);
  }
  return ranges;
}

/**
 * Scores `edits` (raw offsets) that turned `raw` into `repaired` against `gold`.
 * Recall: a gold repair counts as done when its `raw` form occurs fewer times in the repaired text than in the
 * input, both with whitespace normalised (DESIGN.md). Precision: an edit counts as correct when its raw range
 * overlaps (or, for a pure insertion, touches) the raw range of some gold repair, located through its `context`
 * (every occurrence of it), falling back to `raw`; precision = correct edits / edits (1 when there are none).
 */
export function scoreRepairs(
  raw: string,
  repaired: string,
  edits: readonly Repair[],
  gold: readonly GoldRepair[],
): RepairScore {
  const before = normalizeSpace(raw);
  const after = normalizeSpace(repaired);
  const missed = gold.filter((g) => {
    const form = normalizeSpace(g.raw);
    return !(count(after, form) < count(before, form));
  });
  const ranges = gold.flatMap((g) => locate(raw, g));
  const spurious = edits.filter(
    (e) =>
      !ranges.some(([s, t]) => (e.start === e.end ? s <= e.start && e.start <= t : e.start < t && s < e.end)),
  );
  const tp = gold.length - missed.length;
  const correctEdits = edits.length - spurious.length;
  return {
    recall: gold.length === 0 ? 1 : tp / gold.length,
    precision: edits.length === 0 ? 1 : correctEdits / edits.length,
    tp,
    fp: spurious.length,
    fn: missed.length,
    correctEdits,
    missed,
    spurious,
  };
}

/** Levenshtein distance over UTF-16 units, in linear memory. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** `text` with its line breaks (and the blanks around them) removed: what a reading of the words compares. */
export const unwrapped = (text: string): string => text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '');

/** Character error rate of `hypothesis` against `reference`: edit distance / reference length. */

export function cer(reference: string, hypothesis: string): number {
  if (reference.length === 0) return hypothesis.length === 0 ? 0 : 1;
  return editDistance(reference, hypothesis) / reference.length;
}
