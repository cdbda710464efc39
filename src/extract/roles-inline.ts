/**
 * Inline role forms inside parentheses of task text: "(市发展改革委牵头,市工信局参与)", "（教育部、财政部等按职责分工
 * 负责）", "(牵头单位:市X;责任单位:市Y、市Z)", and the State Council's "列第一位者为牵头单位" convention.
 */
import type { RoleGrammar, RolePhrase } from './roles-grammar.js';
import {
  labelAt,
  mention,
  parseInheritance,
  parseLabelledLists,
  phraseAfter,
  phraseBefore,
  unitSpans,
  type RoleMention,
} from './roles-body.js';
import { splitOutsideBrackets } from './units.js';
import type { Gazetteer } from './units-gazetteer.js';
import { compactText, originalSpan, type CompactText } from './units-text.js';

/** Parentheses that may hold an inline role phrase (both widths). */
const PAREN_OPEN = '(（';
/** See `PAREN_OPEN`. */
const PAREN_CLOSE = ')）';
/** Ends a sentence inside the parentheses. */
const SENTENCE_SEPARATOR = '。';
/** Separates the clauses of a sentence ("X牵头,Y参与"). */
const CLAUSE_SEPARATORS = ',，;；';

/** Any parenthesis (global: scanned with `exec`). */
const PAREN = new RegExp(`[${PAREN_OPEN}${PAREN_CLOSE}]`, 'g');

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

/** A clause "units [manner] verb" such as "教育部、财政部等按职责分工负责", or undefined. */
function verbClause(
  c: CompactText,
  s: number,
  e: number,
  gaz: Gazetteer,
  g: RoleGrammar,
): RoleMention | undefined {
  const t = c.text;
  const verb = phraseBefore(g.verbs, t, s, e);
  if (verb === undefined) return undefined;
  let unitsEnd = e - verb.text.length;
  for (let manner = phraseBefore(g.manners, t, s, unitsEnd); manner !== undefined;) {
    unitsEnd -= manner.length;
    manner = phraseBefore(g.manners, t, s, unitsEnd);
  }
  const unitsStart = s + (phraseAfter(g.leadIns, t, s, unitsEnd)?.length ?? 0);
  const units = unitSpans(c, unitsStart, unitsEnd, gaz, g);
  const plausible = units.every((u) => gaz.has(u.name) || gaz.lookup(u.name).kind !== 'other');
  if (units.length === 0 || !plausible) return undefined;
  const note = unitsEnd < e - verb.text.length ? t.slice(unitsEnd, e) : undefined;
  return mention(verb, originalSpan(c, s, e), note ? units.map((u) => ({ ...u, note })) : units, undefined);
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
  if (labelAt(c.text, start, g) !== undefined)
    return { mentions: parseLabelledLists(c, start, end, gaz, g), convention: carried };
  const mentions: RoleMention[] = [];
  let convention = carried;
  for (const sentence of splitOutsideBrackets(c.text.slice(start, end), SENTENCE_SEPARATOR)) {
    const sEnd = start + sentence.end;
    for (const clause of splitOutsideBrackets(
      c.text.slice(start + sentence.start, sEnd),
      CLAUSE_SEPARATORS,
    )) {
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
      const found = verbClause(c, s, e, gaz, g);
      if (found !== undefined) mentions.push(found);
    }
  }
  return {
    mentions: convention !== undefined ? firstListedLead(mentions, convention.phrase) : mentions,
    convention: convention?.carries ? convention : undefined,
  };
}

/**
 * Finds the role phrases inside the parentheses of `text` (offsets in `text`). A "列第一位者为牵头单位，下同"
 * convention holds for the later parentheses of the same text. Parentheses are found before compaction (it
 * keeps them all), and only their contents are compacted.
 */
export function inlineMentions(text: string, gaz: Gazetteer, g: RoleGrammar): RoleMention[] {
  let convention: Convention | undefined;
  const mentions: RoleMention[] = [];
  for (const p of parenPairs(text)) {
    const c = compactText(text, p.open + 1, p.close);
    // No verb, first-listed phrase or label: no mention, and the convention stays as it is.
    if (!g.inlineClue.test(c.text) && labelAt(c.text, 0, g) === undefined) continue;
    const found = parenMentions(c, 0, c.text.length, gaz, g, convention);
    convention = found.convention;
    mentions.push(...found.mentions);
  }
  return mentions;
}
