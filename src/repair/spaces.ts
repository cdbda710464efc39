/**
 * Built-in rule: spurious spaces in Chinese text. A run of ASCII spaces between two visible characters is deleted
 * when Chinese text or Chinese punctuation sits on one side and the other side would never be set apart from it;
 * spaces between Latin words, between Chinese and a following number, and between two complete organisation
 * names (the issuers on a cover line) stay.
 */
import { ASCII_PUNCT, ASCII_TRAILING, CLOSING, DIGIT, FULL_PUNCT, HAN, OPENING, is, isHan } from './chars.js';
import type { Lexicon, RuleContext, RuleOutput } from './types.js';
import { whitespaceRuns } from './whitespace.js';

/** The space a run of spurious spaces is made of (other blanks are never removed). */
const SPACE = 0x20;

/** Shortest organisation name whose trailing space may separate it from a second name. */
export const MIN_ORG_NAME = 4;
/** Shortest following token that can be a second name (shorter ones are split-off name ends: 管委 会). */
export const MIN_NEXT_NAME = 3;

/** True when the characters from `start` to `end` are all ASCII spaces. */
function onlySpaces(raw: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (raw.charCodeAt(i) !== SPACE) return false;
  return true;
}

/** Length of the Han run ending at `end` (exclusive) going left. */
function hanRunLeft(raw: string, end: number): number {
  let i = end;
  while (i > 0 && isHan(raw.charCodeAt(i - 1))) i--;
  return end - i;
}

/** Length of the Han run starting at `start`. */
function hanRunRight(raw: string, start: number): number {
  let i = start;
  while (i < raw.length && isHan(raw.charCodeAt(i))) i++;
  return i - start;
}

/** True when the space at [start, end) separates two complete organisation names (keep it). */
export function separatesNames(raw: string, start: number, end: number, lexicon: Lexicon): boolean {
  const leftLen = hanRunLeft(raw, start);
  if (leftLen < MIN_ORG_NAME || hanRunRight(raw, end) < MIN_NEXT_NAME) return false;
  const left = raw.slice(start - leftLen, start);
  return lexicon.orgSuffixes.some((s) => left.endsWith(s));
}

/** False when the number ending at `end` is set apart by spaces on both sides from Chinese text (共 5 项). */
function attachedNumber(raw: string, end: number): boolean {
  let i = end;
  while (i > 0 && /[0-9０-９.%％]/.test(raw[i - 1]!)) i--;
  return !(raw[i - 1] === ' ' && is(HAN, raw[i - 2]));
}

/** Decides whether the space run between two visible characters, `l` (at start-1) and `r` (at end), is spurious. */
function spurious(raw: string, start: number, end: number, lexicon: Lexicon): boolean {
  const l = raw[start - 1]!;
  const r = raw[end]!;
  const lHan = isHan(raw.charCodeAt(start - 1));
  const rHan = isHan(raw.charCodeAt(end));
  if (lHan && rHan) return !separatesNames(raw, start, end, lexicon);
  if (is(FULL_PUNCT, l) || is(FULL_PUNCT, r)) return true;
  if (lHan && is(ASCII_PUNCT, r)) return true;
  // The slash of a measure unit between Han words (微克 /立方米, 吨/ 日).
  if (
    (lHan && r === '/' && isHan(raw.charCodeAt(end + 1))) ||
    (l === '/' && rHan && isHan(raw.charCodeAt(start - 2)))
  )
    return true;
  if (rHan && is(ASCII_TRAILING, l)) return true;
  if (rHan && (is(DIGIT, l) || l === '%')) return attachedNumber(raw, start);
  if (is(OPENING, l) || is(CLOSING, r)) return true;
  if ((r === '(' || r === '（') && is(HAN, raw[end + 1])) return true;
  const beforeL = raw[start - 2];
  return /[,;:]/.test(l) && (is(HAN, beforeL) || is(CLOSING, beforeL)) && /[0-9A-Za-z]/.test(r);
}

/** Proposes deleting every spurious space run. */
export function spuriousSpace(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals = [];
  const runs = whitespaceRuns(raw, ctx);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (start === 0 || end === raw.length || !onlySpaces(raw, start, end)) continue;
    if (spurious(raw, start, end, ctx.lexicon)) proposals.push({ start, end, text: '', ruleId });
  }
  return { proposals, diagnostics: [] };
}
