/**
 * CJK–Latin autospace (src/layout/autospace.ts): the space a word processor or browser sets between Chinese and a
 * Latin word or number goes as a recorded repair; separators between Chinese words stay; the graph of a notice
 * set with autospace is the graph of the notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreAgainstOriginal } from '../../src/eval/layout.js';
import { convertSync } from '../../src/index.js';
import { AUTOSPACE_RULE, autospaceProposals } from '../../src/layout/autospace.js';
import { repair, unrepair } from '../../src/repair/index.js';

/** `text` as a word processor with autospace sets it: a space wherever Chinese meets an ASCII letter or digit. */
const autospaced = (text: string): string =>
  text
    .replace(/(?<=\p{Script=Han})(?=[A-Za-z0-9])/gu, ' ')
    .replace(/(?<=[A-Za-z0-9%])(?=\p{Script=Han})/gu, ' ');

describe('CJK–Latin autospace', () => {
  it('takes out a single space between Chinese and a number or Latin word, as a recorded repair', () => {
    const raw = '年均浓度不高于 97 微克/立方米,要在 2019 年 2 月底前完成 VOCs 治理。\n';
    const out = repair(raw);
    expect(out.text).toBe('年均浓度不高于97微克/立方米,要在2019年2月底前完成VOCs治理。\n');
    expect(out.edits.filter((e) => e.ruleId === AUTOSPACE_RULE)).toHaveLength(8);
    expect(unrepair(out.text, out.edits)).toBe(raw);
  });

  it('keeps separators: between Chinese words, after an organisation name, runs of spaces', () => {
    for (const text of [
      '中共郑州市委办公厅 郑州市人民政府办公厅',
      '国务院办公厅 2019年1月16日',
      '一级指标  2020年',
      'GB 50180',
    ])
      expect(autospaceProposals(text), text).toEqual([]);
  });

  it('reads the facts of a notice set with autospace as those of the notice', () => {
    for (const path of ['corpus/zhengzhou-2020-notice.txt', 'corpus/gov/012.txt', 'corpus/gov/006.txt']) {
      const text = readFileSync(path, 'utf8');
      const spaced = autospaced(text);
      expect(spaced).not.toBe(text);
      const scores = scoreAgainstOriginal(convertSync(spaced, { path }), convertSync(text, { path }));
      for (const s of scores.filter((x) => x.kind !== 'document'))
        expect(s.f1, `${path} ${s.kind}: missed ${s.missed.join(' ; ')}`).toBe(1);
    }
  });
});
