/**
 * The reading stage's text pass, run by the repair stage before any rule reads the text (every input format goes
 * through it): look-alike code points are normalised (normalise.ts) and hard-wrapped text is rejoined into
 * paragraphs (hardwrap.ts, on the paragraph model of paragraphs.ts). Its edits are proposals like the rules', so
 * they are recorded repairs and the raw input can be rebuilt from the repaired text.
 */
import { applyProposals, type Proposal } from '../repair/fixer.js';
import { furnitureProposals } from './furniture.js';
import { hardWrapProposals } from './hardwrap.js';
import { normaliseProposals } from './normalise.js';

export { normaliseText } from './normalise.js';
export { paragraphsFromLines, type LayoutLine, type Paragraphing } from './paragraphs.js';
export { hardWrapProposals, isHardWrapped, JOIN_RULE } from './hardwrap.js';
export { furnitureProposals, FURNITURE_RULE } from './furniture.js';

/** The ids of the layout pass's edits start with one of these (`--rules` selects the pass with `layout`). */
export const LAYOUT_RULE = 'layout';

/**
 * The layout pass's proposals for `raw`. Page furniture (furniture.ts) goes first: the other proposals are made on
 * the text without it (so a paragraph cut by a page break rejoins) and mapped back to raw offsets.
 */
export function layoutProposals(raw: string): Proposal[] {
  const furniture = furnitureProposals(raw);
  if (!furniture.length) return [...normaliseProposals(raw), ...hardWrapProposals(raw)];
  const { text, toRaw } = applyProposals(raw, furniture);
  // Every other proposal's range starts and ends at kept characters: map those, not the removal points. A range
  // that spans a removal (a join across a page break) is cut around it: its text goes before, the rest is removed.
  const mapped = [...normaliseProposals(text), ...hardWrapProposals(text)].flatMap((p) => {
    const start = toRaw(p.start);
    const end = p.end > p.start ? toRaw(p.end - 1) + 1 : toRaw(p.start);
    const pieces: Proposal[] = [];
    let from = start;
    for (const f of furniture) {
      if (f.start < from || f.end > end || f.start === f.end) continue;
      pieces.push({ ...p, start: from, end: f.start, text: pieces.length ? '' : p.text });
      from = f.end;
    }
    pieces.push({ ...p, start: from, end, text: pieces.length ? '' : p.text });
    return pieces;
  });
  return [...furniture, ...mapped];
}
