/**
 * Built-in rules that join text split by OCR: a paragraph break inside a clause, a title tail wrapped onto its
 * own paragraph, and a space or break inside a known unit name (gazetteer join). Line breaks are never inserted.
 */
import { OPENING, is, isHan } from './chars.js';
import type { Diagnostic } from '../graph/schema.js';
import { structureGrammar } from '../parse/grammar.js';
import type { Proposal } from './fixer.js';
import { perKnownSet } from './known.js';
import { startsWithRoleLabel } from './roles.js';
import type { RuleContext, RuleOutput } from './types.js';
import { whitespaceRuns } from './whitespace.js';

/** A line break. */
const LINE_FEED = 0x0a;

/** True for blanks that may precede a paragraph break: a space, a tab, a carriage return, an ideographic space. */
function isTrailingBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000;
}

/**
 * True for the characters of a paragraph break: line breaks with blank lines between them, from the first line break
 * of a run of these characters to its end (blanks before the first are added in code).
 */
function isBreakChar(code: number): boolean {
  return code === LINE_FEED || isTrailingBlank(code);
}

/** Longest unit name a gazetteer join looks at. */
export const MAX_UNIT_LENGTH = 24;
/** Punctuation that continues a clause: a paragraph ending with it goes on in the next one. */
const CLAUSE_CONTINUES = ',，、';
/** Internal punctuation that shows a paragraph is running text, not a heading or title: a comma, or a stop with more after it. */
const RUNNING_TEXT = /[，,]|[。；;](?=\S)/;
let headingStart: RegExp | undefined;
/**
 * Paragraphs starting with a heading marker, or what may be one (the literals of grammars/structure.yaml), with a
 * space OCR leaves inside it ("(二 ) 推进…") or its brackets read as look-alikes (`markerDamage`: "〈 八) 协同…",
 * "(《九)"), so a role note whose closer OCR lost ("〔…等负责") is not joined to the next heading.
 */
function isHeadingStart(paragraph: string): boolean {
  if (!headingStart) {
    const c = structureGrammar().classes;
    headingStart = new RegExp(
      `^[${c.damagedOpen}]{0,2} ?(?:[${c.numerals}]+|\\d+) ?[${c.damagedClose}${c.itemSeparators}]`,
    );
  }
  return headingStart.test(paragraph);
}
/** A paragraph this long with internal commas and no final punctuation was cut by a page or column break. */
export const MIN_CUT_PARAGRAPH = 30;
/** True for characters around a break that a unit name may span: Han (BMP) and brackets of either width. */
function isUnitChar(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) || code === 0x28 || code === 0x29 || code === 0xff08 || code === 0xff09
  );
}

/** Running text (a comma in it) that ends in an ideograph, with no final punctuation: a piece of a cut paragraph. */
const cutRunning = (paragraph: string): boolean =>
  RUNNING_TEXT.test(paragraph) && isHan(paragraph.charCodeAt(paragraph.length - 1));

/** An opening round bracket, ASCII or full-width: a unit name may hold one, 县(市)区政府. */
const isBracket = (code: number): boolean => code === 0x28 || code === 0xff08;

/** The paragraph (line content without indentation) that ends at `end`. */
function paragraphBefore(raw: string, end: number): string {
  const start = raw.lastIndexOf('\n', end - 1) + 1;
  return raw.slice(start, end).trim();
}

/** The paragraph that starts at `start`. */
function paragraphAfter(raw: string, start: number): string {
  const end = raw.indexOf('\n', start);
  return raw.slice(start, end < 0 ? raw.length : end).trim();
}

/**
 * The paragraph breaks of `raw` as [start, end) pairs, ascending: within each whitespace run, each stretch of
 * break characters from its first line break to its end, when a second line break follows the first.
 */
export function paragraphBreaks(raw: string, scope: object): number[] {
  const breaks: number[] = [];
  const runs = whitespaceRuns(raw, scope);
  for (let k = 0; k < runs.length; k += 2) {
    const runEnd = runs[k + 1]!;
    for (let at = runs[k]!; at < runEnd;) {
      let end = at;
      let first = -1;
      let lines = 0;
      for (; end < runEnd && isBreakChar(raw.charCodeAt(end)); end++) {
        if (raw.charCodeAt(end) === LINE_FEED && lines++ === 0) first = end;
      }
      if (lines >= 2) breaks.push(first, end);
      at = end + 1;
    }
  }
  return breaks;
}

/** Joins paragraph breaks that sit inside a clause or cut a title; reports the doubtful ones. */
export function paragraphJoin(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  const breaks = paragraphBreaks(raw, ctx);
  // A paragraph this rule joins to the one before is read with it (整↵↵治力度,上半↵↵年,… is one cut paragraph).
  let joined = { end: -1, before: '' };
  for (let k = 0; k < breaks.length; k += 2) {
    let start = breaks[k]!;
    while (start > 0 && isTrailingBlank(raw.charCodeAt(start - 1))) start--;
    const end = breaks[k + 1]!;
    if (start === 0 || end >= raw.length) continue;
    if (!(isHan(raw.charCodeAt(end)) || is(OPENING, raw[end]))) continue;
    const l = raw.charCodeAt(start - 1);
    const continues = !isHan(l) && CLAUSE_CONTINUES.includes(raw[start - 1]!);
    // A break stays unless the paragraph before it ends in Han text or in punctuation that continues the clause
    // (most end with a full stop: decided before reading the paragraphs).
    if (!continues && !isHan(l)) continue;
    const own = paragraphBefore(raw, start);
    let from = raw.lastIndexOf('\n', start - 1) + 1;
    while (from < start && isTrailingBlank(raw.charCodeAt(from))) from++;
    const after = paragraphAfter(raw, end);
    // Read with the paragraph joined before it when running text goes on after the break (not a line of its own).
    const before = from === joined.end && RUNNING_TEXT.test(after) ? joined.before + own : own;
    if (isHeadingStart(after) || startsWithRoleLabel(after, ctx.lexicon)) continue;
    const join = { start, end, text: '', ruleId };
    const push = () => {
      proposals.push(join);
      joined = { end, before };
    };
    if (continues) {
      push();
    } else if (ctx.lexicon.titleTails.includes(after) && !RUNNING_TEXT.test(before)) {
      push();
    } else if (
      ctx.lexicon.roleLabels.some((label) => before.startsWith(label)) ||
      !RUNNING_TEXT.test(before)
    ) {
      continue;
    } else if (before.length + (cutRunning(after) ? after.length : 0) >= MIN_CUT_PARAGRAPH) {
      // Cut running text: long enough, or going on into running text cut as well (…整↵↵治力度,上半↵↵年,…).
      push();
    } else {
      diagnostics.push({
        code: 'line-break-suspect',
        severity: 'info',
        message: 'paragraph ends without punctuation; it may continue in the next one',
        start,
        end,
      });
    }
  }
  return { proposals, diagnostics };
}

/** Proposes removing whitespace inside a name whose joined form is a known unit ("市城建 局", "新\n\n  密市政府"). */
export function gazetteerJoin(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  if (ctx.knownUnits.size === 0) return { proposals, diagnostics: [] };
  const pairs = unitPairs(ctx.knownUnits);
  const runs = whitespaceRuns(raw, ctx);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    // The name goes on past the gap with an ideograph, or with a bracket around one (…、县↵↵(市)区政府).
    const opensBracket = isBracket(raw.charCodeAt(end)) && isHan(raw.charCodeAt(end + 1));
    if (!isHan(raw.charCodeAt(start - 1)) || !(isHan(raw.charCodeAt(end)) || opensBracket)) continue;
    // A known unit that spans the gap holds the two characters around it, side by side, unless one of them
    // cannot be part of a name (then a whole known unit on the other side is enough).
    if (
      isUnitChar(raw.charCodeAt(start - 1)) &&
      isUnitChar(raw.charCodeAt(end)) &&
      !pairs.has(raw[start - 1]! + raw[end]!)
    )
      continue;
    let a = start;
    while (a > 0 && start - a < MAX_UNIT_LENGTH && isUnitChar(raw.charCodeAt(a - 1))) a--;
    let b = end;
    while (b < raw.length && b - end < MAX_UNIT_LENGTH && isUnitChar(raw.charCodeAt(b))) b++;
    let right = raw.slice(end, b);
    // A name broken twice (…,各↵↵开发区管委↵↵会、…): the parts beyond the gaps next to this one count too, so
    // each gap joins.
    if (k + 3 < runs.length && runs[k + 2] === b && !raw.slice(b, runs[k + 3]).includes('\f')) {
      let c = runs[k + 3]!;
      while (c < raw.length && right.length < MAX_UNIT_LENGTH && isUnitChar(raw.charCodeAt(c)))
        right += raw[c++];
    }
    let left = raw.slice(a, start);
    if (k >= 2 && runs[k - 1] === a && !raw.slice(runs[k - 2], a).includes('\f')) {
      let c = runs[k - 2]!;
      while (c > 0 && left.length < MAX_UNIT_LENGTH && isUnitChar(raw.charCodeAt(c - 1)))
        left = raw[--c] + left;
    }
    if (joinsUnit(left, right, ctx.knownUnits)) {
      proposals.push({ start, end, text: '', ruleId });
    }
  }
  return { proposals, diagnostics: [] };
}

/** Every two adjacent characters of a known unit. */
const unitPairs = perKnownSet((known) => {
  const pairs = new Set<string>();
  for (const name of known) for (let i = 1; i < name.length; i++) pairs.add(name.slice(i - 1, i + 1));
  return pairs;
});

/** True when a suffix of `left` and a prefix of `right`, one of them whole, join into a known unit. */
function joinsUnit(left: string, right: string, known: ReadonlySet<string>): boolean {
  for (let k = right.length; k > 0; k--) if (known.has(left + right.slice(0, k))) return true;
  for (let k = 1; k < left.length; k++) if (known.has(left.slice(k) + right)) return true;
  return false;
}
