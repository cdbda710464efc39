import type { Heading, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../src/render/graph-index.js';
import { PLAN_DEPTH, renderMarkdown, sectionHeading, taskNumberLabel } from '../../src/render/markdown.js';
import { seedGraph, tinyGraph } from './seed.js';

/** The text of an mdast node (its values, concatenated). */
function toString(node: unknown): string {
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(toString).join('');
}

function headings(markdown: string): { depth: number; text: string }[] {
  const tree = remark().use(remarkGfm).parse(markdown) as Root;
  const found: { depth: number; text: string }[] = [];
  visit(tree, 'heading', (h: Heading) => {
    found.push({ depth: h.depth, text: toString(h) });
  });
  return found;
}

/** The headings the graph calls for: the title, then each plan and its sections in document order. */
function expectedHeadings(): { depth: number; text: string }[] {
  const index = indexGraph(seedGraph);
  const out = [{ depth: 1, text: seedGraph.document.title }];
  const walk = (id: string): void => {
    for (const n of index.children(id)) {
      if (n.type === 'plan') out.push({ depth: PLAN_DEPTH, text: n.title });
      if (n.type === 'section') out.push({ depth: PLAN_DEPTH + n.level, text: sectionHeading(n) });
      walk(n.id);
    }
  };
  walk('notice');
  return out;
}

describe('the seed as Markdown', () => {
  const markdown = renderMarkdown(seedGraph);

  it("parses with remark and its headings are the graph's plans and sections, by level", () => {
    expect(headings(markdown)).toEqual(expectedHeadings());
    const sections = seedGraph.nodes.filter((n) => n.type === 'section');
    expect(headings(markdown).filter((h) => h.depth > PLAN_DEPTH)).toHaveLength(sections.length);
  });

  it('has every task as a paragraph led by its number, and its units as a list', () => {
    const tree = remark().use(remarkGfm).parse(markdown) as Root;
    const paragraphs: string[] = [];
    visit(tree, 'paragraph', (p) => {
      paragraphs.push(toString(p));
    });
    for (const task of seedGraph.nodes.filter((n) => n.type === 'task')) {
      const label = taskNumberLabel(task.number);
      expect(paragraphs).toContain(label ? `${label} ${task.text}` : task.text);
    }
    expect(paragraphs).toContain('牵头单位：市工信局、市生态环境局');
    expect(paragraphs).toContain('责任单位：各开发区管委会、县(市)区政府');
  });

  it('keeps the paragraphs and shows the document fields', () => {
    for (const p of seedGraph.nodes.filter((n) => n.type === 'paragraph'))
      if (p.text !== seedGraph.document.title) expect(markdown).toContain(p.text.slice(0, 8));
    expect(markdown).toContain('**成文日期**：2020-04-16');
  });

  it('is the same from run to run', () => {
    expect(renderMarkdown(seedGraph)).toBe(markdown);
  });
});

describe('Markdown labels', () => {
  it.each([
    [{ marker: '三', title: '重点工作' }, '三、重点工作'],
    [{ marker: '(一)', title: '实施差异化管理' }, '(一)实施差异化管理'],
  ])('heads a section %j as %j', (section, want) => {
    expect(sectionHeading(section)).toBe(want);
  });

  it.each([
    ['1', '1.'],
    ['(2)', '(2)'],
    [null, null],
  ])('labels task number %j as %j', (number, want) => {
    expect(taskNumberLabel(number)).toBe(want);
  });

  it('escapes Markdown syntax in the text', () => {
    const graph = tinyGraph(
      [
        { id: 'p1', type: 'plan', title: '测试方案', year: 2020, topic: null },
        { id: 'p1/1', type: 'task', path: '1', number: '1', title: '甲', text: '*星号* 与 # 井号' },
      ],
      [
        { from: 'notice', to: 'p1', type: 'contains' },
        { from: 'p1', to: 'p1/1', type: 'contains' },
      ],
    );
    const tree = remark().parse(renderMarkdown(graph)) as Root;
    const texts: string[] = [];
    visit(tree, 'paragraph', (p) => {
      texts.push(toString(p));
    });
    expect(texts).toContain('1. *星号* 与 # 井号');
  });
});
