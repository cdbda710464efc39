/**
 * Role clauses in every issuer's style (State Council, a province, a city, a county, a party committee): groups
 * across 、，；and 等和, collectives, 会同, 牵头/参与/配合/协助/指导/负责, 【责任单位】, 由X负责 and "X负责，Y配合" in
 * running text; posts are never units; a clause's units do not depend on what the paragraph says before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInlineRoles, type RoleMention } from '../../src/extract/roles.js';
import { convertSync } from '../../src/index.js';
import { loadGazetteer } from '../../src/extract/units.js';

const gaz = loadGazetteer();

type Brief = { role: string; units: string[]; note?: string };
const brief = (m: RoleMention): Brief => ({
  role: m.role,
  units: m.units.map((u) => u.name),
  ...(m.note ? { note: m.note } : {}),
});

describe('role clauses by issuer style', () => {
  it.each<[string, string, Brief[]]>([
    // State Council
    [
      'State Council, groups across ，',
      '做好衔接（人力资源社会保障部、科技部、财政部、住房城乡建设部、市场监管总局，各省级人民政府按职责分工负责）',
      [
        {
          role: 'responsible',
          units: [
            '人力资源社会保障部',
            '科技部',
            '财政部',
            '住房城乡建设部',
            '市场监管总局',
            '各省级人民政府',
          ],
          note: '按职责分工负责',
        },
      ],
    ],
    [
      'State Council, 等和',
      '精准帮扶（扶贫办、发展改革委、商务部等和各有关省级人民政府负责）',
      [{ role: 'responsible', units: ['扶贫办', '发展改革委', '商务部', '各有关省级人民政府'] }],
    ],
    [
      'State Council, named units and a collective',
      '强化保障（财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责）',
      [
        {
          role: 'responsible',
          units: ['财政部', '人力资源社会保障部', '民政部', '有关部门和单位'],
          note: '按职责分工负责',
        },
      ],
    ],
    [
      'State Council, 会同 named units',
      '完善政策（国家发展改革委会同财政部、商务部负责）',
      [
        { role: 'lead', units: ['国家发展改革委'] },
        { role: 'cooperating', units: ['财政部', '商务部'] },
      ],
    ],
    [
      'State Council, 指导 then 参与',
      '培育市场（商务部指导，供销合作总社参与）',
      [
        { role: 'guidance', units: ['商务部'] },
        { role: 'cooperating', units: ['供销合作总社'] },
      ],
    ],
    [
      'State Council, 等部门和 a collective',
      '推进创新（科技部、国家发展改革委等部门和各地区按职责分工负责）',
      [
        {
          role: 'responsible',
          units: ['科技部', '国家发展改革委', '各地区'],
          note: '按职责分工负责',
        },
      ],
    ],
    [
      'State Council, level words sharing one name',
      '加强指导（国务院办公厅牵头，各省、自治区、直辖市人民政府负责）',
      [
        { role: 'lead', units: ['国务院办公厅'] },
        { role: 'responsible', units: ['各省、自治区、直辖市人民政府'] },
      ],
    ],
    // a province
    [
      'province, 各市、县（市、区）人民政府 is one collective',
      '完善机制（省发展改革委牵头，省直有关部门、各市、县（市、区）人民政府配合）',
      [
        { role: 'lead', units: ['省发展改革委'] },
        { role: 'cooperating', units: ['省直有关部门', '各市、县（市、区）人民政府'] },
      ],
    ],
    [
      'province, 牵头 and 协助',
      '推进改革（省发展改革委牵头，省财政厅、省自然资源厅协助）',
      [
        { role: 'lead', units: ['省发展改革委'] },
        { role: 'cooperating', units: ['省财政厅', '省自然资源厅'] },
      ],
    ],
    [
      'province, 由X负责 in running text',
      '建立省级联席会议制度。由省商务厅负责。',
      [{ role: 'responsible', units: ['省商务厅'] }],
    ],
    // a city
    [
      'city, X负责，Y配合 in running text',
      '开展专项整治行动，严查违法排污。市生态环境局负责，市公安局、市城管局配合。',
      [
        { role: 'responsible', units: ['市生态环境局'] },
        { role: 'cooperating', units: ['市公安局', '市城管局'] },
      ],
    ],
    [
      'city, 分别 as a note',
      '落实属地责任（各区人民政府分别负责）',
      [{ role: 'responsible', units: ['各区人民政府'], note: '分别负责' }],
    ],
    [
      'city, a clause of time in a running role sentence',
      '推进老旧小区改造。市住建局负责，各区政府配合，2021年6月底前完成。',
      [
        { role: 'responsible', units: ['市住建局'] },
        { role: 'cooperating', units: ['各区政府'] },
      ],
    ],
    [
      'city, fields that name no unit around the role labels',
      '优化营商环境（责任领导：王某某；牵头单位：市发改委；责任单位：市财政局、市税务局；完成时限：2020年底前）',
      [
        { role: 'lead', units: ['市发改委'] },
        { role: 'responsible', units: ['市财政局', '市税务局'] },
      ],
    ],
    // a county
    [
      'county, 【责任单位】 after the measure',
      '加快农村公路建设。【责任单位】县交通运输局、县财政局',
      [{ role: 'responsible', units: ['县交通运输局', '县财政局'] }],
    ],
    [
      'county, 【牵头单位】 and 【配合单位】',
      '整治人居环境。【牵头单位】县农业农村局【配合单位】各乡镇人民政府',
      [
        { role: 'lead', units: ['县农业农村局'] },
        { role: 'cooperating', units: ['各乡镇人民政府'] },
      ],
    ],
    // a party committee
    [
      'party committee, 牵头 and 配合',
      '加强基层党组织建设（市委组织部牵头，市委宣传部、市直机关工委配合）',
      [
        { role: 'lead', units: ['市委组织部'] },
        { role: 'cooperating', units: ['市委宣传部', '市直机关工委'] },
      ],
    ],
    [
      'party committee, 会同 a collective',
      '开展专项巡察（市委巡察办会同有关部门负责）',
      [
        { role: 'lead', units: ['市委巡察办'] },
        { role: 'cooperating', units: ['有关部门'] },
      ],
    ],
  ])('%s', (_style, text, expected) => {
    expect(findInlineRoles(text, gaz).map(brief)).toEqual(expected);
  });

  it.each([
    [
      'a post is no unit',
      '统筹推进（市政府分管副市长牵头，市发展改革委负责）',
      [['responsible', '市发展改革委']],
    ],
    ['persons only', '（国务院分管领导同志负责）', []],
    ['the premier', '（总理牵头，国务委员协助）', []],
    ['a vice mayor and a leader in charge', '（副市长牵头，分管领导负责）', []],
    ['a mayor beside a unit', '（常务副市长牵头，市政府办公室负责）', [['responsible', '市政府办公室']]],
    ['a deadline alone', '推进改革。2020年底前完成。', []],
    ['prose after a collective', '各地区要认真落实。各有关部门要积极配合。', []],
    [
      'labels inside 【】 with colons',
      '推进改革。【牵头单位：省发展改革委；配合单位：省财政厅】',
      [
        ['lead', '省发展改革委'],
        ['cooperating', '省财政厅'],
      ],
    ],
    [
      'a compound verb (指导支持)',
      '（各省级人民政府负责，国家发展改革委等部门指导支持）',
      [
        ['responsible', '各省级人民政府'],
        ['guidance', '国家发展改革委'],
      ],
    ],
    ['a sentence with other words', '各地区要积极配合，市发展改革委负责统筹协调。', []],
    ['a scope remark', '（技工院校内由人力资源社会保障行政部门负责）', []],
  ])('%s', (_case, text, expected) => {
    expect(findInlineRoles(text, gaz).flatMap((m) => m.units.map((u) => [m.role, u.name]))).toEqual(expected);
  });

  it('keeps the collective of 等有关部门 as a collective unit', () => {
    const [m] = findInlineRoles('（人力资源社会保障部等有关部门和单位负责）', gaz);
    expect(m?.units.map((u) => [u.name, gaz.lookup(u.name).kind])).toEqual([
      ['人力资源社会保障部', 'agency'],
      ['有关部门和单位', 'collective'],
    ]);
  });
});

describe('a clause whatever the paragraph before it says', () => {
  const clauses: [string, Brief[]][] = [
    [
      '（农业农村部、财政部等按职责分工负责）',
      [{ role: 'responsible', units: ['农业农村部', '财政部'], note: '按职责分工负责' }],
    ],
    [
      '（生态环境部牵头，国家发展改革委参与）',
      [
        { role: 'lead', units: ['生态环境部'] },
        { role: 'cooperating', units: ['国家发展改革委'] },
      ],
    ],
    ['（商务部指导）', [{ role: 'guidance', units: ['商务部'] }]],
    [
      '（国家发展改革委会同有关部门负责）',
      [
        { role: 'lead', units: ['国家发展改革委'] },
        { role: 'cooperating', units: ['有关部门'] },
      ],
    ],
    [
      '（扶贫办、商务部等和各有关省级人民政府负责）',
      [{ role: 'responsible', units: ['扶贫办', '商务部', '各有关省级人民政府'] }],
    ],
    [
      '（牵头单位：市发展改革委；责任单位：市财政局、各区政府）',
      [
        { role: 'lead', units: ['市发展改革委'] },
        { role: 'responsible', units: ['市财政局', '各区政府'] },
      ],
    ],
  ];
  /** Clauses of running text: they follow a sentence end. */
  const sentences: [string, Brief[]][] = [
    ['由省商务厅负责。', [{ role: 'responsible', units: ['省商务厅'] }]],
    [
      '市生态环境局负责，市公安局、市城管局配合。',
      [
        { role: 'responsible', units: ['市生态环境局'] },
        { role: 'cooperating', units: ['市公安局', '市城管局'] },
      ],
    ],
    ['【责任单位】县交通运输局、县财政局', [{ role: 'responsible', units: ['县交通运输局', '县财政局'] }]],
  ];
  const word = fc.constantFrom(
    ...'加强管理工作推进落实制度完善各地区要积极配合做好负责统筹牵头参与指导会同等和及年月底前以上下同'.split(
      '',
    ),
  );
  const punctuation = fc.constantFrom('、', '，', '；', '。', '：', ' ', '\n');
  const number = fc.integer({ min: 0, max: 2030 }).map(String);
  /** Names of other units, alone or in lists. */
  const unit = fc.constantFrom(
    '国家发展改革委',
    '财政部',
    '市住建局',
    '省发展改革委',
    '各区政府',
    '有关部门',
    '县(市)区政府',
    '市政府分管副市长',
  );
  /** Brackets, balanced (with prose, numbers, unit names or roles of their own inside) or not. */
  const bracket = fc.oneof(
    fc
      .tuple(fc.constantFrom('（', '(', '【', '['), fc.array(fc.oneof(word, number, unit), { maxLength: 6 }))
      .map(
        ([open, inside]) =>
          `${open}${inside.join('')}${{ '（': '）', '(': ')', '【': '】', '[': ']' }[open]}`,
      ),
    fc.constantFrom('（', '）', '(', ')', '【', '】'),
    fc.constantFrom('（市财政局负责）', '（2020年统计）', '（以下简称市住建局）', '（含县(市)区）'),
  );
  const fragments = (withBrackets: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc
      .array(fc.oneof(word, word, punctuation, number, unit, withBrackets), { maxLength: 40 })
      .map((parts) => parts.join(''));

  /** The clause's mentions, and each unit's offsets pointing at its name. */
  const clauseMentions = (text: string, from: number): Brief[] => {
    const found = findInlineRoles(text, gaz).filter((m) => m.start >= from);
    for (const m of found) for (const u of m.units) expect(text.slice(u.start, u.end)).toBe(u.name);
    return found.map(brief);
  };

  it("finds a closing clause's units after any prose, numbers, unit names and brackets", () => {
    fc.assert(
      fc.property(fragments(bracket), fc.constantFrom(...clauses), (before, [clause, expected]) => {
        expect(clauseMentions(`加快推进${before}${clause}。`, `加快推进${before}`.length)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("finds a running role sentence's units after any sentence before it", () => {
    // balanced brackets only: an open bracket left unclosed holds the rest of the paragraph
    const balanced = bracket.filter((b) => b.length > 1);
    fc.assert(
      fc.property(fragments(balanced), fc.constantFrom(...sentences), (before, [sentence, expected]) => {
        const head = `加快推进${before}。`;
        expect(clauseMentions(`${head}${sentence}`, head.length)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a paragraph that ends in a role clause, in a whole notice', () => {
  const notice = (paragraph: string): string =>
    [
      '广州市人民政府办公厅关于印发重点工作方案的通知',
      '各区人民政府，市政府各部门：',
      '现将方案印发给你们，请认真贯彻执行。',
      '广州市人民政府办公厅',
      '2021年3月1日',
      '重点工作方案',
      '一、重点任务',
      paragraph,
    ].join('\n');
  const prose = fc
    .array(
      fc.oneof(
        fc.constantFrom(...'加强管理工作推进落实制度完善各地区要积极配合做好统筹年月底前'.split('')),
        fc.constantFrom('、', '，', '；', '。', '2020年', '30%', '市住建局', '国家发展改革委', '（2019年）'),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('gives the paragraph the clause’s units, whatever comes before and whatever its number', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('', '（一）', '1.', '（1）'), (before, marker) => {
        const paragraph = `${marker}优化服务${before}（市住建局牵头，市发展改革委、市人社局配合）`;
        const graph = convertSync(notice(paragraph));
        const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
        const roles = graph.edges
          .filter((e) => (e.type === 'lead' || e.type === 'cooperating') && !e.inherited)
          .map((e) => {
            const to = nodes.get(e.to);
            return [e.type, to?.type === 'unit' ? to.canonical : undefined];
          });
        expect(roles).toEqual([
          ['lead', '广州市住房和城乡建设局'],
          ['cooperating', '广州市发展和改革委员会'],
          ['cooperating', '广州市人力资源和社会保障局'],
        ]);
        // a task holds them, or the section whose heading the paragraph is ("（一）优化服务（…）")
        const holders = graph.edges.filter((e) => e.type === 'lead').map((e) => nodes.get(e.from)?.type);
        expect(['task', 'section']).toContain(holders[0]);
      }),
      { numRuns: 25 },
    );
  });
});
