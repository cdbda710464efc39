/** The 版记 (GB/T 9704) at a document's end: 抄送 and 印发 read into the document, never into the body. */
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';

const notice = (tail: string): string =>
  [
    '某省人民政府办公厅关于做好某项工作的通知',
    '某政办发〔2021〕12号',
    '各市人民政府，省政府各部门：',
    '一、加强组织领导',
    '1.建立工作机制。各市要于2021年6月底前建立协调机制。',
    '2.落实工作责任。省财政厅要做好资金保障。',
    '某省人民政府办公厅',
    '2021年3月5日',
    '（此件公开发布）',
    tail,
  ].join('\n') + '\n';

describe('the 版记 at the end of a notice', () => {
  it('gives 抄送机关, 印发机关 and 印发日期, the 成文日期 from the signature, and stays out of the last task', () => {
    const g = convertSync(
      notice(
        '抄送：省委各部门，省人大常委会办公厅，省政协\n办公厅，省法院，省检察院。\n某省人民政府办公厅　　　2021年3月8日印发',
      ),
    );
    expect(g.document.copyTo).toEqual([
      '省委各部门',
      '省人大常委会办公厅',
      '省政协办公厅',
      '省法院',
      '省检察院',
    ]);
    expect(g.document.printedBy).toBe('某省人民政府办公厅');
    expect(g.document.printDate).toBe('2021-03-08');
    expect(g.document.date).toBe('2021-03-05');
    const body = g.nodes.filter((n) => n.type === 'task').map((n) => n.text);
    expect(body).toHaveLength(2);
    expect(body.join('\n')).not.toMatch(/抄送|印发|此件公开发布|2021年3月5日/);
  });

  it("reads the 版记 before a scan's misread page number", () => {
    const g = convertSync(notice('抄送：省委各部门。\n某省人民政府办公厅 2021年3月8日印发\n30王'));
    expect(g.document.copyTo).toEqual(['省委各部门']);
    expect(g.document.printDate).toBe('2021-03-08');
    expect(
      g.nodes
        .filter((n) => n.type === 'task')
        .map((n) => n.text)
        .join('\n'),
    ).not.toMatch(/抄送|30王/);
  });

  it('reads a print line alone, and a 抄送 line without one', () => {
    const printed = convertSync(notice('某省人民政府办公厅 2021年3月8日印发'));
    expect(printed.document.printDate).toBe('2021-03-08');
    expect(printed.document.copyTo).toBeUndefined();
    const copied = convertSync(notice('抄送：省委各部门。'));
    expect(copied.document.copyTo).toEqual(['省委各部门']);
    expect(copied.document.printedBy).toBeUndefined();
  });

  it('takes no sentence for a 抄送 list, and leaves a notice without a 版记 without the fields', () => {
    const sentence = convertSync(notice('抄送有关单位。各地要认真落实。'));
    expect(sentence.document.copyTo).toBeUndefined();
    const none = convertSync(notice(''));
    expect(none.document.copyTo).toBeUndefined();
    expect(none.document.printDate).toBeUndefined();
    expect(none.document.date).toBe('2021-03-05');
  });
});
