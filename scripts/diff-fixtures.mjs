#!/usr/bin/env node
/**
 * Makes the third edition of the seed's known-edit pairs: corpus/diff/zhengzhou-2022-notice.txt from
 * corpus/diff/zhengzhou-2021-notice.txt, with the edits below, and its known edits in
 * corpus/diff/zhengzhou-2021-2022.expected.json. Run `node scripts/diff-fixtures.mjs` after changing an edit;
 * `--check` only verifies that the committed files are what the script makes.
 *
 * Every year moves on by one (2021 → 2022, 2020 → 2021: dates, sentences, cited provincial plans, ranges), which
 * must give no change; each edit then replaces one exact passage (found exactly once) and lists the changes it
 * makes. No task is renumbered: the moved task is the last of its section and goes first into the next one, the
 * split task is the last of its section.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIR = join(ROOT, 'corpus', 'diff');
const OLD = 'corpus/diff/zhengzhou-2021-notice.txt';
const NEW = 'corpus/diff/zhengzhou-2022-notice.txt';
const EXPECTED = 'corpus/diff/zhengzhou-2021-2022.expected.json';

/** @type {{ find: string; replace: string; changes: object[] }[]} */
const EDITS = [
  {
    // an upper bound made strict at the same value: tighter
    find: 'PM】。(可吸入颗粒物)年均浓度不高于97微克/立方米',
    replace: 'PM】。(可吸入颗粒物)年均浓度低于97微克/立方米',
    changes: [
      {
        kind: 'target_changed',
        plan: 'air',
        direction: 'tightened',
        old: { comparator: '<=', value: 97 },
        new: { comparator: '<', value: 97 },
      },
    ],
  },
  {
    // a task moved to the next section (the last of 三/(四) goes first into 三/(五)) that also gains a unit
    find: `  13.严格控制货车流量。完善电子通行证和电子卡口智能管理,每天根据环境条件调整电子通行证办理数量,控制货车流量。

  牵头单位:市公安局

  配合单位:市生态环境局、市交通局

  (五)加强柴油货车污染治理
`,
    replace: `  (五)加强柴油货车污染治理

  13.严格控制货车流量。完善电子通行证和电子卡口智能管理,每天根据环境条件调整电子通行证办理数量,控制货车流量。

  牵头单位:市公安局

  配合单位:市生态环境局、市交通局、市城管局
`,
    changes: [
      { kind: 'task_moved', plan: 'air', oldPath: '三/(四)/13', newPath: '三/(五)/13' },
      {
        kind: 'unit_added',
        plan: 'air',
        oldPath: '三/(四)/13',
        newPath: '三/(五)/13',
        role: 'cooperating',
        unit: '市城管局',
      },
    ],
  },
  {
    // a bare count of what is built or achieved: more is tighter
    find: '按时完成国家下达的25个特色产业集群综合整治',
    replace: '按时完成国家下达的30个特色产业集群综合整治',
    changes: [
      {
        kind: 'target_changed',
        plan: 'air',
        oldPath: '四/(一)/17',
        newPath: '四/(一)/17',
        direction: 'tightened',
        indicator: '国家下达的特色产业集群综合整治',
        old: { value: 25 },
        new: { value: 30 },
      },
    ],
  },
  {
    // a soft figure becomes a bound: tighter
    find: '可再生能源发电装机容量累计达到50万千瓦左右',
    replace: '可再生能源发电装机容量累计达到50万千瓦以上',
    changes: [
      {
        kind: 'target_changed',
        plan: 'air',
        oldPath: '四/(二)/23',
        newPath: '四/(二)/23',
        direction: 'tightened',
        old: { comparator: 'approx', value: 50 },
        new: { comparator: '>=', value: 50 },
      },
    ],
  },
  {
    // a bound becomes a soft figure: looser
    find: '农田灌溉水有效利用系数达到0.6以上',
    replace: '农田灌溉水有效利用系数达到0.6左右',
    changes: [
      {
        kind: 'target_changed',
        plan: 'water',
        oldPath: '四/25',
        newPath: '四/25',
        direction: 'loosened',
        old: { comparator: '>=', value: 0.6 },
        new: { comparator: 'approx', value: 0.6 },
      },
    ],
  },
  {
    // a split that divides the units between its parts; the second part also gains one
    find: `  3.加强土壤污染突发事件应急处置。各县(市)区要加快 制定超标农产品应急处置预案;对受污染耕地按照国家要求开展风险管控和治理期农产品临田检测,对发现的超标农产品,确保不流入市场。做好工业企业土壤污染突发事件的应急处置工作。

  牵头单位:市农业农村局、市生态环境局依职责分别牵头

  责任单位:市粮食和储备局、市公安局、市工信局、市应急局、市资源规划局,各开发区管委会、县(市)区政府
`,
    replace: `  3.加强超标农产品应急处置。各县(市)区要加快 制定超标农产品应急处置预案;对受污染耕地按照国家要求开展风险管控和治理期农产品临田检测,对发现的超标农产品,确保不流入市场。

  牵头单位:市农业农村局

  责任单位:市粮食和储备局、市公安局,各开发区管委会、县(市)区政府

  4.加强土壤污染突发事件应急处置。做好工业企业土壤污染突发事件的应急处置工作。

  牵头单位:市生态环境局

  责任单位:市工信局、市应急局、市资源规划局、市城管局,各开发区管委会、县(市)区政府
`,
    changes: [
      { kind: 'task_split', plan: 'soil', oldPath: '三/(九)/3', newPaths: ['三/(九)/3', '三/(九)/4'] },
      {
        kind: 'unit_added',
        plan: 'soil',
        oldPath: '三/(九)/3',
        newPath: '三/(九)/4',
        role: 'responsible',
        unit: '市城管局',
      },
    ],
  },
  {
    // a phrase added
    find: '完善电子通行证和电子卡口智能管理,',
    replace: '完善电子通行证和电子卡口智能管理,加强重型货车绕行管控,',
    changes: [{ kind: 'wording_changed', plan: 'air', oldPath: '三/(四)/13', newPath: '三/(五)/13' }],
  },
];

const EXPECTED_HEAD = {
  description:
    'The hand-written 2021 edition (zhengzhou-2021-notice.txt) against a third edition made from it by scripts/diff-fixtures.mjs: every year moved on by one (no change), a bound made strict, a soft figure made a bound and a bound made soft, a bare count raised, a task moved to the next section with a unit gained, a split dividing the units between its parts (one part gaining a unit), a phrase added. One entry per edit and kind.',
  old: OLD,
  new: NEW,
};

/** Every year moved on by one, as a new edition does. */
const shiftYears = (text) => text.replace(/20(2[01])/g, (y) => String(Number(y) + 1));

function make() {
  let text = shiftYears(readFileSync(join(ROOT, OLD), 'utf8'));
  const changes = [];
  for (const edit of EDITS) {
    const find = shiftYears(edit.find);
    const at = text.indexOf(find);
    if (at < 0 || text.indexOf(find, at + 1) >= 0)
      throw new Error(`edit not found exactly once: ${find.slice(0, 40)}…`);
    text = text.slice(0, at) + shiftYears(edit.replace) + text.slice(at + find.length);
    changes.push(...edit.changes);
  }
  const expected = `${JSON.stringify({ ...EXPECTED_HEAD, changes }, null, 2)}\n`;
  return { text, expected };
}

const { text, expected } = make();
if (process.argv.includes('--check')) {
  const same =
    readFileSync(join(ROOT, NEW), 'utf8') === text && readFileSync(join(ROOT, EXPECTED), 'utf8') === expected;
  if (!same) {
    process.stderr.write(`${NEW} or ${EXPECTED} is not what scripts/diff-fixtures.mjs makes: run it again\n`);
    process.exit(1);
  }
} else {
  writeFileSync(join(DIR, 'zhengzhou-2022-notice.txt'), text);
  writeFileSync(join(DIR, 'zhengzhou-2021-2022.expected.json'), expected);
}
