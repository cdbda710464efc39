/**
 * The NoticeGraph contract (schemaVersion 1.1.0), the single source of the graph's TypeScript types
 * and of the published JSON Schema (`gongwen schema`). See DESIGN.md, "The NoticeGraph contract".
 */
import * as z from 'zod';

/** Version of the NoticeGraph contract; a breaking change bumps the major. */
export const SCHEMA_VERSION = '1.1.0';

/** An offset into a text; `SpanSchema` checks its bounds, `noticeGraphJsonSchema` states them. */
const Offset = z.number();
/** An offset is a safe non-negative integer (what `z.number().int().nonnegative()` checks). */
const isOffset = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;

/**
 * A half-open range of UTF-16 offsets, `end` exclusive. A graph holds thousands of spans, so one check tests
 * both offsets and their order: zod's per-field integer and bound checks cost about three times as much.
 */
export const SpanSchema = z.object({ start: Offset, end: Offset }).check((ctx) => {
  const { start, end } = ctx.value;
  if (!isOffset(start) || !isOffset(end))
    ctx.issues.push({
      code: 'custom',
      message: 'span offsets must be non-negative integers',
      input: ctx.value,
    });
  else if (end < start)
    ctx.issues.push({ code: 'custom', message: 'span end before start', input: ctx.value });
});
export type Span = z.infer<typeof SpanSchema>;

/** A box on a page, in PDF user-space units. */
export const BoxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

/** A table cell's place: 1-based table (or sheet), row and column, with its spans when above 1. */
export const CellSchema = z.object({
  table: z.number().int().positive(),
  row: z.number().int().positive(),
  col: z.number().int().positive(),
  rowSpan: z.number().int().positive().optional(),
  colSpan: z.number().int().positive().optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Fields every node carries. */
const base = {
  id: z.string().min(1),
  /** Offsets into the repaired text. */
  span: SpanSchema.optional(),
  /** Offsets into the raw (decoded) input. */
  rawSpan: SpanSchema.optional(),
  page: z.number().int().positive().optional(),
  box: BoxSchema.optional(),
  /** For a node read from a table: the cell its text starts in (1-based table, row, column) and its spans. */
  cell: CellSchema.optional(),
};

export const NoticeNodeSchema = z.object({ ...base, type: z.literal('notice'), title: z.string() });

export const PlanNodeSchema = z.object({
  ...base,
  type: z.literal('plan'),
  title: z.string(),
  year: z.number().int().nullable(),
  topic: z.string().nullable(),
  /** The plan's title line(s), a leaf of the text. */
  headingSpan: SpanSchema.optional(),
});

export const SectionNodeSchema = z.object({
  ...base,
  type: z.literal('section'),
  path: z.string(),
  marker: z.string(),
  level: z.number().int().positive(),
  title: z.string(),
  /** The heading line itself (marker and title), a leaf of the text. */
  headingSpan: SpanSchema.optional(),
});

export const TaskNodeSchema = z.object({
  ...base,
  type: z.literal('task'),
  path: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  keywords: z.array(z.string()).optional(),
  /** For a task read from a table: the cells kept beside it (责任领导, 备注, unknown columns), by header. */
  attributes: z.record(z.string(), z.string()).optional(),
});

export const ParagraphNodeSchema = z.object({ ...base, type: z.literal('paragraph'), text: z.string() });
export const ResidueNodeSchema = z.object({ ...base, type: z.literal('residue'), text: z.string() });
/** A role line (牵头单位:…) is a leaf of its own; its units hang off the task by role edges. */
export const RoleLineNodeSchema = z.object({ ...base, type: z.literal('roleLine'), text: z.string() });

export const UNIT_KINDS = ['agency', 'district-government', 'company', 'collective', 'other'] as const;
export const UnitNodeSchema = z.object({
  ...base,
  type: z.literal('unit'),
  name: z.string(),
  canonical: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
});

export const DEADLINE_KINDS = ['by', 'on', 'year', 'period', 'recurring', 'relative'] as const;
export const PERIODS = ['day', 'week', 'month', 'quarter', 'half-year', 'year', 'unspecified'] as const;
export const DeadlineNodeSchema = z.object({
  ...base,
  type: z.literal('deadline'),
  text: z.string(),
  date: isoDate.nullable(),
  kind: z.enum(DEADLINE_KINDS),
  period: z.enum(PERIODS).optional(),
  anchor: z.string().optional(),
  offset: z.string().optional(),
});

export const COMPARATORS = [
  '<=',
  '>=',
  '<',
  '>',
  '=',
  'approx',
  'reduce_by',
  'increase_by',
  'range',
  'meets_class',
  'not_in_last',
] as const;
export const TargetValueSchema = z.union([z.number(), z.string(), z.tuple([z.number(), z.number()])]);
export const TargetNodeSchema = z.object({
  ...base,
  type: z.literal('target'),
  text: z.string(),
  indicator: z.string(),
  comparator: z.enum(COMPARATORS),
  value: TargetValueSchema,
  unit: z.string().nullable(),
  baseline: z.number().int().optional(),
  kind: z.enum(['target', 'threshold']),
});

export const ReferenceNodeSchema = z.object({
  ...base,
  type: z.literal('reference'),
  title: z.string(),
  docNumber: z.string().optional(),
});

export const NodeSchema = z.discriminatedUnion('type', [
  NoticeNodeSchema,
  PlanNodeSchema,
  SectionNodeSchema,
  TaskNodeSchema,
  ParagraphNodeSchema,
  ResidueNodeSchema,
  RoleLineNodeSchema,
  UnitNodeSchema,
  DeadlineNodeSchema,
  TargetNodeSchema,
  ReferenceNodeSchema,
]);

export const ROLES = ['lead', 'cooperating', 'responsible', 'guidance'] as const;
export const EDGE_TYPES = ['contains', ...ROLES, 'due', 'target', 'cites'] as const;
export const EdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  type: z.enum(EDGE_TYPES),
  span: SpanSchema.optional(),
  inherited: z.literal(true).optional(),
  note: z.string().optional(),
});

export const RepairSchema = z.object({
  ruleId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  raw: z.string(),
  fixed: z.string(),
});

export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

export const FORMATS = ['txt', 'pdf', 'md', 'html', 'docx', 'csv', 'xlsx', 'image'] as const;
export const SourceInfoSchema = z.object({
  path: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(FORMATS),
  encoding: z.string(),
  pages: z.number().int().nonnegative().optional(),
});

export const DocumentInfoSchema = z.object({
  title: z.string(),
  /** The title as printed, the issuers before 关于 included (issue 13); absent when no title was found. */
  fullTitle: z.string().optional(),
  issuers: z.array(z.string()),
  docNumber: z.string().optional(),
  date: isoDate.optional(),
  publishDate: isoDate.optional(),
  recipients: z.array(z.string()),
  /** Persons who sign a decree or letter, with their post ("总理 李克强"); never issuers (issue 13). */
  signatories: z.array(z.string()).optional(),
  /** The 版记 (GB/T 9704) at the document's end: its 抄送机关, as listed after 抄送：(issue 12). */
  copyTo: z.array(z.string()).optional(),
  /** The 版记's 印发机关 and 印发日期 ("国务院办公厅 2019年1月10日印发"); never the 成文日期 (`date`). */
  printedBy: z.string().optional(),
  printDate: isoDate.optional(),
  year: z.number().int().optional(),
});

/** The whole converted notice. */
export const NoticeGraphSchema = z.object({
  /** Written as SCHEMA_VERSION; any 1.x is read (minor versions only add optional fields). */
  schemaVersion: z.string().regex(/^1\.\d+\.\d+$/),
  source: SourceInfoSchema,
  document: DocumentInfoSchema,
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  repairs: z.array(RepairSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type NoticeGraph = z.infer<typeof NoticeGraphSchema>;
export type GraphNode = z.infer<typeof NodeSchema>;
export type Edge = z.infer<typeof EdgeSchema>;
export type Repair = z.infer<typeof RepairSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type SourceInfo = z.infer<typeof SourceInfoSchema>;
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;
export type TaskNode = z.infer<typeof TaskNodeSchema>;
export type SectionNode = z.infer<typeof SectionNodeSchema>;
export type UnitNode = z.infer<typeof UnitNodeSchema>;
export type DeadlineNode = z.infer<typeof DeadlineNodeSchema>;
export type TargetNode = z.infer<typeof TargetNodeSchema>;
export type ReferenceNode = z.infer<typeof ReferenceNodeSchema>;
export type Role = (typeof ROLES)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The JSON Schema of a span's offset: the bounds `SpanSchema` checks. */
const OFFSET_JSON_SCHEMA = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };

/** The JSON Schema of the NoticeGraph, as printed by `gongwen schema`. */
export function noticeGraphJsonSchema(): unknown {
  return z.toJSONSchema(NoticeGraphSchema, {
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === Offset) Object.assign(jsonSchema, OFFSET_JSON_SCHEMA);
    },
  });
}
