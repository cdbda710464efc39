/**
 * Anchored regex search: a pattern whose every match holds a cheap "anchor" near its start (a number, a
 * bracketed year) is tried only next to the anchor's occurrences instead of at every position of the text.
 * The result is exactly that of a global search; only the places where the engine looks change.
 */

/** A global regex and what every one of its matches holds. */
export interface AnchoredRegex {
  /** The pattern (flag g). */
  re: RegExp;
  /**
   * The start of the first anchor at or after `from`, or -1. Every match of `re` holds an anchor starting at
   * most `maxLead` characters after the match's own start.
   */
  nextAnchor: (text: string, from: number) => number;
  /** The most characters a match of `re` can have before its anchor. */
  maxLead: number;
}

/**
 * The leftmost match of `a.re` starting at or after `from`, as `re.lastIndex = from; re.exec(text)` finds it,
 * or null. A match starting at p holds an anchor starting in [p, p + maxLead], so no match starts before the
 * first anchor at or after `from`, less `maxLead`: the search starts there, and without an anchor there is
 * no search at all.
 */
export function execAnchored(a: AnchoredRegex, text: string, from: number): RegExpExecArray | null {
  const anchor = a.nextAnchor(text, from);
  if (anchor === -1) return null;
  a.re.lastIndex = Math.max(from, anchor - a.maxLead);
  return a.re.exec(text);
}
