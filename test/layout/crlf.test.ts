import { describe, expect, it } from 'vitest';
import { repair, unrepair } from '../../src/repair/index.js';
import { rewrap } from '../../src/layout/rewrap.js';

/**
 * CRLF line ends give the same repaired text as LF. The line-ending edits are made by the layout pass, before the
 * rules: a rule that removes a break (a place name split by a paragraph break) no longer overlaps them.
 */
describe('CRLF line ends', () => {
  const units = ['新密市政府', '荥阳市政府', '郑州市人民政府办公厅'];

  it('a place name split by a paragraph break is rejoined with CRLF as with LF', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const raw = `荥阳市政府、新${eol}${eol}  密市政府负责落实。${eol}`;
      const r = repair(raw, { knownUnits: units });
      expect(r.text, JSON.stringify(eol)).toBe('荥阳市政府、新密市政府负责落实。\n');
      expect(r.diagnostics.filter((d) => d.code === 'repair-overlap')).toEqual([]);
      expect(unrepair(r.text, r.edits)).toBe(raw);
    }
  });

  it('a hard-wrapped text with CRLF repairs to the text with LF', () => {
    const paras = [
      '一、工作目标',
      '到2020年,全市二氧化硫排放总量控制在2085万吨以内,重点行业排放强度进一步降低,优良天数比例达到60%以上。',
      '二、主要任务',
      '1.实施工业企业提标治理。2020年底前完成清零,全面完成钢铁、水泥、焦化等行业超低排放改造。',
      '牵头单位:市工信局、市生态环境局',
      '2.加强执法监管。严厉打击违法排污行为,重点打击私设暗管、篡改伪造监测数据等违法行为。',
      '责任单位:荥阳市政府、新',
      '',
      '密市政府',
    ].join('\n');
    for (const width of [20, 23, 29]) {
      const lf = repair(rewrap(paras, { width }), { knownUnits: units }).text;
      const crlf = repair(rewrap(paras, { width, eol: '\r\n' }), { knownUnits: units });
      expect(crlf.text, `width ${width}`).toBe(lf);
      expect(crlf.diagnostics.filter((d) => d.code === 'repair-overlap')).toEqual([]);
    }
  });
});
