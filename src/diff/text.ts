/**
 * Text normalisation and similarity for the diff: what OCR noise and the change of year must not affect
 * (spaces, full/half width, punctuation, the plan's own year), character bigrams, Dice and containment.
 */

import { structureGrammar } from '../parse/grammar.js';

/** Placeholder of the plan's own year, so that "2020年" in last year's plan equals "2021年" in this year's. */
export const YEAR_TOKEN = '〈Y〉';
/** Placeholder of the year before the plan's year. */
export const PREVIOUS_YEAR_TOKEN = '〈Y-1〉';

const SPACES = /\s+/g;
/** Everything that is not a letter, a digit or a placeholder bracket: ignored by similarity. */
const NOT_CONTENT = /[^\p{L}\p{N}〈〉]/gu;

/**
 * The comparable form of a text: NFKC (full-width letters, digits and brackets to half width), no whitespace,
 * and the plan's year (and the year before) as placeholders.
 */
export function normalizeText(text: string, planYear: number | null = null): string {
  let s = text.normalize('NFKC').replace(SPACES, '');
  if (planYear !== null) {
    s = s.replaceAll(String(planYear), YEAR_TOKEN).replaceAll(String(planYear - 1), PREVIOUS_YEAR_TOKEN);
  }
  return s;
}

/** A normalised text without its leading item number ("1." or "(1)"). */
export const stripItemNumber = (normalized: string): string =>
  normalized.replace(structureGrammar().itemNumber, '');

/** `text` with every occurrence of each of `parts` removed (parts compared in their normalised form). */
export function maskParts(text: string, parts: readonly string[]): string {
  let s = text;
  for (const part of [...parts].sort((a, b) => b.length - a.length)) if (part) s = s.replaceAll(part, '');
  return s;
}

/** Letters and digits only: the part of a normalised text that similarity looks at. */
export const contentOnly = (normalized: string): string => normalized.replace(NOT_CONTENT, '');

/** The set of character bigrams of a text's content (a single character counts as its own bigram). */
export function bigrams(text: string): Set<string> {
  const s = contentOnly(text);
  const out = new Set<string>();
  if (s.length === 1) out.add(s);
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Dice coefficient of two sets (1 when both are empty). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  return (2 * overlap(a, b)) / (a.size + b.size);
}

/** The share of `part` that lies in `whole` (0 when `part` is empty). */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  return part.size === 0 ? 0 : overlap(part, whole) / part.size;
}

/** The union of sets. */
export function union<T>(sets: readonly ReadonlySet<T>[]): Set<T> {
  const out = new Set<T>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}
