import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { convertSync } from '../../src/index.js';

const notice = (tasks: string) =>
  convertSync(
    Buffer.from(`关于印发郑州市2020年农村环境整治工作方案的通知

各县(市)区人民政府:
现将《郑州市2020年农村环境整治工作方案》印发给你们,请认真贯彻执行。

郑州市2020年农村环境整治工作方案

一、主要任务
(一)整治村庄环境
${tasks}
二、保障措施
(一)加强组织领导。各地要高度重视。
`),
    { path: 'notice.txt' },
  );

const WHOLE = `1.推进农村生活污水治理。完成30个村庄生活污水治理,建立运维管护机制,确保设施正常运行。加强农村黑臭水体排查整治,年底前完成整治任务。
牵头单位:市生态环境局、市农业农村局
责任单位:市水利局、市城管局
`;
const PARTS = `1.推进农村生活污水治理。完成35个村庄生活污水治理,建立运维管护机制,确保设施正常运行。
牵头单位:市生态环境局
责任单位:市水利局、市财政局
2.加强农村黑臭水体排查整治,年底前完成整治任务。
牵头单位:市农业农村局
责任单位:市城管局
`;

describe('changes inside a split or a merge', () => {
  it('split: units divided between the parts are no change; what a part gained or changed is, at that part', () => {
    const d = diff(notice(WHOLE), notice(PARTS));
    const facts = d.changes.filter((c) => c.kind !== 'task_split');
    expect(d.changes.find((c) => c.kind === 'task_split')).toMatchObject({
      oldPath: '一/(一)/1',
      newPaths: ['一/(一)/1', '一/(一)/2'],
    });
    expect(facts).toEqual([
      expect.objectContaining({
        kind: 'target_changed',
        oldPath: '一/(一)/1',
        newPath: '一/(一)/1',
        indicator: '村庄生活污水治理',
        direction: 'tightened',
      }),
      expect.objectContaining({
        kind: 'unit_added',
        oldPath: '一/(一)/1',
        newPath: '一/(一)/1',
        unit: '市财政局',
        role: 'responsible',
      }),
    ]);
  });

  it('merge: the same, mirrored (the merged task on the new side, the part holding the fact on the old)', () => {
    const d = diff(notice(PARTS), notice(WHOLE));
    expect(d.changes.find((c) => c.kind === 'task_merged')).toMatchObject({
      oldPaths: ['一/(一)/1', '一/(一)/2'],
      newPath: '一/(一)/1',
    });
    const facts = d.changes.filter((c) => c.kind !== 'task_merged');
    expect(facts).toEqual([
      expect.objectContaining({ kind: 'target_changed', oldPath: '一/(一)/1', direction: 'loosened' }),
      expect.objectContaining({ kind: 'unit_removed', oldPath: '一/(一)/1', unit: '市财政局' }),
    ]);
    for (const c of facts) expect(c.newPath).toBe('一/(一)/1');
  });
});
