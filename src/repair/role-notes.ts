/**
 * Built-in rule role-note: the brackets of a role note that closes a task paragraph, as State Council notices close
 * one ("…持续提升创新能力。（工业和信息化部、发展改革委等负责）"), where OCR damaged them: the opener read as a
 * look-alike ("〔农业农村部、财政部等负责)", "〈…等负责)"), the closer read as one ("…等负责〕") or lost ("…等负责" at
 * the paragraph's end). Without both brackets the extract stage reads no note, and the task loses its units.
 *
 * A note is read only on all of this evidence: it runs to the end of its paragraph (a closing 。 aside); a sentence
 * end stands before it; it holds no sentence end or other bracket; one of its list items is a unit the gazetteer
 * knows; and it ends with a role verb of grammars/roles.json (负责, 牵头, 配合…) or with the first-listed convention
 * (列第一位者为牵头单位，下同). Where the regex rules angle-paren and double-angle-paren read the same opener, both
 * propose the same edit (one is applied).
 */
import { loadRoleGrammar } from '../extract/roles-grammar.js';
import type { Proposal } from './fixer.js';
import { perText } from './memo.js';
import type { RuleContext, RuleOutput } from './types.js';

/** Openers OCR reads for a note's parenthesis, and the parentheses themselves. */
const OPENERS = '(（〔〈《[【［';
/** Closers OCR reads for a note's parenthesis (the parentheses themselves are `HALF_CLOSE` and `FULL_CLOSE`). */
const CLOSERS = ')）〕〉》]】］';
const HALF_CLOSE = ')';
const FULL_CLOSE = '）';
/** What stands before a note: the end of the task's last sentence (spaces between are allowed). */
const SENTENCE_END = /[。；;！!？?]\s*$/;
/** What a note never holds: a sentence end, a colon, another bracket. */
const NOT_IN_NOTE = /[。；;！!？?：:()（）〔〕〈〉《》[\]【】［］\n]/;
/** Longest note read (characters between its brackets). */
const NOTE_MAX = 160;
/** Separators of the note's unit list. */
const LIST_SEPARATOR = /[、，,]/;

/** Role verbs and convention phrases a note ends with (longest first), from the role grammar. */
let endings: string[] | undefined;
function noteEndings(): string[] {
  if (endings) return endings;
  const g = loadRoleGrammar();
  const convention = g.firstListedLeads.phrases.flatMap((p) => [
    p,
    ...g.firstListedLeads.carryOver.flatMap((c) => [`${p}，${c}`, `${p},${c}`]),
  ]);
  const verbs = g.verbs.map((v) => v.text);
  endings = [...verbs, ...verbs.flatMap((v) => convention.map((c) => `${v}。${c}`))].sort(
    (a, b) => b.length - a.length,
  );
  return endings;
}

/** A role note that ends a paragraph, in raw offsets. */
export interface RoleNote {
  /** The opener (a parenthesis or a look-alike). */
  open: number;
  /** The closer, or -1 when the paragraph ends without one. */
  close: number;
  /** The end of the note's content (its last character but blanks, plus one). */
  end: number;
  /** The unit list: from after the opener to the end of its last unit (before 等 and the role verb). */
  listStart: number;
  listEnd: number;
}

/** The note that ends the line `line` starting at `at`, if one is there; offsets in raw. */
function noteAtEnd(line: string, at: number, knownUnits: ReadonlySet<string>): RoleNote | undefined {
  // OCR text holds spaces anywhere (等负责 ), 。): they are passed over.
  let end = line.trimEnd().length;
  if (line[end - 1] === '。') end = line.slice(0, end - 1).trimEnd().length;
  let close = -1;
  if (CLOSERS.includes(line[end - 1] ?? '')) {
    close = end - 1;
    end = line.slice(0, close).trimEnd().length;
  }
  // The opener: the last opener-like character before the end, within NOTE_MAX.
  const from = Math.max(0, end - NOTE_MAX - 1);
  let open = -1;
  for (let k = end - 1; k >= from && open < 0; k--) if (OPENERS.includes(line[k]!)) open = k;
  if (open < 0 || !SENTENCE_END.test(line.slice(0, open))) return undefined;
  const list = unitList(line.slice(open + 1, end), knownUnits);
  if (list === undefined) return undefined;
  return {
    open: at + open,
    close: close < 0 ? -1 : at + close,
    end: at + end,
    listStart: at + open + 1,
    listEnd: at + open + 1 + list,
  };
}

/** `text` without spaces (OCR puts them between any two characters). */
const compact = (text: string): string => text.replace(/\s+/g, '');

/**
 * When `content` (between a note's brackets) reads as a role note (a role verb last, a list of units before it of
 * which one at least is known), the length of its unit list in `content` (up to its last unit: before 等 and the
 * verb); undefined otherwise.
 */
function unitList(content: string, knownUnits: ReadonlySet<string>): number | undefined {
  const text = compact(content);
  const ending = noteEndings().find((e) => text.endsWith(e));
  if (ending === undefined) return undefined;
  let body = text.slice(0, text.length - ending.length);
  if (NOT_IN_NOTE.test(body)) return undefined;
  const tail = listTails().find((t) => body.endsWith(t));
  if (tail !== undefined) body = body.slice(0, body.length - tail.length);
  if (!body.split(LIST_SEPARATOR).some((item) => knownUnits.has(item))) return undefined;
  // The list's end in `content`, blanks counted: after its body.length-th character that is no blank.
  let seen = 0;
  let k = 0;
  for (; k < content.length && seen < body.length; k++) if (!/\s/.test(content[k]!)) seen++;
  return k;
}

/** The list tails of the role grammar (等部门, 等), longest first. */
let tails: string[] | undefined;
const listTails = (): string[] =>
  (tails ??= [...loadRoleGrammar().listTails].sort((a, b) => b.length - a.length));

/**
 * The role notes that end a paragraph (a line of the text the rules read) and whose brackets may be damaged: after
 * a sentence end, with a role verb last and a known unit in the list.
 */
export const roleNotes = perText((raw: string, ctx: RuleContext): readonly RoleNote[] => {
  const notes: RoleNote[] = [];
  let lineStart = 0;
  while (lineStart < raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    const note = noteAtEnd(raw.slice(lineStart, lineEnd), lineStart, ctx.knownUnits);
    if (note) notes.push(note);
    lineStart = lineEnd + 1;
  }
  return notes;
});

/** Proposes the parentheses of role notes whose brackets OCR damaged. */
export function roleNote(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const fullWidth = countOf(raw, '（') > countOf(raw, '(');
  for (const note of roleNotes(raw, ctx)) {
    const opener = raw[note.open]!;
    const closer = note.close >= 0 ? raw[note.close]! : '';
    if ((opener === '(' && closer === HALF_CLOSE) || (opener === '（' && closer === FULL_CLOSE)) continue;
    const full = closer === FULL_CLOSE || (closer !== HALF_CLOSE && (opener === '（' || fullWidth));
    const [open, close] = full ? ['（', FULL_CLOSE] : ['(', HALF_CLOSE];
    if (opener !== open) proposals.push({ start: note.open, end: note.open + 1, text: open, ruleId });
    const at = note.close >= 0 ? note.close : note.end;
    if (closer !== close) proposals.push({ start: at, end: at + (closer ? 1 : 0), text: close, ruleId });
  }
  return { proposals, diagnostics: [] };
}

/** How many times `ch` occurs in `text`. */
function countOf(text: string, ch: string): number {
  let n = 0;
  for (let k = text.indexOf(ch); k >= 0; k = text.indexOf(ch, k + 1)) n++;
  return n;
}
