/**
 * Whitespace runs: the maximal runs of `\s` in a text. Scanning a text for whitespace costs as much as a rule, so the
 * rules that look at breaks and spaces share one scan, kept for the last text.
 */
import { isWhitespace } from './chars.js';

/** A whitespace run (its end is where the scan stops; the start is found by walking back). */
const RUN = /\s+/g;

let lastText: string | undefined;
let lastRuns: readonly number[] = [];

/**
 * The maximal whitespace runs of `raw`, ascending, as one flat list of [start, end) pairs: a run is
 * `runs[2k]` to `runs[2k + 1]`.
 */
export function whitespaceRuns(raw: string): readonly number[] {
  if (raw === lastText) return lastRuns;
  const runs: number[] = [];
  RUN.lastIndex = 0;
  while (RUN.test(raw)) {
    const end = RUN.lastIndex;
    let start = end - 1;
    while (start > 0 && isWhitespace(raw.charCodeAt(start - 1))) start--;
    runs.push(start, end);
  }
  lastText = raw;
  lastRuns = runs;
  return runs;
}
