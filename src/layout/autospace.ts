/**
 * CJK–Latin autospace (grammars/repair/autospace.yaml): the gap a word processor or browser sets between Chinese
 * text and a Latin word or number becomes a space in text copied out of a PDF ("不高于 97 微克"). One such space
 * inside a line goes, as a proposal (`layout/autospace`), so it is a recorded, reversible repair; spaces between
 * Chinese words (separators), after a complete organisation name, and runs of two or more stay.
 */
import * as z from 'zod';
import { examplesChecked, loadGrammar, registerGrammar } from '../grammars.js';
import { applyProposals, type Proposal } from '../repair/fixer.js';
import { loadRepairGrammar } from '../repair/grammar.js';
import { checkSpecs } from './grammar.js';

/** The grammar file, relative to grammars/. */
export const AUTOSPACE_GRAMMAR = 'repair/autospace.yaml';

/** Rule id of a removed autospace. */
export const AUTOSPACE_RULE = 'layout/autospace';

const AutospaceSchema = z.object({
  han: z.string().min(1),
  latinBefore: z.string().min(1),
  latinAfter: z.string().min(1),
  specs: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
  keep: z.array(z.string()).default([]),
});

/** The compiled rule: a single space between Chinese and Latin, and the name endings it stays after. */
interface Autospace {
  /** Matches the space (global); the character before it is at index - 1. */
  pattern: RegExp;
  orgSuffixes: readonly string[];
}

let loaded: Autospace | undefined;

/** Loads grammars/repair/autospace.yaml once and checks its examples. */
function autospace(): Autospace {
  if (loaded) return loaded;
  const data = loadGrammar(AUTOSPACE_GRAMMAR, AutospaceSchema);
  const { han, latinBefore, latinAfter } = data;
  // One space between Chinese then Latin, or Latin then Chinese (the characters on both sides are no spaces).
  const pattern = new RegExp(` (?<=[${han}] )(?=[${latinAfter}])| (?<=[${latinBefore}] )(?=[${han}])`, 'gu');
  const rule = { pattern, orgSuffixes: loadRepairGrammar().lexicon.orgSuffixes };
  if (!examplesChecked(AUTOSPACE_GRAMMAR))
    checkSpecs(AUTOSPACE_GRAMMAR, data, (text) => applyProposals(text, autospaceProposals(text, rule)).text);
  loaded = rule;
  return rule;
}

/** One proposal per typographic space between Chinese and Latin in `text`: the space removed. */
export function autospaceProposals(text: string, rule: Autospace = autospace()): Proposal[] {
  const out: Proposal[] = [];
  rule.pattern.lastIndex = 0;
  for (const m of text.matchAll(rule.pattern)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 2), at);
    if (rule.orgSuffixes.some((s) => before.endsWith(s))) continue;
    out.push({ start: at, end: at + 1, text: '', ruleId: AUTOSPACE_RULE });
  }
  return out;
}

registerGrammar(AUTOSPACE_GRAMMAR, () => autospace());
