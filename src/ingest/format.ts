/**
 * Format detection from content. PDF, Word and binary files have magic numbers and HTML an opening tag; what
 * remains is text. Content tells plain text and Markdown apart poorly (a notice with "1." lists or "# " lines
 * looks like Markdown), so Markdown is the one case where the file name counts: a .md/.markdown name AND
 * bytes that decode as text.
 */
import { decodeBytes } from './decode.js';
import { IngestError } from './errors.js';
import { isOleDocument, isOleSpreadsheet } from './ole.js';
import { looksLikeHtml, sniffMagic, type MagicMatch } from './sniff.js';
import type { DetectedFormat } from './types.js';

const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/i;

/** Whether the path names a Markdown file. */
export function isMarkdownPath(path: string | undefined): boolean {
  return path !== undefined && MARKDOWN_EXTENSION.test(path);
}

/** The source format each sniffed format is read as (office documents through LibreOffice, as .docx or .xlsx). */
const SOURCE_FORMAT_OF: Record<SniffedFormat['format'], DetectedFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  odt: 'docx',
  rtf: 'docx',
  ods: 'xlsx',
  image: 'image',
  html: 'html',
  binary: 'binary',
};

/** A format recognised before decoding: from a magic number, or HTML from its opening tag. */
export type SniffedFormat = MagicMatch | { format: 'html'; label: string };

/** The non-text format the first bytes announce, if any; no decoding involved. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | undefined {
  return sniffMagic(bytes) ?? (looksLikeHtml(bytes) ? { format: 'html', label: 'an HTML page' } : undefined);
}

/**
 * The format of a file from its content: 'pdf', 'docx', 'xlsx', 'image', 'html' from their signatures (office
 * documents LibreOffice converts first as 'docx' or 'xlsx'); 'binary' for other
 * binary files and for bytes that do not decode as text (`decodeText` then says precisely why); 'md' for
 * decodable text with a .md/.markdown path; else 'txt'. Decodes the whole input once when it is text.
 */
export function detectFormat(bytes: Uint8Array, path?: string): DetectedFormat {
  if (isOleDocument(bytes)) return isOleSpreadsheet(bytes) ? 'xlsx' : 'docx'; // through LibreOffice
  const sniffed = sniffFormat(bytes);
  if (sniffed) return SOURCE_FORMAT_OF[sniffed.format];
  try {
    decodeBytes(bytes, path);
  } catch (error) {
    if (error instanceof IngestError) return 'binary';
    throw error;
  }
  return isMarkdownPath(path) ? 'md' : 'txt';
}
