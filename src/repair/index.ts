/**
 * Repair stage: raw text → repaired text + edits (DESIGN.md, "repair"). Rules (grammars/repair/rules.yaml) propose
 * replacements; one fixer applies them, so nothing is edited in place and the raw text can always be rebuilt.
 */
import type { Diagnostic, Repair } from '../graph/schema.js';
import { interleavedColumns, LAYOUT_RULE, layoutProposals } from '../layout/index.js';
import { composeEdits } from './compose.js';
import { applyProposals, offsetMapper, type Proposal } from './fixer.js';
import { loadRepairGrammar } from './grammar.js';
import { showsOcr } from './misreads.js';

export { unrepair, applyProposals, type Proposal } from './fixer.js';
export { loadRepairGrammar } from './grammar.js';

/** Options of the repair stage. */
export interface RepairOptions {
  /** Extra known unit names, used for gazetteer-aware joins. */
  knownUnits?: Iterable<string>;
  /** Only run the rules with these ids (all when absent; `layout` runs the layout pass). */
  rules?: readonly string[];
  /**
   * Whether the text was read by OCR: true runs the rules for misread characters (grammars/repair/misreads.yaml),
   * false never does; absent, they run when the text shows OCR damage.
   */
  ocr?: boolean;
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

/** The last set built for each list of known units given, with the names it was built from. */
const knownSets = new WeakMap<Iterable<string>, { names: string[]; set: ReadonlySet<string> }>();

/**
 * The known units as a set. Callers pass the same list for every document of a region (the gazetteer's), so the set
 * — and what the rules derive from it, see known.ts — is kept for that list and rebuilt only when its names changed.
 */
function knownSet(units: Iterable<string>): ReadonlySet<string> {
  const hit = knownSets.get(units);
  if (hit && sameNames(hit.names, units)) return hit.set;
  const names = [...units];
  const set = new Set(names);
  knownSets.set(units, { names, set });
  return set;
}

/** True when `units` lists exactly `names`, in order. */
function sameNames(names: readonly string[], units: Iterable<string>): boolean {
  let k = 0;
  for (const name of units) if (names[k++] !== name) return false;
  return k === names.length;
}

/**
 * Repairs OCR damage in `raw`. The layout pass (normalisation, hard-wrap joins; src/layout) runs first and the
 * rules read its output; earlier rules of the grammar win over later ones where proposals overlap. The edits of
 * both rounds are composed into one list in raw offsets.
 */
export function repair(raw: string, options: RepairOptions = {}): RepairResult {
  const layout =
    !options.rules || options.rules.includes(LAYOUT_RULE) ? applyProposals(raw, layoutProposals(raw)) : null;
  const text = layout ? layout.text : raw;
  const grammar = loadRepairGrammar();
  const ctx = { lexicon: grammar.lexicon, knownUnits: knownSet(options.knownUnits ?? []) };
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  const selected = grammar.rules.filter((rule) => !options.rules || options.rules.includes(rule.id));
  const runRule = (rule: (typeof selected)[number]): void => {
    const out = rule.run(text, ctx);
    for (const p of out.proposals) proposals.push(p);
    for (const d of out.diagnostics) diagnostics.push(d);
  };
  for (const rule of selected) if (!rule.spec.ocr) runRule(rule);
  // Rules for OCR damage no grammar decides (misread characters) run after the others, on OCR text only.
  const ocrRules = selected.filter((rule) => rule.spec.ocr);
  if (ocrRules.length > 0 && (options.ocr ?? showsOcr(text, proposals)))
    for (const rule of ocrRules) runRule(rule);
  const fixed = applyProposals(text, proposals);
  const interleaved = layout ? interleavedColumns(raw) : null;
  if (interleaved) diagnostics.push(interleaved);
  const all = [...diagnostics, ...fixed.diagnostics].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  if (!layout || layout.edits.length === 0)
    return { text: fixed.text, edits: fixed.edits, diagnostics: all, toRaw: fixed.toRaw };
  const edits = composeEdits(raw, layout.edits, text, fixed.edits);
  const toRaw = layout.toRaw;
  const mapped = [
    ...layout.diagnostics,
    ...all.map((d) => ({
      ...d,
      ...(d.start !== undefined ? { start: toRaw(d.start) } : {}),
      ...(d.end !== undefined ? { end: toRaw(d.end) } : {}),
    })),
  ];
  return { text: fixed.text, edits, diagnostics: mapped, toRaw: offsetMapper(edits) };
}
