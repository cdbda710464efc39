/**
 * Built-in rule: OCR confusions in the words of the notice grammar, decided by that grammar. A character tesseract
 * was seen to read for another (grammars/repair/confusions.yaml `characters`: 干 for 千, 未 for 末, 川 for III, a
 * Latin L read into a number) is that other one only where the other reading is a fact of a grammar and the
 * written one is none:
 * - a target (grammars/targets.yaml) whose span holds it: a measure unit after a number ("200亿干瓦时" → 千瓦时),
 *   a class ("达到川类" → III类);
 * - a deadline (grammars/deadlines.yaml) that holds it and goes on past it ("每季度未月的25日前" → 末月, "1L1月底前"
 *   → 11月底前), so that "年未完成" stays;
 * - a role line's note (grammars/roles.json `notes`) at the end of a listed unit ("依职责分别这头" → 分别牵头), also
 *   when the note's tail was wrapped onto a line of its own ("依职责↵这头": the line break goes too).
 * A note of five characters or more is read through one character no pair names ("依职责分别替头" → 分别牵头) when the
 * unit before it is known, the form is no note itself and exactly one note lies one character from it: four
 * characters of the grammar's own phrase, in order, at the end of a role line's unit, are the evidence.
 * Two readings that both hold are reported, not edited; every edit carries an info diagnostic naming its evidence.
 */
import type { Diagnostic } from '../graph/schema.js';
import { extractDeadlines } from '../extract/deadlines.js';
import { loadRoleGrammar } from '../extract/roles-grammar.js';
import { extractTargets } from '../extract/targets.js';
import type { Proposal } from './fixer.js';
import { confusions } from './places.js';
import { isListSeparator, labelFor, roleLines } from './roles.js';
import type { RuleContext, RuleOutput } from './types.js';

/** Diagnostic code of the evidence of an edit. */
export const EVIDENCE_CODE = 'confusion-evidence';
/** Diagnostic code of a character two readings could explain. */
export const AMBIGUOUS_CODE = 'confusion-suspect';
/** Characters of context read on each side of a character (a target or a deadline is shorter). */
export const WINDOW = 16;
/** Longest line that may hold only the wrapped tail of a role note ("率头"). */
export const MAX_NOTE_TAIL = 6;

/** A confusion: the character read, what was printed ("" for a glyph read into the text), the evidence. */
interface Pair {
  read: string;
  printed: string;
  seen: string;
}

/** Adds `value` to the list of `key` in `map`. */
function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The pairs by the character read. */
let byRead: Map<string, Pair[]> | undefined;
function pairsByRead(): Map<string, Pair[]> {
  if (byRead) return byRead;
  byRead = new Map();
  for (const p of confusions().characters) addTo(byRead, p.read, p);
  return byRead;
}

/** Which grammar a reading satisfies at a place of a text. */
type Evidence = 'target' | 'deadline';

/** The paragraph around `at`, at most WINDOW characters on each side: [start, end). */
function windowAround(raw: string, at: number): [number, number] {
  let a = at;
  while (a > 0 && at - a < WINDOW && raw[a - 1] !== '\n') a--;
  let b = at + 1;
  while (b < raw.length && b - at <= WINDOW && raw[b] !== '\n') b++;
  return [a, b];
}

/** True when a hit [start, end) holds the character at `pos` (`len` characters; 0 for one removed). */
const holds = (h: { start: number; end: number }, pos: number, len: number): boolean =>
  len === 0 ? h.start < pos && pos < h.end : h.start <= pos && pos + len <= h.end;

/** The grammar facts the text `s` has at `pos` (`len` characters there). */
function factsAt(s: string, pos: number, len: number): Evidence[] {
  const out: Evidence[] = [];
  if (extractTargets(s).some((h) => holds(h, pos, len))) out.push('target');
  // A deadline must go on past the character: "年末前", "末月的25日前"; "年末" then a verb is "年未完成".
  if (extractDeadlines(s, { year: null }).some((h) => holds(h, pos, len) && h.end > pos + Math.max(len, 1)))
    out.push('deadline');
  return out;
}

/** The readings of the character at `at` that a grammar confirms and the written one does not. */
function confirmed(raw: string, at: number, pairs: readonly Pair[]): { pair: Pair; evidence: Evidence }[] {
  const [a, b] = windowAround(raw, at);
  // The paragraph around it without the spaces an OCR layer puts between glyphs ("200 亿干瓦时").
  let written = '';
  let pos = -1;
  for (let i = a; i < b; i++) {
    if (i === at) pos = written.length;
    if (raw[i] !== ' ' || i === at) written += raw[i];
  }
  const before = factsAt(written, pos, 1);
  const out: { pair: Pair; evidence: Evidence }[] = [];
  for (const pair of pairs) {
    const text = written.slice(0, pos) + pair.printed + written.slice(pos + 1);
    const evidence = factsAt(text, pos, pair.printed.length).find((e) => !before.includes(e));
    if (evidence) out.push({ pair, evidence });
  }
  return out;
}

/** A misread form of a role note: the note, and where the misread character stands in it. */
interface NoteForm {
  note: string;
  at: number;
  pair: Pair;
}

/** Every role note of grammars/roles.json with one character read as a listed confusion, by the misread form. */
let noteForms: Map<string, NoteForm[]> | undefined;
function misreadNotes(): Map<string, NoteForm[]> {
  if (noteForms) return noteForms;
  noteForms = new Map();
  const notes = loadRoleGrammar().notes;
  for (const note of notes)
    for (let at = 0; at < note.length; at++)
      for (const pair of confusions().characters) {
        if (pair.printed !== note[at]) continue;
        const form = note.slice(0, at) + pair.read + note.slice(at + 1);
        if (!notes.includes(form)) addTo(noteForms, form, { note, at, pair });
      }
  return noteForms;
}

/** The misread note `text` ends with, when exactly one note explains it. */
function noteEnding(text: string): { form: string; fix: NoteForm } | undefined {
  for (const [form, fixes] of misreadNotes())
    if (text.endsWith(form) && new Set(fixes.map((f) => f.note)).size === 1) return { form, fix: fixes[0]! };
  return undefined;
}

/** Shortest note read through one character no confusion pair names. */
export const MIN_LOOSE_NOTE = 5;
/** What a note read through an unlisted character was seen as: the grammar's phrase, not a pair. */
const LOOSE_SEEN = 'the rest of the phrase, in order, after a known unit';

/**
 * The note `text` ends with when one of its characters (not the first) is any other ideograph, exactly one note
 * of MIN_LOOSE_NOTE characters or more explains it, and the text before it is a known unit.
 */
function looseNoteEnding(
  text: string,
  known: ReadonlySet<string>,
): { form: string; fix: NoteForm } | undefined {
  const notes = loadRoleGrammar().notes;
  let found: { form: string; fix: NoteForm } | undefined;
  for (const note of notes) {
    if (note.length < MIN_LOOSE_NOTE || text.length <= note.length) continue;
    const form = text.slice(-note.length);
    if (notes.includes(form) || !known.has(text.slice(0, -note.length))) continue;
    let at = -1;
    let off = 0;
    for (let i = 0; i < note.length; i++)
      if (form[i] !== note[i]) {
        off++;
        at = i;
      }
    if (off !== 1 || at === 0 || !/[\u4e00-\u9fff]/.test(form[at]!)) continue;
    if (found && found.fix.note !== note) return undefined;
    found = { form, fix: { note, at, pair: { read: form[at]!, printed: note[at]!, seen: LOOSE_SEEN } } };
  }
  return found;
}

/** Proposes the grammar's reading for each confused character it confirms; reports those two readings fit. */
export function grammarConfusion(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [read, pairs] of pairsByRead()) {
    for (let at = raw.indexOf(read); at >= 0; at = raw.indexOf(read, at + 1)) {
      const found = confirmed(raw, at, pairs);
      if (found.length === 1) {
        const { pair, evidence } = found[0]!;
        proposals.push({ start: at, end: at + 1, text: pair.printed, ruleId });
        diagnostics.push(evidenceOf(at, pair, `a ${evidence} of the grammar`));
      } else if (found.length > 1) {
        diagnostics.push({
          code: AMBIGUOUS_CODE,
          severity: 'info',
          message: `"${read}" may be ${found.map((f) => f.pair.printed || 'nothing').join(' or ')}`,
          start: at,
          end: at + 1,
        });
      }
    }
  }
  roleNotes(raw, ruleId, ctx, proposals, diagnostics);
  return { proposals, diagnostics };
}

/** The info diagnostic that names an edit's evidence. */
function evidenceOf(at: number, pair: Pair, what: string): Diagnostic {
  return {
    code: EVIDENCE_CODE,
    severity: 'info',
    message: `${pair.read} read as ${pair.printed || 'nothing'}: ${what} (${pair.seen})`,
    start: at,
    end: at + 1,
  };
}

/** The note `text` ends with, intact or misread (then the character to fix), when exactly one note explains it. */
function noteAtEnd(text: string, known: ReadonlySet<string>): { length: number; fix?: NoteForm } | undefined {
  const intact = loadRoleGrammar().notes.find((note) => text.endsWith(note));
  if (intact) return { length: intact.length };
  const misread = noteEnding(text) ?? looseNoteEnding(text, known);
  return misread ? { length: misread.form.length, fix: misread.fix } : undefined;
}

/** Shortest start of a note that may stand for the whole note cut short. */
export const MIN_CUT_NOTE = 4;

/** The proper starts of the notes (MIN_CUT_NOTE characters or more, no note or manner itself), by the one note or notes they start. */
let noteStarts: { starts: Map<string, string[]>; longest: number } | undefined;
function cutStarts(): { starts: Map<string, string[]>; longest: number } {
  if (noteStarts) return noteStarts;
  const { notes, manners } = loadRoleGrammar();
  const starts = new Map<string, string[]>();
  let longest = 0;
  for (const note of notes)
    for (let len = MIN_CUT_NOTE; len < note.length; len++) {
      const start = note.slice(0, len);
      if (notes.includes(start) || manners.includes(start)) continue;
      addTo(starts, start, note);
      longest = Math.max(longest, len);
    }
  noteStarts = { starts, longest };
  return noteStarts;
}

/**
 * The note `text` ends with cut short: a known unit, then the first MIN_CUT_NOTE characters or more of exactly one
 * note (no note or manner itself), so that the rest of that note was lost ("市农委依职责分": 依职责分别牵头).
 */
function cutNote(
  text: string,
  known: ReadonlySet<string>,
): { prefix: string; note: string; rest: string } | undefined {
  const { starts, longest } = cutStarts();
  for (let len = Math.min(text.length - 1, longest); len >= MIN_CUT_NOTE; len--) {
    const prefix = text.slice(-len);
    const notes = starts.get(prefix);
    if (!notes || !known.has(text.slice(0, -len))) continue;
    const unique = [...new Set(notes)];
    return unique.length === 1 ? { prefix, note: unique[0]!, rest: unique[0]!.slice(len) } : undefined;
  }
  return undefined;
}

/** A label token before a colon inside a role line's list. */
const RUN_IN = /([\u4e00-\u9fff]{4})[ \t\u3000]*[:：]/g;

/** Where a role label (possibly damaged) run into a role line's list starts, if one is. */
function runInLabel(list: string, ctx: RuleContext): number | undefined {
  for (const m of list.matchAll(RUN_IN)) if (labelFor(m[1]!, ctx.lexicon) !== undefined) return m.index;
  return undefined;
}

/** A line of a few Han characters only: what may be a role note's wrapped tail. */
const NOTE_TAIL = new RegExp(`^[\\u4e00-\\u9fff]{1,${MAX_NOTE_TAIL}}$`);

/** Role notes misread at the end of a listed unit, and a note's tail wrapped onto a short line of its own. */
function roleNotes(
  raw: string,
  ruleId: string,
  ctx: RuleContext,
  proposals: Proposal[],
  diagnostics: Diagnostic[],
): void {
  for (const line of roleLines(raw, ctx)) {
    const whole = raw.slice(line.listStart, line.listEnd);
    // A second role line run into this one ("…依职责分别替头责任单位:…") ends the list.
    const runIn = runInLabel(whole, ctx);
    const list = runIn === undefined ? whole : whole.slice(0, runIn);
    const next = line.listEnd + 1;
    const nextEnd = next > raw.length ? -1 : raw.indexOf('\n', next);
    const nextLine = next > raw.length ? '' : raw.slice(next, nextEnd < 0 ? raw.length : nextEnd);
    const wrapped = runIn === undefined && NOTE_TAIL.test(nextLine) ? nextLine : '';
    const joined = list + wrapped;
    // Raw offset of a character of `joined`.
    const offset = (i: number) => (i < list.length ? line.listStart + i : next + i - list.length);
    let itemEnd = joined.length;
    while (itemEnd > 0 && /[。.\s]/.test(joined[itemEnd - 1]!)) itemEnd--;
    const lastEnd = itemEnd;
    for (let k = itemEnd - 1; k >= -1; k--) {
      if (k >= 0 && !isListSeparator(joined.charCodeAt(k))) continue;
      const item = joined.slice(k + 1, itemEnd);
      const last = itemEnd === lastEnd;
      itemEnd = k;
      const hit = noteAtEnd(item, ctx.knownUnits);
      // The list's last item cut short inside its note, nothing of it on the next line: the note's rest goes back.
      const cut =
        !hit && last && wrapped === '' && runIn === undefined ? cutNote(item, ctx.knownUnits) : undefined;
      if (cut) {
        const at = offset(k + 1 + item.length - 1) + 1;
        proposals.push({ start: at, end: at, text: cut.rest, ruleId });
        diagnostics.push({
          code: EVIDENCE_CODE,
          severity: 'info',
          message: `"${cut.prefix}" read as ${cut.note}: the role note of grammars/roles.json cut short at the end of the list, after a known unit`,
          start: at - cut.prefix.length,
          end: at,
        });
      }
      // Only a note after a unit, and a wrapped line only when the note runs across the break.
      if (!hit || item.length <= hit.length) continue;
      const noteStart = k + 1 + item.length - hit.length;
      const acrossBreak = wrapped !== '' && noteStart < list.length && k + 1 + item.length > list.length;
      if (wrapped !== '' && k + 1 + item.length > list.length && !acrossBreak) continue;
      if (acrossBreak) proposals.push({ start: line.listEnd, end: next, text: '', ruleId });
      if (hit.fix) {
        const at = offset(noteStart + hit.fix.at);
        proposals.push({ start: at, end: at + 1, text: hit.fix.pair.printed, ruleId });
        diagnostics.push(
          evidenceOf(at, hit.fix.pair, `the role note ${hit.fix.note} of grammars/roles.json`),
        );
      }
    }
  }
}
