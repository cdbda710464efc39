/**
 * Key terms of a task, with nodejieba and a user dictionary from grammars/ (keyword terms and unit names).
 * Loading jieba's dictionary costs about a second, so it happens on first use only, never on the default path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { loadGrammar, registerGrammar } from '../grammars.js';

const KeywordsSchema = z.object({
  terms: z.array(z.string().min(1)),
  topN: z.number().int().nonnegative(),
  allowedPos: z.array(z.string()),
});

interface Jieba {
  load(options: { userDict: string }): void;
  extract(text: string, topN: number): { word: string; weight: number }[];
  tag(text: string): { word: string; tag: string }[];
}

/** The keyword grammar (it has no examples: jieba's output is not fixed). */
const keywordGrammar = (): z.infer<typeof KeywordsSchema> => loadGrammar('keywords.yaml', KeywordsSchema);
registerGrammar('keywords.yaml', keywordGrammar);

let jieba: Jieba | null = null;

function loadJieba(): Jieba {
  if (jieba) return jieba;
  const grammar = keywordGrammar();
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-jieba-'));
  const dict = join(dir, 'user.dict.utf8');
  writeFileSync(dict, grammar.terms.map((t) => `${t} 100000 nz`).join('\n') + '\n');
  const lib = createRequire(import.meta.url)('nodejieba') as Jieba;
  lib.load({ userDict: dict });
  jieba = lib;
  return lib;
}

/** Key terms of `text`: the grammar's terms it mentions, then jieba's top TF-IDF nouns. */
export function tagKeywords(text: string): string[] {
  const grammar = keywordGrammar();
  const lib = loadJieba();
  const hits = grammar.terms.filter((t) => text.includes(t));
  const pos = new Map(lib.tag(text).map((t) => [t.word, t.tag]));
  const extra = lib
    .extract(text, grammar.topN * 3)
    .map((x) => x.word)
    .filter(
      (w) =>
        w.length > 1 && !hits.includes(w) && grammar.allowedPos.some((p) => (pos.get(w) ?? '').startsWith(p)),
    );
  return [...hits, ...extra.slice(0, grammar.topN)];
}
