/** Diagnostics as `file:line:col severity message code`, with line and column from raw offsets. */
import type { Diagnostic } from '../graph/schema.js';

/** Line and column (1-based, in UTF-16 units) of `offset` in `text`. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, col: offset - last };
}

/** Formats one diagnostic for stderr. */
export function formatDiagnostic(file: string, raw: string, d: Diagnostic): string {
  const { line, col } = d.start === undefined ? { line: 1, col: 1 } : lineCol(raw, d.start);
  return `${file}:${line}:${col} ${d.severity} ${d.message} ${d.code}`;
}
