import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageResolutions } from '../../src/ingest/pdf/ocr.js';

/** `pdfimages -list` of a three-page PDF: a 200 dpi scan, a page with a small logo over a 96 dpi scan, a 600 dpi one. */
const LIST = `page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   1     0 image    1654  2339  rgb     3   8  image  no       112  0   200   200  367K 3.2%
   2     1 image     120    60  rgb     3   8  jpeg   no         4  0   300   300   10K 3.0%
   2     2 image     794  1123  gray    1   8  image  no         5  0    96    96  100K 5.0%
   2     3 smask    794  1123  gray    1   8  image  no         6  0    96    96  100K 5.0%
   3     4 image    4961  7016  gray    1   1  ccitt  no         7  0   600   601  200K 0.1%
`;

describe('the resolution --ocr renders a page at', () => {
  it("is the page's largest image's own, within 150–300 dpi", () => {
    expect(pageResolutions(LIST)).toEqual(
      new Map([
        [1, 200],
        [2, 150],
        [3, 300],
      ]),
    );
    expect(pageResolutions('')).toEqual(new Map());
  });

  const scan = 'corpus/producers/scan-seed-200.pdf';
  let pdfimages = true;
  try {
    execFileSync('pdfimages', ['-v'], { stdio: 'ignore' });
  } catch {
    pdfimages = false;
  }
  if (!pdfimages || !existsSync(scan))
    console.warn('ocr-resolution: pdfimages or corpus/producers/scan-seed-200.pdf is missing; skipped');
  it.skipIf(!pdfimages || !existsSync(scan))('reads a scan made at 200 dpi as 200 dpi, every page', () => {
    const dpis = pageResolutions(execFileSync('pdfimages', ['-list', scan], { encoding: 'utf8' }));
    expect(dpis.size).toBeGreaterThan(10);
    expect(new Set(dpis.values())).toEqual(new Set([200]));
  });
});
