/**
 * Re-lays a paragraph-a-line text as hard wraps, the way `pdftotext`, tesseract or a copy from a PDF viewer gives
 * it: every paragraph cut into lines of `width` characters, paragraphs not marked. Used by the layout eval and the
 * layout-invariance property test; it never reads the text's words, only its lines.
 */

/** How to re-lay a text. */
export interface RewrapOptions {
  /** Characters per line (UTF-16 units; the notices are BMP text). */
  width: number;
  /** Indentation put before each paragraph's first line ('' keeps none). */
  indent?: string;
  /** A blank line between paragraphs. */
  blankLines?: boolean;
  /** The line ending. */
  eol?: '\n' | '\r\n';
  /** Blanks appended to every line. */
  trailing?: string;
}

const BLANKS = /^[\s\u3000]+|[\s\u3000]+$/g;

/** `text` re-laid as hard-wrapped lines (see `RewrapOptions`). */
export function rewrap(text: string, options: RewrapOptions): string {
  const { width, indent = '', blankLines = false, eol = '\n', trailing = '' } = options;
  if (width < 1) throw new RangeError(`rewrap: width must be at least 1 (got ${width})`);
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const para = line.replace(BLANKS, '');
    if (para === '') continue;
    if (blankLines && out.length > 0) out.push('');
    const first = indent + para;
    for (let at = 0; at < first.length; at += width) out.push(first.slice(at, at + width) + trailing);
  }
  return out.join(eol) + eol;
}
