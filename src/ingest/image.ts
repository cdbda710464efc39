/**
 * Scanned images (PNG, JPEG, TIFF, a multi-page TIFF too) read with `--ocr`: tesseract (chi_sim) reads the image
 * itself into word boxes (TSV), which become pages of runs like an OCR'd PDF's, so the same line, column, furniture
 * and paragraph logic applies (src/ingest/pdf/index.ts `readPages`). Without `ocr` an image is refused with the
 * option to pass.
 *
 * The resolution comes from the image (PNG pHYs, JPEG JFIF density, TIFF XResolution); an image that states none,
 * or an implausible one, is taken as a page of A4 width (GB/T 9704's paper), so that sizes in points stay those of
 * a printed notice.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeInput, IngestError } from './errors.js';
import { startsWith } from './bom.js';
import {
  checkLanguage,
  LANGUAGE,
  ONE_THREAD,
  PAGE_TIMEOUT_MS,
  TESSERACT,
  tsvPages,
  type OcrProgress,
} from './pdf/ocr.js';
import { readPages } from './pdf/index.js';
import type { PageText } from './pdf/types.js';
import { runTool } from './tools.js';
import type { Source } from './types.js';

/** An image kind tesseract reads: its file extension and a phrase for messages. */
export interface ImageKind {
  ext: 'png' | 'jpg' | 'tif';
  label: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];

/** The image kind the first bytes announce, or undefined. */
export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  if (startsWith(bytes, PNG)) return { ext: 'png', label: 'a PNG image' };
  if (startsWith(bytes, JPEG)) return { ext: 'jpg', label: 'a JPEG image' };
  if (startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE)) return { ext: 'tif', label: 'a TIFF image' };
  return undefined;
}

/** What the image states about itself: width in pixels, resolution in dots per inch, number of pages. */
export interface ImageInfo {
  widthPx?: number;
  dpi?: number;
  pages: number;
}

const INCH_MM = 25.4;
/** A4's width in millimetres: the paper of a 公文 (GB/T 9704). */
const A4_WIDTH_MM = 210;
const MIN_DPI = 50;
/** The widths of paper a notice is printed or scanned on, A6 to A3 across (millimetres). */
const MIN_PAPER_MM = 100;
const MAX_PAPER_MM = 430;
const MAX_DPI = 1200;
/** The most pages of a TIFF counted (a chain longer than this is damaged or hostile). */
const MAX_TIFF_PAGES = 2000;

function pngInfo(b: Buffer): ImageInfo {
  const info: ImageInfo = { pages: 1 };
  if (b.length >= 24 && b.toString('latin1', 12, 16) === 'IHDR') info.widthPx = b.readUInt32BE(16);
  // Chunks: length (4), type (4), data, CRC (4); pHYs holds pixels per unit x, y and the unit (1: the metre).
  for (let at = 8; at + 8 <= b.length;) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && length >= 9 && at + 17 <= b.length && b[at + 16] === 1)
      info.dpi = (b.readUInt32BE(at + 8) * INCH_MM) / 1000;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + length;
  }
  return info;
}

function jpegInfo(b: Buffer): ImageInfo {
  const info: ImageInfo = { pages: 1 };
  for (let at = 2; at + 4 <= b.length;) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1] as number;
    const length = b.readUInt16BE(at + 2);
    // APP0 JFIF: units (1: dots per inch, 2: per centimetre), then the x density.
    if (marker === 0xe0 && at + 16 <= b.length && b.toString('latin1', at + 4, at + 9) === 'JFIF\0') {
      const units = b[at + 11];
      const x = b.readUInt16BE(at + 12);
      if (units === 1) info.dpi = x;
      else if (units === 2) info.dpi = x * 2.54;
    }
    // A start-of-frame marker (C0–CF but C4, C8, CC) holds the height, then the width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && at + 9 <= b.length) {
      info.widthPx = b.readUInt16BE(at + 7);
      break;
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return info;
}

function tiffInfo(b: Buffer): ImageInfo {
  const le = b[0] === 0x49;
  const u16 = (at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const info: ImageInfo = { pages: 0 };
  let ifd = u32(4);
  const seen = new Set<number>();
  while (ifd > 0 && ifd + 2 <= b.length && !seen.has(ifd) && info.pages < MAX_TIFF_PAGES) {
    seen.add(ifd);
    info.pages++;
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > b.length) break;
    if (info.pages === 1) {
      let unit = 2; // ResolutionUnit: 2 inch (the default), 3 centimetre
      let xres: number | undefined;
      for (let i = 0; i < count; i++) {
        const e = ifd + 2 + i * 12;
        const tag = u16(e);
        const type = u16(e + 2);
        const value = type === 3 ? u16(e + 8) : u32(e + 8);
        if (tag === 256) info.widthPx = value;
        if (tag === 296) unit = value;
        if (tag === 282 && type === 5 && value + 8 <= b.length && u32(value + 4) > 0)
          xres = u32(value) / u32(value + 4);
      }
      if (xres !== undefined) info.dpi = unit === 3 ? xres * 2.54 : unit === 2 ? xres : undefined;
    }
    ifd = u32(ifd + 2 + count * 12);
  }
  info.pages = Math.max(1, info.pages);
  return info;
}

/** Width, resolution and page count as the image's own header states them (what it does not state is left out). */
export function imageInfo(bytes: Uint8Array, kind: ImageKind): ImageInfo {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return kind.ext === 'png' ? pngInfo(b) : kind.ext === 'jpg' ? jpegInfo(b) : tiffInfo(b);
  } catch {
    return { pages: 1 }; // a header cut short: tesseract will say what is wrong with the image
  }
}

/**
 * The resolution to read the image at: its own when the page it makes is paper-sized (many cameras and scanners
 * write 72 or 96 dpi whatever the pixels), else that of a page of A4 width; 300 when the width is unknown too.
 */
export function imageDpi(info: ImageInfo): number {
  const width = info.widthPx !== undefined && info.widthPx > 0 ? info.widthPx : undefined;
  const stated = info.dpi !== undefined && info.dpi >= MIN_DPI && info.dpi <= MAX_DPI ? info.dpi : undefined;
  if (stated !== undefined) {
    const mm = width === undefined ? undefined : (width * INCH_MM) / stated;
    if (mm === undefined || (mm >= MIN_PAPER_MM && mm <= MAX_PAPER_MM)) return Math.round(stated);
  }
  if (width !== undefined) {
    const a4 = (width * INCH_MM) / A4_WIDTH_MM;
    if (a4 >= MIN_DPI && a4 <= MAX_DPI) return Math.round(a4);
  }
  return 300;
}

/** Options of image ingest (those of PDF ingest that apply). */
export interface ImageOptions {
  ocr?: boolean;
  onProgress?: OcrProgress;
}

/**
 * Reads a scanned image into a Source (format 'image', encoding 'ocr'). Throws IngestError 'needs-ocr' without
 * `ocr`, 'missing-tool' without tesseract or its Chinese model, 'tool-failed' when tesseract cannot read the image,
 * 'empty-input' when it reads no text.
 */
export async function ingestImage(
  bytes: Uint8Array,
  kind: ImageKind,
  path: string | undefined,
  options: ImageOptions = {},
): Promise<Source> {
  if (!options.ocr)
    throw new IngestError(
      'needs-ocr',
      `${describeInput(path)}: is ${kind.label} (a scan); run it again with --ocr (option ocr: true) to OCR it with tesseract`,
      path,
    );
  await checkLanguage(path);
  const info = imageInfo(bytes, kind);
  const dpi = imageDpi(info);
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-image-'));
  try {
    const file = join(dir, `in.${kind.ext}`);
    await writeFile(file, bytes);
    options.onProgress?.({ page: 1, index: 1, total: 1 });
    // tesseract reads every page of a TIFF in one run: the time limit grows with the pages.
    const tsv = await runTool(
      TESSERACT,
      [file, '-', '-l', LANGUAGE, '--dpi', String(dpi), 'tsv'],
      path,
      PAGE_TIMEOUT_MS * info.pages,
      ONE_THREAD,
    );
    const scale = 72 / dpi;
    const pages: PageText[] = tsvPages(tsv, dpi).map((p) => ({
      page: p.page,
      width: p.widthPx * scale,
      height: p.heightPx * scale,
      runs: p.runs,
      ocr: true,
    }));
    if (pages.every((p) => p.runs.length === 0))
      throw new IngestError(
        'empty-input',
        `${describeInput(path)}: tesseract read no text in ${kind.label}; check that it is a page of a notice, upright and legible (about 300 dpi)`,
        path,
      );
    return { ...readPages(pages, path, 'image'), format: 'image', encoding: 'ocr' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
