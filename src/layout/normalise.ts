/**
 * Normalisation of look-alike code points (grammars/repair/normalise.yaml): Kangxi Radicals, CJK Radicals
 * Supplement and CJK Compatibility Ideographs become the unified ideographs they stand for ("⼀、" → "一、",
 * "⺠" → "民"), and the horizontal bar ― is the dash — the grammars read. Each replacement is a proposal under its
 * table's id (`normalise/radical`, `normalise/compatibility`, `normalise/dash`), so it is a recorded, reversible
 * repair; the repair stage runs it before any rule reads the text, for every input format.
 */
import * as z from 'zod';
import { examplesChecked, loadGrammar, registerGrammar } from '../grammars.js';
import { checkSpecs } from './grammar.js';
import { applyProposals, type Proposal } from '../repair/fixer.js';

/** The grammar file, relative to grammars/. */
export const NORMALISE_GRAMMAR = 'repair/normalise.yaml';

const NormaliseSchema = z.object({
  tables: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z]+\/[a-z-]+$/),
        description: z.string(),
        map: z.record(
          z.string().refine((s) => [...s].length === 1, 'a key is one code point'),
          z.string().min(1),
        ),
      }),
    )
    .min(1),
  specs: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
  keep: z.array(z.string()).default([]),
});

/** The compiled tables: each look-alike with its replacement and rule id. */
export interface NormaliseTable {
  map: ReadonlyMap<string, { text: string; ruleId: string }>;
  /** Matches any key of the map (global, unicode). */
  pattern: RegExp;
}

let loaded: NormaliseTable | undefined;

/** Loads grammars/repair/normalise.yaml once and checks its examples. */
export function normaliseTable(): NormaliseTable {
  if (loaded) return loaded;
  const data = loadGrammar(NORMALISE_GRAMMAR, NormaliseSchema);
  const map = new Map<string, { text: string; ruleId: string }>();
  for (const table of data.tables)
    for (const [from, to] of Object.entries(table.map)) map.set(from, { text: to, ruleId: table.id });
  const table: NormaliseTable = { map, pattern: characterClass([...map.keys()]) };
  if (!examplesChecked(NORMALISE_GRAMMAR))
    checkSpecs(NORMALISE_GRAMMAR, data, (text) => applyProposals(text, normaliseProposals(text, table)).text);
  loaded = table;
  return table;
}

/** A regex matching any one of `chars` (code points), ranges merged. */
function characterClass(chars: string[]): RegExp {
  const cps = chars.map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => `\\u{${n.toString(16)}}`;
  for (let i = 0; i < cps.length;) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    parts.push(i === j ? hex(cps[i]!) : `${hex(cps[i]!)}-${hex(cps[j]!)}`);
    i = j + 1;
  }
  return new RegExp(`[${parts.join('')}]`, 'gu');
}

/** One proposal per look-alike in `text`: the ideograph it stands for. */
export function normaliseProposals(text: string, table: NormaliseTable = normaliseTable()): Proposal[] {
  const proposals: Proposal[] = [];
  table.pattern.lastIndex = 0;
  for (const m of text.matchAll(table.pattern)) {
    const hit = table.map.get(m[0])!;
    proposals.push({ start: m.index, end: m.index + m[0].length, text: hit.text, ruleId: hit.ruleId });
  }
  return proposals;
}

/** `text` with every look-alike replaced (for callers that only read, such as a PDF's paragraph decisions). */
export function normaliseText(text: string): string {
  const table = normaliseTable();
  return text.replace(table.pattern, (ch) => table.map.get(ch)!.text);
}

registerGrammar(NORMALISE_GRAMMAR, () => normaliseTable());
