import { describe, expect, it } from 'vitest';
import { structureGrammar } from '../../src/parse/grammar.js';
import { DAMAGED_CODE, GAP_CODE } from '../../src/repair/headings.js';
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
  ['  17.甲\n  (J) 乙\n  (2) 丙\n  (3) 丁', '  17.甲\n  (1)乙\n  (2)丙\n  (3)丁'],
  ['  26.甲\n  (也 ) 乙\n  (2) 丙', '  26.甲\n  (1)乙\n  (2)丙'],
  ['  28.甲\n  (七禁止焚烧秸秆。\n  (2)丙', '  28.甲\n  (1)禁止焚烧秸秆。\n  (2)丙'],
  ['  (3)甲\n  (l)乙\n  (5)丙', '  (3)甲\n  (4)乙\n  (5)丙'],
  ['  1 .加快土壤环境监测', '  1.加快土壤环境监测'],
  ['计划 (2018一 2020年 )', '计划(2018—2020年)'],
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

  it('accepts (X) restarting under each 一、 and (X) running on across them, as State Council notices write', () => {
    const gaps = (text: string) => repair(text).diagnostics.filter((d) => d.code === GAP_CODE);
    expect(gaps('  一、甲\n  (一)a\n  (二)b\n  二、乙\n  (一)c\n  (二)d')).toEqual([]);
    expect(gaps('  一、甲\n  (一)a\n  (二)b\n  二、乙\n  (三)c\n  (四)d')).toEqual([]);
    expect(gaps('  一、甲\n  (一)a\n  (二)b\n  二、乙\n  (四)c')).toHaveLength(1);
    expect(gaps('  一、甲\n  (一)a\n  二、乙\n  (一)b\n  (三)c')).toHaveLength(1);
  });

  it('restores a damaged (X) that runs on across 一、 from its next sibling', () => {
    expect(repair('  一、甲\n  (一)子\n  (二)丑\n  二、乙\n  (也)寅\n  (四)卯').text).toContain('(三)寅');
  });

  it('converts numerals', () => {
    const g = structureGrammar();
    expect([1, 10, 12, 20, 35].map((n) => g.numeral(n))).toEqual(['一', '十', '十二', '二十', '三十五']);
    expect(['一', '十', '十二', '二十', '三十五'].map((s) => g.chineseNumber(s))).toEqual([
      1, 10, 12, 20, 35,
    ]);
  });
});

describe('damaged sub-item markers', () => {
  it('stay, with a diagnostic, when the sequence does not tell', () => {
    for (const text of [
      '  1.甲\n  (J)乙\n  2.丙',
      '  (J)乙\n  (三)丙',
      '  1.甲\n  (1)乙\n  (J)丙\n  (2)丁',
    ]) {
      const result = repair(text);
      expect(result.edits.filter((e) => e.ruleId === 'heading-sequence')).toEqual([]);
      expect(result.diagnostics.map((d) => d.code)).toContain(DAMAGED_CODE);
    }
  });

  it('leave a legal enumeration and a closed parenthesis alone', () => {
    for (const text of ['第五条\n(甲)出卖人\n(乙)买受人', '  1.甲\n  (七月起施行)。\n  (2)丙'])
      expect(repair(text).text).toBe(text);
  });
});

describe('role labels', () => {
  const units = ['市生态环境局', '市交通局'];

  it('repairs a label with one mis-read character before a unit list', () => {
    expect(repair('  率头单位 :市生态环境局', { knownUnits: units }).text).toBe('  牵头单位:市生态环境局');
    expect(repair('达头单位：市交通局', { knownUnits: units }).text).toBe('牵头单位：市交通局');
  });

  it('keeps labels of other kinds, ambiguous tokens and lists without units', () => {
    for (const text of [
      '主管单位:市生态环境局',
      '主管部门:市交通局',
      '举办单位:市交通局',
      '率头单位:请于月底前报送',
    ])
      expect(repair(text, { knownUnits: units }).text).toBe(text);
  });
});

describe('unit names in role lines', () => {
  const units = ['荥阳市', '中牟县政府', '各开发区管委会', '市城建局', '市市场监管局', '新密市', '新郑市'];

  it('repairs a name one edit from exactly one known unit', () => {
    const raw = '  责任单位:荣阳市、中件县政府、各开发区管会\n';
    expect(repair(raw, { knownUnits: units }).text).toBe('  责任单位:荥阳市、中牟县政府、各开发区管委会\n');
  });

  it('repairs a known tail of a longer name only inside the known part', () => {
    const raw = '责任单位:贾鲁河沿线各开发区管会';
    expect(repair(raw, { knownUnits: units }).text).toBe('责任单位:贾鲁河沿线各开发区管委会');
    expect(repair('责任单位:二七区市场监管局', { knownUnits: units }).edits).toEqual([]);
  });

  it('leaves names outside role lines, repeated names, abbreviations and ambiguous names', () => {
    const keep = [
      '在荣阳市开展',
      '责任单位:市场监管局',
      '牵头单位:市城管局\n牵头单位:市城管局\n牵头单位:市城管局',
      '责任单位:荥阳市政',
    ];
    // The rule unit-name alone: place names in running text are rule place-name's (test/repair/places.test.ts).
    for (const text of keep)
      expect(repair(text, { knownUnits: units, rules: ['unit-name'] }).edits).toEqual([]);
    const result = repair('责任单位:新x市', { knownUnits: units });
    expect(result.edits).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toContain('unit-name-suspect');
  });

  it('never edits inside a number', () => {
    expect(repair('责任单位:郑州市第二中学', { knownUnits: ['郑州市第一中学'] }).edits).toEqual([]);
  });

  it('takes no candidate the same list already names, and reports a tie with how often each is listed', () => {
    const known = ['市城管局', '市城建局', '市交通局'];
    expect(repair('配合单位:市交通局、市城建局、市城官局', { knownUnits: known }).text).toBe(
      '配合单位:市交通局、市城建局、市城管局',
    );
    const tied = repair('配合单位:市城管局\n责任单位:市交通局、市城官局', { knownUnits: known });
    expect(tied.edits).toEqual([]);
    const note = tied.diagnostics.find((d) => d.code === 'unit-name-suspect');
    expect(note?.message).toContain(
      '市城管局 (listed 1 times) or 市城建局 (listed 0 times); left as written',
    );
  });
});

describe('unit names the notice itself decides, on OCR text (rule unit-misread)', () => {
  const known = ['市农委', '市城管局', '市城建局', '荥阳市', '新郑市', '县(市)区政府', '各县(市)区政府'];
  const lines = (label: string, name: string, n: number): string =>
    Array.from({ length: n }, () => `${label}:${name}\n\n`).join('');

  it('reads a recurring name as the one candidate the notice lists more often', () => {
    const raw = lines('牵头单位', '市农委', 4) + lines('责任单位', '市农妥', 3);
    const out = repair(raw, { knownUnits: known, ocr: true });
    expect(out.text).toBe(lines('牵头单位', '市农委', 4) + lines('责任单位', '市农委', 3));
    expect(out.diagnostics.some((d) => d.code === 'unit-name-evidence')).toBe(true);
    // Not on a text that shows no OCR damage, nor where the notice lists the unit less often.
    expect(repair(raw, { knownUnits: known, ocr: false }).text).toBe(raw);
    const fewer = lines('牵头单位', '市农委', 3) + lines('责任单位', '市农妥', 3);
    expect(repair(fewer, { knownUnits: known, ocr: true }).text).toBe(fewer);
  });

  it('reads one glyph read as two only where the result is a place of the region or listed often', () => {
    expect(repair('责任单位:新郑市、有花阳市\n', { knownUnits: known, ocr: true }).text).toBe(
      '责任单位:新郑市、荥阳市\n',
    );
    const raw = lines('责任单位', '县(市)区政府', 3) + '责任单位:有长(市)区政府\n';
    expect(repair(raw, { knownUnits: known, ocr: true }).text).toBe(
      lines('责任单位', '县(市)区政府', 4).trimEnd() + '\n',
    );
    // 市农委 listed once: no evidence for 市农有过.
    const once = '牵头单位:市农委\n\n责任单位:市农有过\n';
    expect(repair(once, { knownUnits: known, ocr: true }).text).toBe(once);
  });

  it('leaves a tie of two candidates both listed', () => {
    const raw = lines('牵头单位', '市城管局', 3) + lines('牵头单位', '市城建局', 1) + '责任单位:市城虹局\n';
    expect(repair(raw, { knownUnits: known, ocr: true }).text).toBe(raw);
  });
});

describe('gazetteer joins', () => {
  it('joins a name split by a paragraph break only when the joined form is known', () => {
    const raw = '  责任单位:荥阳市政府、新\n\n  密市政府\n';
    expect(repair(raw, { knownUnits: ['新密市政府'] }).text).toBe('  责任单位:荥阳市政府、新密市政府\n');
    expect(repair(raw).text).toBe(raw);
  });
});
