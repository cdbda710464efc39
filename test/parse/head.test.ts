/**
 * The head of a notice (issue 13): the same document fields whatever the layout a website or office gives it.
 * Examples written in the styles of several provinces' sites (headings, furniture, traditional characters).
 */
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';
import { headFields } from '../helpers/head.js';

const fields = headFields;

const BODY = '现将《某省2021年大气污染防治工作方案》印发给你们，请认真贯彻执行。\n';
const SIGN = '某省人民政府办公厅\n2021年3月15日\n';

/** One notice's head in five layouts. */
const LAYOUTS: Record<string, string> = {
  plain: `某政办发〔2021〕5号\n某省人民政府办公厅关于印发某省2021年大气污染防治工作方案的通知\n各市人民政府，省政府各部门：\n${BODY}${SIGN}`,
  'split and spaced title': `某政办发〔2021〕5号\n某省人民政府办公厅\n关于印发某省2021年大气污染防治工作方案的\n通    知\n各市人民政府，省政府各部门：\n${BODY}${SIGN}`,
  'number after the title': `某省人民政府办公厅关于印发某省2021年\n大气污染防治工作方案的通知\n某政办发〔2021〕5号\n各市人民政府，省政府各部门：\n${BODY}${SIGN}`,
  'number glued before the title': `某政办发〔2021〕5号《某省人民政府办公厅关于印发某省2021年大气污染防治工作方案的通知》\n各市人民政府，省政府各部门：\n${BODY}${SIGN}`,
  'with furniture': `当前位置：首页 > 政务公开 > 政策文件\n某省人民政府办公厅关于印发某省2021年大气污染防治工作方案的通知\n发布日期：2021-03-20    浏览次数：35\n来源：省政府办公厅\n扫一扫在手机打开当前页\n某政办发〔2021〕5号\n各市人民政府，省政府各部门：\n${BODY}${SIGN}`,
};

describe('head of a notice', () => {
  const want = {
    title: '某省人民政府办公厅关于印发某省2021年大气污染防治工作方案的通知',
    issuers: ['某省人民政府办公厅'],
    docNumber: '某政办发〔2021〕5号',
    date: '2021-03-15',
    recipients: ['各市人民政府', '省政府各部门'],
  };
  for (const [name, text] of Object.entries(LAYOUTS))
    it(`gives the same fields: ${name}`, () => expect(fields(text)).toEqual(want));

  it('keeps the upload date out of the 成文日期 and records it as publishDate', () => {
    const d = convertSync(LAYOUTS['with furniture']!, { path: 'h.txt' }).document;
    expect(d.date).toBe('2021-03-15');
    expect(d.publishDate).toBe('2021-03-20');
  });

  it('reads a traditional head on a simplified copy and keeps the original (湖北 style)', () => {
    const f = fields(
      '省人民政府關于\n進一步優化營商環境的若干意見\n鄂政發〔2018〕26號\n各市、州、縣人民政府，省政府各部門：\n一、總體要求\n',
    );
    expect(f.title).toBe('省人民政府關于進一步優化營商環境的若干意見');
    expect(f.issuers).toEqual(['省人民政府']);
    expect(f.docNumber).toBe('鄂政發〔2018〕26號');
    expect(f.recipients).toEqual(['各市、州、縣人民政府', '省政府各部門']);
  });

  it('takes joint issuers on lines above the title (河北 style)', () => {
    const f = fields(
      '冀发〔2021〕5号\n中共某市委\n某市人民政府\n关于印发《某市实施方案》的通知\n各县委和人民政府：\n现将《某市实施方案》印发给你们。\n中共某市委\n某市人民政府\n2021年3月15日\n',
    );
    expect(f.issuers).toEqual(['中共某市委', '某市人民政府']);
    expect(f.title).toBe('中共某市委某市人民政府关于印发《某市实施方案》的通知');
    expect(f.docNumber).toBe('冀发〔2021〕5号');
  });

  it('skips a masthead and a doc-sharing site blurb (湖南 style) and a site headline (山东 style)', () => {
    const f = fields(
      '某省人民政府办公厅文件\n时间:2019-05-14 10:45:55下载本文\n第一篇:某省人民政府办公厅文件\n湘政办发〔2009〕24号\n某省人民政府办公厅关于加强某项\n工作的通知\n各市州人民政府：\n一、充分认识。\n',
    );
    expect(f.title).toBe('某省人民政府办公厅关于加强某项工作的通知');
    expect(f.docNumber).toBe('湘政办发〔2009〕24号');
    const g = fields(
      '当前位置:首页 >> 信息公开\n17号 十三五规划\n2017-02-14    点击:8次\n菏定安发〔2016〕17号\n关于印发某规划的\n通    知\n各镇街：\n现印发给你们。\n某区安全生产委员会\n2016年12月30日\n',
    );
    expect(g.title).toBe('关于印发某规划的通知');
    expect(g.docNumber).toBe('菏定安发〔2016〕17号');
    expect(g.date).toBe('2016-12-30');
  });

  it('cuts a flattened head at the site label (辽宁 style) and leaves unstated fields empty', () => {
    const f = fields(
      '|\n某市人民政府关于印发某市纲要的通知时间:2021-03-16 各区人民政府: 《某市纲要》业经审议。\n',
    );
    expect(f.title).toBe('某市人民政府关于印发某市纲要的通知');
    expect(f.docNumber).toBeNull();
    expect(f.date).toBeNull();
  });

  it('records the person who signs a decree as a signatory, never as an issuer', () => {
    const d = convertSync(
      '中华人民共和国国务院令\n第714号\n《某某条例》已经国务院常务会议通过，现予公布，自公布之日起施行。\n总理　李克强\n2019年3月2日\n',
      { path: 'decree.txt' },
    ).document;
    expect(d.signatories).toEqual(['总理 李克强']);
    expect(d.issuers).not.toContain('李克强');
    expect(d.issuers).not.toContain('总理');
    expect(d.date).toBe('2019-03-02');
  });

  it('splits run-in headings of one level that share a line (黑龙江 style), and not other markers', () => {
    const g = convertSync(
      '某省人民政府关于落实重点工作责任分工的意见\n各市人民政府：\n一、主要目标\n(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(省财政厅负责)\n(三)投资增长30%以上，见(四)款。\n',
      { path: 'runin.txt' },
    );
    const paths = g.nodes.filter((n) => n.type === 'section').map((n) => (n as { path: string }).path);
    expect(paths).toEqual(['一', '一/(一)', '一/(二)', '一/(三)']);
  });
});

describe('titles without 关于 (replies, letters)', () => {
  const REPLY = '你提出的建议收悉。现答复如下。\n';
  it('a State Council reply over two lines, 发文字号 after it', () =>
    expect(
      fields(
        `国务院办公厅对十三届全国人大二次会议\n第1234号建议的答复\n国办函〔2019〕12号\n张三代表：\n${REPLY}国务院办公厅\n2019年7月1日\n`,
      ),
    ).toEqual({
      title: '国务院办公厅对十三届全国人大二次会议第1234号建议的答复',
      issuers: ['国务院办公厅'],
      docNumber: '国办函〔2019〕12号',
      date: '2019-07-01',
      recipients: ['张三代表'],
    }));
  it('a province reply with the issuer on its own line', () =>
    expect(
      fields(
        `广东省人民政府办公厅\n对省政协十二届三次会议第20200123号提案的答复\n粤办函〔2020〕88号\n李四委员：\n${REPLY}广东省人民政府办公厅\n2020年6月1日\n`,
      ),
    ).toMatchObject({
      title: '广东省人民政府办公厅对省政协十二届三次会议第20200123号提案的答复',
      issuers: ['广东省人民政府办公厅'],
      docNumber: '粤办函〔2020〕88号',
      recipients: ['李四委员'],
    }));
  it('a 复函 followed directly by its addressee', () =>
    expect(
      fields(
        `四川省人民政府办公厅\n对成都市有关事项的复函\n成都市人民政府：\n你市请示收悉。\n四川省人民政府办公厅\n2021年2月3日\n`,
      ),
    ).toMatchObject({
      title: '四川省人民政府办公厅对成都市有关事项的复函',
      issuers: ['四川省人民政府办公厅'],
      recipients: ['成都市人民政府'],
      date: '2021-02-03',
    }));
  it('a prose line is never a title', () =>
    expect(fields('国务院批复了你部的请示。\n民政部\n2020年6月1日\n').title).toBe(''));
});

describe('主送机关 flattened onto the title line', () => {
  it('after a 发布日期 label (Shandong style)', () =>
    expect(
      fields(
        '|\n济南市人民政府关于印发某某工作方案的通知发布日期：2021-05-06 各区县人民政府，市政府各部门： 现将方案印发给你们。\n',
      ).recipients,
    ).toEqual(['各区县人民政府', '市政府各部门']));
  it('after a 时间 label with a Chinese date (Sichuan style)', () =>
    expect(
      fields(
        '成都市人民政府关于某某工作的通知 时间：2021年5月6日 各区（市）县政府，市政府各部门，有关单位： 现将有关事项通知如下。\n',
      ).recipients,
    ).toEqual(['各区（市）县政府', '市政府各部门', '有关单位']));
  it('after a site label line below the title (黑龙江 and 杭州 styles, lines joined)', () => {
    expect(
      fields(
        '黑龙江省人民政府关于落实重点工作责任分工的意见\n发布日期:2013-03-27浏览次数:1各市(地)人民政府(行署),省政府各有关直属单位:\n按照省政府的部署,现提出意见如下:\n',
      ).recipients,
    ).toEqual(['各市(地)人民政府(行署)', '省政府各有关直属单位']);
    const g = convertSync(
      '杭州市人民政府办公厅关于印发重点工作责任分解的通知\n发布时间:2020-05-29 14:36:23各区、县(市)人民政府,市政府各部门、各直属单位:\n《责任分解》已经市政府同意,现印发给你们。\n',
      { path: 'h.txt' },
    ).document;
    expect(g.recipients).toEqual(['各区、县(市)人民政府', '市政府各部门、各直属单位']);
    expect(g.publishDate).toBe('2020-05-29');
  });
  it('a grid of labels alone on their lines whose lines were joined (湖北 style): each label its value', () => {
    const g = convertSync(
      '市人民政府办公室关于印发若干措施的通知\n索引号\n000014349/2023-26788文件类型\n通知\n发文单位\n市人民政府办公室\n发布日期\n2023年06月07日17:35:09效力状态\n有效\n十政办发〔2023〕19号\n市人民政府办公室\n关于印发若干措施的通知\n各县市区人民政府,市政府各部门:\n《若干措施》已经市人民政府同意,现印发给你们。\n',
      { path: 'h.txt' },
    ).document;
    expect(g.recipients).toEqual(['各县市区人民政府', '市政府各部门']);
    expect(g.publishDate).toBe('2023-06-07');
    expect(g.docNumber).toBe('十政办发〔2023〕19号');
  });
  it('site labels run onto the title line are read (山东 style), a time glued to the date too', () => {
    const text = (when: string) =>
      `鲁政发〔2014〕20号《山东省人民政府关于深化预算管理制度改革的实施意见》浏览量:时间:${when}\n山东省人民政府关于深化预算管理制度改革的实施意见\n鲁政发〔2014〕20号\n各市人民政府:\n现将有关事项通知如下。\n`;
    for (const when of ['2016-01-17 23:45:19', '2016-01-1723:45:19']) {
      const g = convertSync(text(when), { path: 'h.txt' }).document;
      expect(g.publishDate, when).toBe('2016-01-17');
      expect(g.fullTitle ?? g.title).toBe('山东省人民政府关于深化预算管理制度改革的实施意见');
    }
  });
  it('no list when the text after the label is prose', () =>
    expect(
      fields('某市人民政府关于某某工作的通知 时间：2021年5月6日 为做好工作，现通知如下：\n').recipients,
    ).toEqual([]));
});

describe('GB/T 9704 elements around the head', () => {
  const HEAD =
    '某政办发〔2020〕12号　　签发人：王五\n某省人民政府办公厅关于做好某项工作的通知\n各市人民政府：\n现将有关事项通知如下。\n';
  const PRINT = '抄送：省委各部门。\n某省人民政府办公厅 2020年4月17日印发\n';
  it('份号, 密级, 紧急程度, 签发人, 附注, 抄送 and 印发 set aside; the 成文日期 is the signature date', () =>
    expect(
      fields(
        `000123\n机密★1年\n特急\n某省人民政府办公厅文件\n${HEAD}某省人民政府办公厅\n2020年4月16日\n（此件公开发布）\n${PRINT}`,
      ),
    ).toEqual({
      title: '某省人民政府办公厅关于做好某项工作的通知',
      issuers: ['某省人民政府办公厅'],
      docNumber: '某政办发〔2020〕12号',
      date: '2020-04-16',
      recipients: ['各市人民政府'],
    }));
  it('the 印发 date never becomes the 成文日期', () => expect(fields(`${HEAD}${PRINT}`).date).toBeNull());
});

describe('traditional characters, pinyin glosses and mojibake', () => {
  it('reads Taiwan and Hong Kong variants through OpenCC data, offsets one to one (香港 style)', () => {
    const f = fields(
      '東莞市人民政府辦公室關於印發東莞市為民辦實事項目實施方案的通知\n東府辦〔2021〕54號\n各鎮人民政府（街道辦事處），市府直屬各單位：\n現將方案印發給你們。\n',
    );
    expect(f.title).toBe('東莞市人民政府辦公室關於印發東莞市為民辦實事項目實施方案的通知');
    expect(f.docNumber).toBe('東府辦〔2021〕54號');
    expect(f.recipients).toEqual(['各鎮人民政府（街道辦事處）', '市府直屬各單位']);
  });

  it('diagnoses pinyin glosses and reads the title without them (福建 style)', () => {
    const g = convertSync(
      '福建省人民政府關於印發(fā)福建省營商環境實施方案的通(tōng)知\n閩政〔2020〕3號\n各市、縣（區）人民政府：\n現將方案印發給你們。\n',
      { path: 'gloss.txt' },
    );
    expect(g.document.fullTitle ?? g.document.title).toBe(
      '福建省人民政府關於印發福建省營商環境實施方案的通知',
    );
    expect(g.document.docNumber).toBe('閩政〔2020〕3號');
    const d = g.diagnostics.filter((x) => x.code === 'pinyin-gloss');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain('(fā)');
  });

  it('diagnoses a mojibake run and never takes it for an issuer (江苏 style)', () => {
    const g = convertSync(
      'æ±Ÿè‹çœ\n关于做好某项工作的通知\n苏政发〔2020〕8号\n各设区市人民政府：\n现将有关事项通知如下。\n',
      { path: 'mojibake.txt' },
    );
    expect(g.document.issuers).toEqual([]);
    expect(g.document.title).toBe('关于做好某项工作的通知');
    expect(g.document.docNumber).toBe('苏政发〔2020〕8号');
    expect(g.diagnostics.some((x) => x.code === 'mojibake')).toBe(true);
  });

  it('a plain (fā) after a Latin word or a numbered (1) is no gloss', () => {
    const g = convertSync('某市人民政府关于某项工作的通知\n各区人民政府：\n一、要求(1)加强领导。\n', {
      path: 'x.txt',
    });
    expect(g.diagnostics.filter((x) => x.code === 'pinyin-gloss')).toEqual([]);
  });
});

describe('GB/T 9704 elements recognised wherever they stand', () => {
  const codes = (text: string) =>
    convertSync(text, { path: 'h.txt' }).diagnostics.filter((d) => d.code === 'head-element');

  it('份号, 密级 and 紧急程度 on one line, 签发人 on its own line above the title (浙江 style)', () => {
    const text =
      '000045  秘密★1年  加急\n浙江省人民政府办公厅文件\n浙政办发〔2021〕12号\n签发人：陈某\n浙江省人民政府办公厅关于做好防汛工作的通知\n各市、县（市、区）人民政府：\n现将有关事项通知如下。\n浙江省人民政府办公厅\n2021年6月1日\n';
    expect(headFields(text)).toEqual({
      title: '浙江省人民政府办公厅关于做好防汛工作的通知',
      issuers: ['浙江省人民政府办公厅'],
      docNumber: '浙政办发〔2021〕12号',
      date: '2021-06-01',
      recipients: ['各市、县（市、区）人民政府'],
    });
    const d = codes(text);
    expect(d).toHaveLength(2);
    expect(d[1]!.message).toContain('陈某');
  });

  it('a decree: 发文机关标志 …令 with its 令号 gives title, 令号 and issuer; the signing 省长 a signatory (广东 style)', () => {
    const d = convertSync(
      '广东省人民政府令\n第288号\n《广东省某某管理办法》已经2021年5月10日省人民政府第十三届127次常务会议通过，现予公布，自2021年7月1日起施行。\n省长　马某某\n2021年5月20日\n',
      { path: 'decree.txt' },
    ).document;
    expect(d.title).toBe('广东省人民政府令第288号');
    expect(d.docNumber).toBe('第288号');
    expect(d.issuers).toEqual(['广东省人民政府']);
    expect(d.signatories).toEqual(['省长 马某某']);
    expect(d.date).toBe('2021-05-20');
  });

  it('a decree with its 令号 on the same line (北京 style); a line ending in 令 with no 令号 is no decree', () => {
    expect(
      headFields('北京市人民政府令 第285号\n北京市某某办法\n市长　陈某\n2019年11月20日\n'),
    ).toMatchObject({
      title: '北京市人民政府令第285号',
      issuers: ['北京市人民政府'],
      docNumber: '第285号',
    });
    expect(headFields('关于严格执行禁令\n现将有关事项通知如下。\n').title).toBe('');
  });
});

describe('headings: contents, attachment lists, a lost numeral', () => {
  const sections = (text: string) => {
    const g = convertSync(text, { path: 'h.txt' });
    return {
      paths: g.nodes.filter((n) => n.type === 'section').map((n) => (n as { path: string }).path),
      tasks: g.nodes.filter((n) => n.type === 'task').map((n) => (n as { path: string }).path),
      codes: g.diagnostics.map((d) => d.code),
    };
  };
  const LETTER =
    '某市人民政府关于印发某市营商环境实施方案的通知\n各区人民政府，市政府各部门：\n现将《某市营商环境实施方案》印发给你们，请认真贯彻执行。\n某市人民政府\n2018年3月1日\n某市营商环境实施方案\n';
  const PARA = '以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大精神，持续优化营商环境。\n';

  it('a table of contents is text, not sections (江西 style, leader dots and page numbers)', () => {
    const s = sections(
      `${LETTER}目  录\n一、总体要求……………………………………1\n（一）指导思想……………………………………1\n二、主要任务……………………………………3\n一、总体要求\n（一）指导思想\n${PARA}二、主要任务\n${PARA}`,
    );
    expect(s.paths).toEqual(['一', '一/(一)', '二']);
    expect(s.codes).toContain('table-of-contents');
  });

  it('a contents flattened on one line, no 目录 header (辽宁 style)', () => {
    const s = sections(
      `${LETTER}第一章 发展基础.......................6 第一节 主要成就.......................7\n一、总体要求\n${PARA}`,
    );
    expect(s.paths).toEqual(['一']);
  });

  it('an ellipsis before a figure in prose is no contents entry', () => {
    const s = sections(`${LETTER}一、工作目标\n全市完成率达到……95%，其他……3个。\n二、主要任务\n${PARA}`);
    expect(s.paths).toEqual(['一', '二']);
    expect(s.codes).not.toContain('table-of-contents');
  });

  it('an attachment list (附件：1.… 2.…) makes no tasks (山西 style)', () => {
    const s = sections(
      `${LETTER}一、主要任务\n1.深化商事制度改革。\n附件：1.2018年营商环境重点任务分解表\n2.营商环境评价指标清单\n3.责任单位名单\n`,
    );
    expect(s.paths).toEqual(['一']);
    expect(s.tasks).toEqual(['一/1']);
  });

  it('a lost top-level numeral is restored from the sequence, with a diagnostic (河南 style)', () => {
    const s = sections(
      `${LETTER}总体要求\n（一）指导思想\n${PARA}（二）基本原则\n${PARA}二、主要任务\n${PARA}`,
    );
    expect(s.paths).toEqual(['一', '一/(一)', '一/(二)', '二']);
    expect(s.codes).toContain('heading-restored');
  });

  it('no numeral is restored where the sequence does not call for one', () => {
    const s = sections(`${LETTER}一、总体要求\n工作目标\n（一）指导思想\n${PARA}二、主要任务\n${PARA}`);
    expect(s.paths).toEqual(['一', '一/(一)', '二']);
    expect(s.codes).not.toContain('heading-restored');
  });
});

/** The fields of the notice the metadata-grid tests lay out. */
const GRID_FIELDS = {
  title: '某省人民政府办公厅关于做好某项工作的通知',
  issuers: ['某省人民政府办公厅'],
  docNumber: '某政办发〔2021〕7号',
  date: '2021-03-15',
  recipients: ['各市人民政府', '省政府各部门'],
};

describe('a metadata grid with two labels on a line', () => {
  // The notice itself states neither its issuer nor its dates: they come from the grid, each label its own value.
  const NOTICE =
    '某省人民政府办公厅关于做好某项工作的通知\n各市人民政府，省政府各部门：\n现将有关事项通知如下。\n一、总体要求\n';
  const want = GRID_FIELDS;
  const GRIDS: Record<string, string> = {
    'two pairs a line, full-width spaces (gov.cn print)':
      '索引号：11410000/2021-00012　主题分类：综合政务\n发文机关：某省人民政府办公厅　成文日期：2021年03月15日\n标题：某省人民政府办公厅关于做好某项工作的通知\n发文字号：某政办发〔2021〕7号　发布日期：2021年03月20日\n',
    'one pair a line':
      '发文机关：某省人民政府办公厅\n成文日期：2021年03月15日\n发文字号：某政办发〔2021〕7号\n发布日期：2021-03-20\n',
    'pairs run together, no space between the cells (PDF text)':
      '发文机关:某省人民政府办公厅成文日期:2021-03-15\n发文字号:某政办发〔2021〕7号发布时间:2021-03-20 10:05\n',
    'columns set apart by spaces (pdftotext -layout)':
      '发文机关：某省人民政府办公厅             成文日期：2021年03月15日\n发文字号：某政办发〔2021〕7号              发布日期：2021年03月20日\n',
    'cells by tabs (an HTML table read as text), a label with no value':
      '发文机关：\t某省人民政府办公厅\t成文日期：\t2021年3月15日\n发文字号：\t某政办发〔2021〕7号\t主题词：\t\n发布日期：2021-03-20\n',
  };
  for (const [name, grid] of Object.entries(GRIDS))
    it(`each label takes its own value: ${name}`, () => {
      expect(fields(`${grid}${NOTICE}`)).toEqual(want);
      expect(convertSync(`${grid}${NOTICE}`, { path: 'h.txt' }).document.publishDate).toBe('2021-03-20');
    });

  it('a label inside a value without a colon is text (标题：…时间…)', () =>
    expect(fields('标题：关于调整作息时间的通知\n发文字号：某政办发〔2021〕7号\n').docNumber).toBe(
      '某政办发〔2021〕7号',
    ));
});

describe('the 发文字号 with its year in any brackets', () => {
  const notice = (number: string) =>
    `${number}\n国务院办公厅关于开展某项工作的通知\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下。\n国务院办公厅\n2019年1月9日\n`;
  it.each([
    ['国办发〔2019〕3号', '国办发〔2019〕3号'],
    ['国办发[2019]3号', '国办发〔2019〕3号'],
    ['国办发［2019］3号', '国办发〔2019〕3号'],
    ['国办发(2019)3号', '国办发〔2019〕3号'],
    ['国办发（2019）3号', '国办发〔2019〕3号'],
    ['国办发【2019】3号', '国办发〔2019〕3号'],
    ['国办发﹝2019﹞第3号', '国办发〔2019〕第3号'],
    // tesseract: characters spaced out, 】 read as j
    ['国 办 发 [2019] 3 号', '国办发〔2019〕3号'],
    ['国办发【2018j 127号', '国办发〔2018〕127号'],
    ['鄂政發［2018］26號', '鄂政發〔2018〕26號'],
  ])('%s is written %s, the printed spelling kept in a diagnostic', (printed, standard) => {
    const g = convertSync(notice(printed), { path: 'h.txt' });
    expect(g.document.docNumber).toBe(standard);
    const notes = g.diagnostics.filter((d) => d.code === 'doc-number-normalised');
    if (printed.replace(/\s/g, '') === standard) expect(notes).toEqual([]);
    else {
      expect(notes).toHaveLength(1);
      expect(notes[0]!.message).toContain(printed.replace(/\s/g, ''));
      expect(notice(printed).slice(notes[0]!.start, notes[0]!.end)).toBe(printed);
    }
  });

  it('after the title and glued before it alike; a j after digits in prose is no 发文字号', () => {
    expect(fields('国务院办公厅关于开展某项工作的通知\n国办发[2019]3号\n各省人民政府：\n').docNumber).toBe(
      '国办发〔2019〕3号',
    );
    expect(fields('国办发(2019)3号国务院办公厅关于开展某项工作的通知\n各省人民政府：\n').docNumber).toBe(
      '国办发〔2019〕3号',
    );
    expect(fields('某省人民政府关于开展某项工作的通知\n全省2019j共完成3号任务。\n').docNumber).toBeNull();
  });
});

describe('主送机关 read by OCR', () => {
  const head = (to: string) =>
    `国务院办公厅关于开展某项工作的通知\n国办发〔2019〕3号\n${to}\n现将有关事项通知如下。\n`;
  it('a conjunction tesseract read into the indent before 各… is dropped, with a warning', () => {
    const g = convertSync(head('和各省、自治区、直辖市人民政府，国务院各部委、各直属机构 :'), {
      path: 'h.txt',
    });
    expect(g.document.recipients).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
    expect(g.diagnostics.map((d) => d.code)).toContain('recipient-noise');
  });
  it('a name that starts with 和 or 与 is kept', () => {
    expect(fields(head('和平区人民政府，市政府各部门：')).recipients).toEqual([
      '和平区人民政府',
      '市政府各部门',
    ]);
    expect(fields(head('与会各单位：')).recipients).toEqual(['与会各单位']);
  });
});

describe('a site headline run into the title', () => {
  it('two wrapped titles back to back on one line: the first, with the 发文字号 glued before them (北京 style)', () => {
    const f = fields(
      '京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n京政办发〔2016〕26号\n各区人民政府,市政府各委、办、局,各市属机构:\n《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们。\n',
    );
    expect(f.title).toBe('北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知');
    expect(f.docNumber).toBe('京政办发〔2016〕26号');
    expect(f.recipients).toEqual(['各区人民政府', '市政府各委、办、局', '各市属机构']);
  });
});

describe('a metadata grid whose label cells wrapped (a printed page copied out of its PDF)', () => {
  // A copied page holds a body whose full lines give the text its measure (a grid alone is all short lines).
  const BODY =
    '现将有关事项通知如下。\n一、总体要求\n各地区、各部门要把做好某项工作摆在更加突出的位置，加强组织\n领导，压实工作责任，细化工作措施，确保各项任务按期完成。要\n建立健全工作机制，定期调度工作进展，及时研究解决工作中遇到\n的困难和问题，推动工作取得实效。\n';
  const NOTICE = `\n某省人民政府办公厅关于做好\n某项工作的通知\n\n某政办发〔2021〕7号\n各市人民政府，省政府各部门：\n${BODY}`;
  const want = GRID_FIELDS;
  const GRIDS: Record<string, string> = {
    // pdftotext: each cell's lines in turn, the tails of two labels after the row
    'cells one after another': `12/6/26, 10:14 PM\n\n索 引 11410000/2021-00012\n主题分 综合政务\n号：\n类：\n发文机 某省人民政府办公厅\n成文日 2021年03月15日\n关：\n期：\n标\n题： 某省人民政府办公厅关于做好某项工作的通知\n发文字 某政办发〔2021〕7号\n发布日 2021年03月20日\n号：\n期：\n主题\n词：\n`,
    // pdftotext -layout: a row's two cells on a line, their tails on the next
    'cells side by side': `       索 引 11410000/2021-00012  主题分 综合政务\n       号：                        类：\n       发文机 某省人民政府办公厅       成文日 2021年03月15日\n       关：                        期：\n       标\n       题： 某省人民政府办公厅关于做好某项工作的通知\n       发文字 某政办发〔2021〕7号        发布日 2021年03月20日\n       号：                        期：\n`,
  };
  for (const [name, grid] of Object.entries(GRIDS))
    it(`reads each label with its value and never takes a cell for the title: ${name}`, () => {
      expect(fields(`${grid}${NOTICE}`)).toEqual(want);
      expect(convertSync(`${grid}${NOTICE}`, { path: 'h.txt' }).document.publishDate).toBe('2021-03-20');
    });

  it('the notice states nothing: the grid fills title, issuers, 发文字号 and 成文日期', () =>
    expect(fields(`${GRIDS['cells side by side']}\n${BODY}`)).toEqual({
      ...want,
      recipients: [],
    }));

  it('a line of a colon-ended word with no head above it is no grid', () =>
    expect(
      fields(
        '某省人民政府办公厅关于做好某项工作的通知\n某政办发〔2021〕7号\n各市：\n现将有关事项通知如下。\n',
      ).recipients,
    ).toEqual(['各市']));

  describe('a scanned head whose OCR damaged the title line', () => {
    const scan = (title: string, masthead = '某省人民政府办公厅文件') =>
      fields(
        `${masthead}\n某政办发〔2021〕5号\n${title}\n关于开展某项工作的通千\n各市人民政府，省政府各部门：\n${BODY}${SIGN}`,
      );

    it('takes a title whose last word is one character off when the 主送机关 follows it', () => {
      const f = scan('某省人民政府办公厅');
      // The letter says 通知如下: the title word read 通千 is 通知 (a title-end-damaged warning).
      expect(f.title).toBe('某省人民政府办公厅关于开展某项工作的通知');
      expect(f.recipients).toEqual(['各市人民政府', '省政府各部门']);
    });

    it('completes an issuer whose first characters were lost, or one misread, from the masthead', () => {
      expect(scan('省人民政府办公厅').issuers).toEqual(['某省人民政府办公厅']);
      expect(scan('某省人民政府办公斤').issuers).toEqual(['某省人民政府办公厅']);
      // Two characters off the masthead: the signature, a third printing, settles it by a vote (issuer-voted);
      // with a signature that differs too, as read.
      expect(scan('某省人民政府办分斤').issuers).toEqual(['某省人民政府办公厅']);
      expect(scan('某省人民政府办分斤', '某市人民政府办公室文件').issuers).toEqual(['某省人民政府办分斤']);
      expect(scan('省人民政府办公厅', '').issuers).toEqual(['省人民政府办公厅']);
    });

    it('splits joint issuers at a quotation mark read for the space between them', () => {
      expect(
        fields(
          `某政办发〔2021〕5号\n中共某省委办公厅”某省人民政府办公厅\n关于开展某项工作的通知\n各市人民政府：\n${BODY}${SIGN}`,
        ).issuers,
      ).toEqual(['中共某省委办公厅', '某省人民政府办公厅']);
    });

    it('takes no title one character off without the 主送机关 after it', () => {
      const f = fields(`某省人民政府办公厅关于开展某项工作的通千\n现将有关事项通知如下。\n${BODY}${SIGN}`);
      expect(f.title).not.toContain('通千');
    });
  });
});
