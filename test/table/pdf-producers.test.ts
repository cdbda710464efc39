/**
 * The seed's task table printed to ruled PDF tables by real producers (scripts/producers/tables.sh: LibreOffice
 * strokes the rules and cuts rows at page breaks, Chromium fills thin rectangles; both repeat the header on each
 * of many pages), and without vertical rules (a 三线表, rules between rows only, none: the columns come from the
 * text), cells also set in the middle or at the bottom of their rows (WeasyPrint, LibreOffice and Chromium):
 * the graph of each PDF matches the graph of the HTML table it was printed from (tasks and units
 * by role F1 ≥ 0.98, deadlines ≥ 0.95), and the seed's gold. Skipped when `npm run fixtures:producers` has not
 * made them (it needs soffice, chromium and weasyprint; scripts/system-deps.sh installs them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/index.js';
import { loadPdf } from '../../src/ingest/pdf/load.js';
import { unruledGrids } from '../../src/ingest/pdf/table-free.js';
import {
  compareGraphs,
  evalPdfTables,
  ALIGNED_TABLE_FIXTURES,
  NOREPEAT_TABLE_FIXTURES,
  PDF_TABLE_FIXTURES,
  UNRULED_TABLE_FIXTURES,
} from '../../src/eval/tables.js';
import type { Gold } from '../../src/eval/seed.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');
const gold = JSON.parse(
  readFileSync(join(CORPUS, 'gold', 'zhengzhou-2020-notice.gold.json'), 'utf8'),
) as Gold;
const ALL = [
  ...PDF_TABLE_FIXTURES,
  ...UNRULED_TABLE_FIXTURES,
  ...ALIGNED_TABLE_FIXTURES,
  ...NOREPEAT_TABLE_FIXTURES,
];
const present = ALL.filter((f) => existsSync(join(CORPUS, 'producers', f)));
for (const f of ALL)
  if (!present.includes(f))
    console.warn(`pdf-producers: corpus/producers/${f} is absent (npm run fixtures:producers); skipped`);

describe.skipIf(present.length === 0)('the seed as a PDF table, ruled or not', async () => {
  const results = present.length === 0 ? [] : await evalPdfTables(CORPUS, gold, present);

  it.each(results.map((r) => [r.file, r] as const))(
    '%s: the graph of the HTML table, tasks and units F1 ≥ 0.98, deadlines ≥ 0.95',
    (_, r) => {
      expect(r.vsHtml.map((s) => s.kind)).toEqual([
        'tasks',
        'units:lead',
        'units:cooperating',
        'units:responsible',
        'deadlines',
      ]);
      for (const s of [...r.vsHtml, ...r.scores])
        expect(s.f1, `${s.kind}: missed ${s.missed.slice(0, 3).join(' ')}`).toBeGreaterThanOrEqual(
          s.kind === 'deadlines' ? 0.95 : 0.98,
        );
      expect(r.vsHtml[0]!.gold).toBeGreaterThan(50);
    },
  );
});

const NOTICE_HTML = join(CORPUS, 'producers', 'table-notice.html');
const NOTICE_PDF = join(CORPUS, 'producers', 'table-notice-lo.pdf');
const notice = existsSync(NOTICE_HTML) && existsSync(NOTICE_PDF);
if (!notice)
  console.warn(
    'pdf-producers: corpus/producers/table-notice-lo.pdf is absent (npm run fixtures:producers); skipped',
  );

describe.skipIf(!notice)('a cover notice with the table attached, in one PDF (LibreOffice)', () => {
  it('gives the graph of the same HTML: prose around the table read as before, the table as tasks', async () => {
    const read = (path: string) => convert(new Uint8Array(readFileSync(path)), { path });
    const [html, pdf] = [await read(NOTICE_HTML), await read(NOTICE_PDF)];
    for (const s of compareGraphs(html, pdf)) expect(s.f1, s.kind).toBeGreaterThanOrEqual(0.98);
    const plans = (g: typeof html) => g.nodes.filter((n) => n.type === 'plan').map((n) => n.id);
    expect(plans(pdf)).toEqual(plans(html));
    expect(plans(pdf).length).toBeGreaterThan(0);
    const task = pdf.nodes.find((n) => n.type === 'task')!;
    expect(task).toMatchObject({ page: expect.any(Number), box: expect.any(Object), cell: { table: 1 } });
  });
});

const PROSE = existsSync(join(CORPUS, 'producers'))
  ? readdirSync(join(CORPUS, 'producers')).filter((f) => /^(?:chromium|lo|weasyprint)-.*\.pdf$/.test(f))
  : [];
if (PROSE.length === 0)
  console.warn('pdf-producers: no prose PDFs in corpus/producers (npm run fixtures:producers); skipped');

describe.skipIf(PROSE.length === 0)('prose PDFs by real producers', () => {
  it('hold no task table found from the text alone (a table without vertical rules)', async () => {
    for (const f of PROSE) {
      const path = join(CORPUS, 'producers', f);
      const { pages } = await loadPdf(new Uint8Array(readFileSync(path)), path, {});
      expect(
        pages.flatMap((p) => unruledGrids(p)),
        f,
      ).toEqual([]);
    }
  }, 240_000);
});
