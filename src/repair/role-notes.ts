/**
 * Built-in rule role-note: the brackets of a role note that closes a task paragraph, as State Council notices close
 * one ("…持续提升创新能力。（工业和信息化部、发展改革委等负责）"), where OCR damaged them: the opener read as a
 * look-alike ("〔农业农村部、财政部等负责)", "〈…等负责)"), the closer read as one ("…等负责〕") or lost ("…等负责" at
 * the paragraph's end). Without both brackets the extract stage reads no note, and the task loses its units.
 *
 * A note is read only on all of this evidence: it runs to the end of its paragraph (a closing 。 aside); a sentence
 * end stands before it; it holds no sentence end or other bracket; its first list item is a unit the gazetteer knows;
 * and it ends with a role verb of grammars/roles.json (负责, 牵头, 配合…) or with the first-listed convention
 * (列第一位者为牵头单位，下同). Where the regex rules angle-paren and double-angle-paren read the same opener, both
 * propose the same edit (one is applied).
 */
import { loadRoleGrammar } from '../extract/roles-grammar.js';
import type { Proposal } from './fixer.js';
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

/** The note's content read from a line's end: where its opener is, and its closer (or none). */
interface Note {
  open: number;
  /** Index of the closer, or -1 when the paragraph ends without one. */
  close: number;
  content: string;
}

/** The note that ends `line` (offsets in the line), if one looks like it. */
function noteAtEnd(line: string): Note | undefined {
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
  for (let k = end - 1; k >= from; k--) {
    if (OPENERS.includes(line[k]!)) {
      open = k;
      break;
    }
  }
  if (open < 0) return undefined;
  const content = line.slice(open + 1, end);
  return { open, close, content };
}

/** `text` without spaces (OCR puts them between any two characters). */
const compact = (text: string): string => text.replace(/\s+/g, '');

/** True when `content` (between a note's brackets) reads as a role note: a known unit first, a role verb last. */
function isRoleNote(content: string, knownUnits: ReadonlySet<string>): boolean {
  const text = compact(content);
  const ending = noteEndings().find((e) => text.endsWith(e));
  if (ending === undefined) return false;
  const body = text.slice(0, text.length - ending.length);
  // Everything before the convention sentence is the unit list (列第一位者… follows 。 inside the note).
  if (NOT_IN_NOTE.test(body)) return false;
  const first = body.split(LIST_SEPARATOR)[0]!;
  return knownUnits.has(first) || knownUnits.has(first.replace(/等$/, ''));
}

/** Proposes the parentheses of role notes whose brackets OCR damaged. */
export function roleNote(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const fullWidth = countOf(raw, '（') > countOf(raw, '(');
  let lineStart = 0;
  while (lineStart < raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    const line = raw.slice(lineStart, lineEnd);
    const note = noteAtEnd(line);
    if (note) {
      const opener = line[note.open]!;
      const closer = note.close >= 0 ? line[note.close]! : '';
      const intact = (opener === '(' && closer === HALF_CLOSE) || (opener === '（' && closer === FULL_CLOSE);
      if (
        !intact &&
        SENTENCE_END.test(line.slice(0, note.open)) &&
        isRoleNote(note.content, ctx.knownUnits)
      ) {
        const full = closer === FULL_CLOSE || (closer !== HALF_CLOSE && (opener === '（' || fullWidth));
        const [open, close] = full ? ['（', FULL_CLOSE] : ['(', HALF_CLOSE];
        const at = lineStart + note.open;
        if (opener !== open) proposals.push({ start: at, end: at + 1, text: open, ruleId });
        const closeAt = lineStart + (note.close >= 0 ? note.close : note.open + 1 + note.content.length);
        if (closer !== close)
          proposals.push({ start: closeAt, end: closeAt + (closer ? 1 : 0), text: close, ruleId });
      }
    }
    lineStart = lineEnd + 1;
  }
  return { proposals, diagnostics: [] };
}

/** How many times `ch` occurs in `text`. */
function countOf(text: string, ch: string): number {
  let n = 0;
  for (let k = text.indexOf(ch); k >= 0; k = text.indexOf(ch, k + 1)) n++;
  return n;
}
