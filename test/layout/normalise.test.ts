import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';
import { normaliseText } from '../../src/layout/index.js';
import { repair, unrepair } from '../../src/repair/index.js';
import { checkInvariants } from '../helpers/invariants.js';

const SEED = readFileSync('corpus/zhengzhou-2020-notice.txt', 'utf8');
const GOV = readFileSync('corpus/gov/007.txt', 'utf8');

/** The text with some ideographs written as their radical look-alikes, as Chromium's print-to-PDF does. */
const lookAlikes = (text: string): string =>
  text
    .replace(/一/g, '⼀')
    .replace(/文/g, '⽂')
    .replace(/民/g, '⺠')
    .replace(/革/g, '⾰')
    .replace(/人/g, '⼈');

describe('normalisation of look-alike code points', () => {
  it('maps Kangxi radicals, radicals supplement and compatibility ideographs to unified ideographs', () => {
    expect(normaliseText('⼀、关于⽂化改⾰')).toBe('一、关于文化改革');
    expect(normaliseText('⼈⺠政府')).toBe('人民政府');
    expect(normaliseText('\uF900\u{2F800}')).toBe('豈丽');
  });

  it('records each replacement as a repair, and the raw text is rebuilt', () => {
    const raw = '⼀、关于⼈⺠政府\n';
    const out = repair(raw);
    expect(out.text).toBe('一、关于人民政府\n');
    expect(out.edits.map((e) => e.ruleId)).toEqual([
      'normalise/radical',
      'normalise/radical',
      'normalise/radical',
    ]);
    expect(unrepair(out.text, out.edits)).toBe(raw);
  });

  it('reads the horizontal bar ― (U+2015) as the dash — (U+2014), and a range stays a range', () => {
    // iconv's GB2312 table gives ― for the 破折号's bytes A1AA; Chromium's print-to-PDF writes it for —.
    const bar = '行动计划(2018―2020年)\n';
    const out = repair(bar);
    expect(out.text).toBe('行动计划(2018—2020年)\n');
    expect(out.edits.map((e) => e.ruleId)).toEqual(['normalise/dash']);
    expect(unrepair(out.text, out.edits)).toBe(bar);
    // The seed's "(2018 — 2020 年)" written with ― gave a year deadline 2020年 besides the range.
    expect(SEED).toContain('—');
    const a = convertSync(SEED, { path: 'seed.txt' });
    const b = convertSync(SEED.replace(/—/g, '―'), { path: 'seed.txt' });
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges).toEqual(a.edges);
  });

  for (const [name, clean] of [
    ['the seed', SEED],
    ['a State Council notice', GOV],
  ] as const) {
    it(`${name} with look-alikes parses exactly as the clean one`, () => {
      const noisy = lookAlikes(clean);
      expect(noisy).not.toBe(clean);
      const a = convertSync(clean, { path: 'clean.txt' });
      const b = convertSync(noisy, { path: 'clean.txt' });
      checkInvariants(b, noisy);
      expect(b.document).toEqual(a.document);
      expect(b.nodes).toEqual(a.nodes);
      expect(b.edges).toEqual(a.edges);
      expect(b.repairs.filter((r) => !r.ruleId.startsWith('normalise/'))).toEqual(a.repairs);
    });
  }
});
