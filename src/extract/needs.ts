/**
 * A cheap pre-check before running regular expressions: each pattern comes with the words one of which every
 * match of it holds (its "needs"), and one pass over a text's characters tells which patterns can match there
 * at all. A pattern whose words cannot all be spelled from the text's characters is not run.
 */

/** Most characters a filter tracks (one bit each in a 32-bit mask); words' further characters are not checked. */
const MAX_TRACKED = 31;

/** Which of several word lists a text may hold; one pass over the text answers for all of them. */
export class NeedsFilter {
  /** For each UTF-16 unit: 0, or 1 + the bit that stands for it. */
  private readonly bits = new Uint8Array(0x10000);
  /** Per list, the masks of its words; null for a list that is always tried. */
  private readonly lists: (number[] | null)[];

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
        : words.map((w) => {
            let mask = 0;
            for (let i = 0; i < w.length; i++) mask |= bitOf(w.charCodeAt(i));
            return mask;
          }),
    );
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

  /** Whether list `i` may occur in a text with the characters `present`: false means none of its words does. */
  mayHold(present: number, i: number): boolean {
    const masks = this.lists[i];
    return masks === null || masks === undefined || masks.some((m) => (present & m) === m);
  }

  /** Whether some list may occur in a text with the characters `present`. */
  mayHoldAny(present: number): boolean {
    return this.lists.some((_, i) => this.mayHold(present, i));
  }
}
