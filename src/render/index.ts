/**
 * The render stage: the outputs clerks and units use, each built from a NoticeGraph alone (plus, for the
 * 来源 column, the raw text when the caller has it).
 */
import type { NoticeGraph } from '../graph/schema.js';
import { renderTaskCsv } from './csv.js';
import type { DocumentFormat } from './formats.js';
import { renderIcs, type SkippedDeadline } from './ics.js';
import { renderMarkdown } from './markdown.js';
import type { TaskOutputOptions } from './table.js';
import { renderTaskXlsx } from './xlsx.js';

export { renderTaskCsv } from './csv.js';
export { renderIcs, type IcsResult, type SkippedDeadline } from './ics.js';
export { renderMarkdown } from './markdown.js';
export { taskRows, type TaskOutputOptions, type TaskRow } from './table.js';
export { renderTaskXlsx } from './xlsx.js';
export { unitDuties, type UnitDuties, type Duty } from './units.js';
export { renderUnits } from './units-output.js';
export * from './formats.js';
export { unitMatcher } from './unit-match.js';

/** A rendered document: text (UTF-8) or bytes (xlsx), and the deadlines a calendar had to leave out. */
export interface Rendered {
  content: string | Buffer;
  skipped: SkippedDeadline[];
}

/** Renders one graph in `format`. */
export async function renderDocument(
  graph: NoticeGraph,
  format: DocumentFormat,
  options: TaskOutputOptions = {},
): Promise<Rendered> {
  switch (format) {
    case 'csv':
      return { content: renderTaskCsv(graph, options), skipped: [] };
    case 'xlsx':
      return { content: await renderTaskXlsx(graph, options), skipped: [] };
    case 'ics': {
      const { text, skipped } = renderIcs(graph, options);
      return { content: text, skipped };
    }
    case 'md':
      return { content: renderMarkdown(graph), skipped: [] };
  }
}
