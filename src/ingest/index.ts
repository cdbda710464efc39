/**
 * The ingest stage: input bytes (or text) → `Source`. See DESIGN.md, the "ingest" row of the pipeline.
 */
import { detectLineEndings } from './lines.js';
import { assertNotBlank, decodeText } from './text.js';
import type { Source } from './types.js';

export { IngestError, type IngestErrorCode } from './errors.js';
export { detectFormat } from './format.js';
export { DEFAULT_MAX_BYTES, readInput, type ReadInputOptions } from './read.js';
export { decodeText } from './text.js';
export type {
  DetectedFormat,
  LineEndings,
  Source,
  SourceEncoding,
  SourceFormat,
  SourceLine,
} from './types.js';

/** Options of `ingest`. */
export interface IngestOptions {
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
 * The asynchronous form of `ingest`, for every format: paged and container formats (PDF, …) need it.
 * Text formats give the same result as `ingest`.
 */
export async function ingestAsync(input: Uint8Array | string, options: IngestOptions = {}): Promise<Source> {
  return ingest(input, options);
}
