/**
 * The reading stage's text pass, run by the repair stage before any rule reads the text (every input format goes
 * through it): look-alike code points are normalised (normalise.ts), hard-wrapped text is rejoined into
 * paragraphs (hardwrap.ts, on the paragraph model of paragraphs.ts), and a word processor's CJK–Latin autospace
 * is taken out (autospace.ts). Its edits are proposals like the rules', so
 * they are recorded repairs and the raw input can be rebuilt from the repaired text.
 */
import type { Proposal } from '../repair/fixer.js';
import { autospaceProposals } from './autospace.js';
import { hardWrapProposals } from './hardwrap.js';
import { normaliseProposals } from './normalise.js';

export { normaliseText } from './normalise.js';
export { paragraphsFromLines, type LayoutLine, type Paragraphing } from './paragraphs.js';
export { hardWrapProposals, isHardWrapped, JOIN_RULE } from './hardwrap.js';

/** The ids of the layout pass's edits start with one of these (`--rules` selects the pass with `layout`). */
export const LAYOUT_RULE = 'layout';

/** Rule id of a line ending made LF by the layout pass (the repair rule's id: the same edit, made earlier). */
export const LINE_ENDING_RULE = 'line-ending';

/** A CRLF or a lone CR. */
const CR = /\r\n?/g;

/**
 * The layout pass's proposals for `raw`. Line endings become LF here, before any rule reads the text, wherever a
 * join does not take the break away: a rule that removes a break (a place name split by a paragraph break,
 * 新\r\n\r\n密市) then sees the same text with CRLF as with LF, and no line-ending edit overlaps its own.
 */
export function layoutProposals(raw: string): Proposal[] {
  const joins = hardWrapProposals(raw);
  const joined = (at: number) => joins.some((j) => j.start <= at && at < j.end);
  const endings: Proposal[] = [];
  for (const m of raw.matchAll(CR))
    if (!joined(m.index))
      endings.push({ start: m.index, end: m.index + m[0].length, text: '\n', ruleId: LINE_ENDING_RULE });
  return [...normaliseProposals(raw), ...joins, ...autospaceProposals(raw), ...endings];
}
