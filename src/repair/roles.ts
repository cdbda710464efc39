/**
 * Built-in rule and helpers for role lines ("牵头单位:市生态环境局、…"): finding the label at a paragraph start —
 * also when OCR mis-read one of its characters ("率头单位 :") — and repairing such a label. A token differing
 * from exactly one role label by one character, followed by a colon and a list that holds a unit, is that label;
 * real labels of other kinds (lexicon `otherLabels`, 主管单位 …) stay.
 */
import type { Diagnostic } from '../graph/schema.js';
import type { Proposal } from './fixer.js';
import { perText } from './memo.js';
import { paragraphStarts } from './paragraphs.js';
import type { Lexicon, RuleContext, RuleOutput } from './types.js';

/** Colons that end a label token, both widths. */
const COLON = 0x3a;
const FULL_COLON = 0xff1a;
const COLONS = String.fromCharCode(COLON, FULL_COLON);
/** A label token: Han characters, optional blanks, a colon of either width. */
const LABEL = new RegExp(`^([\\u4e00-\\u9fff]{2,6})[ \\t\\u3000]*[${COLONS}]`);
/** How much of a paragraph's start is read for a label token. */
const LABEL_WINDOW = 16;
/** True when `code` may start a label token (the Han range of `LABEL`). */
const isLabelChar = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

/** True when a colon lies in the label window of a paragraph starting at `start` (most paragraphs have none). */
function colonAhead(raw: string, start: number): boolean {
  const end = Math.min(raw.length, start + LABEL_WINDOW);
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (code === COLON || code === FULL_COLON) return true;
  }
  return false;
}
/** Separators of a unit list (as in the extract stage), plus colons of a second label run into the line. */
const LIST_SEPARATOR_CHARS = '、,，;；:：';
/** `LIST_SEPARATOR_CHARS` as a character class. */
const LIST_SEPARATORS = new RegExp(`[${LIST_SEPARATOR_CHARS}]`);
/** 1 at the UTF-16 code of each list separator (a table: tested for every character of every list). */
const SEPARATOR_TABLE = new Uint8Array(
  Math.max(...[...LIST_SEPARATOR_CHARS].map((c) => c.charCodeAt(0))) + 1,
);
for (const c of LIST_SEPARATOR_CHARS) SEPARATOR_TABLE[c.charCodeAt(0)] = 1;

/** True when the UTF-16 unit `code` separates the items of a unit list. */
export function isListSeparator(code: number): boolean {
  return SEPARATOR_TABLE[code] === 1;
}

/** A role line: its label as written, the label it stands for, and where its unit list starts and ends. */
export interface RoleLine {
  /** Raw offset of the label token. */
  start: number;
  /** The token as written. */
  written: string;
  /** The role label it is (the same as `written` unless OCR damaged one character). */
  label: string;
  /** Raw range of the text after the colon, to the end of the line. */
  listStart: number;
  listEnd: number;
}

/** The role label a token stands for: itself, the one label one character away, or undefined. */
export function labelFor(token: string, lexicon: Lexicon): string | undefined {
  if (lexicon.roleLabels.includes(token)) return token;
  if (lexicon.otherLabels.includes(token)) return undefined;
  const near = lexicon.roleLabels.filter((label) => hamming(label, token) === 1);
  return near.length === 1 ? near[0] : undefined;
}

/** Number of differing positions of two strings of the same length (Infinity when the lengths differ). */
function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

/** True when `paragraph` starts with a role label, or with a label token (then a colon) that OCR damaged. */
export function startsWithRoleLabel(paragraph: string, lexicon: Lexicon): boolean {
  if (lexicon.roleLabels.some((label) => paragraph.startsWith(label))) return true;
  const token = LABEL.exec(paragraph.slice(0, LABEL_WINDOW));
  return token !== null && labelFor(token[1]!, lexicon) !== undefined;
}

/**
 * Every role line of `raw` (paragraphs starting with a role label, possibly damaged, and a colon). Two rules read
 * them: computed once per text and rule context.
 */
export const roleLines = perText((raw: string, ctx: RuleContext): readonly RoleLine[] => {
  const lines: RoleLine[] = [];
  for (const start of paragraphStarts(raw, ctx)) {
    if (!isLabelChar(raw.charCodeAt(start)) || !colonAhead(raw, start)) continue;
    const label = LABEL.exec(raw.slice(start, start + LABEL_WINDOW));
    if (!label) continue;
    const written = label[1]!;
    const role = labelFor(written, ctx.lexicon);
    if (role === undefined) continue;
    const end = raw.indexOf('\n', start);
    const listEnd = end < 0 ? raw.length : end;
    lines.push({ start, written, label: role, listStart: start + label[0].length, listEnd });
  }
  return lines;
});

/** True when the list holds a known unit or a name with an organisation ending. */
function listHoldsUnit(list: string, ctx: RuleContext): boolean {
  return list.split(LIST_SEPARATORS).some((chunk) => {
    const name = chunk.replace(/\s+/g, '');
    return ctx.knownUnits.has(name) || ctx.lexicon.orgSuffixes.some((s) => name.endsWith(s));
  });
}

/** Proposes the role label for a label token with one mis-read character; reports the unsure ones. */
export function roleLabel(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const line of roleLines(raw, ctx)) {
    if (line.label === line.written) continue;
    const at = [...line.label].findIndex((ch, i) => ch !== line.written[i]);
    if (listHoldsUnit(raw.slice(line.listStart, line.listEnd), ctx)) {
      proposals.push({ start: line.start + at, end: line.start + at + 1, text: line.label[at]!, ruleId });
    } else {
      diagnostics.push({
        code: 'role-label-suspect',
        severity: 'info',
        message: `"${line.written}" may be the role label "${line.label}"`,
        start: line.start,
        end: line.start + line.written.length,
      });
    }
  }
  return { proposals, diagnostics };
}
