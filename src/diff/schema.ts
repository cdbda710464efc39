/**
 * The PlanDiff contract (DESIGN.md, "The PlanDiff contract"): the zod schema is the single source of the diff's
 * TypeScript types and of the JSON Schema printed by `gongwen schema --diff`.
 */
import * as z from 'zod';
import {
  COMPARATORS,
  DocumentInfoSchema,
  ROLES,
  SourceInfoSchema,
  TargetValueSchema,
} from '../graph/schema.js';

/** Version of the PlanDiff contract (1.x: additions only within the major). */
export const DIFF_SCHEMA_VERSION = '1.1.0';

/** The kinds of change of a target or a deadline. */
const FACT_KINDS = [
  'target_changed',
  'target_added',
  'target_removed',
  'deadline_changed',
  'deadline_added',
  'deadline_removed',
] as const;

/** The kinds of change, in the order of DESIGN.md's table (and of the summary). */
export const CHANGE_KINDS = [
  ...FACT_KINDS,
  'unit_added',
  'unit_removed',
  'unit_role_changed',
  'unit_renamed',
  'task_added',
  'task_removed',
  'task_moved',
  'task_split',
  'task_merged',
  'wording_changed',
] as const;
/** One kind of change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A target's comparable part. */
export const TargetFactSchema = z.object({
  comparator: z.enum(COMPARATORS),
  value: TargetValueSchema,
  unit: z.string().nullable(),
  baseline: z.number().int().optional(),
});
/** See `TargetFactSchema`. */
export type TargetFact = z.infer<typeof TargetFactSchema>;

/** One piece of a word-level diff: kept, deleted (old side only) or inserted (new side only) text. */
export const WordOpSchema = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
/** See `WordOpSchema`. */
export type WordOp = z.infer<typeof WordOpSchema>;

/**
 * One changed phrase of a wording change in its sentence: `old` replaced by `new` (either may be empty: a phrase
 * added or dropped), between `before` and `after`, the rest of its sentence on the new side.
 */
export const PhraseSchema = z.object({
  before: z.string(),
  old: z.string(),
  new: z.string(),
  after: z.string(),
});
/** See `PhraseSchema`. */
export type Phrase = z.infer<typeof PhraseSchema>;

const common = {
  plan: z.string(),
  oldPath: z.string().optional(),
  newPath: z.string().optional(),
  confidence: z.number().min(0).max(1),
};
const role = z.enum(ROLES);

/** One substantive change, discriminated on `kind`. */
export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('target_changed'),
    indicator: z.string(),
    old: TargetFactSchema,
    new: TargetFactSchema,
    direction: z.enum(['tightened', 'loosened', 'changed']),
  }),
  z.object({ ...common, kind: z.literal('target_added'), indicator: z.string(), target: TargetFactSchema }),
  z.object({ ...common, kind: z.literal('target_removed'), indicator: z.string(), target: TargetFactSchema }),
  z.object({
    ...common,
    kind: z.literal('deadline_changed'),
    old: z.string(),
    new: z.string(),
    direction: z.enum(['earlier', 'later']),
  }),
  z.object({ ...common, kind: z.literal('deadline_added'), deadline: z.string() }),
  z.object({ ...common, kind: z.literal('deadline_removed'), deadline: z.string() }),
  z.object({ ...common, kind: z.literal('unit_added'), role, unit: z.string() }),
  z.object({ ...common, kind: z.literal('unit_removed'), role, unit: z.string() }),
  z.object({
    ...common,
    kind: z.literal('unit_role_changed'),
    unit: z.string(),
    oldRole: role,
    newRole: role,
  }),
  z.object({
    ...common,
    kind: z.literal('unit_renamed'),
    oldName: z.string(),
    newName: z.string(),
    paths: z.array(z.string()),
  }),
  z.object({ ...common, kind: z.literal('task_added') }),
  z.object({ ...common, kind: z.literal('task_removed') }),
  z.object({ ...common, kind: z.literal('task_moved') }),
  z.object({ ...common, kind: z.literal('task_split'), newPaths: z.array(z.string()).min(2) }),
  z.object({ ...common, kind: z.literal('task_merged'), oldPaths: z.array(z.string()).min(2) }),
  z.object({
    ...common,
    kind: z.literal('wording_changed'),
    diff: z.array(WordOpSchema),
    /** The changed phrases in their sentences (changes of facts reported as such left out). */
    phrases: z.array(PhraseSchema).optional(),
  }),
]);
/** See `ChangeSchema`. */
export type Change = z.infer<typeof ChangeSchema>;

/** The kinds of change an OCR variant may stand for. */
export const OCR_VARIANT_OF = [...FACT_KINDS, 'wording_changed'] as const;

/**
 * A difference set aside as a possible OCR misreading (issue 12): a side is an OCR reading, and characters
 * tesseract was seen to confuse, or a glyph it could not read, explain the difference entirely. `of` is the change
 * it would otherwise be; `readings` the differing texts, old and new; `evidence` each pair read for printed, with
 * where it was seen. Never between two born-digital notices.
 */
export const OcrVariantSchema = z.object({
  ...common,
  kind: z.literal('ocr_variant'),
  of: z.enum(OCR_VARIANT_OF),
  readings: z.array(z.object({ old: z.string(), new: z.string() })).min(1),
  evidence: z.array(z.object({ read: z.string(), printed: z.string(), seen: z.string() })).min(1),
  /** For a wording variant, the phrases in their sentences. */
  phrases: z.array(PhraseSchema).optional(),
});
/** See `OcrVariantSchema`. */
export type OcrVariant = z.infer<typeof OcrVariantSchema>;
/** A change, or a difference set aside as an OCR variant: what the reports list. */
export type Listed = Change | OcrVariant;
/** The kind of a listed item. */
export type ListedKind = Listed['kind'];

/** A task present on both sides. */
export const MatchSchema = z.object({
  plan: z.string(),
  oldPath: z.string(),
  newPath: z.string(),
  score: z.number().min(0).max(1),
});
/** See `MatchSchema`. */
export type Match = z.infer<typeof MatchSchema>;

const SideSchema = z.object({ source: SourceInfoSchema, document: DocumentInfoSchema });

/** The diff of two NoticeGraphs. */
export const PlanDiffSchema = z.object({
  schemaVersion: z.string().regex(/^1\.\d+\.\d+$/),
  old: SideSchema,
  new: SideSchema,
  /** Plans aligned across the sides (old id → new id); plans on one side only appear as tasks added/removed. */
  plans: z.array(z.object({ old: z.string(), new: z.string(), score: z.number().min(0).max(1) })),
  matches: z.array(MatchSchema),
  /**
   * The year shift of a new edition (the plans' years, old and new), when they differ: years inside sentences
   * and cited plans moved alike are not reported as changes; this is said once here.
   */
  yearShift: z.object({ old: z.number().int(), new: z.number().int() }).optional(),
  changes: z.array(ChangeSchema),
  /**
   * Differences set aside as possible OCR misreadings (additive, optional): present when a side is an OCR
   * reading. They are not changes and not in `summary`.
   */
  ocrVariants: z.array(OcrVariantSchema).optional(),
  summary: z.partialRecord(z.enum(CHANGE_KINDS), z.number().int().nonnegative()),
});
/** See `PlanDiffSchema`. */
export type PlanDiff = z.infer<typeof PlanDiffSchema>;

/** The JSON Schema of the PlanDiff, as printed by `gongwen schema --diff`. */
export function planDiffJsonSchema(): unknown {
  return z.toJSONSchema(PlanDiffSchema, { target: 'draft-2020-12' });
}
