/** Markdown ingest: blocks become the plain lines the parser reads, markers typed in the text kept. */
import { describe, expect, it } from 'vitest';
import { ingestAsync } from '../../src/ingest/index.js';
import { markdownToText } from '../../src/ingest/markdown.js';

describe('Markdown', () => {
  it.each([
    ['# 关于开展检查的通知\n\n一、总体要求\n', '关于开展检查的通知\n一、总体要求\n'],
    ['## (一)加强管理\n\n1. 推进治理。\n2. 完善制度。\n', '(一)加强管理\n1.推进治理。\n2.完善制度。\n'],
    ['1.推进治理。\n牵头单位:市生态环境局\n', '1.推进治理。牵头单位:市生态环境局\n'],
    [
      '各单位要认真\n落实。\n\nKeep the\nLatin words apart.\n',
      '各单位要认真落实。\nKeep the Latin words apart.\n',
    ],
    [
      '> 引用一段\n\n- 条目\n\n| 单位 | 任务 |\n|---|---|\n| 市环保局 | 治理 |\n',
      '引用一段\n条目\n单位 任务\n市环保局 治理\n',
    ],
  ])('%j', (md, text) => {
    expect(markdownToText(md)).toBe(text);
  });

  it('a .md file is ingested as format md with plain lines', async () => {
    const bytes = new TextEncoder().encode('# 通知\n\n一、总体要求\n\n**牵头单位**:市生态环境局\n');
    const source = await ingestAsync(bytes, { path: 'notice.md' });
    expect(source).toMatchObject({
      format: 'md',
      encoding: 'utf-8',
      raw: '通知\n一、总体要求\n牵头单位:市生态环境局\n',
    });
  });
});
