/** Splitting the repaired text into trimmed lines that keep their offsets. */
import type { TextSpan } from './tree.js';

/** A non-blank line of the text, trimmed, with its offsets in the text. */
export interface Line extends TextSpan {
  text: string;
  /** Index of the line among all lines of the text (blank ones included), 0-based. */
  index: number;
  /** True when one or more blank lines come before it. */
  afterBlank: boolean;
}

const TRIM_START = /^[\s\u3000]+/;
const TRIM_END = /[\s\u3000]+$/;

/** Every non-blank line of `text`, trimmed of spaces (ASCII and ideographic) at both ends. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  let index = 0;
  let blank = false;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const seg = text.slice(pos, nl);
    const lead = TRIM_START.exec(seg)?.[0].length ?? 0;
    const trail = lead === seg.length ? 0 : (TRIM_END.exec(seg)?.[0].length ?? 0);
    if (lead < seg.length) {
      out.push({
        start: pos + lead,
        end: nl - trail,
        text: seg.slice(lead, seg.length - trail),
        index,
        afterBlank: blank,
      });
      blank = false;
    } else if (out.length > 0) {
      blank = true;
    }
    index++;
    pos = nl + 1;
  }
  return out;
}
