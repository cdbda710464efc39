/**
 * The search for phase two's quantity pattern (targets.ts): the pattern is run only next to numbers, and a
 * number it would match alone is passed over without running it. The matches are exactly those of a global
 * search from 0, less the ones that are a number alone.
 */
import { indexOfNumber, numberEnd } from './numbers.js';

/**
 * The capture groups of the quantity pattern, by number: lead (adverbs around a change word or prefix), chg,
 * pre, num, sep, num2, unit, sfx; all but lead and num optional. (Plain groups, not named ones: the pattern
 * runs once per number, and a match with named groups builds an object of them.)
 */
export const QUANTITY_GROUPS = { lead: 1, chg: 2, pre: 3, num: 4, sep: 5, num2: 6, unit: 7, sfx: 8 } as const;

/** The quantity pattern with what the search needs to know of its shape. */
export interface QuantityPattern {
  /** [lead] number [separator number] [unit] [suffix] (flag g), groups QUANTITY_GROUPS. */
  re: RegExp;
  /** UTF-16 units of the lead words: a match starts with a run of them before its number, or at the number. */
  leadChars: Set<number>;
  /** The longest lead. */
  maxLead: number;
  /** UTF-16 units that start a separator, unit or suffix: after any other character, a match ends with its number. */
  afterNumber: Set<number>;
}

/**
 * The next match at or after `from`, as a global search from `from` finds it, or null. A match that would be a
 * number alone is skipped (the search goes on after it) unless `keepAlone(index)` says it counts there.
 *
 * Every match holds a number; the first number at or after `from` is at `at`, and a match starting before it
 * has only lead characters before it, so the search starts after the last other character (or `maxLead`)
 * before `at`. The pattern always matches at `at` itself (all but the number is optional), so this is the
 * match, found without trying the positions before. It is the number alone when no lead character is next to
 * the number and no separator, unit or suffix can start right after it.
 */
export function nextQuantity(
  q: QuantityPattern,
  text: string,
  from: number,
  keepAlone: (index: number) => boolean,
): RegExpExecArray | null {
  for (let at = indexOfNumber(text, from); at !== -1; at = indexOfNumber(text, from)) {
    let first = at;
    while (first > from && at - first < q.maxLead && q.leadChars.has(text.charCodeAt(first - 1))) first--;
    const end = numberEnd(text, at);
    const alone =
      first === at && !q.leadChars.has(text.charCodeAt(at)) && !q.afterNumber.has(text.charCodeAt(end));
    if (alone && !keepAlone(at)) {
      from = end;
      continue;
    }
    q.re.lastIndex = first;
    return q.re.exec(text);
  }
  return null;
}
