/**
 * Numbers as written in notices: ASCII and full-width digits, decimals, and Chinese numerals
 * (一…九十九, 百, 千, 万, 亿, 两, 〇/零, and digit-by-digit years such as 二〇二〇).
 */

/** Values of the Chinese digit characters. */
const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Multipliers below 万 (they combine within one 万-group). */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Multipliers that close a group. */
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** The Chinese numeral characters a number may be written with. */
const NUMERALS = '〇零一二两三四五六七八九十百千';

/** Regex source for one number: ASCII/full-width digits with an optional decimal part, or Chinese numerals. */
export const NUMBER_SOURCE = `[0-9０-９]+(?:[.．][0-9０-９]+)?|[${NUMERALS}]+`;

/** Kinds of characters in a number, as NUMBER_SOURCE reads them. */
const DIGIT = 1;
const NUMERAL = 2;

/** For each UTF-16 unit: DIGIT (0-9, ０-９), NUMERAL (NUMERALS) or 0 (a table: the scans run on every character). */
const NUMBER_CHAR = new Uint8Array(0x10000);
for (const [chars, kind] of [
  ['0123456789０１２３４５６７８９', DIGIT],
  [NUMERALS, NUMERAL],
] as const) {
  for (let i = 0; i < chars.length; i++) NUMBER_CHAR[chars.charCodeAt(i)] = kind;
}

/** The decimal points of NUMBER_SOURCE, as UTF-16 units. */
const ASCII_POINT = '.'.charCodeAt(0);
const ASCII_ZERO = '0'.charCodeAt(0);
const ASCII_NINE = '9'.charCodeAt(0);
const POINTS = new Set([ASCII_POINT, '．'.charCodeAt(0)]);

/** The index of the first character at or after `from` that can start a number, or -1. */
export function indexOfNumber(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) if (NUMBER_CHAR[text.charCodeAt(i)] !== 0) return i;
  return -1;
}

/**
 * The end of the number starting at `at` (a result of indexOfNumber): where the match of NUMBER_SOURCE at `at`
 * ends. Digits with an optional decimal part, or a run of Chinese numerals.
 */
export function numberEnd(text: string, at: number): number {
  const kind = NUMBER_CHAR[text.charCodeAt(at)];
  let i = at;
  while (NUMBER_CHAR[text.charCodeAt(i)] === kind) i++;
  if (kind === DIGIT && POINTS.has(text.charCodeAt(i)) && NUMBER_CHAR[text.charCodeAt(i + 1)] === DIGIT) {
    i++;
    while (NUMBER_CHAR[text.charCodeAt(i)] === DIGIT) i++;
  }
  return i;
}

/** The full-width characters that toHalfWidth replaces. */
const FULL_WIDTH = /[０-９．％：（）～－]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');
/** Distance from a full-width form (U+FF01…U+FF5E) to its ASCII form. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Replaces the characters of FULL_WIDTH in `s` (see toHalfWidth). */
function halfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** The text toHalfWidth last converted, and the result: the extractors of one span read it in turn. */
const last = { full: '', half: '' };

/**
 * Replaces full-width digits, the full-width point, percent, colon, brackets and tilde by their ASCII forms.
 * Every replacement is one UTF-16 unit for one, so offsets into the result are offsets into the input.
 */
export function toHalfWidth(s: string): string {
  if (s !== last.full) {
    last.full = s;
    last.half = halfWidth(s);
  }
  return last.half;
}

/** Whether `s` has an ASCII digit at index `i`. */
function isAsciiDigitAt(s: string, i: number): boolean {
  const u = s.charCodeAt(i);
  return u >= ASCII_ZERO && u <= ASCII_NINE;
}

/** Whether `s` is ASCII digits with an optional decimal part (/^[0-9]+(?:\.[0-9]+)?$/). */
function isDecimal(s: string): boolean {
  let i = 0;
  while (isAsciiDigitAt(s, i)) i++;
  if (i === 0) return false;
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== ASCII_POINT || !isAsciiDigitAt(s, i + 1)) return false;
  i++;
  while (isAsciiDigitAt(s, i)) i++;
  return i === s.length;
}

/** Parses a string of ASCII or full-width digits with an optional decimal part; null when it is not one. */
export function parseArabicNumber(s: string): number | null {
  if (isDecimal(s)) return Number(s);
  const t = halfWidth(s);
  return t !== s && isDecimal(t) ? Number(t) : null;
}

/** Parses a run of Chinese digits read one by one (二〇二〇 → 2020); null when another character occurs. */
function parseDigitByDigit(s: string): number | null {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = CHINESE_DIGITS[s[i] as string];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Parses a Chinese numeral: 十二 → 12, 九十九 → 99, 一百零五 → 105, 两千 → 2000, 三万五千 → 35000,
 * 二〇二〇 → 2020, 零 → 0. A bare multiplier (千, 万) is not a number. Returns null for anything malformed.
 */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (!/[〇零一二两三四五六七八九十]/.test(s)) return null;
  if (s.length > 1 && !/[十百千万亿]/.test(s)) return s[0] === '零' ? null : parseDigitByDigit(s);
  let yi = 0;
  let wan = 0;
  let group = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const d = CHINESE_DIGITS[c];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null;
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      if (small >= lastSmall || (digit === null && small !== 10)) return null;
      group += (digit ?? 1) * small;
      lastSmall = small;
      digit = null;
      continue;
    }
    const large = LARGE_UNITS[c];
    const section = group + (digit ?? 0);
    if (large === undefined || section === 0) return null;
    if (large === 1e8) {
      yi = (yi + wan + section) * large;
      wan = 0;
    } else wan = section * large;
    group = 0;
    digit = null;
    lastSmall = Infinity;
  }
  return yi + wan + group + (digit ?? 0);
}

/** Parses any number this module knows (Arabic, full-width or Chinese); null when `s` is none. */
export function parseNumber(s: string): number | null {
  return parseArabicNumber(s) ?? parseChineseNumber(s);
}
