/**
 * CSV input (csv-parse): a task table saved as CSV, such as `gongwen convert --format csv` writes. The bytes
 * are decoded like text (UTF-8 with or without BOM, UTF-16, GBK); the delimiter is a comma, or a tab for .tsv.
 */
import { parse } from 'csv-parse/sync';
import { decodeBytes } from '../decode.js';
import { describeInput, IngestError } from '../errors.js';
import { assertNotBlank } from '../text.js';
import type { Source } from '../types.js';
import { resolveGrid } from './model.js';
import { tableSource } from './sheet.js';

const CSV_EXTENSION = /\.(?:csv|tsv)$/i;

/** Whether the path names a CSV (or TSV) file. */
export const isCsvPath = (path: string | undefined): boolean =>
  path !== undefined && CSV_EXTENSION.test(path);

/** Reads a CSV file into a Source (format 'csv'). Throws IngestError 'unreadable' when it is not valid CSV. */
export function ingestCsv(bytes: Uint8Array, path?: string): Source {
  const { text, encoding } = decodeBytes(bytes, path);
  assertNotBlank(text, path);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: path && /\.tsv$/i.test(path) ? '\t' : ',',
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    throw new IngestError(
      'unreadable',
      `${describeInput(path)}: is not valid CSV (${(err as Error).message}); check its quotes, or save it again from the spreadsheet`,
      path,
      { cause: err },
    );
  }
  const table = resolveGrid(records.map((r) => r.map((text) => ({ text }))));
  return { ...tableSource([table], path), format: 'csv', encoding };
}
