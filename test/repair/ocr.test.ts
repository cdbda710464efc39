import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cer, editDistance, unwrapped } from '../../src/eval/repair.js';
import { repair } from '../../src/repair/index.js';

const OCR_DIR = 'corpus/ocr';
const pairs = readdirSync(OCR_DIR)
  .filter((f) => f.endsWith('.ocr.txt'))
  .map((f) => f.slice(0, -'.ocr.txt'.length));

describe('cer', () => {
  it('is Levenshtein over UTF-16 units divided by the reference length', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(cer('市城建局', '市城建 局')).toBe(0.25);
    expect(cer('', '')).toBe(0);
  });
});

describe('OCR pairs: repair lowers the character error rate', () => {
  it('has pairs', () => expect(pairs.length).toBeGreaterThanOrEqual(2));
  for (const name of pairs) {
    it(name, () => {
      const clean = readFileSync(join(OCR_DIR, `${name}.clean.txt`), 'utf8');
      const ocr = readFileSync(join(OCR_DIR, `${name}.ocr.txt`), 'utf8');
      // Line breaks do not count: repair rejoins hard-wrapped lines into paragraphs (src/layout).
      const [c, o] = [unwrapped(clean), unwrapped(ocr)];
      expect(cer(c, unwrapped(repair(ocr).text))).toBeLessThan(cer(c, o));
    });
  }
});

const tesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
const hasTesseract = tesseract.status === 0 && /^chi_sim$/m.test(tesseract.stdout);
const hasConvert = spawnSync('convert', ['-version']).status === 0;

describe.skipIf(!hasTesseract || !hasConvert)(
  'live OCR (needs tesseract-ocr-chi-sim and ImageMagick)',
  () => {
    it('renders and reads a line, and repair does not make it worse', () => {
      const dir = mkdtempSync(join(tmpdir(), 'ocr-'));
      const png = join(dir, 'line.png');
      const line = '牵头单位：市生态环境局、市城建局';
      execFileSync(
        'convert',
        ['-size', '900x120', 'xc:white', '-font', 'Noto-Serif-CJK-SC', '-pointsize', '36'].concat([
          '-fill',
          'black',
          '-annotate',
          '+20+70',
          line,
          png,
        ]),
      );
      const ocr = execFileSync('tesseract', [png, '-', '-l', 'chi_sim', '--psm', '7'], {
        encoding: 'utf8',
      }).trim();
      expect(cer(line, repair(ocr).text)).toBeLessThanOrEqual(cer(line, ocr));
    });
  },
);

if (!hasTesseract || !hasConvert) {
  console.warn(
    'live OCR test skipped: install tesseract-ocr tesseract-ocr-chi-sim imagemagick (scripts/ocr-fixtures.sh)',
  );
}
