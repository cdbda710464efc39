import { describe, expect, it } from 'vitest';
import { assignMax } from '../../src/diff/assign.js';
import { indicatorName, targetDirection } from '../../src/diff/grammar.js';
import { bigrams, containment, dice, normalizeText, stripItemNumber } from '../../src/diff/text.js';
import { CONTEXT_CHARS, diffWords, isSubstantive, phrasesOf } from '../../src/diff/wording.js';

describe('assignMax', () => {
  it.each([
    {
      score: [
        [0.9, 0.1],
        [0.8, 0.7],
      ],
      want: [
        [0, 0],
        [1, 1],
      ],
    },
    // greedy would take 0.9 and leave 0.1; the optimum is 0.8 + 0.85
    {
      score: [
        [0.9, 0.8],
        [0.85, 0.1],
      ],
      want: [
        [0, 1],
        [1, 0],
      ],
    },
    { score: [[0.9], [0.95], [0.2]], want: [[1, 0]] },
    { score: [[0.3, 0.9, 0.1]], want: [[0, 1]] },
    {
      score: [
        [0.2, 0.1],
        [0.1, 0.2],
      ],
      want: [],
    },
    { score: [], want: [] },
  ])('pairs $score', ({ score, want }) => {
    expect(assignMax(score, 0.4)).toEqual(want);
  });
});

describe('text normalisation', () => {
  it('ignores spaces, width and the plan year', () => {
    expect(normalizeText('2020年底前，ＰＭ2.5 浓度', 2020)).toBe(normalizeText('2021年底前,PM2.5浓度', 2021));
    expect(normalizeText('在2019年完成', 2020)).toBe(normalizeText('在2020年完成', 2021));
    expect(stripItemNumber('(3)锅炉烟气')).toBe('锅炉烟气');
    expect(stripItemNumber('12.加强监管')).toBe('加强监管');
  });
  it('measures overlap on bigrams', () => {
    const a = bigrams('加强工业企业智能监控');
    expect(dice(a, a)).toBe(1);
    expect(containment(bigrams('智能监控'), a)).toBe(1);
    expect(dice(a, bigrams('严格控制货车流量'))).toBeLessThan(0.2);
  });
});

describe('wording', () => {
  it.each([
    ['推动规模以上企业开展审核', '引导规模以上企业开展审核', true],
    ['加强监管工作', '强化监管工作', true],
    ['严格限制高硫高灰煤开采', '严格限制高硫高灰煤开釆', false],
    ['完善线下回收网点,实现', '完善线下回收网点，实现', false],
    ['开展排查整治', '开展排查整治工作', true],
  ])('%s → %s substantive: %s', (a, b, want) => {
    expect(isSubstantive(diffWords(normalizeText(a), normalizeText(b)))).toBe(want);
  });
  it('diffs by word and keeps every character', () => {
    const ops = diffWords('推进PM2.5治理', '推进PM10治理');
    expect(ops).toEqual([
      { op: 'equal', text: '推进' },
      { op: 'delete', text: 'PM2.5' },
      { op: 'insert', text: 'PM10' },
      { op: 'equal', text: '治理' },
    ]);
  });
});

describe('target direction (grammars/diff.yaml)', () => {
  const t = (comparator: string, value: number | string, unit: string | null = '%') =>
    ({ comparator, value, unit }) as Parameters<typeof targetDirection>[1];
  it.each([
    ['PM2.5年均浓度', t('<=', 56, '微克/立方米'), t('<=', 50, '微克/立方米'), 'tightened'],
    ['煤炭消费量', t('reduce_by', 7), t('reduce_by', 10), 'tightened'],
    ['达标率', t('>=', 90), t('>=', 95), 'tightened'],
    ['利用率', t('>=', 90), t('>=', 85), 'loosened'],
    ['建成绿色矿山', t('=', 13, '个'), t('=', 15, '个'), 'tightened'],
    ['断面水质', t('meets_class', 'III', '类'), t('meets_class', 'II', '类'), 'tightened'],
    ['全市', t('>=', 50), t('=', 70), 'tightened'],
    ['全市', t('>=', 50), t('>=', 50, '个'), 'changed'],
    // comparator pairs: strictness at an equal value, soft figures becoming bounds and back
    ['PM10年均浓度', t('<=', 97), t('<', 97), 'tightened'],
    ['PM10年均浓度', t('<', 97), t('<=', 97), 'loosened'],
    ['PM10年均浓度', t('<=', 97), t('<', 95), 'tightened'],
    ['PM10年均浓度', t('<=', 95), t('<', 97), 'loosened'],
    ['可再生能源发电装机容量', t('approx', 50), t('>=', 50), 'tightened'],
    ['可再生能源发电装机容量', t('approx', 50), t('>', 60), 'tightened'],
    ['农田灌溉水有效利用系数', t('>=', 0.6), t('approx', 0.6), 'loosened'],
    ['农田灌溉水有效利用系数', t('>=', 0.6), t('approx', 0.7), 'changed'],
    ['重污染天数', t('approx', 20), t('<=', 20), 'tightened'],
    ['重污染天数', t('<=', 20), t('>=', 20), 'changed'],
    ['煤炭消费量', t('reduce_by', 7), t('increase_by', 7), 'changed'],
    // bare counts: built is tighter when more, cut (关停, 淘汰, 削减) when fewer
    ['新建污水处理厂', t('=', 3, '座'), t('=', 5, '座'), 'tightened'],
    ['关停燃煤锅炉', t('=', 10, '台'), t('=', 8, '台'), 'tightened'],
    ['年底前淘汰', t('=', 10, '台'), t('=', 12, '台'), 'loosened'],
    ['削减煤炭消费量', t('reduce_by', 7), t('reduce_by', 10), 'tightened'],
  ])('%s %j → %j: %s', (indicator, a, b, want) => {
    expect(targetDirection(indicator, a, b)).toBe(want);
  });
});

describe('indicator names (grammars/diff.yaml)', () => {
  it.each([
    // the noun after the number, when the extractor's indicator is a verb, a scope or nothing
    ['建成', '13个', '2021年底前,力争建成13个绿色矿山。', '', '绿色矿山'],
    ['1.完成', '59个', '1.完成59个村庄农村环境综合整治任务。', '', '村庄农村环境综合整治任务'],
    [
      '按时完成国家下达的',
      '25个',
      '按时完成国家下达的25个特色产业集群综合整治;',
      '',
      '国家下达的特色产业集群综合整治',
    ],
    [
      '荥阳市、巩义市、新密市分别承担',
      '一个',
      '荥阳市、巩义市、新密市分别承担一个我市农用地类土壤污染治理与修复试点任务,',
      '',
      '荥阳市、巩义市、新密市分别承担我市农用地类土壤污染治理与修复试点任务',
    ],
    ['', '10%以上', '比2015年降低10%以上。', '单位地区生产总值能耗', '单位地区生产总值能耗'],
    // a named indicator stays as it is
    [
      '全市秸秆综合利用率',
      '平均达到93.5%以上',
      '2020年全市秸秆综合利用率平均达到93.5%以上。',
      '',
      '全市秸秆综合利用率',
    ],
    ['畜禽粪污综合利用率', '75%以上', '全国畜禽粪污综合利用率达到75%以上,', '', '畜禽粪污综合利用率'],
  ])('%s %s', (indicator, text, sentence, previous, want) => {
    expect(indicatorName(indicator, text, sentence.slice(sentence.indexOf(text)), previous)).toBe(want);
  });
});

describe('changed phrases in their sentences', () => {
  it('gives each phrase with the rest of its sentence, punctuation and fact-only changes left out', () => {
    const old = '加大审核力度,推动规模以上企业开展清洁生产审核。完成25个整治。';
    const neu = '加大审核力度,引导规模以上企业开展清洁生产审核和节水评价。完成30个整治;';
    const phrases = phrasesOf(diffWords(old, neu));
    expect(phrases).toEqual([
      {
        before: '加大审核力度,',
        old: '推动',
        new: '引导',
        after: '规模以上企业开展清洁生产审核和节水评价。',
      },
      { before: '加大审核力度,引导规模以上企业开展清洁生产审核', old: '', new: '和节水评价', after: '。' },
    ]);
  });

  it('cuts long context and leaves out what isFact claims', () => {
    const head = '一二三四五六七八九十'.repeat(5);
    const phrases = phrasesOf(diffWords(`${head}甲乙。`, `${head}丙丁。`), (o) => o === '甲乙');
    expect(phrases).toEqual([]);
    const [p] = phrasesOf(diffWords(`${head}甲乙。`, `${head}丙丁。`));
    expect(p?.before).toHaveLength(CONTEXT_CHARS);
  });
});
