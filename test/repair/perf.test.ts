import { describe, expect, it } from 'vitest';
import { repair } from '../../src/repair/index.js';
import { expectLinear } from '../helpers/linear.js';

/** Size of the small input, in characters (the large one is 8 times it). */
const BASE = 60_000;
const run = (text: string) => repair(text, { knownUnits: ['市城建局'] });

const shapes: Record<string, (n: number) => string> = {
  'one long line of Chinese with spaces': (n) => '市城建 局,PM25 '.repeat(n / 10),
  'spaces only': (n) => ' '.repeat(n),
  'blank lines only': (n) => '\n \n'.repeat(n / 3),
  'quotes on one line': (n) => '中"'.repeat(n / 2),
  'heading-like paragraphs': (n) => '\n(二)甲\n伍)乙\n'.repeat(n / 12),
  'digits and letters': (n) => '2O1l0O'.repeat(n / 6),
  brackets: (n) => '办〔2020J〈一〈'.repeat(n / 10),
  'primes and parens': (n) => "  (五'''''".repeat(n / 10),
  'damaged sub-items': (n) => '\n(J) 甲\n(七乙\n(2) 丙\n'.repeat(n / 20),
  'role lines with unknown names': (n) => '\n率头单位 :荣阳市、市城 建局、市城键局\n'.repeat(n / 25),
  'one long role line': (n) => '责任单位:' + '荣阳市、'.repeat(n / 4),
};

describe('repair runs in linear time', () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => expectLinear(run, make, BASE));
  }

  it('misread characters, on OCR text', () =>
    expectLinear(
      (text: string) => repair(text, { ocr: true }),
      (n) => '进行调杏处理,消防文队,固体度物利用,利用率1009%。'.repeat(n / 28),
      BASE,
    ));

  it('handles a 1 MB line', () => {
    const line = '郑州 市2020年大气污染防治攻坚战,PM】。 '.repeat(40_000);
    expect(repair(line).text.length).toBeLessThan(line.length);
  });
});
