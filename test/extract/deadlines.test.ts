import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDeadlines } from '../../src/extract/deadlines.js';
import { PACKAGE_ROOT } from '../../src/grammars.js';
import { expectLinear } from '../helpers/linear.js';
import { score, seedRequirements, seedTasks, type SeedItem } from './seed.js';

const year2020 = { year: 2020 };
const brief = (text: string, year: number | null = 2020) =>
  extractDeadlines(text, { year }).map(({ text: t, date, kind, period, anchor, offset }) =>
    Object.fromEntries(
      Object.entries({ t, date, kind, period, anchor, offset }).filter(([, v]) => v !== undefined),
    ),
  );

describe('extractDeadlines: conventions', () => {
  it.each([
    ['10月底前,筛查', '10月底前', '2020-10-31'],
    ['9月底完成', '9月底', '2020-09-30'],
    ['年底前,市区燃煤机组', '年底前', '2020-12-31'],
    ['确保2020年底前断面水质达标', '2020年底前', '2020-12-31'],
    ['2020年底,市和县城', '2020年底', '2020-12-31'],
    ['12月底前完成拓洋燃煤锅炉拆除', '12月底前', '2020-12-31'],
    ['上半年,集中开展', '上半年', '2020-06-30'],
    ['下半年完成', '下半年', '2020-12-31'],
    ['第二季度完成', '第二季度', '2020-06-30'],
    ['4月25日前将方案报送', '4月25日前', '2020-04-25'],
    ['确保2022年前完成转型提质', '2022年前', '2021-12-31'],
    ['2021年6月底前完成', '2021年6月底前', '2021-06-30'],
    ['２０２１年６月底前完成', '２０２１年６月底前', '2021-06-30'],
  ])('%s', (text, t, date) => expect(brief(text)).toEqual([{ t, date, kind: 'by' }]));

  it.each([
    [2020, '2020-02-29'],
    [2021, '2021-02-28'],
    [2000, '2000-02-29'],
    [2100, '2100-02-28'],
  ])('ends February by the leap-year rule in %i', (year, date) =>
    expect(brief('2月底前完成', year)).toEqual([{ t: '2月底前', date, kind: 'by' }]),
  );

  it('reads a bare year framing a commitment as kind year', () => {
    expect(brief('管理。2020年,建成智慧化工地试点100个')).toEqual([
      { t: '2020年', date: '2020-12-31', kind: 'year' },
    ]);
    expect(brief('在2019年完成规划编制的基础上')).toEqual([]);
  });

  it.each([
    ['每天根据环境条件调整', '每天', 'day'],
    ['每周调度', '每周', 'week'],
    ['每月通报', '每月', 'month'],
    ['每季度填报', '每季度', 'quarter'],
    ['每半年报送', '每半年', 'half-year'],
    ['实施月考核', '月考核', 'month'],
    ['年绩效评价', '年绩效评价', 'year'],
    ['定期通报', '定期', 'unspecified'],
    ['于每季度末月的25日前向共享单位提供', '每季度末月的25日前', 'quarter'],
  ])('recurring: %s', (text, t, period) =>
    expect(brief(text)).toEqual([{ t, date: null, kind: 'recurring', period }]),
  );

  it('reads a relative deadline with its anchor and offset', () => {
    expect(brief('提标改造,南部垃圾焚烧厂正式投产后,半年内完成')).toEqual([
      {
        t: '南部垃圾焚烧厂正式投产后,半年内',
        date: null,
        kind: 'relative',
        anchor: '南部垃圾焚烧厂正式投产',
        offset: 'P6M',
      },
    ]);
  });

  it.each([
    '按时完成关停',
    '尽快完成改造',
    '及时发现问题',
    'A类工地全年达标施工',
    '确保夏秋“零火点”',
    '在非供暖季、非迎峰度夏期间',
    '供暖季期间',
    '充分利用丰水期退水',
    '橙色及以上预警期间,禁止国四及以下柴油货车运输物料',
    '制定年度计划',
    '完成2020年度考核任务',
    '比2018年降低7%以上',
    '(郑办〔2020〕38号)',
    '三年行动计划(2018—2020年)',
  ])('not a deadline: %s', (text) => expect(brief(text)).toEqual([]));

  it('keeps the kind and gives a null date when no year is known', () => {
    expect(brief('10月底前完成', null)).toEqual([{ t: '10月底前', date: null, kind: 'by' }]);
    expect(brief('2021年6月底前完成', null)).toEqual([
      { t: '2021年6月底前', date: '2021-06-30', kind: 'by' },
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = '一、任务。\n2020年10月底前,完成。';
    const [hit] = extractDeadlines(text, year2020);
    expect(hit && text.slice(hit.start, hit.end)).toBe('2020年10月底前');
  });
});

const key = (d: { date: string | null; kind: string }) => `${d.date}|${d.kind}`;
const scoreOf = (items: SeedItem[]) =>
  score(
    items.map((i) => ({
      id: i.id,
      gold: i.deadlines.map(key),
      found: extractDeadlines(i.text, year2020).map(key),
    })),
  );

describe('extractDeadlines on the seed gold', () => {
  it('finds the task deadlines (date + kind) with F1 ≥ 0.95', () => {
    const s = scoreOf(seedTasks);
    expect(s.f1, JSON.stringify({ missed: s.missed, extra: s.extra })).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the 工作要求 deadlines with F1 ≥ 0.95', () => {
    expect(scoreOf(seedRequirements).f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extractDeadlines robustness', () => {
  it('runs over the other real notices', () => {
    const dir = join(PACKAGE_ROOT, 'corpus/gov');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const h of extractDeadlines(text, { year: 2019 })) expect(text.slice(h.start, h.end)).toBe(h.text);
    }
  });

  it.each([
    ['digit runs', (n: number) => '1'.repeat(n)],
    ['repeated 月底前', (n: number) => '月底前'.repeat(n)],
    ['repeated 12月底前', (n: number) => '12月底前'.repeat(n)],
    ['repeated 后半年内', (n: number) => '投产后半年内'.repeat(n)],
    ['repeated 2020年', (n: number) => '2020年'.repeat(n)],
  ])('is linear on %s', (_name, make) => expectLinear((s) => extractDeadlines(s, year2020), make));
});
