import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { diffWords, sameUpToYearShift } from '../../src/diff/wording.js';
import { convertSync } from '../../src/index.js';

const convert = (text: string) => convertSync(Buffer.from(text), { path: 'notice.txt' });

/** A notice whose plan title and date name no year: only its sentences do. */
const noYearTitle = (tasks: string) => `关于印发农村环境整治工作方案的通知

各县(市)区人民政府:
现将《农村环境整治工作方案》印发给你们,请认真贯彻执行。

农村环境整治工作方案

一、主要任务
(一)整治村庄环境
${tasks}`;

const TASKS_2020 = `1.推进村庄整治。2020年底前,完成省定村庄整治任务。牵头单位:市农业农村局。
2.落实省级方案。按照《河南省2020年农村人居环境整治工作方案》要求,做好2020年度考核工作。牵头单位:市生态环境局。
3.巩固整治成果。在2019年完成规划编制的基础上,加快实施农村污水处理设施建设。责任单位:各县(市)区政府。
4.加强监测。对照2015年基线,开展农村饮用水水源地水质监测。牵头单位:市水利局。
`;
const shift = (text: string) => text.replace(/20(19|20)/g, (y) => String(Number(y) + 1));

describe('the year shift of a new edition', () => {
  it('is no change when only sentences name the year (titles and dates do not), and is listed once', () => {
    const old = convert(noYearTitle(TASKS_2020));
    const neu = convert(noYearTitle(shift(TASKS_2020)));
    const d = diff(old, neu);
    expect(d.changes).toEqual([]);
    expect(d.yearShift).toEqual({ old: 2020, new: 2021 });
  });

  it('is no change in the years of a plan named in its title, cited plans and a baseline that stays', () => {
    const withYear = (year: number, tasks: string) =>
      noYearTitle(tasks).replaceAll('农村环境整治工作方案', `郑州市${year}年农村环境整治工作方案`);
    const d = diff(convert(withYear(2020, TASKS_2020)), convert(withYear(2021, shift(TASKS_2020))));
    expect(d.changes).toEqual([]);
    expect(d.yearShift).toEqual({ old: 2020, new: 2021 });
  });

  it('still reports a real edit beside a shifted year, and shows the shifted year as kept', () => {
    const edited = shift(TASKS_2020).replace('做好2021年度考核工作', '做好2021年度考核和通报工作');
    const d = diff(convert(noYearTitle(TASKS_2020)), convert(noYearTitle(edited)));
    expect(d.changes.map((c) => c.kind)).toEqual(['wording_changed']);
    const ops = d.changes[0]?.kind === 'wording_changed' ? d.changes[0].diff : [];
    expect(ops.filter((o) => o.op !== 'equal')).toEqual([{ op: 'insert', text: '和通报' }]);
  });

  it('a pair of the same edition has no year shift', () => {
    const g = convert(noYearTitle(TASKS_2020));
    expect(diff(g, g).yearShift).toBeUndefined();
  });

  it('token equality: the shift, the same year, nothing else', () => {
    const same = sameUpToYearShift(1);
    expect(same('2020', '2021')).toBe(true);
    expect(same('2015', '2015')).toBe(true);
    expect(same('2020', '2022')).toBe(false);
    expect(same('100', '101')).toBe(false);
    expect(diffWords('2020年底前', '2021年底前', same)).toEqual([{ op: 'equal', text: '2021年底前' }]);
  });
});
