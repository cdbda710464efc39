/**
 * Inline role forms inside parentheses of task text: "(市发展改革委牵头,市工信局参与)", "（教育部、财政部等按职责分工
 * 负责）", "(牵头单位:市X;责任单位:市Y、市Z)", and the State Council's "列第一位者为牵头单位" convention.
 */
import { extractDeadlines } from './deadlines.js';
import type { RoleGrammar, RolePhrase } from './roles-grammar.js';
import {
  fieldAt,
  labelAt,
  mention,
  parseInheritance,
  parseLabelledLists,
  phraseAfter,
  phraseBefore,
  unitSpans,
  type RoleMention,
  type UnitMention,
} from './roles-body.js';
import { CLOSE_BRACKETS, OPEN_BRACKETS, splitOutsideBrackets, type Chunk } from './units.js';
import type { Gazetteer } from './units-gazetteer.js';
import { compactText, originalSpan, type CompactText } from './units-text.js';

/** Brackets that may hold an inline role phrase: parentheses (both widths), 【】 and square brackets. */
const PAREN_OPEN = '(（【[［';
/** See `PAREN_OPEN`. */
const PAREN_CLOSE = ')）】]］';
/** Ends a sentence inside the parentheses. */
const SENTENCE_SEPARATOR = '。';
/** Separates the clauses of a sentence ("X牵头,Y参与"). */
const CLAUSE_SEPARATORS = ',，;；';

/** Separates the units of a list, and clauses after a verb ("市发改委牵头、市财政局配合"). */
const ITEM_SEPARATOR = '、';

/**
 * The clauses of a sentence: split at , ， ; ； outside brackets, and at a 、 that follows a role verb
 * ("市发改委牵头、市财政局配合": a unit list never ends an item in a verb).
 */
function roleClauses(text: string, g: RoleGrammar): Chunk[] {
  return splitOutsideBrackets(text, CLAUSE_SEPARATORS).flatMap((clause) => {
    const parts: Chunk[] = [];
    let from = clause.start;
    for (const item of splitOutsideBrackets(text.slice(clause.start, clause.end), ITEM_SEPARATOR)) {
      const at = clause.start + item.end;
      if (item.separator === ITEM_SEPARATOR && phraseBefore(g.verbs, text, from, at) !== undefined) {
        parts.push({ start: from, end: at, separator: ITEM_SEPARATOR });
        from = at + 1;
      }
    }
    parts.push({ start: from, end: clause.end, separator: clause.separator });
    return parts;
  });
}

/** Any parenthesis (global: scanned with `exec`). */
const PAREN = new RegExp(`[${(PAREN_OPEN + PAREN_CLOSE).replace(/[[\]]/g, '\\$&')}]`, 'g');

/** The outermost balanced parenthesis pairs of `t` (unbalanced ones are skipped), in text order. */
function parenPairs(t: string): { open: number; close: number }[] {
  const pairs: { open: number; close: number }[] = [];
  const stack: number[] = [];
  PAREN.lastIndex = 0;
  for (let m = PAREN.exec(t); m !== null; m = PAREN.exec(t)) {
    const i = m.index;
    if (PAREN_OPEN.includes(m[0])) stack.push(i);
    else if (stack.length > 0) {
      const open = stack.pop() as number;
      while (pairs.length > 0 && (pairs[pairs.length - 1] as { open: number }).open > open) pairs.pop();
      pairs.push({ open, close: i });
    }
  }
  return pairs;
}

/** Units that a clause lists before the verb of a later clause ("A、B，C按职责分工负责"): their start and units. */
interface Pending {
  start: number;
  units: UnitMention[];
}

/**
 * Whether every unit is a name the gazetteer knows, or one whose kind it can guess and that holds no word of prose
 * ("各地区要认真" is none), and none is a person or post.
 */
function plausible(units: UnitMention[], gaz: Gazetteer, g: RoleGrammar): boolean {
  return units.every(
    (u) =>
      (gaz.has(u.name) ||
        (gaz.lookup(u.name).kind !== 'other' && !g.proseWords.some((w) => u.name.includes(w)))) &&
      !isPost(u.name, g),
  );
}

/** A person or post (分管副市长, 负责同志): never a unit. */
const isPost = (name: string, g: RoleGrammar): boolean => g.posts.some((p) => name.endsWith(p));

/** The units of a clause that has no verb, when they are all plausible ("人力资源社会保障部、科技部"). */
function unitsOnly(
  c: CompactText,
  s: number,
  e: number,
  gaz: Gazetteer,
  g: RoleGrammar,
): UnitMention[] | undefined {
  const units = unitSpans(c, s, e, gaz, g);
  return units.length > 0 && plausible(units, gaz, g) ? units : undefined;
}

/** The first jointly word ("会同") in `t[s, e)` outside brackets, after at least one character. */
function jointAt(
  t: string,
  s: number,
  e: number,
  g: RoleGrammar,
): { at: number; length: number } | undefined {
  let depth = 0;
  for (let i = s; i < e; i++) {
    const ch = t[i] as string;
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i > s) {
      const word = phraseAfter(g.jointly, t, i, e);
      if (word !== undefined) return { at: i, length: word.length };
    }
  }
  return undefined;
}

/**
 * A clause "units [manner] verb" such as "教育部、财政部等按职责分工负责", "由X负责" or "X会同Y负责" (X leads, Y
 * cooperates), with the units of earlier verbless clauses of the sentence (`pending`); undefined when it is none.
 */
function verbClause(
  c: CompactText,
  s: number,
  e: number,
  gaz: Gazetteer,
  g: RoleGrammar,
  pending: Pending | undefined,
): RoleMention[] | undefined {
  const t = c.text;
  const verb = phraseBefore(g.verbs, t, s, e);
  if (verb === undefined) return undefined;
  let unitsEnd = e - verb.text.length;
  for (let manner = phraseBefore(g.manners, t, s, unitsEnd); manner !== undefined;) {
    unitsEnd -= manner.length;
    manner = phraseBefore(g.manners, t, s, unitsEnd);
  }
  const unitsStart = s + (phraseAfter(g.leadIns, t, s, unitsEnd)?.length ?? 0);
  const joint = jointAt(t, unitsStart, unitsEnd, g);
  const own = unitSpans(c, unitsStart, joint?.at ?? unitsEnd, gaz, g);
  const partners = joint ? unitSpans(c, joint.at + joint.length, unitsEnd, gaz, g) : [];
  const units = [...(pending?.units ?? []), ...own];
  if (own.length === 0 || !plausible([...units, ...partners], gaz, g)) return undefined;
  const span = originalSpan(c, pending?.start ?? s, e);
  if (joint !== undefined && partners.length > 0) {
    const word = t.slice(joint.at, joint.at + joint.length);
    return [
      mention({ text: word, role: 'lead' }, span, units, undefined),
      mention({ text: word, role: 'cooperating' }, span, partners, undefined),
    ];
  }
  const note = unitsEnd < e - verb.text.length ? t.slice(unitsEnd, e) : undefined;
  return [mention(verb, span, note ? units.map((u) => ({ ...u, note })) : units, undefined)];
}

/** Splits the first unit of each responsible mention off as the lead ("列第一位者为牵头单位"). */
function firstListedLead(mentions: RoleMention[], phrase: string): RoleMention[] {
  const lead: RolePhrase = { text: phrase, role: 'lead' };
  return mentions.flatMap((m) => {
    const [first, ...rest] = m.units;
    if (m.role !== 'responsible' || first === undefined || rest.length === 0) return [m];
    const span = { start: m.start, end: m.end };
    return [
      mention(lead, span, [first], undefined),
      mention({ text: m.label, role: m.role }, span, rest, m.inheritRule),
    ];
  });
}

/** The first-listed-leads convention in force: the phrase that set it, and whether it holds for later parentheses. */
interface Convention {
  phrase: string;
  carries: boolean;
}

function parenMentions(
  c: CompactText,
  start: number,
  end: number,
  gaz: Gazetteer,
  g: RoleGrammar,
  carried: Convention | undefined,
): { mentions: RoleMention[]; convention: Convention | undefined } {
  if (labelAt(c.text, start, g) !== undefined || fieldAt(c.text, start, g) !== undefined)
    return { mentions: parseLabelledLists(c, start, end, gaz, g), convention: carried };
  const mentions: RoleMention[] = [];
  let convention = carried;
  let pending: Pending | undefined;
  for (const sentence of splitOutsideBrackets(c.text.slice(start, end), SENTENCE_SEPARATOR)) {
    const sEnd = start + sentence.end;
    for (const clause of roleClauses(c.text.slice(start + sentence.start, sEnd), g)) {
      const s = start + sentence.start + clause.start;
      const e = start + sentence.start + clause.end;
      const phrase = g.firstListedLeads.phrases.find((p) => c.text.startsWith(p, s));
      if (phrase !== undefined) {
        const rest = c.text.slice(s + phrase.length, end);
        convention = { phrase, carries: g.firstListedLeads.carryOver.some((w) => rest.includes(w)) };
      }
      const opensRule = phraseAfter(g.inheritance.openers, c.text, s, e) !== undefined;
      const rule = opensRule ? parseInheritance(c, s, sEnd, gaz, g) : undefined;
      const last = mentions[mentions.length - 1];
      if (rule !== undefined && last !== undefined)
        mentions[mentions.length - 1] = { ...last, inheritRule: rule };
      if (opensRule) break;
      const found = verbClause(c, s, e, gaz, g, pending);
      if (found !== undefined) mentions.push(...found);
      const listed = found === undefined ? unitsOnly(c, s, e, gaz, g) : undefined;
      pending = listed && { start: pending?.start ?? s, units: [...(pending?.units ?? []), ...listed] };
    }
    pending = undefined;
  }
  return {
    mentions: convention !== undefined ? firstListedLead(mentions, convention.phrase) : mentions,
    convention: convention?.carries ? convention : undefined,
  };
}

/** State carried from one text to the next of the same plan: the first-listed-leads convention in force. */
export interface InlineCarry {
  convention?: Convention;
}

/** Ends a sentence of running text (outside brackets). */
const RUNNING_SENTENCE_ENDS = '。！？!?\n';

/** Punctuation that may end a clause of time. */
const TIME_CLAUSE_END = /[。.!！?？]+$/;

/** Whether a clause says only when ("2020年底前完成", "长期坚持"): it may stand in a role sentence. */
function isTimeClause(clause: string, g: RoleGrammar): boolean {
  const text = clause.replace(TIME_CLAUSE_END, '');
  if (g.timeClauses.whole.includes(text)) return true;
  const hits = extractDeadlines(text, { year: null });
  const first = hits[0];
  if (hits.length !== 1 || first === undefined || first.start !== 0 || first.kind === 'recurring')
    return false;
  return g.timeClauses.rests.includes(text.slice(first.end));
}

/**
 * Role clauses in the running text of `text`, outside parentheses: a sentence made only of role clauses
 * ("由市发展改革委负责。", "市住建局负责，市财政局配合。"), or a bracketed label and its list ("【责任单位】X、Y").
 * A sentence with any other words gives nothing.
 */
function runningMentions(text: string, gaz: Gazetteer, g: RoleGrammar): RoleMention[] {
  const mentions: RoleMention[] = [];
  for (const sentence of splitOutsideBrackets(text, RUNNING_SENTENCE_ENDS)) {
    const c = compactText(text, sentence.start, sentence.end);
    const t = c.text;
    const label = [...t].findIndex((ch, i) => g.labelOpens.includes(ch) && labelAt(t, i, g) !== undefined);
    if (label >= 0 || labelAt(t, 0, g) !== undefined || fieldAt(t, 0, g) !== undefined) {
      mentions.push(...parseLabelledLists(c, Math.max(label, 0), t.length, gaz, g));
      continue;
    }
    if (!g.inlineClue.test(t)) continue;
    const found: RoleMention[] = [];
    let pending: Pending | undefined;
    let whole = true;
    for (const clause of roleClauses(t, g)) {
      if (clause.end === clause.start) continue;
      const got = verbClause(c, clause.start, clause.end, gaz, g, pending);
      const listed = got === undefined ? unitsOnly(c, clause.start, clause.end, gaz, g) : undefined;
      if (got === undefined && listed === undefined) {
        if (isTimeClause(t.slice(clause.start, clause.end), g)) continue;
        whole = false;
        break;
      }
      found.push(...(got ?? []));
      pending = listed && {
        start: pending?.start ?? clause.start,
        units: [...(pending?.units ?? []), ...listed],
      };
    }
    if (whole && pending === undefined) mentions.push(...found);
  }
  return mentions;
}

/**
 * Finds the role phrases inside the parentheses of `text` (offsets in `text`), then the role sentences of its
 * running text. A "列第一位者为牵头单位，下同" convention holds for the later parentheses of the same text, and of
 * the later texts given the same `carry`. Parentheses are found before compaction (it keeps them all), and only
 * their contents are compacted.
 */
export function inlineMentions(
  text: string,
  gaz: Gazetteer,
  g: RoleGrammar,
  carry: InlineCarry = {},
): RoleMention[] {
  let convention = carry.convention;
  const mentions: RoleMention[] = [];
  for (const p of parenPairs(text)) {
    const c = compactText(text, p.open + 1, p.close);
    // No verb, first-listed phrase or label: no mention, and the convention stays as it is.
    if (
      !g.inlineClue.test(c.text) &&
      labelAt(c.text, 0, g) === undefined &&
      fieldAt(c.text, 0, g) === undefined
    )
      continue;
    const found = parenMentions(c, 0, c.text.length, gaz, g, convention);
    convention = found.convention;
    mentions.push(...found.mentions);
  }
  carry.convention = convention;
  const running = runningMentions(text, gaz, g);
  return running.length === 0 ? mentions : [...mentions, ...running].sort((a, b) => a.start - b.start);
}
