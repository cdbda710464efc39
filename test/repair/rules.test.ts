import { describe, expect, it } from 'vitest';
import { GAP_CODE, chineseNumber, chineseNumeral } from '../../src/repair/headings.js';
import { repair } from '../../src/repair/index.js';

const cases: [string, string][] = [
  ['2020年PM】。(可吸入颗粒物)', '2020年PM10(可吸入颗粒物)'],
  ['豫环攻坚办〔2020J 7号', '豫环攻坚办〔2020〕7号'],
  ['严格限制高硫高灰煤开釆', '严格限制高硫高灰煤开采'],
  ["  (五')启动地下水污染防治", '  (五)启动地下水污染防治'],
  ['确保2020 年底前断面水质达标', '确保2020年底前断面水质达标'],
  ['中共郑州市委办公厅 郑州市人民政府办公厅', '中共郑州市委办公厅 郑州市人民政府办公厅'],
  ['Windows and Linux', 'Windows and Linux'],
  ['国办发〔2019〕3号', '国办发〔2019〕3号'],
  ['国发[2019]5号', '国发[2019]5号'],
  ['  (二)甲\n  伍)乙\n  (四)丙', '  (二)甲\n  (三)乙\n  (四)丙'],
  ['  (二)甲\n  （三）乙', '  (二)甲\n  （三）乙'],
  ['一\r\n二', '一\n二'],
];

describe('repair, table', () => {
  for (const [from, to] of cases) {
    it(JSON.stringify(from), () => expect(repair(from).text).toBe(to));
  }
});

describe('heading sequences', () => {
  it('reports a missing heading', () => {
    const result = repair('  (一)甲\n  (二)乙\n  (四)丁');
    expect(result.diagnostics.map((d) => d.code)).toContain(GAP_CODE);
    expect(result.edits).toEqual([]);
  });

  it('accepts items restarting at 1 and items running on, and "4.10月底前" as item 4', () => {
    const text = '  (一)甲\n  1.a\n  2.b\n  (二)乙\n  1.c\n  2.d\n  (三)丙\n  3.e\n  4.10月底前\n  5.f';
    expect(repair(text).diagnostics.filter((d) => d.code === GAP_CODE)).toEqual([]);
  });

  it('converts numerals', () => {
    expect([1, 10, 12, 20, 35].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '三十五']);
    expect(['一', '十', '十二', '二十', '三十五'].map(chineseNumber)).toEqual([1, 10, 12, 20, 35]);
  });
});

describe('gazetteer joins', () => {
  it('joins a name split by a paragraph break only when the joined form is known', () => {
    const raw = '  责任单位:荥阳市政府、新\n\n  密市政府\n';
    expect(repair(raw, { knownUnits: ['新密市政府'] }).text).toBe('  责任单位:荥阳市政府、新密市政府\n');
    expect(repair(raw).text).toBe(raw);
  });
});
