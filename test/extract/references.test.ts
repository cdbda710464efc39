import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/references.js';
import { PACKAGE_ROOT } from '../../src/grammars.js';
import { expectLinear } from '../helpers/linear.js';
import { gold, normalise, seedLines } from './seed.js';

const brief = (text: string) => extractReferences(text).map(({ title, docNumber }) => ({ title, docNumber }));

describe('extractReferences', () => {
  it('reads a title with its number, nested titles kept', () => {
    expect(brief('落实《关于印发〈三年行动计划(2018—2020年)〉的通知》(郑办〔2018〕38号) 和《方案》')).toEqual(
      [
        { title: '关于印发〈三年行动计划(2018—2020年)〉的通知', docNumber: '郑办〔2018〕38号' },
        { title: '方案', docNumber: undefined },
      ],
    );
  });

  it.each([
    ['《方案》（国发〔2019〕5号）', '国发〔2019〕5号'],
    ['《方案》 (豫环攻坚办〔2020J 7号)', '豫环攻坚办〔2020〕7号'],
    ['《方案》(豫环攻坚办[2020]7号)', '豫环攻坚办〔2020〕7号'],
    ['《方案》(豫环攻坚办［2020］7号)', '豫环攻坚办〔2020〕7号'],
  ])('normalises the number in %s', (text, docNumber) =>
    expect(brief(text)).toEqual([{ title: '方案', docNumber }]),
  );

  it('reads a number cited alone', () => {
    expect(brief('根据国办发〔2016〕82号文件精神')).toEqual([{ title: '', docNumber: '国办发〔2016〕82号' }]);
  });

  it('skips unclosed titles', () => {
    expect(brief('《未闭合 《方案》')).toEqual([{ title: '方案', docNumber: undefined }]);
  });

  it('finds the seed gold references', () => {
    const found = brief(normalise(seedLines.join('\n')));
    const want = gold.references.map((r) => ({ title: r.title, docNumber: r.docNumber ?? undefined }));
    expect(found).toEqual(want);
  });

  it('runs over the other real notices', () => {
    const dir = join(PACKAGE_ROOT, 'corpus/gov');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const h of extractReferences(text)) expect(h.end).toBeGreaterThan(h.start);
    }
  });

  it.each([
    ['unclosed titles', (n: number) => '《'.repeat(n)],
    ['numbers', (n: number) => '国发〔2019〕'.repeat(n)],
    ['long CJK runs', (n: number) => '办'.repeat(n)],
  ])('is linear on %s', (_name, make) => expectLinear(extractReferences, make));
});
