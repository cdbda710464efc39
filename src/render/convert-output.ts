/**
 * What `gongwen convert --format csv|xlsx|ics|md` writes for one graph, with the two things the CLI adds to
 * the graph: the decoded input (so 来源 can say 第N行) and the `--unit NAME` filter resolved through the gazetteer.
 */
import { loadGazetteer } from '../extract/units.js';
import type { NoticeGraph } from '../graph/schema.js';
import { UNIT_FILTERED_FORMATS, type DocumentFormat } from './formats.js';
import { renderDocument } from './index.js';
import type { TaskOutputOptions } from './table.js';
import { unitMatcher } from './unit-match.js';

/** What the command asked for. */
export interface ConvertRenderRequest {
  format: DocumentFormat;
  /** `--unit NAME`: keep one unit's tasks (csv, xlsx, ics). */
  unit?: string;
  /** Extra gazetteer files (`--units FILE`). */
  units: string[];
}

/** The output's content and the notes for stderr (deadlines a calendar skipped, a unit nothing matched). */
export interface ConvertRendered {
  content: string | Buffer;
  notes: string[];
}

/** The file extension of each format. */
export const FORMAT_EXTENSIONS: Record<DocumentFormat, string> = {
  csv: '.csv',
  xlsx: '.xlsx',
  ics: '.ics',
  md: '.md',
};

/** Renders one graph as the command asked; `raw` is the decoded input the graph was made from, when known. */
export async function renderForConvert(
  graph: NoticeGraph,
  request: ConvertRenderRequest,
  raw?: string,
): Promise<ConvertRendered> {
  const label = graph.source.path ?? '-';
  const notes: string[] = [];
  const options: TaskOutputOptions = {};
  if (raw !== undefined && graph.source.pages === undefined) options.raw = raw;
  if (request.unit !== undefined && UNIT_FILTERED_FORMATS.includes(request.format)) {
    const matches = unitMatcher(request.unit, loadGazetteer(request.units), graph.document.date);
    options.unit = matches;
    if (!graph.nodes.some((n) => n.type === 'unit' && matches(n)))
      notes.push(`${label}: no unit matches '${request.unit}'`);
  }
  const { content, skipped } = await renderDocument(graph, request.format, options);
  for (const s of skipped) notes.push(`${label}: ${s.taskId}: skipped '${s.text}': ${s.reason}`);
  return { content, notes };
}
