import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphBreaks } from '../../src/repair/breaks.js';
import { HAN, isHan, isWhitespace } from '../../src/repair/chars.js';
import { boundedDistance, signature, withinSignatures } from '../../src/repair/distance.js';
import { repair } from '../../src/repair/index.js';
import { paragraphStarts } from '../../src/repair/paragraphs.js';
import { whitespaceRuns } from '../../src/repair/whitespace.js';

/** Plain Levenshtein distance over UTF-16 units (the reference for the bounded one). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const short = fc
  .array(fc.constantFrom(...'市区县局委会政府开发郑州a1 '), { maxLength: 12 })
  .map((cs) => cs.join(''));

describe('character tests', () => {
  it('agree with the regular expressions on every UTF-16 unit', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (isWhitespace(code) !== /\s/.test(ch) || isHan(code) !== HAN.test(ch))
        differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

describe('paragraph starts', () => {
  const alphabet = [...'甲乙 \u3000\t\r\n\u00a0x'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));

  it('are the first visible characters after indentation at the start and after each line break', () => {
    const regex = /(?:^|\n)[ \t\u3000]*(?=\S)/g;
    fc.assert(
      fc.property(text, (raw) => {
        const expected = [...raw.matchAll(regex)].map((m) => m.index + m[0].length);
        expect(paragraphStarts(raw, {})).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('whitespace runs and paragraph breaks', () => {
  const alphabet = [...'甲 \u3000\t\r\n\u00a0\u2028\fx'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));
  const pairs = (re: RegExp, raw: string): number[] =>
    [...raw.matchAll(re)].flatMap((m) => [m.index, m.index + m[0].length]);

  it('are the matches of their regular expressions', () => {
    fc.assert(
      fc.property(text, (raw) => {
        expect(whitespaceRuns(raw, {})).toEqual(pairs(/\s+/g, raw));
        expect(paragraphBreaks(raw, {})).toEqual(pairs(/\n[ \t\r\u3000]*(?:\n[ \t\r\u3000]*)+/g, raw));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('bounded edit distance', () => {
  it('is the edit distance when it is at most the bound, else the bound plus one', () => {
    fc.assert(
      fc.property(short, short, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(Math.min(distance(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('never rules out by signature two strings within the bound', () => {
    fc.assert(
      fc.property(short, short, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        if (distance(a, b) <= max) expect(withinSignatures(signature(a), signature(b), max)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('known units', () => {
  it('follow changes of a list passed again', () => {
    const units = ['市城建局'];
    const raw = '责任单位:荣阳市\n';
    expect(repair(raw, { knownUnits: units }).edits).toEqual([]);
    units.push('荥阳市');
    expect(repair(raw, { knownUnits: units }).text).toBe('责任单位:荥阳市\n');
  });
});
