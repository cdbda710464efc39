import { describe, expect, it } from 'vitest';
import { targetChanges } from '../../src/diff/facts.js';
import type { TargetNode } from '../../src/graph/schema.js';

const target = (id: string, indicator: string, value: number): TargetNode =>
  ({
    id,
    type: 'target',
    text: `${indicator}达到${value}%`,
    indicator,
    comparator: '>=',
    value,
    unit: '%',
    kind: 'target',
  }) as TargetNode;

describe('target changes', () => {
  it('reports no change for an equal fact whose indicator was named otherwise', () => {
    const olds = [
      target('a#t0', '全市受污染耕地安全利用率', 100),
      target('a#t1', '全市污染地块安全利用率', 100),
    ];
    // the new side's first indicator lost its name (a paragraph break before 达到), the second its value (1009%)
    const news = [target('a#t0', '达到100%', 100), target('a#t1', '全市污染地块安全利用率', 1009)];
    const changes = targetChanges(olds, news);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'target_changed', old: { value: 100 }, new: { value: 1009 } });
  });

  it('still reports a changed value on a renamed indicator', () => {
    const changes = targetChanges([target('a#t0', '安全利用率', 90)], [target('a#t0', '达到', 95)]);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'target_changed', new: expect.objectContaining({ value: 95 }) }),
    ]);
  });
});
