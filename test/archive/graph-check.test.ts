/**
 * The fast graph check of `archive add` (graph-check.ts) against the contract (zod's NoticeGraphSchema): every
 * field of a real graph (with one node of each type carrying every optional field) set to wrong values, removed
 * or bent; the fast check must refuse exactly what zod refuses (were it stricter somewhere, zod would decide).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeNoticeGraph } from '../../src/archive/graph-check.js';
import { parseGraph } from '../../src/archive/prepare.js';
import { NoticeGraphSchema } from '../../src/graph/schema.js';
import { convertSync } from '../../src/index.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const SEED = 'corpus/zhengzhou-2020-notice.txt';

/** Values put in place of a field: every JSON kind, numbers at the bounds of each check, near-miss strings. */
const WRONG: (Json | undefined)[] = [
  undefined,
  null,
  true,
  '',
  'x',
  '2021-13-45',
  '2021-1-1',
  '1.2.3',
  '2.0.0',
  '0'.repeat(64),
  'A'.repeat(64),
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  1e300,
  Infinity,
  [],
  [1, 2],
  [2, 1],
  [1, 2, 3],
  [1, 'a'],
  ['a'],
  [null],
  {},
  { start: 0, end: 1 },
  { start: 2, end: 1 },
  { start: -1, end: 1 },
  { a: 'b' },
  { a: 1 },
  'lead',
  'agency',
  'other',
  'by',
  'month',
  'range',
  'target',
  'error',
  'txt',
  'plan',
  'task',
];

/**
 * A small valid graph: the seed's header and one edge of each type, one node of each type (two targets) with
 * every optional field set, a repair and a diagnostic.
 */
function sample(): Obj {
  const graph = convertSync(readFileSync(SEED, 'utf8'), { path: SEED }) as unknown as Obj;
  const extra = {
    span: { start: 1, end: 4 },
    rawSpan: { start: 0, end: 5 },
    page: 2,
    box: { x: 1.5, y: 2, w: 30, h: 12.25 },
    cell: { table: 1, row: 2, col: 3, rowSpan: 2, colSpan: 1 },
  };
  const full: Obj[] = [
    { ...extra, id: 'n', type: 'notice', title: '通知' },
    {
      ...extra,
      id: 'p',
      type: 'plan',
      title: '方案',
      year: 2021,
      topic: null,
      headingSpan: { start: 1, end: 2 },
    },
    {
      ...extra,
      id: 'p/一',
      type: 'section',
      path: '一',
      marker: '一、',
      level: 1,
      title: '目标',
      headingSpan: { start: 1, end: 1 },
    },
    {
      ...extra,
      id: 'p/一/1',
      type: 'task',
      path: '一/1',
      number: null,
      title: '扬尘',
      text: '扬尘治理',
      keywords: ['扬尘'],
      attributes: { 备注: '无' },
    },
    { ...extra, id: 'pa', type: 'paragraph', text: '段' },
    { ...extra, id: 'r', type: 'residue', text: '余' },
    { ...extra, id: 'rl', type: 'roleLine', text: '牵头单位：市生态环境局' },
    { ...extra, id: 'u', type: 'unit', name: '市生态环境局', canonical: '市生态环境局', kind: 'agency' },
    {
      ...extra,
      id: 'd',
      type: 'deadline',
      text: '6月底前',
      date: '2021-06-30',
      kind: 'by',
      period: 'month',
      anchor: 'a',
      offset: 'b',
    },
    {
      ...extra,
      id: 't',
      type: 'target',
      text: 'PM2.5',
      indicator: 'PM2.5',
      comparator: 'range',
      value: [1, 2],
      unit: null,
      baseline: 2020,
      kind: 'target',
    },
    {
      ...extra,
      id: 't2',
      type: 'target',
      text: '≤40',
      indicator: 'PM2.5',
      comparator: '<=',
      value: 40,
      unit: 'µg',
      kind: 'threshold',
    },
    { ...extra, id: 'ref', type: 'reference', title: '《大气法》', docNumber: '国发〔2018〕22号' },
  ];
  const edges = graph.edges as Obj[];
  const edgeTypes = new Map<string, Obj>();
  for (const e of edges) if (!edgeTypes.has(e.type as string)) edgeTypes.set(e.type as string, e);
  return {
    ...graph,
    document: {
      ...(graph.document as Obj),
      fullTitle: 'x',
      docNumber: 'y',
      date: '2020-01-02',
      publishDate: '2020-01-03',
      signatories: ['总理 某'],
      year: 2020,
    },
    source: { ...(graph.source as Obj), pages: 3 },
    nodes: full,
    edges: [
      ...edgeTypes.values(),
      { from: 'p/一/1', to: 'u', type: 'lead', span: { start: 1, end: 2 }, inherited: true, note: '注' },
    ],
    repairs: [{ ruleId: 'r', start: 0, end: 1, raw: 'a', fixed: 'b' }],
    diagnostics: [{ code: 'c', severity: 'warning', message: 'm', start: 0, end: 2 }],
  };
}

/** Every place in a value: the path of each object field and array item (arrays: their first two items). */
function places(v: Json, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(v))
    v.forEach((item, i) => {
      out.push([...path, i], ...places(item, [...path, i]));
    });
  else if (v !== null && typeof v === 'object')
    for (const [k, item] of Object.entries(v)) out.push([...path, k], ...places(item, [...path, k]));
  return out;
}

/** A deep copy of `v` with the value at `path` replaced (undefined: removed). */
function replaced(v: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(v) as Obj;
  let at = copy as unknown as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) at = at[key] as unknown as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}

describe('the fast graph check', () => {
  const graph = sample();

  it('accepts a valid graph with every optional field, as zod does', () => {
    expect(NoticeGraphSchema.safeParse(graph).success).toBe(true);
    expect(looksLikeNoticeGraph(graph)).toBe(true);
  });

  it('refuses exactly the bent graphs zod refuses (each field set to wrong values or removed)', () => {
    let refused = 0;
    let checked = 0;
    const disagreements: string[] = [];
    for (const path of places(graph as Json)) {
      for (const value of WRONG) {
        const bent = replaced(graph as Json, path, value);
        const zod = NoticeGraphSchema.safeParse(bent).success;
        const fast = looksLikeNoticeGraph(bent);
        checked++;
        if (!zod) refused++;
        if (fast !== zod) disagreements.push(`${path.join('.')} = ${JSON.stringify(value)}: zod ${zod}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(8000);
    expect(refused).toBeGreaterThan(checked / 2);
  });

  it('names the problem of a refused file through zod', () => {
    const bent = replaced(graph as Json, ['nodes', 0, 'span', 'end'], -3);
    expect(() => parseGraph(Buffer.from(JSON.stringify(bent)))).toThrow(
      /^not a NoticeGraph: nodes\.0\.span: /,
    );
    expect(parseGraph(Buffer.from(JSON.stringify(graph))).source.sha256).toBe((graph.source as Obj).sha256);
  });
});
