/**
 * gongwen as a library: `convert(input, options)` turns a notice (bytes or text) into a validated NoticeGraph.
 * The zod schemas and the types derived from them are exported too.
 */
import { ingest, ingestAsync } from './ingest/index.js';
import { convertSource, type ConvertOptions } from './pipeline.js';
import type { NoticeGraph } from './graph/schema.js';

export * from './graph/schema.js';
export { IngestError } from './ingest/index.js';
export { GrammarError } from './grammars.js';
export { repair, type RepairResult } from './repair/index.js';
export { validateGraph, type ConvertOptions } from './pipeline.js';
export { diff, PlanDiffSchema, type PlanDiff } from './diff/index.js';

/**
 * Converts one notice. `input` is the file's bytes (encoding and format detected from the content) or a
 * string of text. Throws `IngestError` for input it cannot read (empty, binary, unknown encoding…).
 */
export async function convert(
  input: Uint8Array | string,
  options: ConvertOptions = {},
): Promise<NoticeGraph> {
  const source = await ingestAsync(input, { path: options.path });
  return convertSource(source, typeof input === 'string' ? null : input, options);
}

/** The synchronous form of `convert`, for text formats only (PDF and other paged formats need `convert`). */
export function convertSync(input: Uint8Array | string, options: ConvertOptions = {}): NoticeGraph {
  const source = ingest(input, { path: options.path });
  return convertSource(source, typeof input === 'string' ? null : input, options);
}
