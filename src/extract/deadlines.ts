/**
 * Deadline extraction (DESIGN.md, `deadline` nodes): finds 10月底前, 2020年底, 上半年, 每季度, "投产后,半年内" …
 * in a text and normalises each to the last day of its window. The patterns are data in grammars/deadlines.yaml.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { DEADLINE_KINDS, PERIODS } from '../graph/schema.js';
import { NeedsFilter } from './needs.js';
import { parseNumber, toHalfWidth } from './numbers.js';

/** The kind of a deadline (DESIGN.md). */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
/** The period of a recurring deadline. */
export type DeadlinePeriod = (typeof PERIODS)[number];

/** One deadline found in a text; offsets are UTF-16 indices into that text, end exclusive. */
export interface DeadlineHit {
  start: number;
  end: number;
  text: string;
  /** "YYYY-MM-DD", the last day of the window; null for recurring and relative ones or when no year is known. */
  date: string | null;
  kind: DeadlineKind;
  period?: DeadlinePeriod;
  /** For relative deadlines: the event the offset counts from. */
  anchor?: string;
  /** For relative deadlines: an ISO 8601 duration. */
  offset?: string;
}

/** What the extractor needs to know about the document. */
export interface DeadlineContext {
  /** The plan's year (from its title or the notice's date), used where the text gives none. */
  year: number | null;
}

const FILE = 'deadlines.yaml';
const DATE_MODES = ['month-end', 'day', 'year-end', 'year-before', 'half', 'quarter-end', 'none'] as const;

const HitSpecSchema = z.object({
  text: z.string(),
  date: z.string().optional(),
  kind: z.enum(DEADLINE_KINDS),
  period: z.enum(PERIODS).optional(),
  anchor: z.string().optional(),
  offset: z.string().optional(),
});

const RuleSchema = z.object({
  id: z.string(),
  pattern: z.string(),
  needs: z.array(z.string().min(1)).min(1).optional(),
  kind: z.enum(DEADLINE_KINDS),
  date: z.enum(DATE_MODES),
  period: z.enum(PERIODS).optional(),
  futureOnly: z.boolean().optional(),
  specs: z
    .array(z.object({ text: z.string(), year: z.number().int().optional(), hits: z.array(HitSpecSchema) }))
    .min(1),
});

const GrammarSchema = z.object({
  fragments: z.record(z.string(), z.string()),
  periods: z.record(z.string(), z.enum(PERIODS)),
  offsetUnits: z.record(z.string(), z.enum(['Y', 'M', 'W', 'D', 'H'])),
  anchorPrefixes: z.array(z.string()),
  maxAnchor: z.number().int().positive(),
  rules: z.array(RuleSchema).min(1),
  rejects: z.array(z.string()),
});

type Grammar = z.infer<typeof GrammarSchema>;
type Rule = z.infer<typeof RuleSchema>;
interface Compiled {
  grammar: Grammar;
  rules: { rule: Rule; re: RegExp }[];
  /** Which rules can match a text, by their `needs`. */
  needs: NeedsFilter;
}

/** Characters that end the clause an anchor is read from. */
const CLAUSE_STOPS = new Set([...'，,。;；:：、\n']);

let compiled: Compiled | undefined;

/** Expands `{NAME}` fragments and compiles every rule; a bad pattern is a GrammarError. */
function compile(grammar: Grammar): Compiled {
  const rules = grammar.rules.map((rule) => {
    const source = rule.pattern.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
      const fragment = grammar.fragments[name];
      if (fragment === undefined) throw new GrammarError(FILE, `rule ${rule.id}: unknown fragment {${name}}`);
      return fragment;
    });
    try {
      return { rule, re: new RegExp(source, 'g') };
    } catch (err) {
      throw new GrammarError(FILE, `rule ${rule.id}: ${(err as Error).message}`);
    }
  });
  return { grammar, rules, needs: new NeedsFilter(grammar.rules.map((r) => r.needs)) };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days of the months of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day of `month` (1-12) in `year`, read as Date.UTC reads it (0-99 are 1900-1999). */
function lastDay(year: number, month: number): number {
  if (!Number.isInteger(year)) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

/** The date of a match under `mode`; undefined when the match names an impossible date. */
function dateOf(
  mode: Rule['date'],
  year: number | null,
  g: Record<string, string | undefined>,
): string | null | undefined {
  if (mode === 'none' || year === null) return null;
  const month = g.month === undefined ? null : parseNumber(g.month);
  switch (mode) {
    case 'month-end':
      return month !== null && month >= 1 && month <= 12 ? iso(year, month, lastDay(year, month)) : undefined;
    case 'day': {
      const day = g.day === undefined ? null : parseNumber(g.day);
      if (month === null || day === null || month < 1 || month > 12 || day < 1) return undefined;
      return day <= lastDay(year, month) ? iso(year, month, day) : undefined;
    }
    case 'year-end':
      return iso(year, 12, 31);
    case 'year-before':
      return iso(year - 1, 12, 31);
    case 'half':
      return g.half === '上' ? iso(year, 6, 30) : iso(year, 12, 31);
    case 'quarter-end': {
      const q = g.q === undefined ? null : parseNumber(g.q);
      return q !== null && q >= 1 && q <= 4 ? iso(year, q * 3, lastDay(year, q * 3)) : undefined;
    }
  }
}

/** The ISO 8601 duration of a relative match, e.g. 半年 → P6M, 30日 → P30D. */
function offsetOf(grammar: Grammar, n: string, unit: string): string | undefined {
  const designator = grammar.offsetUnits[unit];
  if (designator === undefined) return undefined;
  const value = n === '半' ? 0.5 : parseNumber(n);
  if (value === null) return undefined;
  if (n === '半' && designator === 'Y') return 'P6M';
  return designator === 'H' ? `PT${value}H` : `P${value}${designator}`;
}

/** The anchor before index `at`: back to clause punctuation, at most `maxAnchor` characters. */
function anchorBefore(
  grammar: Grammar,
  text: string,
  at: number,
): { start: number; anchor: string } | undefined {
  let start = at;
  while (start > 0 && at - start < grammar.maxAnchor && !CLAUSE_STOPS.has(text[start - 1] as string)) start--;
  let anchor = text.slice(start, at).trim();
  for (const prefix of grammar.anchorPrefixes)
    if (anchor.startsWith(prefix)) anchor = anchor.slice(prefix.length);
  if (anchor.length === 0) return undefined;
  return { start: start + (text.slice(start, at).length - text.slice(start, at).trimStart().length), anchor };
}

interface Candidate {
  hit: DeadlineHit;
  order: number;
}

function candidate(c: Compiled, order: number, m: RegExpExecArray, text: string, ctx: DeadlineContext) {
  const { rule } = c.rules[order] as Compiled['rules'][number];
  const g = m.groups ?? {};
  const explicit = g.year === undefined ? null : Number(g.year);
  if (rule.futureOnly && explicit !== null && ctx.year !== null && explicit < ctx.year) return undefined;
  const date = dateOf(rule.date, explicit ?? ctx.year, g);
  if (date === undefined) return undefined;
  let start = m.index;
  const end = m.index + m[0].length;
  const hit: DeadlineHit = { start, end, text: '', date, kind: rule.kind };
  if (rule.kind === 'recurring') {
    const period = rule.period ?? (g.per === undefined ? undefined : c.grammar.periods[g.per]);
    if (period === undefined) return undefined;
    hit.period = period;
  }
  if (rule.kind === 'relative') {
    const offset = offsetOf(c.grammar, g.n ?? '', g.unit ?? '');
    const anchor = anchorBefore(c.grammar, text, m.index);
    if (offset === undefined || anchor === undefined) return undefined;
    start = hit.start = anchor.start;
    hit.anchor = anchor.anchor;
    hit.offset = offset;
  }
  hit.text = text.slice(start, end);
  return hit;
}

function extractWith(c: Compiled, text: string, ctx: DeadlineContext): DeadlineHit[] {
  const norm = toHalfWidth(text);
  if (!c.needs.mayHoldAny(norm)) return [];
  const present = c.needs.scan(norm);
  const found: Candidate[] = [];
  for (let order = 0; order < c.rules.length; order++) {
    if (!c.needs.holds(norm, present, order)) continue;
    const { re } = c.rules[order] as Compiled['rules'][number];
    re.lastIndex = 0;
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const hit = candidate(c, order, m, text, ctx);
      if (hit !== undefined) found.push({ hit, order });
    }
  }
  found.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end || a.order - b.order);
  const hits: DeadlineHit[] = [];
  let last = 0;
  for (const { hit } of found) {
    if (hit.start < last) continue;
    hits.push(hit);
    last = hit.end;
  }
  return hits;
}

/** Runs every rule's specs and the rejects through the whole grammar; throws GrammarError on a mismatch. */
function checkSpecs(c: Compiled): void {
  const show = (hits: DeadlineHit[]) => JSON.stringify(hits.map(({ start: _s, end: _e, ...h }) => h));
  for (const rule of c.grammar.rules) {
    for (const spec of rule.specs) {
      const got = extractWith(c, spec.text, { year: spec.year ?? 2020 });
      const want = spec.hits.map((h) => ({ ...h, date: h.date ?? null }));
      const same =
        got.length === want.length &&
        got.every((h, i) => {
          const w = want[i] as (typeof want)[number];
          return (
            h.text === w.text &&
            h.date === w.date &&
            h.kind === w.kind &&
            h.period === w.period &&
            h.anchor === w.anchor &&
            h.offset === w.offset
          );
        });
      if (!same) throw new GrammarError(FILE, `rule ${rule.id}: "${spec.text}" gave ${show(got)}`);
    }
  }
  for (const text of c.grammar.rejects) {
    const got = extractWith(c, text, { year: 2020 });
    if (got.length > 0) throw new GrammarError(FILE, `reject "${text}" gave ${show(got)}`);
  }
}

/** Loads, compiles and checks grammars/deadlines.yaml once per process. */
function deadlineGrammar(): Compiled {
  if (compiled === undefined) {
    const c = compile(loadGrammar(FILE, GrammarSchema));
    if (!examplesChecked(FILE)) checkSpecs(c);
    compiled = c;
  }
  return compiled;
}

registerGrammar(FILE, deadlineGrammar);

/**
 * Finds the deadlines in `text`, in text order, without overlaps. Dates take the year written next to them
 * (2021年6月底前) or else `ctx.year`; with neither, `date` is null and the kind is kept.
 */
export function extractDeadlines(text: string, ctx: DeadlineContext): DeadlineHit[] {
  return extractWith(deadlineGrammar(), text, ctx);
}
