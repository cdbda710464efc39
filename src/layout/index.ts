/**
 * The reading stage's text pass, run by the repair stage before any rule reads the text (every input format goes
 * through it): look-alike code points are normalised (normalise.ts), hard-wrapped text is rejoined into
 * paragraphs (hardwrap.ts, on the paragraph model of paragraphs.ts), and a word processor's CJK–Latin autospace
 * is taken out (autospace.ts). Its edits are proposals like the rules', so
 * they are recorded repairs and the raw input can be rebuilt from the repaired text.
 */
import { applyProposals, type Proposal } from '../repair/fixer.js';
import { autospaceProposals } from './autospace.js';
import { furnitureProposals } from './furniture.js';
import { hardWrapProposals } from './hardwrap.js';
import { normaliseProposals } from './normalise.js';

export { normaliseText } from './normalise.js';
export { paragraphsFromLines, type LayoutLine, type Paragraphing } from './paragraphs.js';
export { hardWrapProposals, isHardWrapped, JOIN_RULE } from './hardwrap.js';
export { furnitureProposals, FURNITURE_RULE } from './furniture.js';
export { interleavedColumns, INTERLEAVED_CODE } from './interleave.js';

/** The ids of the layout pass's edits start with one of these (`--rules` selects the pass with `layout`). */
export const LAYOUT_RULE = 'layout';

/** Rule id of a line ending made LF by the layout pass (the repair rule's id: the same edit, made earlier). */
export const LINE_ENDING_RULE = 'line-ending';

/** A CRLF or a lone CR. */
const CR = /\r\n?/g;

/**
 * The layout pass's proposals for a text without page furniture. Line endings become LF here, before any rule
 * reads the text, wherever a join does not take the break away: a rule that removes a break (a place name split by
 * a paragraph break, 新\r\n\r\n密市) then sees the same text with CRLF as with LF, and no line-ending edit overlaps
 * its own.
 */
function textProposals(raw: string): Proposal[] {
  const joins = hardWrapProposals(raw);
  const joined = (at: number) => joins.some((j) => j.start <= at && at < j.end);
  const endings: Proposal[] = [];
  for (const m of raw.matchAll(CR))
    if (!joined(m.index))
      endings.push({ start: m.index, end: m.index + m[0].length, text: '\n', ruleId: LINE_ENDING_RULE });
  return [...normaliseProposals(raw), ...joins, ...autospaceProposals(raw), ...endings];
}

/**
 * The layout pass's proposals for `raw`. Page furniture (furniture.ts) goes first: the other proposals are made on
 * the text without it (so a paragraph cut by a page break rejoins) and mapped back to raw offsets.
 */
export function layoutProposals(raw: string): Proposal[] {
  const furniture = furnitureProposals(raw);
  if (!furniture.length) return textProposals(raw);
  const { text, toRaw } = applyProposals(raw, furniture);
  // Every other proposal's range starts and ends at kept characters: map those, not the removal points. A range
  // that spans a removal (a join across a page break) is cut around it: its text goes before, the rest is removed.
  const mapped = textProposals(text).flatMap((p) => {
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
