/** The 来源 of a node: its page when the input had pages, else its line in the raw text, else its offsets. */
import type { GraphNode } from '../graph/schema.js';

/** Formats the source place of a node; `raw` is the decoded input the graph was built from, when known. */
export type PlaceFormatter = (node: GraphNode) => string;

/** Builds the formatter once per document (line starts are indexed for a binary search). */
export function placeFormatter(raw?: string): PlaceFormatter {
  const starts = raw === undefined ? null : lineStarts(raw);
  return (node) => {
    if (node.page !== undefined) return `第${node.page}页`;
    const span = node.rawSpan;
    if (span === undefined) return '';
    if (starts !== null) return `第${lineOf(starts, span.start)}行`;
    return `字符 ${span.start}–${span.end}`;
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of `offset`: the number of line starts at or before it. */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
