/**
 * Built-in rules for characters OCR misread inside free text, where no grammar of the notice decides
 * (grammars/repair/misreads.yaml). They run only on a text that shows OCR damage (src/repair/index.ts).
 *
 * misread-word: a character that makes no word of the dictionary (jieba's, src/repair/words.ts) with its
 * neighbours is the character tesseract was seen to read it for (grammars/repair/misread-pairs.yaml, learned from
 * training sheets and never from a reading the evaluation scores; confusions.yaml) where that one makes a word ("进行调杏处理": 杏 for 查, 调查 a word). A look-alike glyph
 * (grammars/repair/glyph-neighbours.yaml, rendered from Noto Serif CJK) is a weaker candidate: only for a character
 * that may not stand as written, and only with a word of three characters or the vocabulary ("钦用水": 饮用水). A character that may stand as
 * written (a word by itself: 得, 度, 请; or one the notice writes inside other words) needs more: a word of three
 * characters or more ("固体度物": 固体废物), or the notice's own vocabulary (the corrected run, four characters or
 * more, occurs several times: "办公打" where "市委办公厅" occurs five times). A run the notice writes again, with a
 * character it writes in other words, may be a term the dictionary lacks (低氮改造): reported, not edited. Where
 * two characters have the same evidence the place is reported (misread-suspect) and nothing is edited.

 * rate-percent: a share (…率) cannot exceed 100%; "利用率达到1009%" is 100% with tesseract's 9 read out of the
 * % sign. Shares that may exceed 100 (增长率, 完成率 …, `openRates`) are left alone.
 */
import * as z from 'zod';
import type { Diagnostic } from '../graph/schema.js';
import { GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import type { Proposal } from './fixer.js';
import { confusions } from './places.js';
import type { RuleContext, RuleOutput } from './types.js';
import { dictionaryWords, isHan, MAX_WORD } from './words.js';

/** The grammar files, relative to grammars/. */
export const MISREADS_GRAMMAR = 'repair/misreads.yaml';
export const MISREAD_PAIRS_GRAMMAR = 'repair/misread-pairs.yaml';
export const GLYPHS_GRAMMAR = 'repair/glyph-neighbours.yaml';
/** Diagnostic code of the evidence of an edit. */
export const EVIDENCE_CODE = 'misread-evidence';
/** Diagnostic code of a place two readings could explain, or a share over 100% no reading explains. */
export const SUSPECT_CODE = 'misread-suspect';

const Char = z.string().refine((s) => [...s].length === 1, 'one character');
const MisreadsSchema = z.object({
  ocrEvidence: z.array(z.string()).min(1),
  minRun: z.number().int().min(2),
  minRepeats: z.number().int().min(2),
  rareAlone: z.number().int().positive(),
  openRates: z.array(z.string().regex(/率$/, 'a rate ends in 率')),
  rateReach: z.number().int().positive(),
  unreadable: z.array(Char).default([]),
});
const PairsSchema = z.object({
  pairs: z
    .array(z.object({ read: Char, printed: Char, seen: z.string().min(1) }))
    .refine((pairs) => pairs.every((p) => p.read !== p.printed), 'a pair reads a character for another one'),
  /** Ideographs tesseract writes before its misreading of one glyph (a glyph read as two: 豺 read 和对). */
  splits: z.array(z.object({ extra: Char, seen: z.string().min(1) })).default([]),
});

/** The misreads grammar. */
export type Misreads = z.infer<typeof MisreadsSchema>;

let grammar: Misreads | undefined;
/** Loads grammars/repair/misreads.yaml once. */
export function misreadsGrammar(): Misreads {
  grammar ??= loadGrammar(MISREADS_GRAMMAR, MisreadsSchema);
  return grammar;
}

let pairs: z.infer<typeof PairsSchema> | undefined;
const GlyphsSchema = z.object({ neighbours: z.record(Char, z.string().min(1)) });

let glyphs: z.infer<typeof GlyphsSchema> | undefined;
/** Loads grammars/repair/glyph-neighbours.yaml once. */
function glyphNeighbours(): z.infer<typeof GlyphsSchema> {
  glyphs ??= loadGrammar(GLYPHS_GRAMMAR, GlyphsSchema);
  return glyphs;
}

/** Loads grammars/repair/misread-pairs.yaml once. */
function misreadPairs(): z.infer<typeof PairsSchema> {
  if (pairs) return pairs;
  const data = loadGrammar(MISREAD_PAIRS_GRAMMAR, PairsSchema);
  const seen = new Set<string>();
  for (const p of data.pairs) {
    if (seen.has(p.read + p.printed))
      throw new GrammarError(MISREAD_PAIRS_GRAMMAR, `pair ${p.read}→${p.printed} twice`);
    seen.add(p.read + p.printed);
  }
  pairs = data;
  return pairs;
}

/**
 * Every confusion tesseract was seen to make, read for printed, with where it was seen: the pairs learned from the
 * training sheets (misread-pairs.yaml) and those of confusions.yaml (places and the grammars' words; `printed` may
 * be a Roman numeral there). No look-alike glyph: nobody saw tesseract confuse those.
 */
export function confusionPairs(): readonly { read: string; printed: string; seen: string }[] {
  return [
    ...misreadPairs().pairs,
    ...confusions().pairs,
    ...confusions().characters.filter((p) => p.printed !== ''),
  ];
}

/**
 * The ideographs tesseract was seen to write before its misreading of one printed glyph (豺 read 和对), learned from
 * the training sheets (misread-pairs.yaml `splits`), with where.
 */
export function splitExtras(): readonly { extra: string; seen: string }[] {
  return misreadPairs().splits;
}

/** Where a confusion of a read character for a printed one comes from. */
interface Source {
  /** Where the pair was seen, or how it was found. */
  seen: string;
  /** True for a pair found only among the glyph neighbours (grammars/repair/glyph-neighbours.yaml). */
  glyph: boolean;
}

/** The glyph neighbours' provenance. */
const GLYPH_SEEN = 'glyph neighbours in Noto Serif CJK, grammars/repair/glyph-neighbours.yaml';

/** The printed characters of each read one, with where the pair comes from. */
let byRead: Map<string, Map<string, Source>> | undefined;
function printedFor(read: string): ReadonlyMap<string, Source> | undefined {
  if (!byRead) {
    const index = new Map<string, Map<string, Source>>();
    const all = [
      ...misreadPairs().pairs,
      ...confusions().pairs,
      ...confusions().characters.filter((p) => p.printed.length === 1 && isHan(p.printed.charCodeAt(0))),
    ];
    const add = (read: string, printed: string, source: Source): void => {
      if (!isHan(read.charCodeAt(0)) || read === printed) return;
      const map = index.get(read) ?? new Map<string, Source>();
      if (!map.has(printed)) map.set(printed, source);
      index.set(read, map);
    };
    for (const p of all) add(p.read, p.printed, { seen: p.seen, glyph: false });
    // Glyph neighbours, both ways: 自 has 目 among its nearest, so 目 may be read for 自.
    for (const [char, near] of Object.entries(glyphNeighbours().neighbours))
      for (const other of near) {
        add(char, other, { seen: GLYPH_SEEN, glyph: true });
        add(other, char, { seen: GLYPH_SEEN, glyph: true });
      }
    byRead = index;
  }
  return byRead.get(read);
}

/** A run of ideographs of the text (single blanks between two of them left out), with their offsets. */
interface Run {
  text: string;
  offsets: number[];
}

/** True for the blank tesseract puts between two ideographs. */
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\u3000';

/** The runs of ideographs of `raw`; a single blank between two ideographs does not end a run. */
export function hanRuns(raw: string): Run[] {
  const runs: Run[] = [];
  let text = '';
  let offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (isHan(raw.charCodeAt(i))) {
      text += raw[i];
      offsets.push(i);
      continue;
    }
    if (isBlank(raw[i]) && text !== '' && i + 1 < raw.length && isHan(raw.charCodeAt(i + 1))) continue;
    if (text.length >= 2) runs.push({ text, offsets });
    text = '';
    offsets = [];
  }
  if (text.length >= 2) runs.push({ text, offsets });
  return runs;
}

/**
 * True when `text` shows the damage of a raw OCR reading: a proposal that changes it from a rule listed in
 * `ocrEvidence`. (Tesseract's spaced ideographs are no such sign: a proofread OCR text and a web page's copy have
 * as many blanks between ideographs as tesseract's own text, 5–60 a thousand.)
 */
export function showsOcr(text: string, proposals: readonly Proposal[]): boolean {
  const ids = new Set(misreadsGrammar().ocrEvidence);
  return proposals.some((p) => ids.has(p.ruleId) && text.slice(p.start, p.end) !== p.text);
}

/** True when some run of `text` holding index `at` is accepted by `has` (2..MAX_WORD characters, shortest first). */
function makesWord(text: string, at: number, has: (s: string) => boolean): boolean {
  for (let len = 2; len <= MAX_WORD && len <= text.length; len++)
    for (let start = Math.max(0, at - len + 1); start <= at && start + len <= text.length; start++)
      if (has(text.slice(start, start + len))) return true;
  return false;
}

/** The longest run of `text` holding index `at` that `has` accepts (2..MAX_WORD characters); 0 when none. */
function longestAt(text: string, at: number, has: (s: string) => boolean): number {
  for (let len = Math.min(MAX_WORD, text.length); len >= 2; len--)
    for (let start = Math.max(0, at - len + 1); start <= at && start + len <= text.length; start++)
      if (has(text.slice(start, start + len))) return len;
  return 0;
}

/**
 * The notice's vocabulary, asked lazily (most texts ask little of it): how often a run of ideographs occurs, and
 * whether a character stands inside some word of the dictionary somewhere in the notice.
 */
class Vocabulary {
  private readonly all: string;
  private readonly counts = new Map<string, number>();
  private readonly inWords = new Map<string, boolean>();
  constructor(
    runs: readonly Run[],
    private readonly isWord: (s: string) => boolean,
  ) {
    this.all = runs.map((r) => r.text).join('\n');
  }
  count(s: string): number {
    let n = this.counts.get(s);
    if (n === undefined) {
      n = 0;
      for (let at = this.all.indexOf(s); at >= 0; at = this.all.indexOf(s, at + 1)) n++;
      this.counts.set(s, n);
    }
    return n;
  }
  /** True when the notice writes `c` inside a word of the dictionary somewhere. */
  writesInWord(c: string): boolean {
    let yes = this.inWords.get(c);
    if (yes === undefined) {
      yes = false;
      for (let at = this.all.indexOf(c); at >= 0 && !yes; at = this.all.indexOf(c, at + 1))
        yes = makesWord(this.all, at, this.isWord);
      this.inWords.set(c, yes);
    }
    return yes;
  }
}

/** What speaks for reading a character at a place. */
interface Reading {
  char: string;
  /** Where the confusion pair was seen. */
  pair: string;
  /** Longest dictionary word the reading makes there. */
  word: number;
  /** The longest run of the notice the reading makes there, and how often it occurs (0 when none counts). */
  run: string;
  repeats: number;
}

/** How strongly a reading is supported: the notice's vocabulary first, then the word's and the run's length. */
const strength = (r: Reading): number => (r.repeats > 0 ? 100 : 0) + 10 * r.word + r.run.length;

/** Proposes the reading the evidence supports for each character that makes no word; reports ties. */
export function misreadWord(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  const dictionary = dictionaryWords();
  if (!dictionary) return { proposals, diagnostics };
  const known = ctx.knownUnits;
  const isWord = (s: string): boolean => dictionary.words.has(s) || known.has(s);
  const { minRun, minRepeats, rareAlone } = misreadsGrammar();
  const runs = hanRuns(raw);
  const vocab = new Vocabulary(runs, isWord);
  // Whether a character may be read for another: a listed pair, or a glyph neighbour of one rare by itself.
  const mayBeMisread = new Map<string, boolean>();
  const misreadable = (c: string): boolean => {
    let yes = mayBeMisread.get(c);
    if (yes === undefined) {
      const sources = [...(printedFor(c)?.values() ?? [])];
      yes =
        sources.some((p) => !p.glyph) || (sources.length > 0 && (dictionary.single.get(c) ?? 0) < rareAlone);
      mayBeMisread.set(c, yes);
    }
    return yes;
  };
  // The places of such a character where the written one makes no word.
  const suspects: [Run, number][] = [];
  for (const run of runs)
    for (let at = 0; at < run.text.length; at++)
      if (misreadable(run.text[at]!) && !makesWord(run.text, at, isWord)) suspects.push([run, at]);
  // The runs as repaired so far: a character next to one read for another is judged beside the corrected one.
  const current = new Map<Run, string>();
  for (const [runOf, at0] of suspects) {
    const { offsets } = runOf;
    const whole = current.get(runOf) ?? runOf.text;
    // Every run that holds the character lies within MAX_WORD - 1 characters of it.
    const lo = Math.max(0, at0 - MAX_WORD + 1);
    const text = whole.slice(lo, at0 + MAX_WORD);
    const at = at0 - lo;
    const written = text[at]!;
    if (whole !== runOf.text && makesWord(text, at, isWord)) continue;
    const candidates = printedFor(written);
    if (!candidates) continue;
    const readings: Reading[] = [];
    // A character that is a word by itself, or that the notice writes inside other words, may stand as written:
    // then only a word of three characters or more, or the notice's own vocabulary, speaks for another.
    const plausible = (dictionary.single.get(written) ?? 0) >= rareAlone || vocab.writesInWord(written);
    // A glyph neighbour (no reading showed the pair) needs the same: a longer word or the vocabulary.
    for (const [char, source] of candidates) {
      // A glyph neighbour no reading showed is weaker: only for a character that may not stand as written.
      if (source.glyph && plausible) continue;
      const changed = text.slice(0, at) + char + text.slice(at + 1);
      const word = longestAt(changed, at, isWord);
      if (word < 2) continue;
      const { run, repeats } = repeatedRun(text, changed, at, vocab, minRun, minRepeats);
      if ((plausible || source.glyph) && word < 3 && repeats === 0) continue;
      readings.push({ char, word, run, repeats, pair: source.seen });
    }
    if (readings.length === 0) continue;
    readings.sort((a, b) => strength(b) - strength(a));
    const best = readings[0]!;
    const start = offsets[at0]!;
    const tied = readings.filter((r) => strength(r) === strength(best));
    // A run the notice writes again, with a character it writes inside other words, may be a term the dictionary
    // lacks (低氮改造): without the notice's vocabulary for the other reading it is only reported.
    const recurs =
      best.repeats === 0 && writtenRecurs(text, at, vocab, minRepeats) && vocab.writesInWord(written);
    if (tied.length > 1 || recurs) {
      diagnostics.push({
        code: SUSPECT_CODE,
        severity: 'info',
        message:
          `"${written}" makes no word here; it may be ${tied.map((r) => r.char).join(' or ')}` +
          (recurs ? ' (the notice writes it so again)' : ''),
        start,
        end: start + 1,
      });
      continue;
    }
    current.set(runOf, whole.slice(0, at0) + best.char + whole.slice(at0 + 1));
    proposals.push({ start, end: start + 1, text: best.char, ruleId });
    diagnostics.push({
      code: EVIDENCE_CODE,
      severity: 'info',
      message: `${written} read for ${best.char}: ${evidence(best)}`,
      start,
      end: start + 1,
    });
  }
  return { proposals, diagnostics };
}

/** True when a run of two characters or more holding `at` occurs `minRepeats` times or more in the notice. */
function writtenRecurs(text: string, at: number, vocab: Vocabulary, minRepeats: number): boolean {
  for (let start = Math.max(0, at - 1); start <= at && start + 2 <= text.length; start++)
    if (vocab.count(text.slice(start, start + 2)) >= minRepeats) return true;
  return false;
}

/** Words for the evidence of a reading. */
function evidence(r: Reading): string {
  const out = [
    r.pair === GLYPH_SEEN
      ? `a word of the dictionary, with a look-alike glyph (${r.pair})`
      : `a word of the dictionary, with a pair tesseract confuses (${r.pair})`,
  ];
  if (r.repeats > 0) out.push(`"${r.run}" occurs ${r.repeats} times in the notice`);
  return out.join('; ');
}

/**
 * The longest run of `changed` holding `at` that the notice writes at least `minRepeats` times and more often than
 * the written run there, `minRun` characters or more.
 */
function repeatedRun(
  text: string,
  changed: string,
  at: number,
  vocab: Vocabulary,
  minRun: number,
  minRepeats: number,
): { run: string; repeats: number } {
  for (let len = Math.min(MAX_WORD, text.length); len >= minRun; len--)
    for (let start = Math.max(0, at - len + 1); start <= at && start + len <= text.length; start++) {
      const run = changed.slice(start, start + len);
      const repeats = vocab.count(run);
      if (repeats < minRepeats) continue;
      if (repeats <= vocab.count(text.slice(start, start + len))) continue;
      return { run, repeats };
    }
  return { run: '', repeats: 0 };
}

/** A percentage: its digits, the sign. */
const PERCENT = /(\d+)(?:\.\d+)?[ \t]?[%％]/g;

/** Proposes N for each share over 100% written N9%, where N ≤ 100; reports one no reading explains. */
export function ratePercent(raw: string, ruleId: string): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  const { openRates, rateReach } = misreadsGrammar();
  for (const m of raw.matchAll(PERCENT)) {
    const digits = m[1]!;
    if (Number(m[0].replace(/[^\d.]/g, '')) <= 100) continue;
    if (m.index > 0 && /[\d.]/.test(raw[m.index - 1]!)) continue;
    // The sentence before the number must hold a share (…率) that is no open rate.
    let from = m.index;
    while (from > 0 && m.index - from < rateReach && !/[。；;,，\n]/.test(raw[from - 1]!)) from--;
    const before = raw.slice(from, m.index);
    const rate = before.lastIndexOf('率');
    if (rate < 0 || openRates.some((r) => before.slice(0, rate + 1).endsWith(r))) continue;
    const fixed = digits.slice(0, -1);
    if (digits.endsWith('9') && !m[0].includes('.') && fixed !== '' && Number(fixed) <= 100) {
      const start = m.index + digits.length - 1;
      proposals.push({ start, end: start + 1, text: '', ruleId });
      diagnostics.push({
        code: EVIDENCE_CODE,
        severity: 'info',
        message: `a share cannot exceed 100%: ${m[0]} read as ${fixed}% (tesseract reads a 9 out of the % sign)`,
        start: m.index,
        end: m.index + m[0].length,
      });
    } else {
      diagnostics.push({
        code: SUSPECT_CODE,
        severity: 'info',
        message: `a share cannot exceed 100%: ${m[0]}`,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  return { proposals, diagnostics };
}

registerGrammar(MISREADS_GRAMMAR, misreadsGrammar);
registerGrammar(MISREAD_PAIRS_GRAMMAR, misreadPairs);
registerGrammar(GLYPHS_GRAMMAR, glyphNeighbours);
