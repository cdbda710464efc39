import { describe, expect, it } from 'vitest';
import { DAMAGED_CODE } from '../../src/repair/headings.js';
import { repair } from '../../src/repair/index.js';

const headingEdits = (text: string) => repair(text).edits.filter((e) => e.ruleId === 'heading-sequence');

describe('OCR-damaged heading markers decided on evidence (issue 12)', () => {
  it('restores a marker whose closer was lost from the numeral it shows, on a heading line of its own', () => {
    const text = '  (七)甲\n  1.子\n  (八示范引领全市土壤污染防治开展\n\n  1.丑';
    expect(repair(text).text).toContain('(八)示范引领');
  });

  it('restores the last damaged heading of a run when it continues the run on a line of its own', () => {
    const text =
      '  二、甲\n  (七)子\n  1.a\n  (八示范引领\n\n  1.b\n  (放防范化解土壤环境风险\n\n  1.c\n  三、乙\n  (一)丑';
    const out = repair(text).text;
    expect(out).toContain('(八)示范引领');
    expect(out).toContain('(九)防范化解');
  });

  it('puts back the separator an item number lost, right after its previous sibling or first under a heading', () => {
    // tesseract on a skewed scan: "2 确保…", "1 .城镇…" (a space inside), the separator dropped.
    const text =
      '二、甲\n\n1 .城镇小区严格依标配建。\n\n2 确保小区配套如期移交。\n\n3规范小区配套使用。\n\n三、乙\n\n1 摸底排查。各地排查。\n\n2全面整改。\n\n四、丙';
    expect(repair(text).text).toBe(
      '二、甲\n\n1.城镇小区严格依标配建。\n\n2.确保小区配套如期移交。\n\n3.规范小区配套使用。\n\n三、乙\n\n1.摸底排查。各地排查。\n\n2.全面整改。\n\n四、丙',
    );
  });

  it('leaves a paragraph that opens with a count as it is when no sibling makes it an item', () => {
    for (const text of [
      '二、甲\n\n1.城镇小区严格依标配建。\n\n5家企业完成改造。\n\n三、乙',
      '二、甲\n\n城镇小区严格依标配建。\n\n3家企业完成改造。\n\n三、乙',
      '二、甲\n\n1家企业完成改造。\n\n三、乙',
    ])
      expect(repair(text).text).toBe(text);
  });

  it('fills the slots between two intact siblings with a run of damaged markers', () => {
    expect(repair('  (七)甲\n  (CAS)乙\n  ( 刀 )丙\n  (十)丁').text).toBe(
      '  (七)甲\n  (八)乙\n  (九)丙\n  (十)丁',
    );
  });

  it('restores a run of damaged markers whose intact numerals count up', () => {
    const text =
      '  一、甲\n  (一)a\n  二、乙\n  《一 ) 子。正文\n  《二 ) 丑。正文\n  《三 ) 寅。正文\n  《四 ) 卯。正文\n  三、丙';
    expect(repair(text).text).toContain('(一)子。正文\n  (二)丑。正文\n  (三)寅。正文\n  (四)卯。正文');
  });

  it('decides a damaged (1) under an item when the (X) run cannot restart there', () => {
    const text = '  (一)甲\n  17.乙\n  (了重点行业超低排放改造。10月底前完成。\n  (2)丙\n  (二)丁';
    expect(repair(text).text).toContain('(1)重点行业');
  });

  it('never turns a sentence that opens with a parenthesis into a heading', () => {
    for (const text of [
      // "(八" opening a sentence, not a heading line of its own
      '  (七)甲\n  (八个方面的工作要抓紧推进，确保完成。\n  二、乙',
      '  (七)甲\n  1.子\n  (八月底前完成\n  全部改造任务。\n\n  二、乙',
      // a list whose second entry opens with a real parenthesis
      '  1.甲\n  (1)乙\n  (了解企业需求，做好服务)\n  (2)丙',
      // a wrapped unit list: "县(市)区" broken after 县, under a new 一、 heading
      '  (五)甲\n  二、乙\n  责任单位:各开发区管委会、县\n\n  (市) 区政府\n\n  25.丙',
    ])
      expect(headingEdits(text)).toEqual([]);
  });

  it('leaves a last damaged marker undecided when another damaged one follows it in its run', () => {
    const result = repair('  (五)甲\n  (市) 区政府\n\n  (CAS) 重点做好\n\n  三、乙');
    // "(市)" stays (two damaged markers, one slot: which is (六) is not known from it); "(CAS)" ends the run.
    expect(result.edits.filter((e) => e.ruleId === 'heading-sequence').map((e) => e.raw)).toEqual(['(CAS)']);
    expect(result.diagnostics.filter((d) => d.code === DAMAGED_CODE).map((d) => d.start)).toEqual([9]);
  });

  it('reads a bracketed place word after a place name as a wrap, not a damaged marker (县↵(市)区, 省↵(区、市))', () => {
    for (const text of [
      '  (一)甲\n  责任单位:各开发区管委会、县\n\n  (市)区政府\n\n  (三)丙',
      '  (一)甲，各省\n  （区、市）人民政府负责\n  (三)丙',
      '  1.甲\n  责任单位:各县\n  (市)区政府',
    ]) {
      const result = repair(text);
      expect(headingEdits(text), text).toEqual([]);
      expect(
        result.diagnostics.filter((d) => d.code === DAMAGED_CODE),
        text,
      ).toEqual([]);
    }
    // The same bracket after a word that is no place name stays a damaged marker the sequence decides.
    expect(repair('  (一)甲\n  牵头\n  (市)区政府\n  (三)丙').text).toContain('(二)区政府');
  });
});
