/**
 * HTML ingest over corpus/gov/: each saved page converts to the same sections and tasks as its plain-text
 * body, and the site's metadata table fills the document fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoticeGraph } from '../../src/graph/schema.js';
import { detectFormat, ingestAsync } from '../../src/ingest/index.js';
import { convertBytes, CORPUS } from './pdf-helpers.js';

const GOV = ['001', '003', '004', '006', '007', '012', '013', '015', '037', '055'];
const ids = (g: NoticeGraph, type: string): string[] =>
  g.nodes.filter((n) => n.type === type).map((n) => n.id);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS, 'gov', name)));

describe('HTML pages saved from gov.cn', () => {
  it.each(GOV)('%s.html gives the sections and tasks of its .txt', async (n) => {
    const html = await convertBytes(read(`${n}.html`), `${n}.html`);
    const text = await convertBytes(read(`${n}.txt`), `${n}.txt`);
    expect(html.source.format).toBe('html');
    expect(ids(html, 'section')).toEqual(ids(text, 'section'));
    expect(ids(html, 'task')).toEqual(ids(text, 'task'));
  });

  it('reads the metadata table into meta and the document fields', async () => {
    const source = await ingestAsync(read('001.html'), { path: '001.html' });
    expect(source.meta).toEqual({
      issuers: ['国务院'],
      date: '2019-01-27',
      title: '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
      docNumber: '国发〔2019〕5号',
      publishDate: '2019-02-15',
    });
    expect(source.raw).not.toMatch(/索\s*引\s*号|发文机关|<|window\.print/);
    const graph = await convertBytes(read('001.html'), '001.html');
    expect(graph.document.docNumber).toBe('国发〔2019〕5号');
  });

  it('drops scripts, styles and navigation, and is detected from content', async () => {
    const page = `<!DOCTYPE html><html><head><style>p{}</style><script>var x = "一、假";</script></head><body>
      <nav>首页 | 政策</nav><div id="content"><p>关于开展检查的通知</p><p>一、总体要求</p><p>各单位要认真落实。</p></div>
      <footer>版权所有</footer></body></html>`;
    const bytes = new TextEncoder().encode(page);
    expect(detectFormat(bytes, 'page.txt')).toBe('html');
    const { raw } = await ingestAsync(bytes, { path: 'page.txt' });
    expect(raw).toBe('关于开展检查的通知\n一、总体要求\n各单位要认真落实。\n');
  });
});

describe('a site metadata table whose cells hold a label with its value', () => {
  const page = (rows: string) =>
    new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div>
      <table class="info">${rows}</table><div class="article">
      <p>某省人民政府办公厅关于做好某项工作的通知</p><p>各市人民政府，省政府各部门：</p>
      <p>现将有关事项通知如下，请认真贯彻执行，切实抓好各项工作的落实，确保取得实效。</p><p>一、总体要求</p>
      <p>坚持问题导向，突出工作重点，强化责任落实，推动各项工作取得新的更大成效。</p></div></div></body></html>`);
  it('reads each cell into its field and leaves the table out of the body', async () => {
    const source = await ingestAsync(
      page(
        '<tr><td>索引号：11410000/2021-00012</td><td>主题分类：综合政务</td></tr>' +
          '<tr><td>发文机关：某省人民政府办公厅</td><td>成文日期：2021年03月15日</td></tr>' +
          '<tr><td colspan="2">标题：某省人民政府办公厅关于做好某项工作的通知</td></tr>' +
          '<tr><td>发文字号：某政办发〔2021〕7号</td><td>发布日期：2021年03月20日</td></tr>',
      ),
      { path: 'p.html' },
    );
    expect(source.meta).toEqual({
      issuers: ['某省人民政府办公厅'],
      date: '2021-03-15',
      title: '某省人民政府办公厅关于做好某项工作的通知',
      docNumber: '某政办发〔2021〕7号',
      publishDate: '2021-03-20',
    });
    expect(source.raw).not.toMatch(/索引号|发文机关|发布日期/);
  });
  it('two pairs in one cell, and no table taken for a grid without a label of the site', async () => {
    const one = await ingestAsync(
      page('<tr><td>发文机关：某省人民政府办公厅　成文日期：2021年3月15日</td></tr>'),
      { path: 'p.html' },
    );
    expect(one.meta).toEqual({ issuers: ['某省人民政府办公厅'], date: '2021-03-15' });
    const none = await ingestAsync(page('<tr><td>时间：2021年底前</td><td>来源：统计局</td></tr>'), {
      path: 'p.html',
    });
    expect(none.meta).toBeUndefined();
  });
  it("writes a 发文字号 from the metadata with 〔〕, keeping the site's spelling in a note without a span", async () => {
    const bytes = page(
      '<tr><td>发文机关：</td><td>某省人民政府办公厅</td><td>发文字号：</td><td>某政办发[2021]7号</td></tr>',
    );
    const graph = await convertBytes(bytes, 'p.html');
    expect(graph.document.docNumber).toBe('某政办发〔2021〕7号');
    const notes = graph.diagnostics.filter((d) => d.code === 'doc-number-normalised');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('某政办发[2021]7号');
    expect(notes[0]!.start).toBeUndefined();
    const standard = await convertBytes(
      page('<tr><td>发文字号：</td><td>某政办发〔2021〕7号</td></tr>'),
      'p.html',
    );
    expect(standard.diagnostics.filter((d) => d.code === 'doc-number-normalised')).toEqual([]);
  });
});
