import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/grammars.js';
import { findInlineRoles, isRoleLine, parseRoleLine, type RoleMention } from '../../src/extract/roles.js';
import { loadGazetteer } from '../../src/extract/units.js';
import { expectLinear } from '../helpers/linear.js';

const gaz = loadGazetteer();

/** A mention reduced to what the tables below write: role, unit names, note, inherited units. */
function brief(m: RoleMention): Record<string, unknown> {
  return {
    role: m.role,
    units: m.units.map((u) => u.name),
    ...(m.note ? { note: m.note } : {}),
    ...(m.inheritRule ? { inherit: [m.inheritRule.role, m.inheritRule.units.map((u) => u.name)] } : {}),
  };
}

describe('isRoleLine', () => {
  it.each([
    ['牵头单位:市工信局', true],
    ['  牵头单位：市工信局', true],
    ['牵头 单位 : 市工信局', true],
    ['配合部门:市公安局', true],
    ['协办单位：市公安局', true],
    ['主责单位:市公安局', true],
    ['责任部门:市公安局', true],
    ['牵头单位要加强领导', false],
    ['1.工业企业差异化管理。', false],
    ['(牵头单位:市工信局)', false],
    ['', false],
  ])('%s → %s', (line, expected) => expect(isRoleLine(line)).toBe(expected));
});

describe('parseRoleLine', () => {
  it.each<[string, string, Record<string, unknown>[]]>([
    [
      'a plain list',
      '牵头单位:市工信局、市生态环境局',
      [{ role: 'lead', units: ['市工信局', '市生态环境局'] }],
    ],
    [
      'full-width colon',
      '配合单位：市公安局，市城管局',
      [{ role: 'cooperating', units: ['市公安局', '市城管局'] }],
    ],
    ['a trailing 。', '牵头单位:市农委。', [{ role: 'lead', units: ['市农委'] }]],
    [
      'a manner note',
      '牵头单位:市直机关各单位按照行业分别牵头',
      [{ role: 'lead', units: ['市直机关各单位'], note: '按照行业分别牵头' }],
    ],
    [
      'an OCR space in the note',
      '牵头单位:市生态环境局、市城管局、市农委依职责分别 牵头',
      [{ role: 'lead', units: ['市生态环境局', '市城管局', '市农委'], note: '依职责分别牵头' }],
    ],
    [
      'two lines run together',
      '牵头单位:市资源规划局、市生态环境局依职责分别牵头责任单位:市工信局、市应急局',
      [
        { role: 'lead', units: ['市资源规划局', '市生态环境局'], note: '依职责分别牵头' },
        { role: 'responsible', units: ['市工信局', '市应急局'] },
      ],
    ],
    [
      'the inheritance bracket',
      '责任单位:各开发区管委会、县(市)区政府[以下各开 发区管委会、县(市)区政府均为责任单位,不再列出]',
      [
        {
          role: 'responsible',
          units: ['各开发区管委会', '县(市)区政府'],
          inherit: ['responsible', ['各开发区管委会', '县(市)区政府']],
        },
      ],
    ],
    [
      'the inheritance bracket in 【】',
      '责任单位：各开发区管委会、县（市）区政府【以下各开发区管委会、县（市）区政府均为责任单位，不再列出】',
      [
        {
          role: 'responsible',
          units: ['各开发区管委会', '县（市）区政府'],
          inherit: ['responsible', ['各开发区管委会', '县（市）区政府']],
        },
      ],
    ],
    [
      'OCR spaces in names',
      '配合单位:市资源规划局、市 市场监管局,各开 发区管委会、县 (市)区政府',
      [{ role: 'cooperating', units: ['市资源规划局', '市市场监管局', '各开发区管委会', '县(市)区政府'] }],
    ],
    [
      'notes per group',
      '责任单位:市生态环境局、郑州黄河河务局按职责分工推进,相关开发区管委会、县(市)区政府负责落实',
      [
        {
          role: 'responsible',
          units: ['市生态环境局', '郑州黄河河务局', '相关开发区管委会', '县(市)区政府'],
          note: '按职责分工推进；负责落实',
        },
      ],
    ],
    [
      'a note on the last group only',
      '责任单位:市水利局、市城建 局,相关县(市)区按职责推进落实',
      [{ role: 'responsible', units: ['市水利局', '市城建局', '相关县(市)区'], note: '按职责推进落实' }],
    ],
    [
      'a unit given its own role',
      '责任单位：市发展改革委（牵头）、市财政局',
      [
        { role: 'responsible', units: ['市财政局'] },
        { role: 'lead', units: ['市发展改革委'] },
      ],
    ],
    [
      'shared heads kept as written',
      '责任单位:新郑市、荥阳市、中牟县政府',
      [{ role: 'responsible', units: ['新郑市', '荥阳市', '中牟县政府'] }],
    ],
    ['no role line', '加强组织领导。', []],
  ])('%s', (_name, line, expected) => {
    expect(parseRoleLine(line, gaz).map(brief)).toEqual(expected);
  });

  it('reports offsets into the line', () => {
    const line =
      '  牵头单位:市资源规划局、市 市场监管局依职责分别牵头责任单位:各开 发区管委会[以下各开发区管委会均为责任单位,不再列出]';
    const [lead, responsible] = parseRoleLine(line, gaz) as [RoleMention, RoleMention];
    expect(line.slice(lead.start, lead.start + 4)).toBe('牵头单位');
    expect(line.slice(responsible.start, responsible.start + 4)).toBe('责任单位');
    expect(line.slice(lead.end - 4, lead.end)).toBe('分别牵头');
    expect(responsible.end).toBe(line.length);
    for (const u of [...lead.units, ...responsible.units, ...(responsible.inheritRule?.units ?? [])])
      expect(line.slice(u.start, u.end).replace(/\s/g, '')).toBe(u.name);
    expect(line.slice(...spanOf(responsible.inheritRule?.units[0]))).toBe('各开发区管委会');
  });
});

function spanOf(u: { start: number; end: number } | undefined): [number, number] {
  return [u?.start ?? -1, u?.end ?? -1];
}

describe('findInlineRoles', () => {
  it.each<[string, Record<string, unknown>[]]>([
    [
      '推进工作(市发展改革委牵头,市工信局参与)。',
      [
        { role: 'lead', units: ['市发展改革委'] },
        { role: 'cooperating', units: ['市工信局'] },
      ],
    ],
    [
      '推进工作（市发展改革委牵头，市工信局、市交通局配合）。',
      [
        { role: 'lead', units: ['市发展改革委'] },
        { role: 'cooperating', units: ['市工信局', '市交通局'] },
      ],
    ],
    [
      '完善制度(牵头单位:市生态环境局;责任单位:市城管局、各开发区管委会、县(市)区政府)',
      [
        { role: 'lead', units: ['市生态环境局'] },
        { role: 'responsible', units: ['市城管局', '各开发区管委会', '县(市)区政府'] },
      ],
    ],
    [
      '加强管理（教育部、财政部等按职责分工负责）。',
      [{ role: 'responsible', units: ['教育部', '财政部'], note: '按职责分工负责' }],
    ],
    [
      '（国家发展改革委、工业和信息化部负责）',
      [{ role: 'responsible', units: ['国家发展改革委', '工业和信息化部'] }],
    ],
    ['（农业农村部、工业和信息化部牵头负责）', [{ role: 'lead', units: ['农业农村部', '工业和信息化部'] }]],
    [
      '（国家发展改革委会同有关部门负责）',
      [
        { role: 'lead', units: ['国家发展改革委'] },
        { role: 'cooperating', units: ['有关部门'] },
      ],
    ],
    ['（各省级人民政府负责）', [{ role: 'responsible', units: ['各省级人民政府'] }]],
    [
      '（生态环境部牵头，国家发展改革委、国家统计局参与）',
      [
        { role: 'lead', units: ['生态环境部'] },
        { role: 'cooperating', units: ['国家发展改革委', '国家统计局'] },
      ],
    ],
    ['（技工院校内由人力资源社会保障行政部门负责）', []],
    ['市发展改革委负责统筹。', []],
    ['排放标准(试行)和PM2.5(细颗粒物)', []],
  ])('%s', (text, expected) => {
    expect(findInlineRoles(text, gaz).map(brief)).toEqual(expected);
  });

  it('carries the first-listed-leads convention to later parentheses (下同)', () => {
    const text =
      '甲（工业和信息化部、发展改革委等负责。列第一位者为牵头单位，下同）。乙（农业农村部、财政部负责）。';
    expect(findInlineRoles(text, gaz).map(brief)).toEqual([
      { role: 'lead', units: ['工业和信息化部'] },
      { role: 'responsible', units: ['发展改革委'] },
      { role: 'lead', units: ['农业农村部'] },
      { role: 'responsible', units: ['财政部'] },
    ]);
  });

  it('reports offsets into the text', () => {
    const text = '一、推进工作（国家发展改革委牵头，工业和信息化部、 财政部参与）。';
    for (const m of findInlineRoles(text, gaz))
      for (const u of m.units) expect(text.slice(u.start, u.end).replace(/\s/g, '')).toBe(u.name);
  });

  it('finds only known or plausible units in the State Council notices', () => {
    for (const file of ['007', '015', '037']) {
      const text = readFileSync(join(PACKAGE_ROOT, `corpus/gov/${file}.txt`), 'utf8');
      const mentions = findInlineRoles(text, gaz);
      expect(mentions.length).toBeGreaterThan(10);
      const unknown = mentions.flatMap((m) => m.units.filter((u) => !gaz.has(u.name)).map((u) => u.name));
      expect(unknown.every((n) => n === '试点城市政府')).toBe(true);
    }
  });
});

interface GoldTask {
  path: string;
  line: number;
  lead: string[];
  cooperating: string[];
  responsibleExplicit: string[];
  leadNote?: string;
  responsibleNote?: string;
}

describe('the seed role lines against the gold', () => {
  const lines = readFileSync(join(PACKAGE_ROOT, 'corpus/zhengzhou-2020-notice.txt'), 'utf8').split('\n');
  const gold = JSON.parse(
    readFileSync(join(PACKAGE_ROOT, 'corpus/gold/zhengzhou-2020-notice.gold.json'), 'utf8'),
  ) as {
    plans: { id: string; tasks: GoldTask[] }[];
    ocrRepairs: { kind: string; line: number }[];
  };
  // a role line broken over two lines (新\n\n密市政府): joined as the gold's repair says
  const broken = new Set(gold.ocrRepairs.filter((r) => r.kind === 'spurious-line-break').map((r) => r.line));
  const tasks = gold.plans
    .flatMap((p) => p.tasks.map((t) => ({ ...t, plan: p.id })))
    .sort((a, b) => a.line - b.line);
  const found = new Map<
    string,
    { lead: string[]; cooperating: string[]; responsible: string[]; guidance: string[]; notes: string[] }
  >();
  lines.forEach((raw, i) => {
    if (!isRoleLine(raw)) return;
    const line = broken.has(i + 1) ? raw + (lines.slice(i + 1).find((l) => l.trim()) ?? '').trim() : raw;
    const task = tasks.filter((t) => t.line <= i + 1).at(-1) as (typeof tasks)[number];
    const key = `${task.plan} ${task.path}`;
    const got = found.get(key) ?? { lead: [], cooperating: [], responsible: [], guidance: [], notes: [] };
    for (const m of parseRoleLine(line, gaz)) {
      got[m.role].push(...m.units.map((u) => u.name));
      if (m.note) got.notes.push(m.note);
    }
    found.set(key, got);
  });

  it.each(tasks.map((t) => [`${t.plan} ${t.path}`, t] as const))('%s', (key, task) => {
    const got = found.get(key) ?? { lead: [], cooperating: [], responsible: [], guidance: [], notes: [] };
    expect({ lead: got.lead, cooperating: got.cooperating, responsible: got.responsible }).toEqual({
      lead: task.lead,
      cooperating: task.cooperating,
      responsible: task.responsibleExplicit,
    });
    // gold notes on tasks with role lines: ours are the manner phrases the gold's note contains
    if (got.notes.length > 0 || (found.has(key) && task.leadNote)) {
      const goldNote = `${task.leadNote ?? ''} ${task.responsibleNote ?? ''}`;
      for (const note of got.notes.flatMap((n) => n.split('；'))) expect(goldNote).toContain(note);
      if (task.leadNote) expect(got.notes.join('；')).toContain(task.leadNote);
    }
  });
});

describe('performance', () => {
  it.each([
    [
      'a long unit list',
      (n: number) => '责任单位:' + '市工信局、'.repeat(n / 5) + '[以下'.repeat(n / 20),
      'line',
    ],
    ['unclosed brackets', (n: number) => '（'.repeat(n) + '市工信局负责' + '）'.repeat(20), 'inline'],
    ['open role parentheses', (n: number) => '(市工信局牵头,'.repeat(n / 8), 'inline'],
    ['leading blanks', (n: number) => ' '.repeat(n) + '牵头单位:', 'probe'],
  ] as const)('reads %s in time linear in its length', (_, make, entry) => {
    const run = {
      line: (s: string) => parseRoleLine(s, gaz),
      inline: (s: string) => findInlineRoles(s, gaz),
      probe: (s: string) => isRoleLine(s),
    }[entry];
    // From 16,000 characters on: below that, a bounded look-back still grows with the text (linear beyond it).
    expectLinear(run, make, 16_000);
  });

  it('reads many parentheses in time linear in the text', () => {
    const make = (n: number): string => '(一)(市工信局牵头)（二）'.repeat(Math.ceil(n / 15));
    expectLinear((text) => findInlineRoles(text, gaz), make, 4000);
  });
});
