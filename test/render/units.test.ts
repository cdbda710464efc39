import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { remark } from 'remark';
import { loadGazetteer } from '../../src/extract/units.js';
import { ROLES } from '../../src/graph/schema.js';
import { unitMatcher } from '../../src/render/unit-match.js';
import { unitDuties } from '../../src/render/units.js';
import { renderUnits } from '../../src/render/units-output.js';
import { alignedTable, displayWidth, truncate } from '../../src/render/width.js';
import { seedGraph } from './seed.js';

describe('display width', () => {
  it.each([
    ['abc', 3],
    ['市工信局', 8],
    ['PM2.5年均浓度', 13],
    ['（一）', 6],
    ['', 0],
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('truncates by columns and marks the cut', () => {
    expect(truncate('工业企业差异化管理', 10)).toBe('工业企业…');
    expect(truncate('短', 10)).toBe('短');
  });

  it('aligns columns holding CJK text', () => {
    const lines = alignedTable(
      ['单位', 'n'],
      [
        ['市工信局', '1'],
        ['a', '22'],
      ],
    )
      .trimEnd()
      .split('\n');
    const at = lines.map((l) => displayWidth(l.slice(0, l.search(/\S+$/))));
    expect(new Set(at).size).toBe(1);
  });
});

describe('unit duties of the seed', () => {
  const units = unitDuties(seedGraph);

  it('lists every role edge once under the unit’s canonical name', () => {
    const nodes = new Map(seedGraph.nodes.flatMap((n) => (n.type === 'unit' ? [[n.id, n]] : [])));
    const want = new Set(
      seedGraph.edges
        .filter((e) => (ROLES as readonly string[]).includes(e.type))
        .map((e) => {
          const u = nodes.get(e.to)!;
          return `${u.canonical ?? u.name}|${e.type}|${e.from}`;
        }),
    );
    const got = units.flatMap((u) => ROLES.flatMap((r) => u[r].map((d) => `${u.name}|${r}|${d.id}`)));
    expect(got).toHaveLength(want.size);
    expect(new Set(got)).toEqual(want);
  });

  it('gives each duty its deadlines', () => {
    const eco = units.find((u) => u.name === '郑州市生态环境局')!;
    expect(eco.names).toContain('市生态环境局');
    expect(eco.lead.find((d) => d.id === 'air/三/(一)/3')?.deadlines.map((d) => d.date)).toEqual([
      '2020-10-31',
    ]);
  });
});

describe('--unit matching', () => {
  const gaz = loadGazetteer();
  const date = seedGraph.document.date;
  const matched = (query: string) => unitDuties(seedGraph, unitMatcher(query, gaz, date)).map((u) => u.name);

  it.each([
    ['市生态环境局', '郑州市生态环境局'],
    ['郑州市生态环境局', '郑州市生态环境局'],
    ['市环保局', '郑州市生态环境局'],
    ['市发改委', '郑州市发展和改革委员会'],
    ['郑州市发展和改革委员会', '郑州市发展和改革委员会'],
    ['县（市）区政府', '各县(市)区人民政府'],
  ])('%s matches %s', (query, canonical) => {
    expect(matched(query)).toEqual([canonical]);
  });

  it('matches nothing for a stranger', () => {
    expect(matched('某某公司')).toEqual([]);
  });
});

describe('unit list outputs', () => {
  const units = unitDuties(seedGraph, (u) => u.name === '市控尘办');
  const duties = units[0]!.lead.length + units[0]!.cooperating.length + units[0]!.responsible.length;

  it('writes JSON with the document and the units', () => {
    const json = JSON.parse(renderUnits(seedGraph, units, 'json'));
    expect(json.document.date).toBe('2020-04-16');
    expect(json.units).toEqual(JSON.parse(JSON.stringify(units)));
  });

  it('writes a CSV row per duty', () => {
    expect(parse(renderUnits(seedGraph, units, 'csv'), { bom: true })).toHaveLength(duties + 1);
  });

  it('writes Markdown with a heading and a table per unit', () => {
    const tree = remark().parse(renderUnits(seedGraph, units, 'md'));
    expect(tree.children.map((c) => c.type)).toContain('heading');
    const md = renderUnits(seedGraph, units, 'md');
    expect(md).toContain('## 郑州市控尘工作领导小组办公室');
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('| 牵头') || l.startsWith('| 配合') || l.startsWith('| 责任')),
    ).toHaveLength(duties);
  });

  it('writes an aligned table with the unit on its first row only', () => {
    const lines = renderUnits(seedGraph, units, 'table').trimEnd().split('\n');
    expect(lines).toHaveLength(duties + 2);
    expect(lines[2]!.startsWith('郑州市控尘工作领导小组办公室')).toBe(true);
    expect(lines[3]!.startsWith(' ')).toBe(true);
  });
});
