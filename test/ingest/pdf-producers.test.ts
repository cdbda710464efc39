/**
 * PDFs made by producers nobody here wrote (scripts/producers: LibreOffice, Chromium's print-to-PDF, WeasyPrint,
 * tesseract's searchable scans) against the same notice's text: the bar (F1 ≥ 0.98 born-digital, ≥ 0.95
 * scanned) for every file, except the known gaps listed below, which hold as a ratchet at their measured floor.
 * Skipped when `npm run fixtures:producers` has not made the PDFs (scripts/system-deps.sh installs the tools).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evalProducers,
  evalProducerTexts,
  PRODUCER_TEXTS_DIR,
  PRODUCERS_DIR,
} from '../../src/eval/producers.js';

const present = existsSync(PRODUCERS_DIR);
if (!present)
  console.warn('pdf-producers: corpus/producers/ is absent (npm run fixtures:producers); skipped');

/** Known gaps, file → kind → floor: measured 2026-12-06, raise them as the gaps close. */
const GAPS: Record<string, Record<string, number>> = {
  // Its indicator table now goes on over the page break 9→10 as one table (a footer frame no longer widens the
  // page-10 grid), and the row-cut-by-the-break test joins rows 50 and 51 (page 9's last row is closed by a rule).
  'chromium-gov-004.pdf': { tasks: 0.99 },
  // tesseract's misreadings of heading numerals and of the 发文字号's brackets (gov 012: 《 for （ read as a damaged
  // opener, decided from the intact numerals since issue 12's heading repair; measured 2026-12-07).
  'tess-gov-012-200.pdf': { tasks: 0.96, deadlines: 0.5 },
  'tess-gov-012-300.pdf': { tasks: 0.96 },
  'tess-seed-200.pdf': { targets: 0.89 },
  // Its sub-item markers read "(d)", "U)", "d)" are (1) since the heading repair weighs the next intact sibling;
  // 市农妥, 分别替头, 56微元 /立方米 are read by the confusions of grammars/repair/confusions.yaml.
  'tess-seed-300.pdf': { targets: 0.88 },
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

const textsPresent = existsSync(PRODUCER_TEXTS_DIR);
if (!textsPresent)
  console.warn('pdf-producers: corpus/producers/text/ is absent (npm run fixtures:producers); skipped');

/**
 * Known gaps of the copied texts (pdftotext plain and -layout), file → kind → floor, measured 2026-12-06. Most are
 * the paragraphs of hard-wrapped text (a role line or item run into the next), Chromium's printed header/footer
 * lines and the pages' metadata grids read as text; lo-2col's columns pdftotext reads across (-layout) or whose
 * head it loses (plain).
 */
/** Every kind at 0: nothing of the notice is read. */
const LOST = Object.fromEntries(
  ['tasks', 'units:lead', 'units:cooperating', 'units:responsible', 'deadlines', 'targets'].map((k) => [
    k,
    0,
  ]),
);
const TEXT_GAPS: Record<string, Record<string, number>> = {
  'chromium-gov-004.layout.txt': { tasks: 0.7, deadlines: 0.97, targets: 0.8 },
  'chromium-gov-004.txt': { tasks: 0.67, deadlines: 0.92, targets: 0.8 },
  'chromium-gov-006.layout.txt': { deadlines: 0.72 },
  'chromium-gov-006.txt': { tasks: 0.88, deadlines: 0.2 },
  'chromium-gov-007.layout.txt': {
    tasks: 0.69,
    'units:cooperating': 0.83,
    'units:responsible': 0.17,
    deadlines: 0.27,
    targets: 0.75,
  },
  'chromium-gov-007.txt': { tasks: 0.97, 'units:responsible': 0.97 },
  'chromium-gov-015.layout.txt': {
    tasks: 0.83,
    'units:lead': 0.19,
    'units:responsible': 0.63,
    targets: 0.93,
  },
  'chromium-gov-037.layout.txt': {
    tasks: 0.92,
    'units:lead': 0.57,
    'units:cooperating': 0.66,
    'units:responsible': 0.96,
  },
  'chromium-gov-055.layout.txt': { deadlines: 0.66 },
  'lo-1col.layout.txt': {
    tasks: 0.97,
    'units:lead': 0.94,
    'units:cooperating': 0.85,
    'units:responsible': 0.74,
    targets: 0.84,
  },
  'lo-1col.txt': { 'units:cooperating': 0.85, 'units:responsible': 0.95 },
  'lo-2col.layout.txt': LOST,
  'lo-2col.txt': LOST,
  'lo-docx-seed.layout.txt': { 'units:responsible': 0.97, targets: 0.96 },
  'lo-docx-seed.txt': { 'units:responsible': 0.87 },
  'lo-gov-012.layout.txt': { deadlines: 0.5 },
  'weasyprint-seed.layout.txt': { tasks: 0.96, 'units:cooperating': 0.96, 'units:responsible': 0.92 },
  'weasyprint-seed.txt': { tasks: 0.94, 'units:cooperating': 0.84, 'units:responsible': 0.79 },
};

describe.skipIf(!textsPresent)(
  'text copied out of producer PDFs reads as the same notice as its text',
  () => {
    const rows = textsPresent ? evalProducerTexts() : [];

    it('finds the texts', () => {
      expect(rows.length).toBeGreaterThan(0);
    });

    it.each(rows.map((r) => [r.file, r] as const))('%s', (file, r) => {
      expect(r.error, file).toBeUndefined();
      for (const s of r.scores)
        expect(s.f1, `${file} ${s.kind}`).toBeGreaterThanOrEqual(TEXT_GAPS[file]?.[s.kind] ?? 0.98);
    });
  },
);
