/**
 * Pathological inputs convert in time linear in their size, which guards every grammar against regex
 * backtracking: the time for 8n bytes is at most 16 times the time for n (a ratio, never an absolute time).
 * A single line of several megabytes must convert at all.
 */
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';
import { expectLinear } from '../helpers/linear.js';

/** Size of the small input, in characters (the large one is 8 times it). */
const BASE = 6_000;
/** The single long line: several megabytes of UTF-8. */
const LONG_LINE_CHARS = 1_200_000;

/** `unit` repeated to about n characters. */
const fill = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length));

const shapes: Record<string, (n: number) => string> = {
  'repeated heading markers': fill('一、二、(一)(二)1.2.(1)'),
  'heading lines': fill('\n一、总体要求\n(一)重点任务\n1.加强管理。\n'),
  'long runs of digits': fill('2020202020202020年123456789012345'),
  'unbalanced brackets': fill('(((〔【《〈(（'),
  'unbalanced closing brackets': fill(')))〕】》〉)）'),
  'unbalanced quotes': fill('“"‘\'「『“'),
  'many role labels': fill('牵头单位:市生态环境局、市发展改革委\n配合单位:各区政府\n责任单位:'),
  'one long line of prose': fill('郑州 市2020年大气污染防治攻坚战,PM】。 年底前PM2.5不高于56微克/立方米;'),
  'deadlines and targets': fill('10月底前完成,2020年年底前下降15%以上,不低于80%,'),
};

describe('conversion runs in time linear in the input', () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => expectLinear((text) => convertSync(text), make, BASE));
  }

  it('converts one line of several megabytes', () => {
    const line = fill('郑州市2020年大气污染防治攻坚战,PM2.5年均浓度不高于56微克/立方米;')(LONG_LINE_CHARS);
    expect(Buffer.byteLength(line)).toBeGreaterThan(2_500_000);
    const graph = convertSync(line);
    expect(graph.nodes.length).toBeGreaterThan(0);
  });
});
