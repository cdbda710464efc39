/**
 * The text path of the ingest stage: bytes of a .txt or .md file → `Source`. PDF, Word and HTML inputs are
 * recognised from their content and refused for now (their ingest comes later).
 */
import { readColumns } from '../layout/pagetext.js';
import { decodeBytes } from './decode.js';
import { describeInput, IngestError, PLAIN_TEXT_ADVICE } from './errors.js';
import { isMarkdownPath, sniffFormat, type SniffedFormat } from './format.js';
import { detectLineEndings } from './lines.js';
import type { Source } from './types.js';

/** Any non-whitespace character (JS `\s` covers the ideographic space U+3000 and U+FEFF too). */
const NON_WHITESPACE = /\S/;

/** What to tell the user for each refused format. */
const ADVICE: Record<SniffedFormat['format'], string> = {
  pdf: 'PDF input is not supported yet; extract its text layer (e.g. pdftotext -layout) and pass the .txt',
  docx: 'Word input is not supported yet; save it as plain text (UTF-8) and pass the .txt',
  html: 'HTML input is not supported yet; save the page as plain text and pass the .txt',
  xlsx: 'Excel input is read by the CLI (gongwen convert) and ingestAsync; ingest() takes text only',
  odt: 'OpenDocument input is read by the CLI (gongwen convert) and ingestAsync, through LibreOffice; ingest() takes text only',
  ods: 'OpenDocument input is read by the CLI (gongwen convert) and ingestAsync, through LibreOffice; ingest() takes text only',
  rtf: 'Rich Text input is read by the CLI (gongwen convert) and ingestAsync, through LibreOffice; ingest() takes text only',
  image:
    'a scanned image is read by the CLI with --ocr (gongwen convert --ocr) and ingestAsync with ocr: true; ingest() takes text only',
  binary: PLAIN_TEXT_ADVICE,
};

function refuse(sniffed: SniffedFormat, path: string | undefined): IngestError {
  const code = sniffed.format === 'binary' ? 'binary-input' : 'unsupported-format';
  const message = `${describeInput(path)}: looks like ${sniffed.label}; ${ADVICE[sniffed.format]}`;
  return new IngestError(code, message, path);
}

/** Throws `IngestError` 'empty-input' when `text` is empty or holds nothing but whitespace. */
export function assertNotBlank(text: string, path?: string): void {
  if (NON_WHITESPACE.test(text)) return;
  const what = text.length === 0 ? 'is empty' : 'holds only whitespace';
  throw new IngestError(
    'empty-input',
    `${describeInput(path)}: ${what}; pass a file with the notice's text`,
    path,
  );
}

/**
 * Decodes the bytes of a plain-text or Markdown file into a `Source`, detecting the encoding from the bytes
 * (never from the name; see decode.ts). `path` only names the input in messages and marks .md/.markdown
 * files as Markdown.
 * Throws `IngestError`: 'empty-input' (no text, or only whitespace), 'unsupported-format' (PDF, Word, HTML),
 * 'binary-input' (images, executables, archives, NUL bytes, control characters), 'unknown-encoding'.
 */
export function decodeText(bytes: Uint8Array, path?: string): Source {
  const sniffed = sniffFormat(bytes);
  if (sniffed) throw refuse(sniffed, path);
  const { text, encoding } = decodeBytes(bytes, path);
  assertNotBlank(text, path);
  return {
    // pdftotext -layout of two-column pages: read column by column, as a PDF's text is (src/layout/pagetext.ts).
    raw: readColumns(text) ?? text,
    format: isMarkdownPath(path) ? 'md' : 'txt',
    encoding,
    lineEndings: detectLineEndings(text),
  };
}
