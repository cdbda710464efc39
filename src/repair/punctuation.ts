/**
 * Built-in rule: a lone ASCII double quote in a paragraph of Chinese text is a mis-read ” (after an open “), 。 (at
 * the paragraph end) or comma (between two clauses); the comma takes the width the document mostly uses.
 */
import { HAN, is, isHan } from './chars.js';
import type { Diagnostic } from '../graph/schema.js';
import type { Proposal } from './fixer.js';
import type { RuleContext, RuleOutput } from './types.js';

const FULL_STOP = '。';
const FULL_COMMA = '，';
const OPEN_QUOTE = '“';
const CLOSE_QUOTE = '”';
const HALF_COMMA = ',';
const ASCII_QUOTE = '"';
const LINE_BREAK = '\n';

/** The comma width the text mostly uses. */
export function dominantComma(raw: string): string {
  let full = 0;
  let half = 0;
  for (let i = raw.indexOf(FULL_COMMA); i >= 0; i = raw.indexOf(FULL_COMMA, i + 1)) full++;
  for (let i = raw.indexOf(HALF_COMMA); i >= 0; i = raw.indexOf(HALF_COMMA, i + 1))
    if (isHan(raw.charCodeAt(i - 1))) half++;
  return half > full ? HALF_COMMA : FULL_COMMA;
}

/** Proposes ” (closing an open “), 。 or a comma for each paragraph's only ASCII double quote, when it sits after Chinese text. */
export function strayQuote(raw: string, ruleId: string, _ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  // Each quote with the end of its line: quotes sharing a line end are on one line.
  const quotes: number[] = [];
  const lineEnds: number[] = [];
  let lineEnd = -1;
  for (let at = raw.indexOf(ASCII_QUOTE); at >= 0; at = raw.indexOf(ASCII_QUOTE, at + 1)) {
    if (at > lineEnd) {
      lineEnd = raw.indexOf(LINE_BREAK, at);
      if (lineEnd < 0) lineEnd = raw.length;
    }
    quotes.push(at);
    lineEnds.push(lineEnd);
  }
  let comma: string | undefined;
  quotes.forEach((at, k) => {
    const alone = lineEnds[k - 1] !== lineEnds[k] && lineEnds[k + 1] !== lineEnds[k];
    if (!alone || !is(HAN, raw[at - 1])) return;
    const lineStart = raw.lastIndexOf(LINE_BREAK, at) + 1;
    const head = raw.slice(lineStart, at);
    if (head.lastIndexOf(OPEN_QUOTE) > head.lastIndexOf(CLOSE_QUOTE)) {
      proposals.push({ start: at, end: at + 1, text: CLOSE_QUOTE, ruleId });
    } else if (raw.slice(at + 1, lineEnds[k]).trim() === '') {
      proposals.push({ start: at, end: at + 1, text: FULL_STOP, ruleId });
    } else if (is(HAN, raw[at + 1])) {
      comma ??= dominantComma(raw);
      proposals.push({ start: at, end: at + 1, text: comma, ruleId });
    } else {
      diagnostics.push({
        code: 'stray-quote',
        severity: 'info',
        message: 'unpaired " in Chinese text',
        start: at,
        end: at + 1,
      });
    }
  });
  return { proposals, diagnostics };
}
