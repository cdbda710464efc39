/**
 * The one error type of the ingest stage. Every message says what is wrong, with which input, and what to do.
 */

/** Why an input was refused. */
export type IngestErrorCode =
  | 'empty-input'
  | 'binary-input'
  | 'unknown-encoding'
  | 'unsupported-format'
  | 'too-large'
  | 'unreadable'
  /** A PDF with no text layer: pass `--ocr` (option `ocr`). */
  | 'needs-ocr'
  /** A PDF that needs a password to open. */
  | 'encrypted-pdf'
  /** A PDF whose structure cannot be read (damaged or cut short). */
  | 'corrupt-pdf'
  /** A PDF with more pages than the limit (`--max-pages`). */
  | 'too-many-pages'
  /** Reading the input took longer than the time limit. */
  | 'timeout'
  /** A program that this input needs (tesseract, pdftoppm, LibreOffice) is not installed. */
  | 'missing-tool'
  /** An external program ran but failed on this input. */
  | 'tool-failed';

/** An input that the ingest stage cannot turn into text; `code` is stable, `message` is for people. */
export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    /** A stable machine-readable reason. */
    readonly code: IngestErrorCode,
    message: string,
    /** The path of the input, when it came from a file. */
    readonly path?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The advice given with every refusal of a file that is not readable text. */
export const PLAIN_TEXT_ADVICE = 'pass a plain-text notice (UTF-8, UTF-16 with a BOM, or GB18030/GBK)';

/** How an input is named in messages: its path, or "input" when it has none. */
export function describeInput(path: string | undefined): string {
  return path ?? 'input';
}
