/**
 * A cheap pre-check before running regular expressions: each pattern comes with the words one of which every
 * match of it holds (its "needs"). A text with no word's first character is done with one search; otherwise
 * one pass over its characters tells which patterns can match there at all (a word whose characters do not
 * all occur cannot occur), and words of several characters that pass are then looked for in the text. A
 * pattern none of whose words occurs is not run.
 */

/** Most characters a filter tracks (one bit each in a 32-bit mask); words' further characters are not checked. */
const MAX_TRACKED = 31;

/** Which of several word lists a text may hold; one pass over the text answers for all of them. */
export class NeedsFilter {
  /** For each UTF-16 unit: 0, or 1 + the bit that stands for it. */
  private readonly bits = new Uint8Array(0x10000);
  /** Per list, its words and their masks; null for a list that is always tried. */
  private readonly lists: ({ words: readonly string[]; masks: number[] } | null)[];
  /** Matches the first character of any word; null when some list is always tried. */
  private readonly firsts: RegExp | null;

  /** `lists[i]` holds the words of which every match of pattern i holds one (undefined: no pre-check). */
  constructor(lists: readonly (readonly string[] | undefined)[]) {
    let tracked = 0;
    const bitOf = (unit: number): number => {
      if (this.bits[unit] === 0 && tracked < MAX_TRACKED) this.bits[unit] = ++tracked;
      const b = this.bits[unit] as number;
      return b === 0 ? 0 : 1 << (b - 1);
    };
    this.lists = lists.map((words) =>
      words === undefined
        ? null
        : {
            words,
            masks: words.map((w) => {
              let mask = 0;
              for (let i = 0; i < w.length; i++) mask |= bitOf(w.charCodeAt(i));
              return mask;
            }),
          },
    );
    const all = lists.every((words) => words !== undefined) ? lists.flat() : null;
    this.firsts = all && new RegExp(`[${all.map((w) => w.charAt(0).replace(/[\\\]^-]/, '\\$&')).join('')}]`);
  }

  /** Whether `text` may hold a word of some list (false: it holds none). */
  mayHoldAny(text: string): boolean {
    return this.firsts === null || this.firsts.test(text);
  }

  /** The tracked characters present in `text`, as a mask for `mayHold`. */
  scan(text: string): number {
    let present = 0;
    for (let i = 0; i < text.length; i++) {
      const b = this.bits[text.charCodeAt(i)] as number;
      if (b !== 0) present |= 1 << (b - 1);
    }
    return present;
  }

  /** Whether a word of list `i` occurs in `text`, whose characters `scan` gave as `present`. */
  holds(text: string, present: number, i: number): boolean {
    const list = this.lists[i];
    if (list === null || list === undefined) return true;
    const { words, masks } = list;
    for (let j = 0; j < masks.length; j++) {
      const m = masks[j] as number;
      const word = words[j] as string;
      if ((present & m) === m && (word.length === 1 || text.includes(word))) return true;
    }
    return false;
  }
}
