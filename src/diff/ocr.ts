/**
 * OCR variants (issue 12): when a side of the diff is an OCR reading, a difference that characters tesseract was
 * independently seen to confuse explain entirely, or a glyph it could not read, is set aside as an `ocr_variant`
 * (both readings and the evidence), not reported as a change.
 *
 * A side is an OCR reading when its graph's repairs show the damage of one (an edit of a rule that
 * grammars/repair/misreads.yaml `ocrEvidence` lists, or of a rule that runs on OCR text only). Two born-digital
 * notices are never compared this way: every difference between them stays a change.
 *
 * The evidence is the confusion pairs learned from training sheets (grammars/repair/misread-pairs.yaml) and those of
 * grammars/repair/confusions.yaml, read one way only (the OCR side's character read for the other side's), and the
 * glyphs misreads.yaml `unreadable` lists (| for a Roman numeral, □); and a glyph read as two, where the OCR side
 * has an ideograph tesseract was seen to write before its misreading of one glyph (misread-pairs.yaml `splits`:
 * 豺 read 和对) followed by a known misreading of the other side's glyph (千 read 和干). Look-alike glyphs nobody
 * saw tesseract confuse (glyph-neighbours.yaml) are no evidence here.
 */
import type { GraphNode, NoticeGraph } from '../graph/schema.js';
import { loadRepairGrammar } from '../repair/grammar.js';
import { confusionPairs, misreadsGrammar, splitExtras } from '../repair/misreads.js';
import { OCR_VARIANT_OF, type Change, type OcrVariant } from './schema.js';
import type { Holder, SidePlan } from './side.js';
import { normalizeText } from './text.js';
import { diffWords, hunks, tokenize, type TokenEquality } from './wording.js';

/** Which sides of a diff are OCR readings. */
export interface OcrSides {
  old: boolean;
  new: boolean;
}

/** True when a graph's repairs show the damage of a raw OCR reading. */
export function isOcrReading(graph: NoticeGraph): boolean {
  const ids = new Set(misreadsGrammar().ocrEvidence);
  for (const rule of loadRepairGrammar().rules) if (rule.spec.ocr) ids.add(rule.id);
  return graph.repairs.some((r) => ids.has(r.ruleId) && r.raw !== r.fixed);
}

/** One piece of evidence: `read` on the OCR side where the other side has `printed`. */
interface Evidence {
  read: string;
  printed: string;
  seen: string;
}

let pairIndex: Map<string, Evidence> | undefined;
const key = (read: string, printed: string) => `${read}\u0000${printed}`;
function pairOf(read: string, printed: string): Evidence | undefined {
  if (!pairIndex) {
    pairIndex = new Map();
    for (const p of confusionPairs())
      if (!pairIndex.has(key(p.read, p.printed))) pairIndex.set(key(p.read, p.printed), p);
  }
  return pairIndex.get(key(read, printed));
}

/** What explains one OCR token read for another: a confusion pair, or a glyph the OCR could not read. */
function explain(read: string, printed: string): Evidence | undefined {
  const pair = pairOf(read, printed);
  if (pair) return pair;
  if (misreadsGrammar().unreadable.includes(read))
    return {
      read,
      printed,
      seen: 'a glyph the OCR could not read (grammars/repair/misreads.yaml unreadable)',
    };
  return undefined;
}

let splitIndex: Map<string, string> | undefined;
/** Where tesseract was seen to write `extra` before its misreading of one glyph, or undefined. */
function splitOf(extra: string): string | undefined {
  splitIndex ??= new Map(splitExtras().map((s) => [s.extra, s.seen]));
  return splitIndex.get(extra);
}

/**
 * The evidence that explains reading `olds` as `news` token for token (the same tokens, or an OCR side's token
 * explained for the other side's, or two OCR tokens for one glyph: a split extra and a known misreading of it), or
 * null when some token is unexplained or left over.
 */
function explainTokens(olds: readonly string[], news: readonly string[], sides: OcrSides): Evidence[] | null {
  const used: Evidence[] = [];
  let i = 0;
  let j = 0;
  // One glyph `printed` read as `extra` and `read`, with the evidence of both.
  const split = (extra: string | undefined, read: string | undefined, printed: string): Evidence[] | null => {
    const seen = extra === undefined ? undefined : splitOf(extra);
    const pair = read === undefined ? undefined : pairOf(read, printed);
    if (seen === undefined || pair === undefined) return null;
    return [{ read: `${extra}${read}`, printed, seen: `${extra}: ${seen}` }, pair];
  };
  while (i < olds.length && j < news.length) {
    const a = olds[i] as string;
    const b = news[j] as string;
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const e = (sides.new ? explain(b, a) : undefined) ?? (sides.old ? explain(a, b) : undefined);
    if (e) {
      used.push(e);
      i++;
      j++;
      continue;
    }
    const twoNew = sides.new ? split(b, news[j + 1], a) : null;
    const twoOld = twoNew ? null : sides.old ? split(a, olds[i + 1], b) : null;
    if (twoNew) {
      used.push(...twoNew);
      i += 1;
      j += 2;
    } else if (twoOld) {
      used.push(...twoOld);
      i += 2;
      j += 1;
    } else return null;
  }
  return i === olds.length && j === news.length ? used : null;
}

const CONTENT = /[\p{L}\p{N}]/u;

/**
 * The evidence that explains every difference of the word diff of `a` and `b` (each changed run, its old and new
 * tokens read one for one; runs of punctuation alone left out), or null when some run is unexplained or none
 * differs.
 */
function explained(a: string, b: string, sides: OcrSides, same: TokenEquality): Evidence[] | null {
  const used: Evidence[] = [];
  for (const { old, neu } of hunks(diffWords(a, b, same))) {
    if (!CONTENT.test(old + neu)) continue;
    const e = explainTokens(tokenize(old), tokenize(neu), sides);
    if (!e) return null;
    used.push(...e);
  }
  return used.length > 0 ? used : null;
}

/** The window of `within` (tokens) that reads as `fact`, with the evidence; null when none needs and has some. */
function findWindow(
  fact: string,
  within: readonly string[],
  factIsOld: boolean,
  sides: OcrSides,
): { text: string; used: Evidence[] } | null {
  const f = tokenize(fact);
  if (f.length === 0) return null;
  // A window one token longer may read a glyph as two.
  for (const length of [f.length, f.length + 1])
    for (let i = 0; i + length <= within.length; i++) {
      const w = within.slice(i, i + length);
      const used = factIsOld ? explainTokens(f, w, sides) : explainTokens(w, f, sides);
      if (used && used.length > 0) return { text: w.join(''), used };
    }
  return null;
}

/** The holders of a pair of aligned plans, by path ('' for the plan itself), and the texts of each plan. */
export interface PlanPair {
  o: SidePlan;
  n: SidePlan;
  /** The texts of every node of each side's plan (the plan's paragraphs hold facts of the plan itself). */
  oldTexts: string[];
  newTexts: string[];
}

/** The texts of the nodes of a graph, by plan id. */
export function planTexts(graph: NoticeGraph, planIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(planIds.map((id) => [id, []]));
  const textOf = (n: GraphNode): string | undefined =>
    'text' in n && typeof n.text === 'string' && n.type !== 'target' && n.type !== 'deadline'
      ? n.text
      : undefined;
  for (const node of graph.nodes) {
    const text = textOf(node);
    if (text === undefined) continue;
    const plan = planIds.find(
      (id) => node.id === id || node.id.startsWith(`${id}/`) || node.id.startsWith(`${id}#`),
    );
    if (plan !== undefined) out.get(plan)?.push(normalizeText(text));
  }
  return out;
}

const holderAt = (p: SidePlan, path: string | undefined): Holder | undefined =>
  path === undefined || path === ''
    ? p.self
    : (p.tasks.find((h) => h.path === path) ?? p.sections.find((h) => h.path === path));

const uniq = (used: Evidence[]): Evidence[] => {
  const seen = new Set<string>();
  return used.filter((e) => !seen.has(key(e.read, e.printed)) && seen.add(key(e.read, e.printed)));
};

/** A fact's text on its holder: the target or deadline node the change names. */
function factText(h: Holder, c: Change, side: 'old' | 'new'): string | undefined {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  switch (c.kind) {
    case 'target_added':
    case 'target_removed':
    case 'target_changed': {
      const f = c.kind === 'target_changed' ? (side === 'old' ? c.old : c.new) : c.target;
      return h.targets.find(
        (t) => t.comparator === f.comparator && same(t.value, f.value) && t.unit === f.unit,
      )?.text;
    }
    case 'deadline_added':
    case 'deadline_removed':
    case 'deadline_changed': {
      const d = c.kind === 'deadline_changed' ? (side === 'old' ? c.old : c.new) : c.deadline;
      return h.deadlines.find((x) => (x.date ?? x.text) === d)?.text;
    }
    default:
      return undefined;
  }
}

/**
 * The OCR variant a change is, or null when the evidence does not explain it entirely. `same` is the diff's token
 * equality (the year shift).
 */
export function asOcrVariant(
  c: Change,
  pair: PlanPair,
  sides: OcrSides,
  same: TokenEquality,
): OcrVariant | null {
  if (!(OCR_VARIANT_OF as readonly string[]).includes(c.kind)) return null;
  const o = holderAt(pair.o, c.oldPath);
  const n = holderAt(pair.n, c.newPath);
  if (!o || !n) return null;
  const place = {
    plan: c.plan,
    ...(c.oldPath !== undefined ? { oldPath: c.oldPath } : {}),
    ...(c.newPath !== undefined ? { newPath: c.newPath } : {}),
    confidence: c.confidence,
  };
  const of = c.kind as OcrVariant['of'];
  if (c.kind === 'wording_changed') {
    // The whole texts, facts included: every difference must be explained, not only the wording's.
    const used = explained(o.plain, n.plain, sides, same);
    if (!used) return null;
    const readings = (c.phrases ?? []).map((p) => ({ old: p.old, new: p.new }));
    return {
      kind: 'ocr_variant',
      ...place,
      of,
      readings: readings.length ? readings : [{ old: o.text, new: n.text }],
      evidence: uniq(used),
      ...(c.phrases ? { phrases: c.phrases } : {}),
    };
  }
  if (c.kind === 'target_changed' || c.kind === 'deadline_changed') {
    const a = factText(o, c, 'old');
    const b = factText(n, c, 'new');
    const used =
      a !== undefined && b !== undefined ? explained(normalizeText(a), normalizeText(b), sides, same) : null;
    if (!used || a === undefined || b === undefined) return null;
    return { kind: 'ocr_variant', ...place, of, readings: [{ old: a, new: b }], evidence: uniq(used) };
  }
  // A fact on one side only: the other side's text must hold it as read (its holder, or for a plan's own fact
  // any text of the plan).
  const removed = c.kind === 'target_removed' || c.kind === 'deadline_removed';
  const text = factText(removed ? o : n, c, removed ? 'old' : 'new');
  if (text === undefined) return null;
  const other = removed ? n : o;
  const texts = other.kind === 'plan' ? (removed ? pair.newTexts : pair.oldTexts) : [other.plain];
  for (const t of texts) {
    const hit = findWindow(normalizeText(text), tokenize(t), removed, sides);
    if (hit)
      return {
        kind: 'ocr_variant',
        ...place,
        of,
        readings: [removed ? { old: text, new: hit.text } : { old: hit.text, new: text }],
        evidence: uniq(hit.used),
      };
  }
  return null;
}
