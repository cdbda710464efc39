/**
 * Unit lists: splitting "市工信局、市生态环境局,各开发区管委会" into unit names with their offsets, and the
 * gazetteer API (canonical names, kinds) re-exported for the extract stage.
 */
import type { Gazetteer } from './units-gazetteer.js';
import { compactText, originalSpan } from './units-text.js';

export {
  guessKind,
  loadGazetteer,
  type Gazetteer,
  type UnitEntry,
  type UnitLookup,
} from './units-gazetteer.js';

/** A unit name as written (OCR spaces removed) and its range in the text it was found in. */
export interface UnitSpan {
  name: string;
  start: number;
  end: number;
}

/** Punctuation that separates the units of a list. */
export const UNIT_SEPARATORS = '、,，;；';

/** Conjunctions that join two units ("市发展改革委和市工信局"), split only where both sides are known units. */
export const UNIT_CONJUNCTIONS = '和及';

/** Opening and closing brackets (both widths); separators inside brackets do not split. */
export const OPEN_BRACKETS = '(（[［【';
/** See `OPEN_BRACKETS`. */
export const CLOSE_BRACKETS = ')）]］】';

/** A piece of a text between separators at bracket depth 0. */
export interface Chunk {
  start: number;
  end: number;
  /** The separator that ends the chunk, or '' at the end of the text. */
  separator: string;
}

/** A regular-expression character class of `chars` (each escaped). */
const charClass = (chars: string): string => `[${chars.replace(/[\\\]^-]/g, '\\$&')}]`;

/** A conjunction with a character on each side: only such a name can be split at 和/及. */
const INNER_CONJUNCTION = new RegExp(`[^]${charClass(UNIT_CONJUNCTIONS)}[^]`);

/** The bracket-or-separator patterns of the separator strings seen so far (callers pass a few constants). */
const splitPatterns = new Map<string, RegExp>();

/** Splits `text` at any character of `separators` that lies outside brackets. Empty chunks are kept. */
export function splitOutsideBrackets(text: string, separators: string): Chunk[] {
  let pattern = splitPatterns.get(separators);
  if (pattern === undefined) {
    pattern = new RegExp(charClass(OPEN_BRACKETS + CLOSE_BRACKETS + separators), 'g');
    splitPatterns.set(separators, pattern);
  }
  const chunks: Chunk[] = [];
  let depth = 0;
  let start = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const ch = m[0];
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      chunks.push({ start, end: m.index, separator: ch });
      start = m.index + 1;
    }
  }
  chunks.push({ start, end: text.length, separator: '' });
  return chunks;
}

/**
 * Splits one list item at 和/及 where both sides are known units ("市发展改革委和市工信局" → two;
 * "市粮食和储备局" → one). Returns ranges relative to `name`.
 */
export function splitConjoined(name: string, gaz: Gazetteer): { start: number; end: number }[] {
  if (!INNER_CONJUNCTION.test(name) || gaz.has(name)) return [{ start: 0, end: name.length }];
  for (let i = 1; i < name.length - 1; i++) {
    if (!UNIT_CONJUNCTIONS.includes(name[i] as string) || !gaz.has(name.slice(0, i))) continue;
    const rest = name.slice(i + 1);
    const right = splitConjoined(rest, gaz);
    if (right.every((r) => gaz.has(rest.slice(r.start, r.end)))) {
      return [{ start: 0, end: i }, ...right.map((r) => ({ start: r.start + i + 1, end: r.end + i + 1 }))];
    }
  }
  return [{ start: 0, end: name.length }];
}

/**
 * Splits a unit list at 、 , ， ; ； (outside brackets, so "县(市)区政府" stays whole) and at 和/及 where both halves
 * are known units. Names lose their OCR spaces ("县 (市)区政府" → "县(市)区政府"); offsets are relative to `text`.
 */
export function splitUnitList(text: string, gaz: Gazetteer): UnitSpan[] {
  const compact = compactText(text);
  const units: UnitSpan[] = [];
  for (const chunk of splitOutsideBrackets(compact.text, UNIT_SEPARATORS)) {
    const item = compact.text.slice(chunk.start, chunk.end);
    for (const part of splitConjoined(item, gaz)) {
      if (part.end <= part.start) continue;
      const span = originalSpan(compact, chunk.start + part.start, chunk.start + part.end);
      units.push({ name: item.slice(part.start, part.end), ...span });
    }
  }
  return units;
}
