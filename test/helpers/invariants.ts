/**
 * The lossless invariants of DESIGN.md, checked on every produced graph: the graph matches its schema, ids
 * are unique and edges point at nodes, every non-space character of the repaired text lies in exactly one
 * leaf, and the raw input is rebuilt exactly from the repaired text and the repairs.
 */
import { expect } from 'vitest';
import { NoticeGraphSchema, type NoticeGraph } from '../../src/graph/schema.js';
import { repair, unrepair } from '../../src/repair/index.js';
import { loadGazetteer } from '../../src/extract/units.js';
import { REGION_HEAD } from '../../src/pipeline.js';

/** Leaf spans of the graph: text leaves, task items and heading lines. */
export function leafSpans(graph: NoticeGraph): { id: string; start: number; end: number }[] {
  const out: { id: string; start: number; end: number }[] = [];
  for (const n of graph.nodes) {
    if (
      (n.type === 'paragraph' || n.type === 'residue' || n.type === 'roleLine' || n.type === 'task') &&
      n.span
    )
      out.push({ id: n.id, ...n.span });
    if ((n.type === 'section' || n.type === 'plan') && n.headingSpan)
      out.push({ id: n.id, ...n.headingSpan });
  }
  return out;
}

/** Asserts every invariant; `raw` is the decoded input the graph was made from. */
export function checkInvariants(graph: NoticeGraph, raw: string): void {
  expect(NoticeGraphSchema.safeParse(graph).success).toBe(true);
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    expect(ids.has(n.id), `duplicate id ${n.id}`).toBe(false);
    ids.add(n.id);
  }
  for (const e of graph.edges) {
    expect(ids.has(e.from), `edge from unknown ${e.from}`).toBe(true);
    expect(ids.has(e.to), `edge to unknown ${e.to}`).toBe(true);
  }
  const text = repair(raw, { knownUnits: loadGazetteer().names(raw.slice(0, REGION_HEAD)) }).text;
  expect(unrepair(text, graph.repairs)).toBe(raw);
  const owner = new Array<string | undefined>(text.length);
  for (const leaf of leafSpans(graph)) {
    expect(leaf.end).toBeLessThanOrEqual(text.length);
    for (let i = leaf.start; i < leaf.end; i++) {
      if (/\s/.test(text[i]!)) continue;
      expect(owner[i], `offset ${i} in ${owner[i]} and ${leaf.id}`).toBeUndefined();
      owner[i] = leaf.id;
    }
  }
  const orphans: number[] = [];
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!) && owner[i] === undefined) orphans.push(i);
  expect(
    orphans.slice(0, 5).map((i) => text.slice(i, i + 20)),
    'characters in no leaf',
  ).toEqual([]);
}
