/**
 * Word-level diff of two task texts and the test of whether a wording change is substantive: OCR noise (a
 * stray character here and there) and punctuation are not; a phrase added, dropped or replaced is.
 */
import type { Phrase, WordOp } from './schema.js';

/** A letter or digit run, a placeholder, or any other single character. */
const TOKEN = /[A-Za-z0-9.%]+|〈[^〉]*〉|[\s\S]/gu;
const CONTENT = /[\p{L}\p{N}]/gu;

/** Splits a text into diff tokens: Latin/digit runs and placeholders stay whole, Chinese goes by character. */
export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

/** Tokens that count as equal: the same text, or (see `sameUpToYearShift`) years moved by the edition's shift. */
export type TokenEquality = (a: string, b: string) => boolean;

const YEAR = /^(?:19|20)\d{2}$/;

/**
 * Equality of tokens up to the year shift of a new edition: "2020" in last year's plan equals "2021" in this
 * year's when the plans are a year apart (and still equals "2020": a baseline year that stays).
 */
export const sameUpToYearShift =
  (shift: number): TokenEquality =>
  (a, b) =>
    a === b || (shift !== 0 && YEAR.test(a) && YEAR.test(b) && Number(b) - Number(a) === shift);

/**
 * The word-level diff of two token lists (longest common subsequence), adjacent ops of a kind merged. Kept
 * tokens are written as on the new side.
 */
export function diffTokens(
  a: readonly string[],
  b: readonly string[],
  same: TokenEquality = (x, y) => x === y,
): WordOp[] {
  // trim the common head and tail: most edits are local
  let head = 0;
  while (head < a.length && head < b.length && same(a[head] as string, b[head] as string)) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    same(a[a.length - 1 - tail] as string, b[b.length - 1 - tail] as string)
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = same(x[i] as string, y[j] as string)
        ? (lcs[(i + 1) * (m + 1) + j + 1] as number) + 1
        : Math.max(lcs[(i + 1) * (m + 1) + j] as number, lcs[i * (m + 1) + j + 1] as number);
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  if (head > 0) push('equal', b.slice(0, head).join(''));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(x[i] as string, y[j] as string)) {
      push('equal', y[j] as string);
      i++;
      j++;
    } else if (
      i < n &&
      (j === m || (lcs[(i + 1) * (m + 1) + j] as number) >= (lcs[i * (m + 1) + j + 1] as number))
    ) {
      push('delete', x[i] as string);
      i++;
    } else {
      push('insert', y[j] as string);
      j++;
    }
  }
  if (tail > 0) push('equal', b.slice(b.length - tail).join(''));
  return ops;
}

/** The word-level diff of two texts. */
export const diffWords = (a: string, b: string, same?: TokenEquality): WordOp[] =>
  diffTokens(tokenize(a), tokenize(b), same);

const contentLength = (text: string): number => text.match(CONTENT)?.length ?? 0;

/**
 * Whether a diff changes the content: some hunk (a run of deletions and insertions; runs separated by a single
 * kept character count as one, the kept character on both sides) spans at least `MIN_HUNK` letters or digits on
 * one side, or the changes add up to `MIN_TOTAL`. Punctuation, spacing and isolated one-character misreadings do not count.
 */
export function isSubstantive(ops: readonly WordOp[]): boolean {
  let total = 0;
  let del = 0;
  let ins = 0;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k] as WordOp;
    if (op.op === 'equal') {
      const kept = contentLength(op.text);
      if (kept <= 1 && (del > 0 || ins > 0) && k < ops.length - 1) {
        // a single kept character inside a hunk belongs to both sides of it ("加强" → "强化")
        del += kept;
        ins += kept;
      } else {
        del = 0;
        ins = 0;
      }
      continue;
    }
    const n = contentLength(op.text);
    total += n;
    if (op.op === 'delete') del += n;
    else ins += n;
    if (del >= MIN_HUNK || ins >= MIN_HUNK) return true;
  }
  return total >= MIN_TOTAL;
}

/** See `isSubstantive`. */
export const MIN_HUNK = 2;
/** See `isSubstantive`. */
export const MIN_TOTAL = 4;

const SENTENCE_END = /[。;；!！?？]/u;
const LETTER = /\p{L}/u;
/** At most this many characters of context on each side of a phrase. */
export const CONTEXT_CHARS = 30;

/**
 * The changed phrases of a word diff, each in its sentence (the new side's text around it, cut at the sentence's
 * ends and at `CONTEXT_CHARS`). A phrase without a letter (punctuation, a number) or one that `isFact` says is a
 * fact's own change (reported as such) is left out.
 */
export function phrasesOf(
  ops: readonly WordOp[],
  isFact: (old: string, neu: string) => boolean = () => false,
): Phrase[] {
  const out: Phrase[] = [];
  const newText = (from: number, to: number) =>
    ops
      .slice(from, to)
      .filter((o) => o.op !== 'delete')
      .map((o) => o.text)
      .join('');
  for (const { start: k, end, old, neu } of hunks(ops)) {
    if (LETTER.test(old + neu) && !isFact(old, neu)) {
      let before = newText(0, k);
      let start = before.length;
      while (start > 0 && !SENTENCE_END.test(before[start - 1] as string)) start--;
      before = before.slice(start).slice(-CONTEXT_CHARS);
      let after = newText(end, ops.length);
      const stop = after.search(SENTENCE_END);
      after = (stop >= 0 ? after.slice(0, stop + 1) : after).slice(0, CONTEXT_CHARS);
      out.push({ before, old, new: neu, after });
    }
  }
  return out;
}

/**
 * The changed runs of a word diff (a run of deletions and insertions between kept text): the ops they span
 * (`start` to `end`, exclusive), and their old and new text.
 */
export function* hunks(
  ops: readonly WordOp[],
): Generator<{ start: number; end: number; old: string; neu: string }> {
  for (let k = 0; k < ops.length;) {
    if ((ops[k] as WordOp).op === 'equal') {
      k++;
      continue;
    }
    let end = k;
    let old = '';
    let neu = '';
    for (; end < ops.length && (ops[end] as WordOp).op !== 'equal'; end++) {
      const op = ops[end] as WordOp;
      if (op.op === 'delete') old += op.text;
      else neu += op.text;
    }
    yield { start: k, end, old, neu };
    k = end;
  }
}
