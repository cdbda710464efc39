/**
 * The one fixer of the repair stage (DESIGN.md convention 4): rules propose replacements of raw ranges, the fixer
 * applies them from the end backwards, reports overlapping proposals as diagnostics and keeps every applied edit
 * (raw offsets, replaced text) so that the raw input can be rebuilt and offsets mapped back.
 */
import type { Diagnostic, Repair } from '../graph/schema.js';

/** A proposed replacement of `raw.slice(start, end)` by `text`. */
export interface Proposal {
  /** Raw range, end exclusive. */
  start: number;
  end: number;
  /** The replacement text. */
  text: string;
  /** The rule that proposes it. */
  ruleId: string;
}

/** Diagnostic code for a proposal dropped because it overlaps an applied one. */
export const OVERLAP_CODE = 'repair-overlap';

/** Result of applying proposals to a raw text. */
export interface FixResult {
  /** The repaired text. */
  text: string;
  /** Applied edits in raw offsets, sorted by start. */
  edits: Repair[];
  /** One `repair-overlap` diagnostic per dropped proposal. */
  diagnostics: Diagnostic[];
  /** Maps an offset in the repaired text to the raw input. */
  toRaw(offset: number): number;
}

/**
 * Applies `proposals` to `raw`. Earlier proposals in the array win: a later one that overlaps an accepted one
 * becomes a diagnostic. Proposals that change nothing, and exact duplicates, are dropped silently.
 */
export function applyProposals(raw: string, proposals: readonly Proposal[]): FixResult {
  const diagnostics: Diagnostic[] = [];
  const accepted: Proposal[] = [];
  // The accepted range covering each character that one covers (a map: proposals cover few characters).
  const owner = new Map<number, number>();
  const insertions = new Map<number, number>();
  for (const p of proposals) {
    if (p.start < 0 || p.end > raw.length || p.start > p.end) continue;
    if (raw.slice(p.start, p.end) === p.text) continue;
    const clash = clashOf(p, owner, insertions);
    if (clash < 0) {
      const k = accepted.push(p) - 1;
      if (p.start === p.end) insertions.set(p.start, k);
      else for (let i = p.start; i < p.end; i++) owner.set(i, k);
      continue;
    }
    const q = accepted[clash]!;
    if (q.start === p.start && q.end === p.end && q.text === p.text) continue;
    diagnostics.push({
      code: OVERLAP_CODE,
      severity: 'info',
      message: `rule ${p.ruleId} overlaps ${q.ruleId}; kept ${q.ruleId}`,
      start: p.start,
      end: p.end,
    });
  }
  accepted.sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let cursor = raw.length;
  for (let k = accepted.length - 1; k >= 0; k--) {
    const p = accepted[k]!;
    pieces.push(raw.slice(p.end, cursor), p.text);
    cursor = p.start;
  }
  pieces.push(raw.slice(0, cursor));
  const text = pieces.reverse().join('');
  const edits: Repair[] = accepted.map((p) => ({
    ruleId: p.ruleId,
    start: p.start,
    end: p.end,
    raw: raw.slice(p.start, p.end),
    fixed: p.text,
  }));
  diagnostics.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { text, edits, diagnostics, toRaw: offsetMapper(edits) };
}

/**
 * Index of an accepted proposal that `p` conflicts with, or -1: ranges that share a character, an insertion
 * strictly inside a range, or two insertions at one position. `owner` maps the characters each range covers to
 * its index. Cost: the length of `p`, so the fixer stays linear.
 */
function clashOf(
  p: Proposal,
  owner: ReadonlyMap<number, number>,
  insertions: ReadonlyMap<number, number>,
): number {
  if (p.start === p.end) {
    const at = insertions.get(p.start);
    if (at !== undefined) return at;
    const before = owner.get(p.start - 1);
    return before !== undefined && before === owner.get(p.start) ? before : -1;
  }
  for (let i = p.start; i < p.end; i++) {
    const covered = owner.get(i);
    if (covered !== undefined) return covered;
    const inside = i > p.start ? insertions.get(i) : undefined;
    if (inside !== undefined) return inside;
  }
  return -1;
}

/**
 * Builds `toRaw` for sorted edits: an offset in unchanged text maps exactly; an offset inside a replacement maps
 * to the start of the replaced raw range (or its end, for the offset just past the replacement).
 */
export function offsetMapper(edits: readonly Repair[]): (offset: number) => number {
  const fixedStarts: number[] = [];
  let delta = 0;
  for (const e of edits) {
    fixedStarts.push(e.start + delta);
    delta += e.fixed.length - (e.end - e.start);
  }
  return (offset: number): number => {
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fixedStarts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return offset;
    const e = edits[lo - 1]!;
    const fixedStart = fixedStarts[lo - 1]!;
    const fixedEnd = fixedStart + e.fixed.length;
    if (offset < fixedEnd) return e.start;
    return e.end + (offset - fixedEnd);
  };
}

/** Rebuilds the raw input from a repaired text and its sorted edits (the inverse of `applyProposals`). */
export function unrepair(text: string, edits: readonly Repair[]): string {
  const pieces: string[] = [];
  let rawCursor = 0;
  let fixedCursor = 0;
  for (const e of edits) {
    const unchanged = e.start - rawCursor;
    pieces.push(text.slice(fixedCursor, fixedCursor + unchanged), e.raw);
    fixedCursor += unchanged + e.fixed.length;
    rawCursor = e.end;
  }
  pieces.push(text.slice(fixedCursor));
  return pieces.join('');
}
