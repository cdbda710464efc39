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
  // tesseract's misreadings of heading numerals and of the 发文字号's brackets (gov 012: 《 for （ read as a damaged
  // opener, decided from the intact numerals since issue 12's heading repair; measured 2026-12-07).
  'tess-gov-012-200.pdf': { tasks: 0.96, deadlines: 0.5 },
  'tess-gov-012-300.pdf': { tasks: 0.96 },
  // 959% for 95% (a share over 100%) is read by src/repair/misreads.ts since 2026-12-07: 0.899 → 0.915.
  'tess-seed-200.pdf': { targets: 0.91 },
  // Its sub-item markers read "(d)", "U)", "d)" are (1) since the heading repair weighs the next intact sibling.
  // 2026-12-07 (evening): the confusions seen only in the seed's own scans (替/军 for 牵, 妥 for 委, 官 for 管, 元 for
  // 克, 葵/茶 for 蒸) are no longer listed (grammars/repair/confusions.yaml, audited by scripts/ocr/grammar-confusions.py):
  // lead 0.974 → 0.922, cooperating 0.954 → 0.923, responsible 0.966 → 0.957, targets 0.891 → 0.880. Below the bar
  // of 0.95, measured honestly: the misreadings of 牵头 in 依职责分别牵头 and of 市农委 are left.
  'tess-seed-300.pdf': { 'units:lead': 0.92, 'units:cooperating': 0.92, targets: 0.87 },
  // GB/T 9704 pages scanned as they come (turned 0.7–1.5°, seeded noise, JPEG 50–60; scripts/producers/gbt9704.sh,
  // made in CI since 2026-12-07, ImageMagick on one thread so the noise is the same on every machine). Level-1
  // headings OCR damaged (二总体要求 for 一、, 全、 for 三、, 四 、) and (X) markers with doubled or lost brackets and
  // spaced numerals ("〈《 九)", "十 一 )") are read by the heading repair since 2026-12-07: gov 006 headings+tasks
  // 0.316 → 0.960, the seed's tasks 0.798 → 1.000, gov 015 0.493 → 0.707. Since 2026-12-07 (evening) gov 015's
  // 人六、 (a speck before 六、), 《二 七) between (十六) and 《十 八) 《十 九), and its role notes with a look-alike
  // opener or a lost closer (〔农业农村部…等负责) are read, and the unit names in those notes (家业农村部): tasks,
  // lead and responsible 1.000. Left: the seed's 配合 units (the scan loses the ends of its lines); gov 015's targets
  // (达到 read 运到).
  'tess-gbt-gov-006-300.pdf': { deadlines: 0.8 },
  'tess-gbt-gov-015-200.pdf': { targets: 0.73 },
  'tess-gbt-seed-200.pdf': { 'units:cooperating': 0.82 },
};
/**
 * Head fields (title, issuers, 发文字号, 成文日期, 主送机关) a file's graph does not yet share with the notice's text;
 * every other field of every file must equal the text's (the 发文字号 with its year in 〔〕 whatever the scan's brackets).
 */
const HEAD_GAPS: Record<string, string[]> = {
  // tesseract drops 市委各部委, from the 主送机关 (its 办公打 for 办公厅 is read by src/repair/misreads.ts).
  'tess-seed-200.pdf': ['recipients'],
  // 办公厅 read 办公打 again; gov 006 at 300 dpi: 国务院 lost from the title, 通知 read 通千, so there is no title,
  // and the 发文字号's year misread; gov 015: 国务院 read 导务院.
  'tess-gbt-seed-200.pdf': ['issuers', 'recipients'],
  'tess-gbt-gov-006-300.pdf': ['title', 'issuers', 'docNumber', 'date', 'recipients'],
  'tess-gbt-gov-015-200.pdf': ['title', 'issuers'],
};
/**
 * 版记 fields (抄送机关, 印发机关, 印发日期, kept out of the body) a GB/T 9704 scan's graph does not share with the
 * page as printed: tesseract drops the 抄送 list's last line 央。 and reads 办公厅 as 办公打 (gov 006); it scatters
 * gov 015's 版记 lines (抄送：党中央各部 lost).
 */
const RECORD_GAPS: Record<string, string[]> = {
  'tess-gbt-gov-006-300.pdf': ['copyTo', 'printedBy'],
  'tess-gbt-gov-015-200.pdf': ['copyTo', 'printedBy', 'printDate'],
};

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
    if (r.docNumber?.expected && !HEAD_GAPS[file]?.includes('docNumber'))
      expect(r.docNumber.found, `${file} 发文字号`).toBe(r.docNumber.expected);
    expect(Object.keys(r.head ?? {}).length, `${file} head scored`).toBeGreaterThanOrEqual(4);
    for (const [field, v] of Object.entries(r.head ?? {}))
      if (!HEAD_GAPS[file]?.includes(field)) expect(v.found, `${file} head ${field}`).toBe(v.expected);
    for (const [field, v] of Object.entries(r.record ?? {}))
      if (!RECORD_GAPS[file]?.includes(field)) expect(v.found, `${file} 版记 ${field}`).toBe(v.expected);
    if (file.startsWith('gbt-')) expect(Object.keys(r.record ?? {}), `${file} 版记 scored`).toHaveLength(4);
  });
});

const textsPresent = existsSync(PRODUCER_TEXTS_DIR);
if (!textsPresent)
  console.warn('pdf-producers: corpus/producers/text/ is absent (npm run fixtures:producers); skipped');

/**
 * Known gaps of the copied texts (pdftotext plain and -layout), file → kind → floor, measured 2026-12-07 (the
 * paged text's margins, double spacing and a browser's page header and footer are layout now); lo-2col's plain text
 * interleaves the two columns line by line (the -layout text is read column by column). chromium-gov-006's plain
 * text (deadlines 0.2: its marker "2." left at the page's bottom) reads whole since the marker is put back.
 */
const TEXT_GAPS: Record<string, Record<string, number>> = {
  'chromium-gov-004.layout.txt': { tasks: 0.7, deadlines: 0.97, targets: 0.8 },
  'chromium-gov-004.txt': { tasks: 0.67, deadlines: 0.92, targets: 0.8 },
  'lo-2col.txt': {
    tasks: 0.17,
    'units:lead': 0.03,
    'units:cooperating': 0.04,
    'units:responsible': 0,
    deadlines: 0.05,
    targets: 0.03,
  },
};

/**
 * Head fields a copied text does not yet share with the notice's text (measured 2026-12-07; the -layout copies'
 * wrapped 主送机关 and lo-2col's columns read since).
 */
const TEXT_HEAD_GAPS: Record<string, string[]> = {
  'lo-2col.txt': ['title', 'issuers', 'date', 'recipients'],
};

describe.skipIf(!textsPresent)(
  'text copied out of producer PDFs reads as the same notice as its text',
  () => {
    const rows = textsPresent ? evalProducerTexts() : [];

    it('finds the texts', () => {
      expect(rows.length).toBeGreaterThan(0);
    });

    // Copies whose breaks fell inside a fact read whole: a unit name broken by blank lines (…,各↵↵开发区管委↵↵会、县↵↵
    // (市)区政府), a deadline (…建设。9↵月底前), a target (试点 100↵↵个。), a cut sentence (…整↵↵治力度,上半↵↵年,…),
    // the right column's word set one space after a full left line (…精准施治。 府).
    it.each(['lo-2col.layout.txt', 'weasyprint-seed.txt', 'lo-docx-seed.txt'])('%s reads whole', (file) => {
      const r = rows.find((x) => x.file === file);
      if (!r) return;
      expect(r.scores.filter((s) => s.f1 < 1).map((s) => [s.kind, s.missed, s.spurious])).toEqual([]);
    });

    it.each(rows.map((r) => [r.file, r] as const))('%s', (file, r) => {
      expect(r.error, file).toBeUndefined();
      for (const s of r.scores)
        expect(s.f1, `${file} ${s.kind}`).toBeGreaterThanOrEqual(TEXT_GAPS[file]?.[s.kind] ?? 0.98);
      // The head (title, issuers, 发文字号, 成文日期, 主送机关) of the text's graph: a printed metadata grid's wrapped
      // label cells (发文机 / 关：) never give the title or the issuers.
      for (const [field, v] of Object.entries(r.head ?? {}))
        if (!TEXT_HEAD_GAPS[file]?.includes(field)) expect(v.found, `${file} head ${field}`).toBe(v.expected);
    });
  },
);
