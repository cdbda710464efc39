/**
 * The page-furniture grammar (grammars/ingest.yaml): patterns of running-header words (page numbers are read by
 * grammars/layout/furniture.yaml, for text and PDF alike),
 * each checked against its own examples (and the `keep` lines, which must match none) when loaded.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, GRAMMARS_DIR, loadGrammar, registerGrammar } from '../../grammars.js';

const FILE = 'ingest.yaml';

const RuleSchema = z.object({ id: z.string(), pattern: z.string(), examples: z.array(z.string()).min(1) });
/** Rules, and lines that none of them may match. */
const SectionSchema = z.object({ rules: z.array(RuleSchema).min(1), keep: z.array(z.string()) });
const FileSchema = z.object({ headerWords: SectionSchema });

/** A compiled set of patterns: whether a line (spaces ignored) matches one of them. */
export interface LineClass {
  test(line: string): boolean;
}

/** The compiled furniture grammar. */
export interface FurnitureGrammar {
  headerWord: LineClass;
}

const SPACES = /[\s\u3000]+/g;

function compile(name: string, section: z.infer<typeof SectionSchema>, check: boolean): LineClass {
  const rules = section.rules.map((r) => ({ ...r, re: new RegExp(r.pattern, 'iu') }));
  const keep = section.keep;
  const cls: LineClass = { test: (line) => rules.some((r) => r.re.test(line.replace(SPACES, ''))) };
  if (!check) return cls;
  for (const r of rules)
    for (const ex of r.examples)
      if (!r.re.test(ex.replace(SPACES, '')))
        throw new GrammarError(`${GRAMMARS_DIR}/${FILE}`, `${name}.${r.id}: example '${ex}' does not match`);
  for (const k of keep)
    if (cls.test(k)) throw new GrammarError(`${GRAMMARS_DIR}/${FILE}`, `${name}: '${k}' must not match`);
  return cls;
}

let compiled: FurnitureGrammar | null = null;

/** Loads grammars/ingest.yaml once and checks its examples. */
export function furnitureGrammar(): FurnitureGrammar {
  if (compiled) return compiled;
  const raw = loadGrammar(FILE, FileSchema);
  const check = !examplesChecked(FILE);
  compiled = {
    headerWord: compile('headerWords', raw.headerWords, check),
  };
  return compiled;
}

registerGrammar(FILE, furnitureGrammar);
