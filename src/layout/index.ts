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

/** The layout pass's proposals for `raw`. */
export function layoutProposals(raw: string): Proposal[] {
  return [...normaliseProposals(raw), ...hardWrapProposals(raw), ...autospaceProposals(raw)];
}
