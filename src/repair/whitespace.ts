/**
 * Whitespace runs: the maximal runs of `\s` in a text. Scanning a text for whitespace costs as much as a rule, so the
 * rules that look at breaks, spaces and paragraph starts share one scan per repair.
 */
import { isWhitespace } from './chars.js';
import { perText } from './memo.js';

/** A whitespace run (its end is where the scan stops; the start is found by walking back). */
const RUN = /\s+/g;

/**
 * The maximal whitespace runs of `raw`, ascending, as one flat list of [start, end) pairs: a run is
 * `runs[2k]` to `runs[2k + 1]`. Computed once per text and `scope` (the rule context).
 */
export const whitespaceRuns = perText((raw: string, _scope: object): readonly number[] => {
  const runs: number[] = [];
  RUN.lastIndex = 0;
  while (RUN.test(raw)) {
    const end = RUN.lastIndex;
    let start = end - 1;
    while (start > 0 && isWhitespace(raw.charCodeAt(start - 1))) start--;
    runs.push(start, end);
  }
  return runs;
});
