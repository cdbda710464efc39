/**
 * The repaired text of a notice, which every span of its graph points into: rebuilt from the decoded input and
 * the graph's repairs (exact), or, when the input is not at hand (a graph JSON loaded alone), laid out from the
 * graph's leaves at their spans (every fact's span still lands on its words; text between leaves is blank).
 */
import type { NoticeGraph, Repair } from '../graph/schema.js';

/** The repaired text: `raw` with every repair applied, or null when the repairs do not fit `raw`. */
export function applyRepairs(raw: string, repairs: Repair[]): string | null {
  const sorted = [...repairs].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at || r.end > raw.length || raw.slice(r.start, r.end) !== r.raw) return null;
    out.push(raw.slice(at, r.start), r.fixed);
    at = r.end;
  }
  out.push(raw.slice(at));
  return out.join('');
}

const LEAF_TYPES = new Set(['paragraph', 'residue', 'roleLine', 'task']);

/** The text laid out from the graph's leaves (paragraphs, role lines, residue, tasks, headings) at their spans. */
export function textFromLeaves(graph: NoticeGraph): string {
  let length = 0;
  for (const n of graph.nodes) if (n.span && n.span.end > length) length = n.span.end;
  const chars: string[] = Array.from({ length }, () => ' ');
  // A task's text leaves out its item number (1. or (1)), which its span covers: it ends where the span ends.
  const put = (start: number, end: number, text: string): void => {
    if (text.length > end - start) return;
    const from = end - text.length;
    for (let i = 0; i < text.length; i++) chars[from + i] = text[i]!;
  };
  for (const n of graph.nodes) {
    if (!n.span) continue;
    if (LEAF_TYPES.has(n.type) && 'text' in n) put(n.span.start, n.span.end, n.text);
    else if (n.type === 'section' && n.headingSpan) {
      const line = `${n.marker}${n.title}`;
      put(n.headingSpan.start, n.headingSpan.start + line.length, line);
    } else if (n.type === 'plan' && n.headingSpan)
      put(n.headingSpan.start, n.headingSpan.start + n.title.length, n.title);
  }
  return chars.join('');
}
