/**
 * Which line endings a text uses, reported on the Source (the text itself keeps them unchanged).
 */
import type { LineEndings } from './types.js';

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The kind of line endings in `text`: one of lf/crlf/cr, `mixed` for several, `none` for a single line. */
export function detectLineEndings(text: string): LineEndings {
  const crlf = count(text, /\r\n/g);
  const kinds: [LineEndings, number][] = [
    ['crlf', crlf],
    ['lf', count(text, /\n/g) - crlf],
    ['cr', count(text, /\r/g) - crlf],
  ];
  const seen = kinds.filter(([, n]) => n > 0);
  if (seen.length === 0) return 'none';
  return seen.length === 1 ? seen[0]![0] : 'mixed';
}
