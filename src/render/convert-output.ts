/**
 * What `gongwen convert --format csv|xlsx|ics|md` writes for one graph, with the two things the CLI adds to
 * the graph: the raw text of the input (read again, and used only when its hash is the graph's, so 来源 can
 * say 第N行) and the `--unit NAME` filter resolved through the gazetteer.
 */
import { createHash } from 'node:crypto';
import { loadGazetteer } from '../extract/units.js';
import type { NoticeGraph } from '../graph/schema.js';
import { ingestAsync, readInput } from '../ingest/index.js';
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

/** Renders one graph as the command asked. */
export async function renderForConvert(
  graph: NoticeGraph,
  request: ConvertRenderRequest,
): Promise<ConvertRendered> {
  const label = graph.source.path ?? '-';
  const notes: string[] = [];
  const options: TaskOutputOptions = {};
  const raw = await rawTextOf(graph);
  if (raw !== undefined) options.raw = raw;
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

/**
 * The decoded input of a graph read from text (no pages), when `source.path` still holds the same bytes;
 * undefined otherwise (stdin, a moved or changed file), and 来源 then gives character offsets.
 */
async function rawTextOf(graph: NoticeGraph): Promise<string | undefined> {
  const path = graph.source.path;
  if (path === undefined || path === '-' || graph.source.pages !== undefined) return undefined;
  try {
    const bytes = await readInput(path);
    if (createHash('sha256').update(bytes).digest('hex') !== graph.source.sha256) return undefined;
    return (await ingestAsync(bytes, { path })).raw;
  } catch {
    return undefined;
  }
}
