import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreRepairs, type GoldRepair } from '../../src/eval/repair.js';
import { repair, unrepair } from '../../src/repair/index.js';
import { TEST_UNITS } from './units.js';

const RECALL_BAR = 0.972;
const PRECISION_BAR = 1;

describe('seed notice against its gold OCR repairs', () => {
  const raw = readFileSync('corpus/zhengzhou-2020-notice.txt', 'utf8');
  const gold = JSON.parse(readFileSync('corpus/gold/zhengzhou-2020-notice.gold.json', 'utf8')) as {
    ocrRepairs: GoldRepair[];
  };
  const result = repair(raw, { knownUnits: TEST_UNITS });
  const score = scoreRepairs(raw, result.text, result.edits, gold.ocrRepairs);

  it(`reaches recall ≥ ${RECALL_BAR} and precision ≥ ${PRECISION_BAR}`, () => {
    expect(score.recall, JSON.stringify(score.missed.map((g) => g.raw))).toBeGreaterThanOrEqual(RECALL_BAR);
    expect(score.precision, JSON.stringify(score.spurious)).toBeGreaterThanOrEqual(PRECISION_BAR);
  });

  it('keeps the issuer line and the footer', () => {
    expect(result.text).toContain('中共郑州市委办公厅 郑州市人民政府办公厅');
    expect(result.text).toContain('中共郑州市委办公厅 2020年4月16日印发');
  });

  it('rebuilds the raw input and maps offsets back', () => {
    expect(unrepair(result.text, result.edits)).toBe(raw);
    const at = result.text.indexOf('PM10');
    expect(raw.slice(result.toRaw(at), result.toRaw(at) + 4)).toBe('PM】。');
    const tail = result.text.length - 5;
    expect(raw.slice(result.toRaw(tail))).toBe(result.text.slice(tail));
  });
});
