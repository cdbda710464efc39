/**
 * The ingest stage: input bytes (or text) → `Source`. See DESIGN.md, the "ingest" row of the pipeline.
 * `ingest` reads text formats; `ingestAsync` reads every format (PDF, Word, HTML, Markdown, text).
 */
import { decodeBytes } from './decode.js';
import { isOleDocument, isOleSpreadsheet } from './ole.js';

/** Excel 97–2003 or WPS 表格 (.xls/.et), converted to .xlsx by LibreOffice. */
const LEGACY_SHEET = {
  label: 'an Excel 97–2003 or WPS spreadsheet (.xls/.et)',
  ext: 'xls',
  to: 'xlsx',
} as const;
import { isMarkdownPath, sniffFormat } from './format.js';
import { ingestCsv, isCsvPath } from './table/csv.js';
import { detectLineEndings } from './lines.js';
import type { PdfOptions } from './pdf/index.js';
import { assertNotBlank, decodeText } from './text.js';
import type { Source } from './types.js';

export { IngestError, type IngestErrorCode } from './errors.js';
export { detectFormat } from './format.js';
export { DEFAULT_MAX_PAGES } from './pdf/limits.js';
export type { OcrProgress } from './pdf/index.js';
export { DEFAULT_MAX_BYTES, readInput, type ReadInputOptions } from './read.js';
export { decodeText } from './text.js';
export { DEFAULT_TIMEOUT_MS } from './timeout.js';
export type {
  DetectedFormat,
  LineEndings,
  Source,
  SourceEncoding,
  SourceFormat,
  SourceLine,
} from './types.js';

/** Options of `ingest` and `ingestAsync` (the PDF ones only matter to `ingestAsync`). */
export interface IngestOptions extends PdfOptions {
  /** Where the input came from: named in messages, and a .md/.markdown name marks Markdown. */
  path?: string;
}

/**
 * Turns one input into a `Source`. A string is already text: it is taken as it is (format 'txt', encoding
 * 'utf-16', the JavaScript string's own). Bytes go through detection (`decodeText`).
 * Throws `IngestError` (see `decodeText`); an empty or whitespace-only string is 'empty-input' too.
 */
export function ingest(input: Uint8Array | string, options: IngestOptions = {}): Source {
  if (typeof input !== 'string') return decodeText(input, options.path);
  assertNotBlank(input, options.path);
  return { raw: input, format: 'txt', encoding: 'utf-16', lineEndings: detectLineEndings(input) };
}

/**
 * Reads any supported input into a `Source`; the format comes from the content (a .md/.markdown name marks
 * Markdown, whose text is indistinguishable from plain text): PDF (text layer, or OCR with `ocr`), scanned images
 * (PNG, JPEG, TIFF, with `ocr`), .docx, .xlsx, other office documents through LibreOffice (.doc/.wps, .odt, .rtf as
 * Word; .xls/.et, .ods as Excel), HTML, Markdown (as plain lines), plain text (as `ingest`).
 * Throws `IngestError` with a code for each way an input can be refused.
 */
export async function ingestAsync(input: Uint8Array | string, options: IngestOptions = {}): Promise<Source> {
  if (typeof input === 'string') return ingest(input, options);
  const { path } = options;
  // Each reader is loaded when its format arrives: pdfjs, mammoth and rehype cost hundreds of milliseconds.
  if (isOleDocument(input)) {
    const { ingestThroughOffice, LEGACY_WORD } = await import('./docx.js');
    return ingestThroughOffice(input, isOleSpreadsheet(input) ? LEGACY_SHEET : LEGACY_WORD, path);
  }
  const sniffed = sniffFormat(input);
  switch (sniffed?.format) {
    case 'pdf':
      return (await import('./pdf/index.js')).ingestPdf(input, path, options);
    case 'docx':
      return (await import('./docx.js')).ingestDocx(input, path);
    case 'html':
      return (await import('./html.js')).ingestHtml(input, path);
    case 'xlsx':
      return (await import('./table/xlsx.js')).ingestXlsx(input, path);
    case 'odt':
    case 'rtf':
    case 'ods': {
      const kind = {
        label: sniffed.label,
        ext: sniffed.format,
        to: sniffed.format === 'ods' ? 'xlsx' : 'docx',
      } as const;
      return (await import('./docx.js')).ingestThroughOffice(input, kind, path);
    }
    case 'image': {
      const { imageKind, ingestImage } = await import('./image.js');
      const kind = imageKind(input);
      if (kind) return ingestImage(input, kind, path, options);
      break;
    }
    default:
      break;
  }
  if (isCsvPath(path)) return ingestCsv(input, path);
  if (!isMarkdownPath(path)) return decodeText(input, path);
  const { text, encoding } = decodeBytes(input, path);
  assertNotBlank(text, path);
  const { markdownSource } = await import('./markdown.js');
  return { ...markdownSource(text), format: 'md', encoding, lineEndings: 'lf' };
}
