/**
 * Scanned images (PNG, JPEG, TIFF) read with --ocr, and office documents LibreOffice converts first (.odt, .rtf,
 * .doc as Word; .xls, .ods as Excel): recognised from their bytes, refused clearly when a tool or option is
 * missing, and read into the same graph as the formats convert reads directly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isImageName, walk } from '../../src/cli/batch-walk.js';
import { imageDpi, imageInfo, imageKind } from '../../src/ingest/image.js';
import { detectFormat, IngestError, ingestAsync } from '../../src/ingest/index.js';
import { convertBytes, CORPUS, fixture, hasCommand } from './pdf-helpers.js';

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A PNG signature, an IHDR of `width` pixels and a pHYs of `ppm` pixels a metre (CRCs left zero: not read). */
function png(width: number, ppm?: number): Uint8Array {
  const ihdr = [...u32be(13), ...ascii('IHDR'), ...u32be(width), ...u32be(100), 8, 0, 0, 0, 0, 0, 0, 0, 0];
  const phys =
    ppm === undefined ? [] : [...u32be(9), ...ascii('pHYs'), ...u32be(ppm), ...u32be(ppm), 1, 0, 0, 0, 0];
  const idat = [...u32be(0), ...ascii('IDAT'), 0, 0, 0, 0];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...ihdr, ...phys, ...idat]);
}

/** A JPEG's SOI, a JFIF APP0 stating `density` per `units` (1 inch, 2 cm), and a SOF0 of `width` pixels. */
function jpeg(width: number, density: number, units: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, ...ascii('JFIF'), 0, 1, 1, units, density >> 8, density & 255, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0, 11, 8, 0, 100, width >> 8, width & 255, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

/** A little-endian TIFF of `pages` IFDs, the first stating its width and XResolution `xres`/1 per inch. */
function tiff(width: number, xres: number, pages: number): Uint8Array {
  const bytes: number[] = [0x49, 0x49, 0x2a, 0x00, ...u32le(16), ...u32le(xres), ...u32le(1)]; // rational at 8
  for (let p = 0; p < pages; p++) {
    const at = bytes.length;
    const entries = p === 0 ? 3 : 1;
    const next = p + 1 < pages ? at + 2 + entries * 12 + 4 : 0;
    bytes.push(...u16le(entries));
    bytes.push(...u16le(256), ...u16le(4), ...u32le(1), ...u32le(width)); // ImageWidth, LONG
    if (p === 0) {
      bytes.push(...u16le(282), ...u16le(5), ...u32le(1), ...u32le(8)); // XResolution, RATIONAL at 8
      bytes.push(...u16le(296), ...u16le(3), ...u32le(1), ...u16le(2), 0, 0); // ResolutionUnit inch
    }
    bytes.push(...u32le(next));
  }
  return new Uint8Array(bytes);
}

describe('scanned images: recognised from their bytes', () => {
  it('knows PNG, JPEG and TIFF, and reads width, resolution and pages from their headers', () => {
    const p = png(1654, 7874);
    expect(imageKind(p)?.ext).toBe('png');
    expect(detectFormat(p)).toBe('image');
    expect(imageInfo(p, imageKind(p)!)).toMatchObject({ widthPx: 1654, pages: 1 });
    expect(imageDpi(imageInfo(p, imageKind(p)!))).toBe(200);
    const j = jpeg(2480, 300, 1);
    expect(imageDpi(imageInfo(j, imageKind(j)!))).toBe(300);
    expect(imageDpi(imageInfo(jpeg(2480, 118, 2), imageKind(j)!))).toBe(300); // 118 a cm
    const t = tiff(1654, 200, 3);
    expect(imageKind(t)?.ext).toBe('tif');
    expect(imageInfo(t, imageKind(t)!)).toMatchObject({ widthPx: 1654, pages: 3, dpi: 200 });
  });

  it('takes a page of A4 width when the stated resolution makes no paper (72 dpi on 2480 pixels) or none is stated', () => {
    const j = jpeg(2480, 72, 1); // 875 mm across at 72 dpi: a camera's default, not the scan's
    expect(imageDpi(imageInfo(j, imageKind(j)!))).toBe(300);
    expect(imageDpi(imageInfo(png(1654), imageKind(png(1654))!))).toBe(200);
    expect(imageDpi({ pages: 1 })).toBe(300);
  });

  it('does not fail on a header cut short', () => {
    const cut = png(1654, 7874).subarray(0, 20);
    expect(() => imageInfo(cut, imageKind(cut)!)).not.toThrow();
    const t = tiff(1654, 200, 2).subarray(0, 30);
    expect(() => imageInfo(t, imageKind(t)!)).not.toThrow();
  });

  it('without --ocr an image is refused, naming the option', async () => {
    const err = await ingestAsync(png(1654, 7874), { path: 'scan.png' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('needs-ocr');
    expect((err as IngestError).message).toMatch(/scan\.png.*PNG.*--ocr/);
  });

  it("a folder's images are inputs with --ocr only", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-walk-'));
    try {
      mkdirSync(join(dir, 'sub'));
      for (const name of ['a.txt', 'b.PNG', 'sub/c.tiff', 'sub/d.jpg', 'e.gif', 'f.odt', 'g.xls'])
        writeFileSync(join(dir, name), 'x');
      const names = async (also?: (n: string) => boolean) => {
        const out: string[] = [];
        for await (const p of walk(dir, also)) out.push(p.slice(dir.length + 1));
        return out;
      };
      expect(await names()).toEqual(['a.txt', 'f.odt', 'g.xls']);
      expect(await names(isImageName)).toEqual([
        'a.txt',
        'b.PNG',
        'f.odt',
        'g.xls',
        'sub/c.tiff',
        'sub/d.jpg',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const OCR_TOOLS = hasCommand('tesseract') && hasCommand('pdftoppm', ['-v']);
const MAGICK = hasCommand('convert');

describe('scanned images: read with --ocr as a scanned PDF is', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-image-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** image-only.pdf is a 200 dpi image of a page: rendered at 200 dpi, the PNG holds the same pixels. */
  const pagePng = (): string => {
    const png = join(dir, 'page.png');
    if (existsSync(png)) return png;
    writeFileSync(join(dir, 'page.pdf'), fixture('image-only.pdf'));
    execFileSync('pdftoppm', [
      '-r',
      '200',
      '-gray',
      '-png',
      '-singlefile',
      join(dir, 'page.pdf'),
      join(dir, 'page'),
    ]);
    return png;
  };

  it.skipIf(!OCR_TOOLS)(
    "a PNG of a page reads as the same text as the PDF holding that image, OCR'd (skipped without tesseract/pdftoppm: scripts/system-deps.sh)",
    async () => {
      const bytes = new Uint8Array(readFileSync(pagePng()));
      const image = await ingestAsync(bytes, { path: 'page.png', ocr: true });
      const scanned = await ingestAsync(fixture('image-only.pdf'), { path: 'image-only.pdf', ocr: true });
      expect(image.format).toBe('image');
      expect(image.encoding).toBe('ocr');
      expect(image.raw).toBe(scanned.raw);
      expect(image.layout!.map((l) => l.page)).toEqual(scanned.layout!.map((l) => l.page));
      const graph = await convertBytes(bytes, 'page.png', { ocr: true });
      expect(graph.source.format).toBe('image');
      expect(graph.nodes.some((n) => n.type === 'task')).toBe(true);
    },
    300_000,
  );

  it.skipIf(!OCR_TOOLS || !MAGICK)(
    'a multi-page TIFF gives one page a page (skipped without tesseract/pdftoppm/ImageMagick)',
    async () => {
      const png = pagePng();
      const tif = join(dir, 'pages.tif');
      execFileSync('convert', [png, png, '-density', '200', '-compress', 'Group4', tif]);
      const source = await ingestAsync(new Uint8Array(readFileSync(tif)), { path: 'pages.tif', ocr: true });
      expect(source.pages).toBe(2);
      expect(new Set(source.layout!.map((l) => l.page))).toEqual(new Set([1, 2]));
    },
    300_000,
  );
});

const LIBREOFFICE = hasCommand('soffice') || hasCommand('libreoffice');

describe('office documents through LibreOffice', () => {
  let dir = '';
  let calc = false;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwen-office-'));
    if (!LIBREOFFICE) return;
    const soffice = hasCommand('soffice') ? 'soffice' : 'libreoffice';
    const text = join(dir, 'notice.txt');
    writeFileSync(text, readFileSync(join(CORPUS, 'gov', '006.txt')));
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    for (const to of ['odt', 'rtf', 'doc'])
      execFileSync(soffice, [profile, '--headless', '--convert-to', to, '--outdir', dir, text], {
        stdio: 'ignore',
      });
    writeFileSync(join(dir, 'table.xlsx'), readFileSync(join(CORPUS, 'tables', 'seed-table.xlsx')));
    for (const to of ['xls', 'ods'])
      execFileSync(
        soffice,
        [profile, '--headless', '--convert-to', to, '--outdir', dir, join(dir, 'table.xlsx')],
        {
          stdio: 'ignore',
        },
      );
    calc = (() => {
      try {
        return readFileSync(join(dir, 'table.xls')).length > 0;
      } catch {
        return false;
      }
    })();
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!LIBREOFFICE)(
    '.odt, .rtf and .doc read as the same notice as its text (skipped without LibreOffice: scripts/system-deps.sh)',
    async () => {
      const text = await ingestAsync(new Uint8Array(readFileSync(join(dir, 'notice.txt'))), {
        path: 'notice.txt',
      });
      const lines = (raw: string) =>
        raw
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
      for (const ext of ['odt', 'rtf', 'doc']) {
        const bytes = new Uint8Array(readFileSync(join(dir, `notice.${ext}`)));
        expect(detectFormat(bytes), ext).toBe('docx');
        const source = await ingestAsync(bytes, { path: `notice.${ext}` });
        expect(lines(source.raw), ext).toEqual(lines(text.raw));
      }
    },
    300_000,
  );

  it.skipIf(!LIBREOFFICE)(
    '.xls and .ods task tables give the graph of the .xlsx (skipped without LibreOffice Calc)',
    async (ctx) => {
      if (!calc) ctx.skip(); // libreoffice-calc-nogui not installed: scripts/system-deps.sh
      const xlsx = await convertBytes(new Uint8Array(readFileSync(join(dir, 'table.xlsx'))), 'table.xlsx');
      const tasks = (g: typeof xlsx) =>
        g.nodes.filter((n) => n.type === 'task').map((n) => ('text' in n ? n.text : ''));
      for (const ext of ['xls', 'ods']) {
        const bytes = new Uint8Array(readFileSync(join(dir, `table.${ext}`)));
        expect(detectFormat(bytes), ext).toBe('xlsx');
        const graph = await convertBytes(bytes, `table.${ext}`);
        expect(tasks(graph), ext).toEqual(tasks(xlsx));
        expect(graph.edges.length, ext).toBe(xlsx.edges.length);
      }
    },
    300_000,
  );

  it.skipIf(!LIBREOFFICE)(
    'a damaged office file is refused with what to do, not a crash',
    async () => {
      const junk = new Uint8Array([...ascii('{\\rtf1'), ...new Array<number>(64).fill(0xff)]);
      const err = await ingestAsync(junk, { path: 'broken.rtf' }).catch((e: unknown) => e);
      if (err instanceof IngestError) {
        expect(['tool-failed', 'empty-input', 'unreadable']).toContain(err.code);
        expect(err.message).toContain('broken.rtf');
      } else expect((err as { raw?: string }).raw).toBeDefined(); // LibreOffice read what it could: a Source
    },
    300_000,
  );
});
