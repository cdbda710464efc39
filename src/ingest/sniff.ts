/**
 * Content sniffing from the first bytes of a file: magic numbers of formats that are not plain text, and the
 * opening tag of an HTML page. Nothing here looks at the file name.
 */
import { detectBom, startsWith } from './bom.js';

/** A recognised non-text file type: the format it maps to and a phrase for messages ("a PNG image"). */
export interface MagicMatch {
  format: 'pdf' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'rtf' | 'image' | 'binary';
  label: string;
}

interface MagicRule extends MagicMatch {
  bytes: readonly number[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Signatures at offset 0, checked in order. */
const MAGIC_RULES: readonly MagicRule[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], format: 'pdf', label: 'a PDF' }, // %PDF
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'image', label: 'a PNG image' }, // \x89PNG
  { bytes: [0x47, 0x49, 0x46, 0x38], format: 'binary', label: 'a GIF image' }, // GIF8
  { bytes: [0xff, 0xd8, 0xff], format: 'image', label: 'a JPEG image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], format: 'image', label: 'a TIFF image' }, // II*\0
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], format: 'image', label: 'a TIFF image' }, // MM\0*
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], format: 'rtf', label: 'a Rich Text document (.rtf)' }, // {\rtf
  { bytes: [0x7f, 0x45, 0x4c, 0x46], format: 'binary', label: 'an ELF executable' }, // \x7FELF
];

/**
 * A Word document is a zip whose entries live under word/; entry names are stored uncompressed, so a plain byte
 * search finds them (compressed data could match by chance; rare, and the error message would merely differ).
 */
const DOCX_ENTRY_PREFIX = 'word/';
/** An Excel workbook's entries live under xl/. */
const XLSX_ENTRY_PREFIX = 'xl/';
/**
 * An OpenDocument file opens with an uncompressed entry named mimetype holding its media type (ODF 1.2, 3.3), so
 * the type sits at a fixed offset: 30 bytes of local header, then the 8 bytes of the name.
 */
const ODF_MIMETYPE_AT = 38;
const ODF_TYPES: Record<string, MagicMatch> = {
  'application/vnd.oasis.opendocument.text': { format: 'odt', label: 'an OpenDocument text (.odt)' },
  'application/vnd.oasis.opendocument.spreadsheet': {
    format: 'ods',
    label: 'an OpenDocument spreadsheet (.ods)',
  },
};

/** How many bytes of the start are enough to see an HTML opening tag behind a BOM and blank lines. */
const HTML_SNIFF_BYTES = 1024;

/**
 * An HTML page or fragment: a doctype or one of the tags such files open with. The corpus HTML (saved from
 * government sites) is a fragment that opens with `<div`, so common block tags count too; a plain-text notice
 * never opens with a tag.
 */
const HTML_OPENING = /^\s*<(?:!doctype\s+html|html|head|body|meta|div|table)(?=[\s>/])/i;

/** The non-text file type announced by the first bytes, if any (a zip without word/ entries is "binary"). */
export function sniffMagic(bytes: Uint8Array): MagicMatch | undefined {
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.toString('latin1', 30, ODF_MIMETYPE_AT) === 'mimetype')
      for (const [type, match] of Object.entries(ODF_TYPES))
        if (view.toString('latin1', ODF_MIMETYPE_AT, ODF_MIMETYPE_AT + type.length) === type) return match;
    if (view.includes(DOCX_ENTRY_PREFIX)) return { format: 'docx', label: 'a Word document (.docx)' };
    return view.includes(XLSX_ENTRY_PREFIX)
      ? { format: 'xlsx', label: 'an Excel workbook (.xlsx)' }
      : { format: 'binary', label: 'a zip archive' };
  }
  const rule = MAGIC_RULES.find((r) => startsWith(bytes, r.bytes));
  return rule && { format: rule.format, label: rule.label };
}

/** Whether the bytes open like HTML (in UTF-16 too, when a BOM says so). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, HTML_SNIFF_BYTES);
  const bom = detectBom(head);
  // Without a BOM the tag is ASCII in every encoding we accept, so a one-byte decoding is enough.
  const text = new TextDecoder(bom?.decoderLabel ?? 'latin1').decode(head.subarray(bom?.bytes.length ?? 0));
  return HTML_OPENING.test(text);
}
