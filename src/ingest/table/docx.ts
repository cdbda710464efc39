/**
 * Word tables: mammoth's HTML keeps a table's grid (gridSpan → colspan, vMerge → rowspan), so a .docx that holds
 * a task table is read through the HTML table path; one without tables keeps mammoth's raw text.
 */
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { htmlBody } from '../html.js';
import type { Source } from '../types.js';

/** The text and tables of a .docx that holds a task table, or null (no table, or none with a known header). */
export async function docxWithTables(bytes: Uint8Array): Promise<Pick<Source, 'raw' | 'tables'> | null> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  if (!value.includes('<table')) return null;
  const body = htmlBody(unified().use(rehypeParse, { fragment: true }).parse(value));
  return body.tables ? body : null;
}
