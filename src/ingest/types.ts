/**
 * The output of the ingest stage: the decoded text of one input file and what was learned about its bytes.
 * See DESIGN.md, the "ingest" row of the pipeline.
 */
import type { DocumentInfo, FORMATS } from '../graph/schema.js';

/** An input format the graph contract knows (`source.format`); shared with the NoticeGraph schema. */
export type SourceFormat = (typeof FORMATS)[number];

/** What `detectFormat` can say about a file's bytes: a source format, or bytes that are not readable text. */
export type DetectedFormat = SourceFormat | 'binary';

/**
 * How the text was decoded: `utf-8-bom` means a UTF-8 byte-order mark was present (and stripped from `raw`);
 * `utf-16` marks a JavaScript string handed in directly, which needed no decoding; `pdf-text` is a PDF's text
 * layer (its fonts' Unicode maps), `ocr` text recognised by tesseract at ingest.
 */
export type SourceEncoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-16' | 'pdf-text' | 'ocr';

/** The line endings seen in the text: one kind, several (`mixed`), or no line break at all (`none`). */
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/**
 * One decoded input. `raw` is the text exactly as decoded (only a byte-order mark is dropped): CRLF and control
 * characters stay, so the repair stage can record its normalisations and the input can be rebuilt exactly.
 */
export interface Source {
  /** The decoded text; offsets into it are the "raw offsets" of the repair stage. */
  raw: string;
  /** The format found from the content (Markdown also needs a .md/.markdown name). */
  format: SourceFormat;
  /** The encoding the bytes were decoded from. */
  encoding: SourceEncoding;
  /** Number of pages, for paged inputs (PDF). */
  pages?: number;
  /** The line endings seen in `raw`. */
  lineEndings?: LineEndings;
  /** For paged inputs: where each line of `raw` stood, sorted by `start`. Gives graph nodes their `page` and `box`. */
  layout?: SourceLine[];
  /** Document fields the container states itself (an HTML page's 发文机关/成文日期/发文字号 table); they fill
   * what the parser does not find in the text. */
  meta?: Partial<DocumentInfo>;
  /** For inputs holding task tables: where each stretch of `raw` came from in a table, and what else was read. */
  tables?: SourceTables;
}

/** A stretch of `raw` (raw offsets, end exclusive) written from one table cell: 1-based table, row, column. */
export interface SourceCell {
  start: number;
  end: number;
  table: number;
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

/** What the table readers add to a Source (see src/ingest/table/). */
export interface SourceTables {
  /** Sorted by `start`. */
  cells: SourceCell[];
  /** Cells kept beside a task (责任领导, 备注, unknown columns), keyed by the raw offset of the task's line. */
  attributes: { start: number; values: Record<string, string> }[];
  /** Plan titles an input that is a table alone names (its 方案 column, sheet names); [] when none. */
  plans: string[];
  /** What the readers noticed (unknown columns, tasks with no unit, headers not found). */
  diagnostics: { code: string; severity: 'error' | 'warning' | 'info'; message: string }[];
}

/** One line of a paged input: raw offsets (end exclusive), its 1-based page and its box on the page. */
export interface SourceLine {
  start: number;
  end: number;
  page: number;
  box?: { x: number; y: number; w: number; h: number };
}
