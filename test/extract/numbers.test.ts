import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indexOfNumber,
  NUMBER_SOURCE,
  numberEnd,
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
    expect(parseArabicNumber('1.')).toBeNull();
    expect(parseArabicNumber('.5')).toBeNull();
    expect(parseArabicNumber('1.2.3')).toBeNull();
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

describe('indexOfNumber and numberEnd', () => {
  /** Where NUMBER_SOURCE's first match at or after `from` starts and ends, or [-1]. */
  const byRegex = (text: string, from: number) => {
    const re = new RegExp(NUMBER_SOURCE, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    return m === null ? [-1] : [m.index, m.index + m[0].length];
  };
  const byScan = (text: string, from: number) => {
    const at = indexOfNumber(text, from);
    return at === -1 ? [-1] : [at, numberEnd(text, at)];
  };

  it.each([
    ['2020年', 0],
    ['达到0.6以上', 0],
    ['3.', 0],
    ['1．5万', 0],
    ['１００％', 0],
    ['五十九个', 0],
    ['第2二', 0],
    ['PM2.5浓度', 3],
    ['无数字', 0],
  ])('agree with NUMBER_SOURCE on %s', (text, from) =>
    expect(byScan(text, from)).toEqual(byRegex(text, from)),
  );

  it('agree with NUMBER_SOURCE on any mix of digits, numerals and points', () =>
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'09０９.．一十百两零〇a年 '), { maxLength: 16 }),
        fc.nat(16),
        (chars, from) => {
          const text = chars.join('');
          expect(byScan(text, from)).toEqual(byRegex(text, from));
        },
      ),
      { numRuns: 1000 },
    ));
});
