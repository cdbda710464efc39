/**
 * The misread pairs (grammars/repair/misread-pairs.yaml, rule misread-word) are learned from training sheets only
 * (scripts/ocr/misread-training.py, scripts/ocr/misread-pairs.mjs), never from a text `npm run eval` scores OCR
 * against: else the figures measured on those readings would be the pairs' own training.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OCR_EVALUATED, ocrReadings } from '../../src/eval/ocr-words.js';

interface Pair {
  read: string;
  printed: string;
  seen: string;
}
const LEARNED = parse(readFileSync('grammars/repair/misread-pairs.yaml', 'utf8')) as {
  pairs: Pair[];
  splits: { extra: string; seen: string }[];
};
const PAIRS = LEARNED.pairs;

/** The sheets a pair was seen in: "words ×3, gov-003 ×1 (2 of font × dpi): 例子 read 例了" → [words, gov-003]. */
const sheets = (seen: string): string[] =>
  seen
    .slice(0, seen.indexOf(':'))
    .replace(/ \(\d+ of font × dpi\)(, \d+ glyphs)?$/, '')
    .split(', ')
    .map((s) => s.replace(/ ×\d+$/, ''));

/** The training sheet's source text, or null for a label no training sheet has. */
function sheetSource(sheet: string): string | null {
  const sheet1 = sheet.replace(/^(clean|small)-/, '');
  if (['words', 'grammar', 'coverage', 'rare'].includes(sheet1)) return sheet1;
  const gov = /^gov-(\d{3})$/.exec(sheet);
  return gov ? `corpus/gov/${gov[1]}.txt` : null;
}

describe('misread pairs', () => {
  it('carry no pair whose evidence is a text or reading that npm run eval scores', () => {
    expect(PAIRS.length).toBeGreaterThan(0);
    const readings = new Set(
      ocrReadings().flatMap((r) => [r.name, r.reading.split('/').pop()!, r.source.split('/').pop()!]),
    );
    const learned = [
      ...PAIRS,
      ...LEARNED.splits.map((s) => ({ read: s.extra, printed: '(split)', seen: s.seen })),
    ];
    const bad = learned.flatMap((p) =>
      sheets(p.seen)
        .filter((s) => {
          const source = sheetSource(s);
          return (
            source === null || OCR_EVALUATED.includes(source) || readings.has(s) || /seed|tess-|scan-/.test(s)
          );
        })
        .map((s) => `${p.read}→${p.printed}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('list every text whose OCR readings are scored among those never learned from', () => {
    for (const r of ocrReadings()) {
      const source = r.source.startsWith('ocr/') ? null : `corpus/${r.source}`;
      if (source) expect(OCR_EVALUATED).toContain(source);
      expect(r.seen).toBe(false);
    }
    for (const source of OCR_EVALUATED) expect(existsSync(source), source).toBe(true);
  });

  it('are never learned from an evaluated reading: the script refuses one (the built code)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pairs-'));
    try {
      const out = join(dir, 'pairs.yaml');
      const run = spawnSync(
        process.execPath,
        [
          'scripts/ocr/misread-pairs.mjs',
          'corpus/zhengzhou-2020-notice.txt:corpus/layout/seed.tesseract.txt',
        ],
        { encoding: 'utf8', env: { ...process.env, MISREAD_PAIRS_OUT: out } },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/never evidence for a pair/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
