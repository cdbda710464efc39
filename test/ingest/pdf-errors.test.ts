/**
 * Bad PDFs: every one gives an IngestError whose code is stable and whose message says what is wrong, with
 * which file and what to do; an image-only PDF asks for --ocr, and with it is OCR'd when tesseract is there.
 */
import { describe, expect, it } from 'vitest';
import { IngestError, ingestAsync } from '../../src/ingest/index.js';
import { fixture, hasCommand } from './pdf-helpers.js';

async function refusal(bytes: Uint8Array, path: string, options = {}): Promise<IngestError> {
  try {
    await ingestAsync(bytes, { path, ...options });
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error(`${path} was not refused`);
}

describe('bad PDFs', () => {
  it.each([
    ['encrypted.pdf', 'encrypted-pdf', /password/],
    ['truncated.pdf', 'corrupt-pdf', /damaged or incomplete/],
    ['corrupt.pdf', 'corrupt-pdf', /damaged or incomplete/],
    ['image-only.pdf', 'needs-ocr', /--ocr/],
  ])('%s → %s', async (name, code, message) => {
    const err = await refusal(fixture(name), `corpus/pdf/${name}`);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(`corpus/pdf/${name}`);
  });

  it('refuses more pages than the limit, naming --max-pages', async () => {
    const err = await refusal(fixture('two-column.pdf'), 'two-column.pdf', { maxPages: 1 });
    expect(err.code).toBe('too-many-pages');
    expect(err.message).toMatch(/--max-pages/);
  });

  it('refuses a file above the size limit, naming --max-size', async () => {
    const err = await refusal(fixture('two-column.pdf'), 'two-column.pdf', { maxBytes: 1024 });
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/--max-size/);
  });

  it('stops at the time limit', async () => {
    const err = await refusal(fixture('seed-export.pdf'), 'seed-export.pdf', { timeoutMs: 1 });
    expect(err.code).toBe('timeout');
  });

  it('converts the good files of a batch that holds a bad one', async () => {
    const names = ['two-column.pdf', 'encrypted.pdf', 'seed-export.pdf', 'corrupt.pdf'];
    const results = await Promise.allSettled(names.map((n) => ingestAsync(fixture(n), { path: n })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
  });
});

const OCR_TOOLS = hasCommand('tesseract') && hasCommand('pdftoppm', ['-v']);

describe('OCR of an image-only PDF', () => {
  it.skipIf(!OCR_TOOLS)(
    'with ocr: reads the page with tesseract and reports progress (skipped without tesseract/pdftoppm: scripts/system-deps.sh)',
    async () => {
      const progress: number[] = [];
      const source = await ingestAsync(fixture('image-only.pdf'), {
        path: 'image-only.pdf',
        ocr: true,
        onProgress: (p) => progress.push(p.page),
      });
      expect(progress).toEqual([1]);
      expect(source.encoding).toBe('ocr');
      expect(source.raw).toContain('牵头单位');
      expect(source.layout!.length).toBeGreaterThan(5);
    },
    300_000,
  );
});
