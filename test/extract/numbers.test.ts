import { describe, expect, it } from 'vitest';
import {
  parseArabicNumber,
  parseChineseNumber,
  parseNumber,
  toHalfWidth,
} from '../../src/extract/numbers.js';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['三百二十', 320],
    ['两千', 2000],
    ['一千零一', 1001],
    ['三万五千', 35000],
    ['十万', 100000],
    ['一亿二千万', 120000000],
    ['二〇二〇', 2020],
    ['零', 0],
    ['两', 2],
  ])('%s → %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));

  it.each(['', '千', '万', '百', '千吨', '一一十', '十百', 'abc'])('%s is not a number', (s) =>
    expect(parseChineseNumber(s)).toBeNull(),
  );
});

describe('parseNumber', () => {
  it.each([
    ['97', 97],
    ['93.5', 93.5],
    ['１００', 100],
    ['０．６', 0.6],
    ['五十九', 59],
  ])('%s → %d', (s, n) => expect(parseNumber(s)).toBe(n));

  it('rejects mixed text', () => {
    expect(parseArabicNumber('12a')).toBeNull();
    expect(parseNumber('PM')).toBeNull();
  });
});

describe('toHalfWidth', () => {
  it('keeps the length (offsets stay valid)', () => {
    const s = '达到１００％（不含）：８～';
    expect(toHalfWidth(s)).toBe('达到100%(不含):8~');
    expect(toHalfWidth(s).length).toBe(s.length);
  });
});
