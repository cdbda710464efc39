import { describe, expect, it } from 'vitest';
import { convertSync, noticeGraphJsonSchema, validateGraph, type NoticeGraph } from '../src/index.js';

const TEXT = '关于印发某市2021年工作方案的通知\n\n一、总体要求\n1.10月底前完成。\n牵头单位：市生态环境局\n';
const fresh = (): NoticeGraph => structuredClone(convertSync(TEXT, { path: 'a.txt' }));

describe('graph validation', () => {
  it('accepts a converted graph unchanged', () => {
    const g = fresh();
    expect(validateGraph(structuredClone(g))).toEqual(g);
  });

  it.each([
    ['end before start', { start: 5, end: 4 }],
    ['a negative offset', { start: -1, end: 4 }],
    ['a fractional offset', { start: 1.5, end: 4 }],
    ['an offset beyond safe integers', { start: 0, end: 2 ** 53 }],
    ['a string offset', { start: '0', end: 4 }],
  ])('rejects a node span with %s, naming where', (_, span) => {
    const g = fresh();
    const i = g.nodes.findIndex((n) => n.span);
    (g.nodes[i] as { span: unknown }).span = span;
    expect(() => validateGraph(g)).toThrow(new RegExp(`nodes\\.${i}\\.span`));
  });

  it('rejects a bad edge span too', () => {
    const g = fresh();
    const i = g.edges.findIndex((e) => e.span);
    g.edges[i]!.span = { start: 3, end: 1 };
    expect(() => validateGraph(g)).toThrow(/span end before start/);
  });

  it('publishes span offsets as bounded integers in the JSON Schema', () => {
    const schema = noticeGraphJsonSchema() as {
      properties: { edges: { items: { properties: { span: { properties: Record<string, unknown> } } } } };
    };
    const offset = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
    expect(schema.properties.edges.items.properties.span.properties).toEqual({ start: offset, end: offset });
  });
});
