/**
 * A word list for deciding misread characters (src/repair/misreads.ts): the words of jieba's dictionary
 * (node_modules/nodejieba, submodules/cppjieba/dict/jieba.dict.utf8, about 350,000 entries) written in ideographs,
 * 2 to MAX_WORD characters long. Reading it costs a few hundred milliseconds of CPU, so it is read on first use
 * only, and the repair stage asks for it only when a text shows OCR damage (src/repair/index.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Longest word kept. */
export const MAX_WORD = 5;

/** The dictionary, or null when it cannot be read (then no misread word is decided). */
let words: Dictionary | null | undefined;

/** True for a CJK unified ideograph (BMP, base block and extension A). */
export const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/** The path of jieba's main dictionary, from the installed nodejieba package. */
function dictionaryPath(): string {
  const lib = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };
  return lib.DEFAULT_DICT;
}

/** jieba's words of 2..MAX_WORD ideographs, and how often it counts each ideograph as a word by itself. */
export interface Dictionary {
  words: Set<string>;
  single: Map<string, number>;
}

/** Parses jieba's dictionary ("word frequency tag" a line). */
export function parseDictionary(text: string): Dictionary {
  const out = new Set<string>();
  const single = new Map<string, number>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let stop = start;
    while (stop < end && isHan(text.charCodeAt(stop))) stop++;
    const length = stop - start;
    // Only a word of ideographs alone (the next character ends the field).
    const whole = stop === end || text[stop] === ' ' || text[stop] === '\t';
    if (whole && length >= 2 && length <= MAX_WORD) out.add(text.slice(start, stop));
    else if (whole && length === 1)
      single.set(text[start]!, Number.parseInt(text.slice(stop + 1, end), 10) || 0);
    start = end + 1;
  }
  return { words: out, single };
}

/** The dictionary's words (read once per process); null when nodejieba or its dictionary is missing. */
export function dictionaryWords(): Dictionary | null {
  if (words !== undefined) return words;
  try {
    words = parseDictionary(readFileSync(dictionaryPath(), 'utf8'));
  } catch {
    words = null;
  }
  return words;
}

/** True once the dictionary has been read (for the perf test of the born-digital path). */
export const dictionaryLoaded = (): boolean => words !== undefined;
