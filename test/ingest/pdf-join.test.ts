/** Lines of one PDF paragraph joined: no space in Chinese, one between Latin words, a number cut by the line end whole. */
import { describe, expect, it } from 'vitest';
import { joinSeparator } from '../../src/ingest/pdf/cjk.js';

describe('joining the lines of a paragraph', () => {
  it('joins Chinese without a space and Latin words with one', () => {
    expect(joinSeparator('全面落实', '工作要求')).toBe('');
    expect(joinSeparator('Windows and', 'Linux')).toBe(' ');
  });

  it('keeps a number of Chinese text that the line end cuts whole', () => {
    expect(joinSeparator('全市煤炭消费量控制在 208', '5 万吨以内')).toBe('');
    expect(joinSeparator('电厂关停到位;3', '0万千瓦以下')).toBe('');
    expect(joinSeparator('in 2020', '5 projects')).toBe(' ');
  });
});
