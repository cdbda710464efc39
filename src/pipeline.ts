/**
 * The pipeline, listed once: a unified processor whose parser runs repair and parse, whose transformer
 * runs extract, and whose compiler builds the NoticeGraph. A VFile carries the raw input and the stages' data.
 */
import { createHash } from 'node:crypto';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { extractFacts } from './extract/index.js';
import { findInlineRoles, isRoleLine } from './extract/roles.js';
import { loadGazetteer, type Gazetteer } from './extract/units.js';
import { buildGraph } from './graph/build.js';
import { NoticeGraphSchema, type Diagnostic, type DocumentInfo, type NoticeGraph } from './graph/schema.js';
import type { Source } from './ingest/types.js';
import { parseNotice } from './parse/notice.js';
import { docNumberNormalisedMessage, normaliseDocNumber } from './parse/cover.js';
import type { NoticeTree } from './parse/tree.js';
import { repair, type RepairResult } from './repair/index.js';

/** Options of a conversion. */
export interface ConvertOptions {
  /** The input's path, recorded in `source.path` and used in messages. */
  path?: string;
  /** Extra unit gazetteers (same format as grammars/units), e.g. a clerk's own city. */
  units?: string[];
  /** Tag each task with key terms (loads the jieba dictionary: about a second, once per process). */
  keywords?: boolean;
}

interface StageData {
  source: Source;
  repair: RepairResult;
  diagnostics: Diagnostic[];
  gazetteer: Gazetteer;
  options: ConvertOptions;
}

const data = (file: VFile): StageData => file.data as unknown as StageData;

const processors = new Map<string, Processor>();

/** How much of a notice's start names where it is from (issuers, title, 发文字号), for the gazetteer's scopes. */
export const REGION_HEAD = 600;

/** The unified processor for a set of gazetteer files (cached: building it loads the grammars). */
function processorFor(options: ConvertOptions): Processor {
  const key = JSON.stringify(options.units ?? []);
  const hit = processors.get(key);
  if (hit) return hit;
  const gazetteer = loadGazetteer(options.units ?? []);
  const hasInlineRoles = (text: string): boolean => findInlineRoles(text, gazetteer).length > 0;
  const processor = unified()
    .use(function parse(this: Processor) {
      this.parser = (doc: string, file: VFile) => {
        // Known units for joins and name fixes: those of the places the notice's head names (its issuers and
        // title), so that another city's 市水务局 is never "fixed" into a Zhengzhou unit.
        // Text tesseract recognised at ingest (--ocr) is OCR whatever it shows: the OCR-only rules run on it.
        const ocr = data(file).source.encoding === 'ocr' ? { ocr: true } : {};
        const repaired = repair(doc, { knownUnits: gazetteer.names(doc.slice(0, REGION_HEAD)), ...ocr });
        const tables = data(file).source.tables;
        const { tree, diagnostics } = parseNotice(
          repaired.text,
          { isRoleLine, hasInlineRoles },
          { plans: tables?.plans },
        );
        const metaNotes = fillDocument(tree.document, data(file).source.meta);
        Object.assign(file.data, {
          repair: repaired,
          gazetteer,
          diagnostics: [
            ...(tables?.diagnostics ?? []),
            ...metaNotes,
            ...repaired.diagnostics,
            ...diagnostics.map(({ code, severity, message, start, end }) => ({
              code,
              severity,
              message,
              start: repaired.toRaw(start),
              end: repaired.toRaw(end),
            })),
          ],
        });
        return tree as never;
      };
    })
    .use(function extract() {
      return (tree: unknown, file: VFile) => {
        const d = data(file);
        extractFacts(tree as NoticeTree, d.repair.text, d.gazetteer, {
          keywords: d.options.keywords ?? false,
        });
      };
    })
    .use(function compile(this: Processor) {
      this.compiler = (tree: unknown, file: VFile) => {
        const d = data(file);
        return buildGraph({
          tree: tree as NoticeTree,
          source: (file.data as { sourceInfo: NoticeGraph['source'] }).sourceInfo,
          repairs: d.repair.edits,
          diagnostics: d.diagnostics,
          toRaw: d.repair.toRaw,
          layout: d.source.layout ?? [],
          tables: d.source.tables,
          resolveUnit: (name, date) =>
            d.gazetteer.lookup(name, date, regionOf((tree as NoticeTree).document)),
        }) as never;
      };
    });
  processors.set(key, processor as unknown as Processor);
  return processor as unknown as Processor;
}

/** Converts a decoded source into a validated NoticeGraph. `bytes` are the input as read (for the hash). */
export function convertSource(
  source: Source,
  bytes: Uint8Array | null,
  options: ConvertOptions = {},
): NoticeGraph {
  const sha256 = createHash('sha256')
    .update(bytes ?? Buffer.from(source.raw, 'utf8'))
    .digest('hex');
  const sourceInfo: NoticeGraph['source'] = {
    ...(options.path ? { path: options.path } : {}),
    sha256,
    format: source.format,
    encoding: source.encoding,
    ...(source.pages !== undefined ? { pages: source.pages } : {}),
  };
  const file = new VFile({ value: source.raw, path: options.path, data: { sourceInfo, options, source } });
  const processor = processorFor(options);
  const tree = processor.parse(file);
  const graph = processor.stringify(processor.runSync(tree, file), file) as unknown as NoticeGraph;
  return validateGraph(graph);
}

/** What a document says of where it is from, for the gazetteer's scopes: issuers, title, 发文字号. */
const regionOf = (doc: DocumentInfo): string => [...doc.issuers, doc.title, doc.docNumber ?? ''].join(' ');

/** Document fields the container states fill what the parser did not find in the text. */
function fillDocument(doc: DocumentInfo, meta: Partial<DocumentInfo> | undefined): Diagnostic[] {
  if (!meta) return [];
  const notes: Diagnostic[] = [];
  const target = doc as Record<string, unknown>;
  for (const [key, value] of Object.entries(meta)) {
    const have = target[key];
    if (
      value !== undefined &&
      (have === undefined || have === '' || (Array.isArray(have) && have.length === 0))
    )
      target[key] = value;
  }
  // A 发文字号 from the container's metadata (a site's 发文字号 cell) is written 〔〕 as one from the text is; the
  // printed spelling is kept in the note, which has no span: the metadata is no part of the text.
  if (doc.docNumber !== undefined && doc.docNumber === meta.docNumber) {
    const standard = normaliseDocNumber(doc.docNumber);
    if (standard !== doc.docNumber) {
      notes.push({
        code: 'doc-number-normalised',
        severity: 'info',
        message: docNumberNormalisedMessage(doc.docNumber, standard, "the page's metadata table"),
      });
      doc.docNumber = standard;
    }
  }
  return notes;
}

/**
 * Graphs validated without zod's compiled fast path: compiling it costs about as much as a few validations
 * (it pays from the second graph on), so a one-file run skips it. The result is the same either way.
 */
const JITLESS_GRAPHS = 1;
let graphsValidated = 0;

/** Checks a graph against the zod schema; throws with the first problem's path when it does not conform. */
export function validateGraph(graph: NoticeGraph): NoticeGraph {
  const result = NoticeGraphSchema.safeParse(graph, { jitless: graphsValidated++ < JITLESS_GRAPHS });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(
    `internal error: the graph does not match its schema at ${issue?.path.join('.')}: ${issue?.message}`,
  );
}
