/**
 * The ingest stage: input bytes (or text) → `Source`. See DESIGN.md, the "ingest" row of the pipeline.
 * `ingest` reads text formats; `ingestAsync` reads every format (PDF, Word, HTML, Markdown, text).
 */
import { decodeBytes } from './decode.js';
import { isOleDocument } from './ole.js';
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
 * Markdown, whose text is indistinguishable from plain text): PDF (text layer, or OCR with `ocr`), .docx,
 * .doc/.wps (through LibreOffice), HTML, Markdown (as plain lines), plain text (as `ingest`).
 * Throws `IngestError` with a code for each way an input can be refused.
 */
export async function ingestAsync(input: Uint8Array | string, options: IngestOptions = {}): Promise<Source> {
  if (typeof input === 'string') return ingest(input, options);
  const { path } = options;
  // Each reader is loaded when its format arrives: pdfjs, mammoth and rehype cost hundreds of milliseconds.
  if (isOleDocument(input)) return (await import('./docx.js')).ingestLegacyWord(input, path);
  switch (sniffFormat(input)?.format) {
    case 'pdf':
      return (await import('./pdf/index.js')).ingestPdf(input, path, options);
    case 'docx':
      return (await import('./docx.js')).ingestDocx(input, path);
    case 'html':
      return (await import('./html.js')).ingestHtml(input, path);
    case 'xlsx':
      return (await import('./table/xlsx.js')).ingestXlsx(input, path);
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
