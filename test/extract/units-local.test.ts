/** The generic local office table: a unit's canonical name from the notice's own place, in every city. */
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';

/** A small notice of `issuer` whose one task names `units` in a role clause. */
const notice = (issuer: string, date: string, units: string): string =>
  [
    `${issuer}关于印发重点工作方案的通知`,
    `${issuer}：`,
    '现将方案印发给你们，请认真贯彻执行。',
    issuer,
    date,
    '重点工作方案',
    '一、重点任务',
    `（一）优化服务。全面推行告知承诺制。${units}`,
  ].join('\n');

const canonicals = (text: string): Record<string, string | null> =>
  Object.fromEntries(
    convertSync(text).nodes.flatMap((n) => (n.type === 'unit' ? [[n.name, n.canonical]] : [])),
  );

describe('local offices named by the notice’s own place', () => {
  it.each([
    [
      '广州市人民政府办公厅',
      '2021年3月1日',
      '（市住建局牵头，市发展改革委、市人社局配合）',
      {
        市住建局: '广州市住房和城乡建设局',
        市发展改革委: '广州市发展和改革委员会',
        市人社局: '广州市人力资源和社会保障局',
      },
    ],
    [
      '宜阳县人民政府办公室',
      '2019年6月1日',
      '（县发改局牵头，县环保局、县财政局配合）',
      { 县发改局: '宜阳县发展和改革局', 县环保局: '宜阳县生态环境局', 县财政局: '宜阳县财政局' },
    ],
    [
      '广东省人民政府办公厅',
      '2018年6月1日',
      '（省住建厅牵头，省环保厅配合）',
      { 省住建厅: '广东省住房和城乡建设厅', 省环保厅: '广东省环境保护厅' },
    ],
    [
      '中共广州市委办公厅',
      '2021年3月1日',
      '（市委组织部牵头，市委宣传部配合）',
      { 市委组织部: '中共广州市委组织部', 市委宣传部: '中共广州市委宣传部' },
    ],
    [
      '成都市人民政府办公厅',
      '2021年3月1日',
      '（市经信局牵头，市税务局、市城管委、市政务服务管理局、市文旅局、市妇联配合）',
      {
        市经信局: '成都市经济和信息化局',
        市税务局: '国家税务总局成都市税务局',
        市城管委: '成都市城市管理委员会',
        市政务服务管理局: '成都市政务服务管理局',
        市文旅局: '成都市文化和旅游局',
        市妇联: '成都市妇女联合会',
      },
    ],
    [
      '中共成都市委办公厅',
      '2021年3月1日',
      '（市纪委监委牵头，市委编办、市委网信办、市直机关工委配合）',
      {
        市纪委监委: '中共成都市纪律检查委员会 成都市监察委员会',
        市委编办: '中共成都市委机构编制委员会办公室',
        市委网信办: '中共成都市委网络安全和信息化委员会办公室',
        市直机关工委: '中共成都市直属机关工作委员会',
      },
    ],
    [
      '汝阳县人民政府办公室',
      '2021年3月1日',
      '（县教体局牵头，县卫健局、县行政审批局配合）',
      { 县教体局: '汝阳县教育和体育局', 县卫健局: '汝阳县卫生健康局', 县行政审批局: '汝阳县行政审批局' },
    ],
  ])('%s', (issuer, date, units, expected) => {
    expect(canonicals(notice(issuer, date, units))).toEqual(expected);
  });

  it('gives an office written bare the issuer’s own place, in a local notice only', () => {
    const hlj = canonicals(notice('黑龙江省人民政府', '2013年3月27日', '（省发改委、农委、统计局分别负责）'));
    expect(hlj['统计局']).toBe('黑龙江省统计局');
    const gov = canonicals(notice('国务院办公厅', '2019年1月3日', '（国家发展改革委、统计局负责）'));
    expect(gov['统计局']).toBe('国家统计局');
  });

  it('never gives another city’s 市生态环境局 a Zhengzhou name', () => {
    const got = canonicals(notice('洛阳市人民政府办公厅', '2020年4月16日', '（市生态环境局负责）'));
    expect(got).toEqual({ 市生态环境局: '洛阳市生态环境局' });
    const zz = canonicals(notice('郑州市人民政府办公厅', '2020年4月16日', '（市生态环境局负责）'));
    expect(zz).toEqual({ 市生态环境局: '郑州市生态环境局' });
  });
});
