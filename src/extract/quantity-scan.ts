/**
 * The search for phase two's quantity pattern (targets.ts): the pattern is run only next to numbers, and
 * matches that can never be targets (a number alone, a number with a word that is no unit such as 年 or 月)
 * are passed over without running it. The matches are exactly those of a global search from 0, less those.
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
  /** The words in the unit place that are no unit (targets.yaml notUnits), in the order the pattern tries them. */
  notUnits: string[];
  /** UTF-16 units that start a word of `notUnits` and no separator, multiplier, unit or suffix. */
  notUnitStarts: Set<number>;
  /** UTF-16 units that start a suffix. */
  suffixStarts: Set<number>;
}

/**
 * The next match at or after `from` that can be a target, or null. The matches are those of a global search
 * from `from` less two kinds that never are: a number alone, unless `keepAlone(index)` says it counts there
 * (it continues a list), and a number followed by a word of notUnits (2020年, 10月), whatever follows.
 *
 * Every match holds a number; let `at` be the first number at or after `from`. A match starting before `at`
 * has only lead characters before its number, so none starts before the run of lead characters (at most
 * `maxLead`) in front of `at`, and the pattern matches at `at` itself (all but the number is optional): the
 * search starts at that run. With no run, and no lead word starting at `at`, the match starts at `at` with
 * the number, and what follows is known without the pattern in two cases: the character after the number
 * starts nothing the pattern reads there (the match is the number alone), or it starts only words of
 * notUnits (the pattern takes the first of them that is there, in its order, as the unit) and no suffix
 * follows that word.
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
    if (first === at && !q.leadChars.has(text.charCodeAt(at))) {
      const next = text.charCodeAt(end);
      if (!q.afterNumber.has(next) && !keepAlone(at)) {
        from = end;
        continue;
      }
      if (q.notUnitStarts.has(next)) {
        const word = q.notUnits.find((w) => text.startsWith(w, end));
        if (word !== undefined && !q.suffixStarts.has(text.charCodeAt(end + word.length))) {
          from = end + word.length;
          continue;
        }
      }
    }
    q.re.lastIndex = first;
    return q.re.exec(text);
  }
  return null;
}
