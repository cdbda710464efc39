import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertSync, type NoticeGraph } from '../src/index.js';
import { checkInvariants } from './helpers/invariants.js';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url));
const GOV = ['001', '003', '004', '006', '007', '012', '013', '015', '037', '055'];

const nodesOf = (g: NoticeGraph, type: string) => g.nodes.filter((n) => n.type === type);
const byId = (g: NoticeGraph, id: string) => g.nodes.find((n) => n.id === id);

describe('the seed notice', () => {
  const bytes = read('corpus/zhengzhou-2020-notice.txt');
  const graph = convertSync(bytes, { path: 'seed.txt' });

  it('reads the cover notice', () => {
    expect(graph.document).toMatchObject({
      title: '关于印发郑州市2020年大气、水、土壤污染防治攻坚战实施方案的通知',
      issuers: ['中共郑州市委办公厅', '郑州市人民政府办公厅'],
      date: '2020-04-16',
      publishDate: '2020-04-20',
      year: 2020,
    });
    expect(graph.document.recipients).toContain('市委各部委');
  });

  it('finds the three plans, one with its title split over two lines', () => {
    const plans = nodesOf(graph, 'plan');
    expect(plans.map((p) => p.id)).toEqual(['air', 'water', 'soil']);
    expect(byId(graph, 'soil')).toMatchObject({
      title: '郑州市2020年土壤污染防治攻坚战实施方案',
      year: 2020,
    });
  });

  it('finds a plan whose title lost its last line (an OCR layer dropped 实施方案)', () => {
    const text = readFileSync(
      new URL('../corpus/zhengzhou-2020-notice.txt', import.meta.url),
      'utf8',
    ).replace(/(郑州市2020年土壤污染防治攻坚战)\s*\n\s*实施方案\s*\n/, '$1\n');
    expect(text).not.toBe(
      readFileSync(new URL('../corpus/zhengzhou-2020-notice.txt', import.meta.url), 'utf8'),
    );
    const g = convertSync(Buffer.from(text), { path: 'seed-cut.txt' });
    expect(nodesOf(g, 'plan').map((p) => p.id)).toEqual(['air', 'water', 'soil']);
    expect(byId(g, 'soil/三/(九)/4')).toMatchObject({ type: 'task' });
  });

  it('has 51 sections and the traps right', () => {
    expect(nodesOf(graph, 'section')).toHaveLength(51);
    // a heading glued to its body
    expect(byId(graph, 'soil/三/(一)')).toMatchObject({ title: '完成重点行业企业用地调查' });
    expect(byId(graph, 'soil/三/(一)/[1]')).toMatchObject({ type: 'task', number: null });
    // (五') is (五)
    expect(byId(graph, 'soil/三/(五)')).toMatchObject({ title: '启动地下水污染治理' });
    // "4.10月底前" is item 4
    expect(byId(graph, 'soil/三/(二)/4')).toMatchObject({ number: '4' });
    // items run on across sections in the air plan
    expect(byId(graph, 'air/四/(一)/15')).toMatchObject({ title: '加大落后产能淘汰力度' });
    expect(byId(graph, 'air/四/(一)/17/(2)')).toMatchObject({ number: '(2)' });
  });

  it('keeps the lossless invariants', () => {
    checkInvariants(graph, bytes.toString('utf8'));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(convertSync(bytes, { path: 'seed.txt' }))).toBe(JSON.stringify(graph));
  });
});

describe('the State Council notices', () => {
  // Sections are the notice's 一、 and (一) headings; counts pinned from the published texts.
  const sections: Record<string, number> = {
    '001': 14,
    '003': 27,
    '004': 42,
    '006': 4,
    '012': 16,
    '037': 30,
  };
  it.each(GOV)('%s converts into a schema-valid, lossless graph', (id) => {
    const bytes = read(`corpus/gov/${id}.txt`);
    const graph = convertSync(bytes, { path: `${id}.txt` });
    checkInvariants(graph, bytes.toString('utf8'));
    expect(graph.document.issuers.length).toBeGreaterThan(0);
    expect(graph.document.docNumber).toMatch(/〔20\d\d〕\d+号$/);
    if (sections[id] !== undefined) expect(nodesOf(graph, 'section')).toHaveLength(sections[id]!);
  });

  it('037: a numbered sentence with its own units is a section whose task holds the whole sentence', () => {
    const graph = convertSync(read('corpus/gov/037.txt'));
    const task = byId(graph, 'p1/一/[1]');
    expect(task).toMatchObject({ type: 'task', number: null });
    expect(task?.type === 'task' && task.text).toMatch(/^对深化商事制度改革.+（市场监管总局负责）$/);
    const lead = graph.edges
      .filter((e) => e.from === 'p1/一/[1]' && e.type === 'responsible')
      .map((e) => e.to);
    expect(lead).toEqual(['unit:市场监管总局']);
  });

  it('003 issues one plan, found by the title the cover names', () => {
    const graph = convertSync(read('corpus/gov/003.txt'));
    expect(nodesOf(graph, 'plan').map((p) => (p.type === 'plan' ? p.title : ''))).toEqual([
      '国家职业教育改革实施方案',
    ]);
  });
});

describe('a printed page whose metadata grid comes before the notice', () => {
  it("takes the 发文字号 and 主送机关 after the notice's own title, not the grid's label cells", () => {
    const text = [
      '发文机成文日',
      '国务院 2019年01月27日',
      '关：期：',
      '标',
      '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
      '题：',
      '发文字发布日',
      '国发〔2019〕5号 2019年02月15日',
      '号：期：',
      '国务院关于在市场监管领域全面推行',
      '部门联合“双随机、一公开”监管的意见',
      '国发〔2019〕5号',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '在市场监管领域全面推行“双随机、一公开”监管，是党中央、国务院作出的重大决策部署。',
      '',
    ].join('\n\n');
    const g = convertSync(Buffer.from(text), { path: 'grid.txt' });
    expect(g.document.docNumber).toBe('国发〔2019〕5号');
    expect(g.document.recipients).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
  });
});

describe('notices without numbered items', () => {
  it('a plain letter still gives a document with its paragraphs', () => {
    const text =
      '关于做好春节期间安全工作的通知\n各区政府:\n请切实做好春节期间安全生产工作。\n务必落实值班制度。\n市政府办公厅\n2021年1月20日\n';
    const graph = convertSync(text);
    expect(graph.document).toMatchObject({ title: '关于做好春节期间安全工作的通知', date: '2021-01-20' });
    const paras = nodesOf(graph, 'paragraph').map((p) => (p.type === 'paragraph' ? p.text : ''));
    expect(paras).toContain('请切实做好春节期间安全生产工作。');
    expect(nodesOf(graph, 'task')).toHaveLength(0);
    checkInvariants(graph, text);
  });

  it('a text with no cover at all is one plan of paragraphs', () => {
    const text = '这是一段没有标题的文字。\n\n第二段。';
    const graph = convertSync(text);
    expect(nodesOf(graph, 'plan')).toHaveLength(1);
    checkInvariants(graph, text);
  });
});

describe('another city', () => {
  it('keeps a unit the gazetteer does not know, even one character off a Zhengzhou unit', () => {
    const text =
      '洛阳市人民政府办公厅\n关于印发洛阳市2021年水污染防治工作方案的通知\n各县区政府:\n现印发给你们。\n\n一、重点任务\n1.整治排污口。\n牵头单位:市水务局\n配合单位:市城管局\n';
    const graph = convertSync(text);
    const units = graph.nodes.flatMap((n) => (n.type === 'unit' ? [n.name] : []));
    expect(units).toEqual(['市水务局', '市城管局']);
    expect(graph.repairs).toEqual([]);
  });
});
