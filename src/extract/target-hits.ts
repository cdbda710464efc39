/**
 * What numeric target extraction (targets.ts) finds and how a hit is built from a match: its indicator (the
 * noun phrase before it, within its clause) and the baseline year of a change (比2018年).
 */
import type { COMPARATORS } from '../graph/schema.js';
import type { CompiledTargets } from './target-grammar.js';

/** How a target's value is compared (DESIGN.md). */
export type Comparator = (typeof COMPARATORS)[number];
/** A number, a label such as "1:8" / "III" / "国四", or a [lo, hi] range. */
export type TargetValue = number | string | [number, number];

/** One numeric target or threshold found in a text; offsets are UTF-16 indices into it, end exclusive. */
export interface TargetHit {
  start: number;
  end: number;
  text: string;
  /** The noun phrase before the value (best effort). */
  indicator: string;
  comparator: Comparator;
  value: TargetValue;
  unit: string | null;
  /** The baseline year of a change ("比2018年"). */
  baseline?: number;
  /** "threshold" for a size limit that picks what a rule applies to; "target" otherwise. */
  kind: 'target' | 'threshold';
}

/** The CJK Unified Ideographs block (U+4E00…U+9FFF). */
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/** Whether `s` has a CJK ideograph at index `i` (false outside the string). */
export function isCjkAt(s: string, i: number): boolean {
  const u = s.charCodeAt(i);
  return u >= CJK_FIRST && u <= CJK_LAST;
}

/** Extraction state over one text: the text and its half-width copy. */
export interface Scan {
  c: CompiledTargets;
  text: string;
  norm: string;
}

/** Start of the clause that contains `at` (looking back at most `max` characters). */
export function clauseStart(s: Scan, at: number, max = 30): number {
  let i = at;
  while (i > 0 && at - i < max && !s.c.clauseEnds.has(s.norm.charCodeAt(i - 1))) i--;
  return i;
}

/** The baseline year bound before `at` in the same sentence (比2018年 / 较2013年 / 与2015年相比). */
export function baselineBefore(s: Scan, at: number): number | undefined {
  let from = at;
  while (from > 0 && at - from < 40 && !'。;；\n'.includes(s.norm[from - 1] as string)) from--;
  const re = s.c.baseline;
  // A match starting before `at` ends before at + maxBaseline: the search goes no further (else it would run to
  // the end of the text for every change, which is quadratic in a long paragraph of changes).
  const head = s.norm.slice(0, at + s.c.maxBaseline);
  re.lastIndex = from;
  let year: number | undefined;
  for (let m = re.exec(head); m !== null && m.index < at; m = re.exec(head)) year = Number(m.groups?.year);
  return year;
}

/** What a hit says besides its place, text and indicator. */
export type HitFields = Omit<TargetHit, 'start' | 'end' | 'text' | 'indicator'>;

/** A hit over `start`…`end` of the scanned text; the indicator is read from the clause before it unless given. */
export function makeHit(
  s: Scan,
  start: number,
  end: number,
  fields: HitFields,
  indicator = s.text.slice(clauseStart(s, start), start).replace(s.c.indicatorNoise, '').trim(),
): TargetHit {
  const { comparator, value, unit, kind, baseline } = fields;
  const hit: TargetHit = {
    start,
    end,
    text: s.text.slice(start, end),
    indicator,
    comparator,
    value,
    unit,
    kind,
  };
  if (baseline !== undefined) hit.baseline = baseline;
  return hit;
}
