import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextQuantity, QUANTITY_GROUPS } from '../../src/extract/quantity-scan.js';
import { compileTargets } from '../../src/extract/target-grammar.js';
import { extractTargets } from '../../src/extract/targets.js';
import { PACKAGE_ROOT } from '../../src/grammars.js';
import { expectLinear } from '../helpers/linear.js';
import { score, seedGoals, seedTasks, type SeedItem } from './seed.js';

const brief = (text: string) =>
  extractTargets(text).map(({ comparator, value, unit, kind, baseline }) =>
    baseline === undefined ? { comparator, value, unit, kind } : { comparator, value, unit, kind, baseline },
  );

describe('extractTargets: conventions', () => {
  it.each([
    ['PM10年均浓度不高于97微克/立方米', '<=', 97, '微克/立方米'],
    ['全市煤炭消费量控制在2085万吨以内,', '<=', 2085, '万吨'],
    ['累计达到50万千瓦左右。', 'approx', 50, '万千瓦'],
    ['公共充电桩与电动汽车比例不低于1 : 8,', '>=', '1:8', null],
    ['服务半径小于1公里。', '<', 1, '公里'],
    ['2020年,建成智慧化工地试点100个。', '=', 100, '个'],
    ['在高速入市口安装使用10套固定遥感监测设备', '=', 10, '套'],
    ['力争建成13个绿色矿山', '=', 13, '个'],
    ['完成59个村庄农村环境综合整治任务', '=', 59, '个'],
    ['完成五十九个村庄整治', '=', 59, '个'],
    ['达标率达到１００％。', '>=', 100, '%'],
    ['在全国168个重点城市空气质量排名稳定退出后20位。', 'not_in_last', 20, '位'],
    ['断面全部达到地表水III类水质', 'meets_class', 'III', '类'],
    ['水质稳定达到或优于Ⅲ类', 'meets_class', 'III', '类'],
    ['实施“动态清零”', '=', 0, null],
    ['新增可再生能源供暖面积500万平方米。', '=', 500, '万平方米'],
  ])('%s', (text, comparator, value, unit) =>
    expect(brief(text)).toEqual([{ comparator, value, unit, kind: 'target' }]),
  );

  it('reads changes against a baseline year', () => {
    expect(brief('比2018年降低7%以上')).toEqual([
      { comparator: 'reduce_by', value: 7, unit: '%', kind: 'target', baseline: 2018 },
    ]);
    expect(brief('用水量比2015年分别下降24%、25%以上。')).toEqual([
      { comparator: 'reduce_by', value: 24, unit: '%', kind: 'target', baseline: 2015 },
      { comparator: 'reduce_by', value: 25, unit: '%', kind: 'target', baseline: 2015 },
    ]);
    expect(
      brief('较2013年下降12%,与2015年相比实现零增长。').map((h) => [h.comparator, h.value, h.baseline]),
    ).toEqual([
      ['reduce_by', 12, 2013],
      ['increase_by', 0, 2015],
    ]);
  });

  it('splits 分别 lists into one target per value', () => {
    expect(brief('合格率分别不低于90%、95%,').map((h) => [h.comparator, h.value])).toEqual([
      ['>=', 90],
      ['>=', 95],
    ]);
    expect(brief('污水处理率分别达到98%以上和95%以上,').map((h) => [h.comparator, h.value])).toEqual([
      ['>=', 98],
      ['>=', 95],
    ]);
  });

  it('marks size limits inside rules as thresholds', () => {
    expect(brief('淘汰2000吨/日及以下通用水泥熟料生产线、30万千瓦以下煤电机组')).toEqual([
      { comparator: '<=', value: 2000, unit: '吨/日', kind: 'threshold' },
      { comparator: '<=', value: 30, unit: '万千瓦', kind: 'threshold' },
    ]);
    expect(brief('对市区10至20蒸吨(不含)天然气锅炉')).toEqual([
      { comparator: 'range', value: [10, 20], unit: '蒸吨', kind: 'threshold' },
    ]);
    expect(brief('禁止国四及以下柴油货车')).toEqual([
      { comparator: '<=', value: '国四', unit: null, kind: 'threshold' },
    ]);
  });

  it('gives offsets and an indicator', () => {
    const text = '一、目标\n全市煤炭消费量控制在2085万吨以内。';
    const [hit] = extractTargets(text);
    expect(hit && text.slice(hit.start, hit.end)).toBe(hit?.text);
    expect(hit?.indicator).toBe('全市煤炭消费量');
  });

  it.each([
    '分A、B、C三类进行管理',
    '鼓励B类以上企业开展VOCs“一企一策”深度治理',
    '10月底前完成,2020年4月30日前',
    '《计划(2018—2020年)》(郑办〔2018〕38号)',
    '开展“千吨万人”饮用水水源地问题整治',
    'PM2.5年均浓度',
  ])('not a target: %s', (text) => expect(brief(text)).toEqual([]));
});

const key = (t: { comparator: string; value: unknown; unit: string | null }) =>
  `${t.comparator}|${JSON.stringify(t.value)}|${t.unit}`;
const scoreOf = (items: SeedItem[]) =>
  score(items.map((i) => ({ id: i.id, gold: i.targets.map(key), found: extractTargets(i.text).map(key) })));

describe('extractTargets on the seed gold', () => {
  it('finds the task targets (comparator + value + unit) with F1 ≥ 0.95', () => {
    const s = scoreOf(seedTasks);
    expect(s.f1, JSON.stringify({ missed: s.missed, extra: s.extra })).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the plan goals with F1 ≥ 0.95', () => {
    const s = scoreOf(seedGoals);
    expect(s.f1, JSON.stringify({ missed: s.missed, extra: s.extra })).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extractTargets robustness', () => {
  it('runs over the other real notices', () => {
    const dir = join(PACKAGE_ROOT, 'corpus/gov');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const h of extractTargets(text)) expect(text.slice(h.start, h.end)).toBe(h.text);
    }
  });

  it.each([
    ['digit runs', (n: number) => '1'.repeat(n)],
    ['Chinese numeral runs', (n: number) => '一'.repeat(n)],
    ['repeated comparators', (n: number) => '不高于'.repeat(n)],
    ['repeated values', (n: number) => '达到1%以上、'.repeat(n)],
    ['repeated ranks', (n: number) => '退出后'.repeat(n)],
    ['long clauses with changes', (n: number) => `${'比2018年'.repeat(n)}下降7%`],
  ])('is linear on %s', (_name, make) => expectLinear(extractTargets, make));
});

describe('nextQuantity', () => {
  const { quantity: q, notUnits } = compileTargets();
  /** Pieces around numbers: lead words, units, separators, suffixes, lists, punctuation, plain text. */
  const piece = fc.constantFrom(
    ...['1', '20', '2020', '0.6', '3.', '.5', '一', '十二', '五十九', '两', '千', '万', '分别', '累计', '约'],
    ...[
      '下降',
      '降低',
      '不高于',
      '控制在',
      '达到',
      '提高到',
      '至',
      '到',
      '~',
      '-',
      '万吨',
      '吨/日',
      '%',
      '个',
    ],
    ...[
      '个百分点',
      '个月',
      '个工作日',
      '次',
      '次性',
      '天内',
      '年',
      '月',
      '日',
      '号',
      '倍',
      '万年',
      '以上',
      '及以下',
    ],
    ...[
      '(不含)',
      '左右',
      '以内',
      '、',
      '和',
      ',',
      '。',
      '第',
      'PM',
      '进',
      '步',
      '的',
      '建成',
      '完成',
      '比',
      ' ',
      '\n',
    ],
  );
  const texts = fc.array(piece, { maxLength: 24 }).map((a) => a.join(''));
  /** A match as [index, text, number, unit]. */
  const brief = (m: RegExpExecArray) => [m.index, m[0], m[QUANTITY_GROUPS.num], m[QUANTITY_GROUPS.unit]];
  /** All matches of a plain global search. */
  const plain = (text: string) => [...text.matchAll(new RegExp(q.re.source, 'g'))].map(brief);
  const scanned = (text: string, keepAlone: (i: number) => boolean) => {
    const out: unknown[][] = [];
    for (
      let m = nextQuantity(q, text, 0, keepAlone);
      m !== null;
      m = nextQuantity(q, text, m.index + m[0].length, keepAlone)
    )
      out.push(brief(m));
    return out;
  };
  /** Whether a match can never be a target: a number alone, or one whose unit is in notUnits. */
  const never = ([, all, num, unit]: unknown[]) => all === num || notUnits.has(unit as string);

  it('keeps every number alone that keepAlone asks for', () =>
    fc.assert(
      fc.property(texts, (text) => {
        const all = plain(text);
        const got = scanned(text, () => true);
        const kept = new Set(got.map(String));
        expect(all.filter((m) => kept.has(String(m)))).toEqual(got);
        expect(all.filter((m) => !kept.has(String(m)) && !notUnits.has(m[3] as string))).toEqual([]);
      }),
      { numRuns: 500 },
    ));

  it('skips only matches that are never targets, and keeps every other one', () =>
    fc.assert(
      fc.property(texts, (text) => {
        const got = scanned(text, () => false);
        const kept = new Set(got.map(String));
        const all = plain(text);
        expect(all.filter((m) => kept.has(String(m)))).toEqual(got);
        expect(all.filter((m) => !kept.has(String(m)) && !never(m))).toEqual([]);
      }),
      { numRuns: 500 },
    ));
});
