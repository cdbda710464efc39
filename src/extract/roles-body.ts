/**
 * The unit list after a role label ("市资源规划局、市生态环境局依职责分别牵头"), as mentions: units with their notes,
 * per-unit roles ("市发展改革委(牵头)") and the inheritance bracket ("[以下…均为责任单位,不再列出]").
 * Works on compacted text (see units-text.ts) and reports offsets in the original.
 */
import type { Role } from '../graph/schema.js';
import type { RoleGrammar, RolePhrase } from './roles-grammar.js';
import {
  CLOSE_BRACKETS,
  OPEN_BRACKETS,
  splitConjoined,
  splitOutsideBrackets,
  type Chunk,
  type UnitSpan,
} from './units.js';
import { guessKind, type Gazetteer } from './units-gazetteer.js';
import { originalSpan, type CompactText } from './units-text.js';

/** A unit of a role mention; `note` is the manner phrase written after its group (依职责分别牵头 …). */
export interface UnitMention extends UnitSpan {
  note?: string;
}

/** A rule that makes units hold a role for every later task ("以下…均为责任单位,不再列出"). */
export interface InheritRule {
  role: Role;
  units: UnitSpan[];
}

/** One role given to a list of units, with the range of the label (or verb) and list in the text. */
export interface RoleMention {
  role: Role;
  /** The label or verb as the grammar writes it: 牵头单位, 责任单位, 牵头, 参与, 负责 … */
  label: string;
  start: number;
  end: number;
  units: UnitMention[];
  /** The distinct notes of the units, joined by "；". */
  note?: string;
  inheritRule?: InheritRule;
}

/** Punctuation dropped at the end of a unit list. */
const TRAILING_PUNCTUATION = '。.;；,，、:：';
/** Separators between groups of a list; a note ends a group ("A、B按职责分工推进,C负责落实"). */
const GROUP_SEPARATORS = ',，;；';
/** The separator between the units of a group. */
const ITEM_SEPARATOR = '、';
/** Both kinds of separators of a unit list. */
const LIST_SEPARATORS = GROUP_SEPARATORS + ITEM_SEPARATOR;
/** Ends the first clause of an inheritance bracket ("…均为责任单位,不再列出"). */
const CLAUSE_SEPARATORS = ',，;；。';
/** Joins the notes of one mention. */
const NOTE_JOINER = '；';

interface BodyUnit extends UnitMention {
  override?: RolePhrase;
}

/** The longest phrase (of a list sorted longest first) ending at `end` and starting at or after `start`. */
export function phraseBefore<T extends string | RolePhrase>(
  list: readonly T[],
  t: string,
  start: number,
  end: number,
): T | undefined {
  return phraseWithin(list, t, start, end, 'end');
}

/** The longest phrase (of a list sorted longest first) starting at `start` and ending at or before `end`. */
export function phraseAfter<T extends string | RolePhrase>(
  list: readonly T[],
  t: string,
  start: number,
  end: number,
): T | undefined {
  return phraseWithin(list, t, start, end, 'start');
}

/** The first phrase of `list` that fits in t[start, end) and touches its `side`. */
function phraseWithin<T extends string | RolePhrase>(
  list: readonly T[],
  t: string,
  start: number,
  end: number,
  side: 'start' | 'end',
): T | undefined {
  if (end <= start) return undefined;
  // The boundary character rules out most phrases before a substring compare.
  const edge = side === 'start' ? t.charCodeAt(start) : t.charCodeAt(end - 1);
  for (const p of list) {
    const s = typeof p === 'string' ? p : p.text;
    if (s.length > end - start) continue;
    if (
      side === 'start'
        ? s.charCodeAt(0) === edge && t.startsWith(s, start)
        : s.charCodeAt(s.length - 1) === edge && t.startsWith(s, end - s.length)
    )
      return p;
  }
  return undefined;
}

function matchingOpen(t: string, start: number, close: number): number {
  let depth = 0;
  for (let i = close; i >= start; i--) {
    if (CLOSE_BRACKETS.includes(t[i] as string)) depth++;
    else if (OPEN_BRACKETS.includes(t[i] as string) && --depth === 0) return i;
  }
  return -1;
}

/** Splits `c.text[start, end)` at 、 (and at 和/及 between known units), strips a trailing 等, maps to the original. */
export function unitSpans(
  c: CompactText,
  start: number,
  end: number,
  gaz: Gazetteer,
  g: RoleGrammar,
): UnitSpan[] {
  const spans: UnitSpan[] = [];
  const text = c.text.slice(start, end);
  for (const item of mergeSharedHeads(text, splitOutsideBrackets(text, ITEM_SEPARATOR), g))
    itemSpans(c, start + item.start, start + item.end, gaz, g, spans);
  return spans;
}

/**
 * Joins the items of a list that share the name of a later item ("各省、自治区、直辖市人民政府", "各市、县（市、区）
 * 人民政府"): a run of items made only of level words, joined by 、 to an item that starts with level words and
 * goes on with a name, becomes one item.
 */
export function mergeSharedHeads(text: string, items: Chunk[], g: RoleGrammar): Chunk[] {
  const merged: Chunk[] = [];
  for (let k = 0; k < items.length; k++) {
    const first = items[k] as Chunk;
    let last = k;
    const word = (j: number): string => text.slice((items[j] as Chunk).start, (items[j] as Chunk).end);
    const isHead = (j: number): boolean =>
      (items[j] as Chunk).separator === ITEM_SEPARATOR &&
      g.sharedHeads.head.test(word(j)) &&
      (j === k || !word(j).startsWith(g.sharedHeads.each));
    while (last < items.length - 1 && isHead(last)) last++;
    const tail = items[last] as Chunk;
    const ends = g.sharedHeads.tail.test(word(last)) && !g.sharedHeads.head.test(word(last));
    if (last > k && ends) {
      merged.push({ start: first.start, end: tail.end, separator: tail.separator });
      k = last;
    } else merged.push(first);
  }
  return merged;
}

/** Adds the units of one list item `c.text[s, e)` (no 、 outside brackets) to `spans`: see `unitSpans`. */
function itemSpans(
  c: CompactText,
  s: number,
  e: number,
  gaz: Gazetteer,
  g: RoleGrammar,
  spans: UnitSpan[],
): void {
  const join = collectiveJoin(c.text, s, e, g);
  if (join !== undefined) {
    itemSpans(c, s, join.at, gaz, g, spans);
    const span = originalSpan(c, join.at + join.length, e);
    spans.push({ name: c.text.slice(join.at + join.length, e), start: span.start, end: span.end });
    return;
  }
  const end = e - (phraseBefore(g.listTails, c.text, s, e)?.length ?? 0);
  const name = c.text.slice(s, end);
  for (const part of splitConjoined(name, gaz)) {
    if (part.end <= part.start) continue;
    const span = originalSpan(c, s + part.start, s + part.end);
    spans.push({ name: name.slice(part.start, part.end), start: span.start, end: span.end });
  }
}

/**
 * Where a list item `t[s, e)` joins named units to a collective ("商务部等和各有关省级人民政府",
 * "人力资源社会保障部等有关部门和单位"): the first join word after some name that a collective follows.
 */
function collectiveJoin(
  t: string,
  s: number,
  e: number,
  g: RoleGrammar,
): { at: number; length: number } | undefined {
  for (let i = s + 1; i < e; i++) {
    const join = phraseAfter(g.collectiveJoins, t, i, e);
    if (join === undefined) continue;
    const rest = t.slice(i + join.length, e);
    if (rest.length > 0 && guessKind(rest) === 'collective') return { at: i, length: join.length };
  }
  return undefined;
}

/**
 * Reads an inheritance phrase in `c.text[start, end)` (a bracket's content): "以下A、B均为责任单位,不再列出" or
 * "以下均需A落实,不再列出". Undefined when the content is no such phrase.
 */
export function parseInheritance(
  c: CompactText,
  start: number,
  end: number,
  gaz: Gazetteer,
  g: RoleGrammar,
): InheritRule | undefined {
  const t = c.text;
  let clauseEnd = start;
  while (clauseEnd < end && !CLAUSE_SEPARATORS.includes(t[clauseEnd] as string)) clauseEnd++;
  const leadIn = phraseAfter(g.inheritance.leadIns, t, start, clauseEnd);
  if (leadIn !== undefined) {
    const verb = phraseBefore(g.verbs, t, start + leadIn.length, clauseEnd);
    if (verb === undefined) return undefined;
    const units = unitSpans(c, start + leadIn.length, clauseEnd - verb.text.length, gaz, g);
    return units.length > 0 ? { role: verb.role, units } : undefined;
  }
  const opening = phraseAfter(g.inheritance.starts, t, start, clauseEnd);
  if (opening === undefined) return undefined;
  for (let i = start + opening.length; i < clauseEnd; i++) {
    const connector = phraseAfter(g.inheritance.connectors, t, i, clauseEnd);
    if (connector === undefined) continue;
    const after = i + connector.length;
    const role = (phraseAfter(g.labels, t, after, clauseEnd) ?? phraseAfter(g.verbs, t, after, clauseEnd))
      ?.role;
    const units = unitSpans(c, start + opening.length, i, gaz, g);
    return role !== undefined && units.length > 0 ? { role, units } : undefined;
  }
  return undefined;
}

/** Parses the unit list `c.text[start, end)` that follows a role label, as mentions of `label`'s role. */
export function parseUnitBody(
  c: CompactText,
  label: RolePhrase,
  labelStart: number,
  start: number,
  end: number,
  gaz: Gazetteer,
  g: RoleGrammar,
): RoleMention[] {
  const t = c.text;
  let stop = end;
  while (stop > start && TRAILING_PUNCTUATION.includes(t[stop - 1] as string)) stop--;
  const units: BodyUnit[] = [];
  let inheritRule: InheritRule | undefined;
  let groupFirst = 0;
  // One split at both separators: a group ends at a group separator, items end at 、 (depth counts the same).
  const list = t.slice(start, stop);
  for (const item of mergeSharedHeads(list, splitOutsideBrackets(list, LIST_SEPARATORS), g)) {
    const s = start + item.start;
    let e = start + item.end;
    let override: RolePhrase | undefined;
    const open = e > s && CLOSE_BRACKETS.includes(t[e - 1] as string) ? matchingOpen(t, s, e - 1) : -1;
    if (open > s) {
      const rule = parseInheritance(c, open + 1, e - 1, gaz, g);
      override = g.verbs.find((v) => v.text === t.slice(open + 1, e - 1));
      if (rule !== undefined) inheritRule = rule;
      if (rule !== undefined || override !== undefined) e = open;
    }
    const note = phraseBefore(g.notes, t, s, e);
    e -= note?.length ?? 0;
    const itemFirst = units.length;
    itemSpans(c, s, e, gaz, g, units);
    if (override) for (let k = itemFirst; k < units.length; k++) (units[k] as BodyUnit).override = override;
    if (note !== undefined)
      for (let k = groupFirst; k < units.length; k++) (units[k] as BodyUnit).note ??= note;
    if (item.separator !== ITEM_SEPARATOR) groupFirst = units.length;
  }
  return toMentions(c, label, labelStart, stop, units, inheritRule);
}

function toMentions(
  c: CompactText,
  label: RolePhrase,
  labelStart: number,
  stop: number,
  units: BodyUnit[],
  inheritRule: InheritRule | undefined,
): RoleMention[] {
  const span = originalSpan(c, labelStart, stop);
  const verbs: RolePhrase[] = [];
  for (const u of units) if (u.override && !verbs.includes(u.override)) verbs.push(u.override);
  const main = verbs.length === 0 ? units : units.filter((u) => u.override === undefined);
  const mentions: RoleMention[] = [];
  if (main.length > 0 || inheritRule !== undefined || main.length === units.length)
    mentions.push(mention(label, span, main, inheritRule));
  for (const verb of verbs) {
    const own = units.filter((u) => u.override === verb);
    const ownSpan = { start: (own[0] as BodyUnit).start, end: (own[own.length - 1] as BodyUnit).end };
    mentions.push(mention(verb, ownSpan, own, undefined));
  }
  return mentions;
}

/** Builds a mention from units (dropping their internal fields) and joins their notes. */
export function mention(
  phrase: RolePhrase,
  span: { start: number; end: number },
  units: UnitMention[],
  inheritRule: InheritRule | undefined,
): RoleMention {
  const clean: UnitMention[] = [];
  const notes: string[] = [];
  for (const { name, start, end, note } of units) {
    clean.push(note ? { name, start, end, note } : { name, start, end });
    if (note && !notes.includes(note)) notes.push(note);
  }
  const built: RoleMention = {
    role: phrase.role,
    label: phrase.text,
    start: span.start,
    end: span.end,
    units: clean,
  };
  if (notes.length > 0) built.note = notes.join(NOTE_JOINER);
  if (inheritRule) built.inheritRule = inheritRule;
  return built;
}

/** Whether a role label followed by : or ： starts at `at` in `t`; returns the label's phrase and length. */
export function labelAt(
  t: string,
  at: number,
  g: RoleGrammar,
): { phrase: RolePhrase; length: number } | undefined {
  g.labelPatternAt.lastIndex = at;
  const match = g.labelPatternAt.exec(t);
  if (match === null) return undefined;
  return { phrase: labelPhrase(t, at, match[0].length, g), length: match[0].length };
}

/** The label of a label pattern's match `t[at, at + length)`. */
function labelPhrase(t: string, at: number, length: number, g: RoleGrammar): RolePhrase {
  const bracket = g.labelOpens.includes(t[at] as string) ? 1 : 0;
  return phraseAfter(g.labels, t, at + bracket, at + length) as RolePhrase;
}

/** Whether the label of a field that names no unit ("完成时限：", "责任领导：") starts at `at`; its length. */
export function fieldAt(t: string, at: number, g: RoleGrammar): number | undefined {
  g.fieldPatternAt.lastIndex = at;
  return g.fieldPatternAt.exec(t)?.[0].length;
}

/** The matches of a global pattern in `t[start, end)`, as positions and lengths. */
function matchesIn(pattern: RegExp, t: string, start: number, end: number): { at: number; length: number }[] {
  const found: { at: number; length: number }[] = [];
  pattern.lastIndex = start;
  for (let m = pattern.exec(t); m !== null && m.index < end; m = pattern.exec(t))
    found.push({ at: m.index, length: m[0].length });
  return found;
}

/**
 * Parses `c.text[start, end)`, which starts with a role label (or the label of a field that names no unit, such as
 * 责任领导：), into mentions: one per role label, as several role lines may run together ("…依职责分别牵头责任单位:
 * …"). A field label ("；完成时限：2020年底前") ends the list before it and gives nothing.
 */
export function parseLabelledLists(
  c: CompactText,
  start: number,
  end: number,
  gaz: Gazetteer,
  g: RoleGrammar,
): RoleMention[] {
  const t = c.text;
  // the global pattern's leftmost match at an index is the one `labelAt` finds there
  const labels: { at: number; phrase?: RolePhrase; length: number }[] = [
    ...matchesIn(g.labelPattern, t, start, end).map((m) => ({
      ...m,
      phrase: labelPhrase(t, m.at, m.length, g),
    })),
    ...matchesIn(g.fieldPattern, t, start, end),
  ].sort((a, b) => a.at - b.at);
  if (labels[0]?.at !== start) return [];
  const mentions: RoleMention[] = [];
  labels.forEach((label, k) => {
    const bodyEnd = labels[k + 1]?.at ?? end;
    if (label.phrase !== undefined)
      mentions.push(...parseUnitBody(c, label.phrase, label.at, label.at + label.length, bodyEnd, gaz, g));
  });
  return mentions;
}
