import { describe, expect, it } from 'vitest';
import { hardWrapProposals } from '../../src/layout/hardwrap.js';
import { paragraphsFromLines, printWidth, type LayoutLine } from '../../src/layout/paragraphs.js';
import { rewrap, type RewrapOptions } from '../../src/layout/rewrap.js';
import { applyProposals } from '../../src/repair/fixer.js';
import { convertSync } from '../../src/index.js';

/** The paragraphs of `paras` re-wrapped with `options`, as the joins give them back. */
function roundTrip(paras: string[], options: RewrapOptions): string[] {
  const text = rewrap(paras.join('\n'), options);
  expect(hardWrapProposals(text).length).toBeGreaterThan(0);
  return applyProposals(text, hardWrapProposals(text))
    .text.split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A body paragraph of `n` characters with a comma every ten (no sentence end but its last). */
const body = (n: number): string =>
  Array.from({ length: n - 1 }, (_, i) => (i % 10 === 9 ? '，' : '务实推进各项工作落实'[i % 10])).join('') +
  '。';

/** Paragraphs whose notes end full lines at NOTE_WIDTH, before run-in headings, parallel openings or more text. */
const NOTE_WIDTH = 24;
// head + filler + note, the filler sized so that the note ends exactly at a line end.
const filled = (head: string, note: string): string => {
  const n = NOTE_WIDTH * Math.ceil((head.length + note.length + 12) / NOTE_WIDTH) - head.length - note.length;
  return head + body(n) + note;
};
const NOTE_PARAS = [
  '二、主要任务',
  filled('实施工业绿色生产，推动固体废物总量趋零增长。', '（自然资源部指导）'),
  // A run-in heading: a short sentence, more text after it.
  filled('健全标准体系，推动大宗工业固体废物资源化利用。', '（工业和信息化部指导）'),
  filled('以规模养殖场为重点，逐步实现畜禽粪污就近就地综合利用。', '（农业农村部指导）'),
  // A long first sentence, but its first clause parallels one of the paragraph before (…为重点，).
  filled(
    '以收集、利用等环节为重点，坚持因地制宜、农用优先、就地就近原则，推动秸秆全量利用。',
    '（农业农村部指导）',
  ),
  // Inside a paragraph: the sentence after the note has a note of its own (a whole item), so it continues.
  filled('夯实危险废物过程严控基础。', '（生态环境部指导）') +
    '开展收集经营许可证制度试点。（生态环境部指导）' +
    body(30),
  body(45),
];

describe('the paragraph model', () => {
  it('ends the head at the 主送机关 even when it fills the measure', () => {
    const paras = [
      '国务院关于推进某项工作的意见',
      '国发〔2019〕5号',
      '各省、自治区、直辖市人民政府，国务院各部委：',
    ];
    const width = paras[2]!.length;
    expect(roundTrip([...paras, body(90), body(70), body(55)], { width })).toEqual([
      ...paras,
      body(90),
      body(70),
      body(55),
    ]);
  });

  it('in a text that indents first lines, a line with no punctuation after a sentence end continues', () => {
    // Line 1 of the paragraph ends with its first sentence; line 2 holds no punctuation (a title would not).
    const tricky = '国家卫生健康委推行统一编码。' + '国家中医药局印发全国统一的中医病证分类代码' + body(30);
    const paras = ['一、总体要求', tricky, body(61), '二、工作任务', body(45)];
    expect(roundTrip(paras, { width: 16, indent: '\u3000\u3000' })).toEqual(paras);
  });

  it('a marker after an inline run of the same list continues the paragraph', () => {
    const list = '（一）加强管理。要求如下：（1）制定计划；' + '（2）开展保养和维护并记录；（3）配置。';
    const paras = [body(40), list, body(50), '（二）加强监督。' + body(30)];
    expect(roundTrip(paras, { width: 21 })).toEqual(paras);
  });

  it('a label the text opened paragraphs with opens one again after a sentence end', () => {
    const def = '计算方法：特需医疗服务量除以全部医疗服务量。'; // 22 characters: a full line at width 22
    const paras = [
      body(170),
      '指标来源：医院填报。',
      def,
      '指标来源：国家卫生健康委。',
      body(132),
      def,
      '指标来源：医院填报。',
    ];
    expect(roundTrip(paras, { width: def.length })).toEqual(paras);
  });

  it('4.10月底前 after a role line is item 4, not a decimal; 控制在20 / 85万吨 stays one number', () => {
    const role = '责任单位：市财政局，各开发区管委会、县区政府';
    const paras = [
      '3.加强农用地安全利用。' + body(31),
      '牵头单位：市农业农村局',
      role,
      '4.10月底前，全面完成受污染耕地安全利用面积任务。' + body(40),
      '5.强化监管，排放总量控制在2085万吨以内。' + body(46),
    ];
    const back = roundTrip(paras, { width: role.length });
    expect(back).toEqual(paras);
  });

  it('a line with no punctuation is no title when the next line ends its sentence in a few characters', () => {
    const first = '务实推进各项工作落实'.repeat(2).slice(0, 19) + '。';
    const bare = '全市土壤环境质量总体保持稳定并力争有所改';
    const paras = [body(55), first + bare + '善。' + body(35), body(61), body(45)];
    expect(roundTrip(paras, { width: bare.length })).toEqual(paras);
  });

  it('in the head, the issuers line and a title that fill the measure stay apart', () => {
    const issuers = '中共郑州市委办公厅 郑州市人民政府办公厅';
    const paras = [issuers, '关于印发郑州市某某实施方案的通知', '各区政府：', body(61), body(70), body(45)];
    expect(roundTrip(paras, { width: issuers.length })).toEqual(paras);
  });

  it('a note closing a full line ends the paragraph when a run-in heading or a parallel opening follows', () => {
    expect(roundTrip(NOTE_PARAS, { width: NOTE_WIDTH })).toEqual(NOTE_PARAS);
  });

  it('a role label inside a note still open goes on with the note', () => {
    const note = '(牵头单位:市行政审批局;';
    const width = 24;
    const first = '(一)深化政务服务建设。' + body(width * 3 - 12 - note.length) + note;
    expect(first.length % width).toBe(0);
    const paras = [
      '一、降低制度性交易成本',
      first + '责任单位:市直相关单位,各县市区)',
      '(二)推行信用承诺制。' + body(50),
      body(45),
    ];
    expect(roundTrip(paras, { width })).toEqual(paras);
  });

  it('in an indented head, a time that ends a line at its colon goes on (17:35:↵09); a colon after a digit is no lead', () => {
    const date = '发布日期2023年06月07日 17:35:';
    const paras = [
      '某某市人民政府关于印发某某措施的通知',
      date + '09',
      '各县市区人民政府,市政府各部门:',
      body(61),
      body(70),
      body(120),
      body(95),
      body(45),
    ];
    expect(roundTrip(paras, { width: date.length + 2, indent: '\u3000\u3000' })).toEqual(paras);
  });

  it('has no measure for a grid copied alone (no two long lines alike): its cells are not joined', () => {
    const grid =
      '       索 引 11410000/2021-00012  主题分 综合政务\n       号：                        类：\n' +
      '       发文机 某省人民政府办公厅       成文日 2021年03月15日\n       关：                        期：\n' +
      '       标\n       题： 某省人民政府办公厅关于做好某项工作的通知\n' +
      '       发文字 某政办发〔2021〕7号        发布日 2021年03月20日\n       号：                        期：\n';
    const text = `${grid}\n现将有关事项通知如下。\n`;
    expect(hardWrapProposals(text)).toEqual([]);
    const d = convertSync(text, { path: 'grid.txt' }).document;
    expect([d.title, d.issuers, d.docNumber, d.date]).toEqual([
      '某省人民政府办公厅关于做好某项工作的通知',
      ['某省人民政府办公厅'],
      '某政办发〔2021〕7号',
      '2021-03-15',
    ]);
    // Lines of one width make a measure: a hard-wrapped text is still joined.
    const paras = [body(90), body(70), body(45)];
    expect(roundTrip(paras, { width: 20 })).toEqual(paras);
  });
});

/**
 * Paragraphs of `paras` set on pages as a typesetter would: `width` ideographs a line at 16 pt, a left edge at 72,
 * no first-line indent unless `indent`, lines cut at the width, `perPage` lines a page.
 */
function setOnPages(
  paras: string[],
  { width, indent = 0, perPage = 40 }: { width: number; indent?: number; perPage?: number },
): LayoutLine[] {
  const size = 16;
  const lines: LayoutLine[] = [];
  for (const p of paras) {
    let rest = [...p];
    let first = true;
    while (rest.length) {
      const room = width - (first ? indent : 0);
      const text = rest.slice(0, room).join('');
      rest = rest.slice(room);
      const x0 = 72 + (first ? indent * size : 0);
      const n = lines.length;
      lines.push({
        text,
        x0,
        x1: x0 + printWidth(text) * size,
        y: 100 + (n % perPage) * size * 1.5,
        page: 1 + Math.floor(n / perPage),
        fontSize: size,
      });
      first = false;
    }
  }
  return lines;
}

/** The paragraphs the model finds among paged `lines`. */
function pagedParagraphs(lines: LayoutLine[]): string[] {
  const { breaks } = paragraphsFromLines(lines);
  const out: string[] = [];
  lines.forEach((l, i) => (breaks[i] ? out.push(l.text) : (out[out.length - 1] += l.text)));
  return out;
}

describe('the paragraph model on paged lines (a PDF’s geometry)', () => {
  it('opens a paragraph at a first-line indent and after a sentence that stops short of the column', () => {
    const paras = ['一、总体要求', body(61), body(70), '二、工作任务', body(45)];
    expect(pagedParagraphs(setOnPages(paras, { width: 24, indent: 2 }))).toEqual(paras);
  });

  it('a line cut short without a sentence end (a number kept whole) goes on; a vertical gap opens a paragraph', () => {
    const lines = setOnPages([body(33) + '排放总量控制在2085万吨以内。', body(40)], { width: 20 });
    // The typesetter kept 2085 whole: the line before it stops three characters short, with no sentence end.
    const cut = lines.findIndex((l) => l.text.includes('2085'));
    expect(cut).toBeGreaterThan(0);
    lines[cut - 1] = { ...lines[cut - 1]!, x1: lines[cut - 1]!.x1! - 3 * 16 };
    expect(pagedParagraphs(lines)).toEqual([body(33) + '排放总量控制在2085万吨以内。', body(40)]);
    const gapped = setOnPages([body(40), body(40)], { width: 20 });
    // The two paragraphs set apart by a blank line's height, both ending full lines.
    for (const l of gapped.slice(2)) l.y! += 24;
    expect(pagedParagraphs(gapped)).toEqual([body(40), body(40)]);
  });

  it('a line that left room for the next line’s first character ends its paragraph, sentence end or not', () => {
    // A web page's path line (所在位置:…) four characters short of the column, then the title: the typesetter
    // would have set 关 on it had the line gone on. Before a number kept whole (2085) the same room is no end.
    const paras = ['所在位置:杭州网>热点专题新闻栏目', '关于印发某某工作方案的通知', body(40)];
    const lines = setOnPages(paras, { width: 20 });
    expect(pagedParagraphs(lines)).toEqual(paras);
    const kept = setOnPages(['所在位置:杭州网>热点专题新闻栏目2085万吨以内。'], { width: 20 });
    const [a, b] = [kept[0]!.text, kept[1]!.text];
    kept.splice(
      0,
      2,
      { ...kept[0]!, text: a.slice(0, 16), x1: 72 + 16 * 16 },
      { ...kept[1]!, text: a.slice(16) + b },
    );
    expect(pagedParagraphs(kept)).toEqual(['所在位置:杭州网>热点专题新闻栏目2085万吨以内。']);
  });

  it('without indents, a note closing a full line before a run-in heading ends the paragraph (as in text)', () => {
    expect(pagedParagraphs(setOnPages(NOTE_PARAS, { width: NOTE_WIDTH }))).toEqual(NOTE_PARAS);
  });

  it('measures each column of a page against its own edges, and a grid cell is a paragraph of its own', () => {
    const left = setOnPages([body(30), body(25)], { width: 12 }).map((l) => ({ ...l, column: 'left' }));
    const right = setOnPages([body(30)], { width: 12 }).map((l) => ({
      ...l,
      x0: l.x0! + 240,
      x1: l.x1! + 240,
      column: 'right',
    }));
    const cell: LayoutLine = { text: '序号', x0: 72, x1: 104, y: 400, page: 1, fontSize: 16, block: true };
    const after = { ...right[0]!, text: '务实推进', x1: right[0]!.x0! + 64, y: 420, blankBefore: true };
    expect(pagedParagraphs([...left, ...right, { ...cell, blankBefore: true }, after])).toEqual([
      body(30),
      body(25),
      body(30),
      '序号',
      '务实推进',
    ]);
  });
});
