/**
 * Composition of two rounds of edits: `first` turns the raw text into an intermediate text, `second` turns that
 * into the final one; the result turns the raw text into the final one directly, in raw offsets, so that the graph
 * keeps one list of repairs from which the raw input is rebuilt (`unrepair`) and offsets are mapped (`toRaw`).
 */
import type { Repair } from '../graph/schema.js';

/** An edit of either round placed on the intermediate text: [from, to) there, and its round. */
interface Placed {
  from: number;
  to: number;
  edit: Repair;
  round: 1 | 2;
}

/**
 * The edits that take `raw` to the final text, given `first` (raw → `middle`) and `second` (`middle` → final),
 * both sorted by start. Edits of the two rounds that overlap on the intermediate text (or touch, where one is
 * empty) become one edit under the later round's rule id.
 */
export function composeEdits(
  raw: string,
  first: readonly Repair[],
  middle: string,
  second: readonly Repair[],
): Repair[] {
  if (first.length === 0) return [...second];
  if (second.length === 0) return [...first];
  const placed: Placed[] = [];
  let delta = 0;
  for (const e of first) {
    const from = e.start + delta;
    placed.push({ from, to: from + e.fixed.length, edit: e, round: 1 });
    delta += e.fixed.length - (e.end - e.start);
  }
  for (const e of second) placed.push({ from: e.start, to: e.end, edit: e, round: 2 });
  placed.sort((a, b) => a.from - b.from || a.to - b.to || a.round - b.round);
  const out: Repair[] = [];
  // Raw offset of an intermediate offset that touches no first-round edit: shifted by the edits before it.
  const ends: number[] = [];
  const shifts: number[] = [0];
  for (const p of placed) {
    if (p.round !== 1) continue;
    ends.push(p.to);
    shifts.push(shifts[shifts.length - 1]! + p.edit.fixed.length - (p.edit.end - p.edit.start));
  }
  const rawOf = (pos: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return pos - shifts[lo]!;
  };
  for (let i = 0; i < placed.length;) {
    // A group: edits that overlap, or touch where one of them is empty (an insertion or a deletion has no
    // place of its own there); edits that merely abut stay apart.
    let j = i + 1;
    let to = placed[i]!.to;
    let endsEmpty = placed[i]!.from === to;
    while (j < placed.length) {
      const p = placed[j]!;
      if (!(p.from < to || (p.from === to && (endsEmpty || p.from === p.to)))) break;
      if (p.to > to || (p.to === to && p.from === p.to)) endsEmpty = p.from === p.to;
      to = Math.max(to, p.to);
      j++;
    }
    const group = placed.slice(i, j);
    i = j;
    const seconds = group.filter((p) => p.round === 2);
    const firsts = group.filter((p) => p.round === 1);
    if (seconds.length === 0 || firsts.length === 0) {
      for (const p of group) {
        if (p.round === 1) out.push(p.edit);
        else {
          const [start, end] = [rawOf(p.from), rawOf(p.to)];
          out.push({ ...p.edit, start, end, raw: raw.slice(start, end) });
        }
      }
      continue;
    }
    const from = group[0]!.from;
    const rawStart = firsts[0]!.from === from ? firsts[0]!.edit.start : rawOf(from);
    const last = firsts[firsts.length - 1]!;
    const rawEnd = last.to === to ? last.edit.end : rawOf(to);
    let fixed = '';
    let cursor = from;
    for (const p of seconds) {
      fixed += middle.slice(cursor, p.from) + p.edit.fixed;
      cursor = p.to;
    }
    fixed += middle.slice(cursor, to);
    const ruleId = seconds[seconds.length - 1]!.edit.ruleId;
    out.push({ ruleId, start: rawStart, end: rawEnd, raw: raw.slice(rawStart, rawEnd), fixed });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
