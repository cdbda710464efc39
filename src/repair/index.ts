/**
 * Repair stage: raw text → repaired text + edits (DESIGN.md, "repair"). Never edits in place.
 * PLACEHOLDER interface kept stable for the pipeline; the rule engine lands with the OCR repair issue.
 */
import type { Diagnostic, Repair } from '../graph/schema.js';

/** Options of the repair stage. */
export interface RepairOptions {
  /** Extra known unit names, used for gazetteer-aware joins. */
  knownUnits?: Iterable<string>;
}

/** Result of repairing one raw text. */
export interface RepairResult {
  /** The repaired text. */
  text: string;
  /** Every applied edit, in raw offsets, sorted by start. */
  edits: Repair[];
  /** Diagnostics (raw offsets). */
  diagnostics: Diagnostic[];
  /** Maps an offset in the repaired text to the raw input. */
  toRaw(offset: number): number;
}

/** Repairs OCR damage in `raw`. */
export function repair(raw: string, _options: RepairOptions = {}): RepairResult {
  return { text: raw, edits: [], diagnostics: [], toRaw: (o) => o };
}
