/**
 * PDFs made by producers nobody here wrote (scripts/producers: LibreOffice, Chromium's print-to-PDF, WeasyPrint,
 * tesseract's searchable scans) against the same notice's text: the bar (F1 ≥ 0.98 born-digital, ≥ 0.95
 * scanned) for every file, except the known gaps listed below, which hold as a ratchet at their measured floor.
 * Skipped when `npm run fixtures:producers` has not made the PDFs (scripts/system-deps.sh installs the tools).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evalProducers, PRODUCERS_DIR } from '../../src/eval/producers.js';

const present = existsSync(PRODUCERS_DIR);
if (!present)
  console.warn('pdf-producers: corpus/producers/ is absent (npm run fixtures:producers); skipped');

/** Known gaps, file → kind → floor: measured 2026-12-06, raise them as the gaps close. */
const GAPS: Record<string, Record<string, number>> = {
  // Not yet diagnosed: Chromium prints a long URL line on three of its pages (a suspect).
  'chromium-gov-004.pdf': { tasks: 0.73 },
  // tesseract's misreadings of heading numerals and of the 发文字号's brackets (gov 012: 《 for （ now read as a
  // damaged opener; four markers in a row all damaged stay undecided).
  'tess-gov-012-200.pdf': { tasks: 0.81 },
  'tess-gov-012-300.pdf': { tasks: 0.89 },
  'tess-seed-300.pdf': {
    tasks: 0.86,
    'units:lead': 0.76,
    'units:cooperating': 0.87,
    'units:responsible': 0.79,
  },
};
/** Scans whose 发文字号 tesseract misreads (国办发[2019]3号: its brackets are no 〔〕). */
const DOC_NUMBER_GAPS = new Set([
  'tess-gov-006-200.pdf',
  'tess-gov-006-300.pdf',
  'tess-gov-012-200.pdf',
  'tess-gov-012-300.pdf',
]);

describe.skipIf(!present)('PDFs from other producers read as the same notice as text', async () => {
  const rows = present ? await evalProducers() : [];

  it('finds the fixtures', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows.map((r) => [r.file, r] as const))('%s', (file, r) => {
    expect(r.error, file).toBeUndefined();
    const bound = file.startsWith('tess-') ? 0.95 : 0.98;
    for (const s of r.scores) {
      const kind = s.kind === 'headings+tasks' ? 'tasks' : s.kind;
      expect(s.f1, `${file} ${kind}`).toBeGreaterThanOrEqual(GAPS[file]?.[kind] ?? bound);
    }
    if (r.docNumber?.expected && !DOC_NUMBER_GAPS.has(file))
      expect(r.docNumber.found, `${file} 发文字号`).toBe(r.docNumber.expected);
  });
});
