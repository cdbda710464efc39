/**
 * Page furniture in text (what tesseract, `pdftotext` or a copy from a PDF viewer gives): page numbers and running
 * heads or feet that stand among the lines of the body wherever a page broke ("一2一" for "— 2 —", the plan's title
 * repeated at the top of every page). They are found from the text's own evidence, never from one line alone:
 *
 * - page numbers (grammars/layout/furniture.yaml) that count up, one page at a time (a misread number may be
 *   skipped), at a page-length period: as many lines from one to the next, give or take;
 * - a line that recurs next to most of those page numbers, or that recurs at a page-length period over most of
 *   the text, and that reads as no sentence, role line or heading;
 * - next to such a running line, a line that reads as a page number, loosely (one misread character: "一7了一");
 *   beside a page number, a line one character in ten off a running line (a misread copy of it).
 *
 * A form feed (pdftotext's page break) is furniture too. A single "— 2 —" in a notice's text is no page furniture. Each run of furniture lines (with the blank lines
 * about it) is removed by one proposal (`layout/furniture`), so the removal is a recorded, reversible repair and
 * the lines on either side meet as the lines of one page would.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { structureGrammar } from '../parse/grammar.js';
import { boundedDistance } from '../repair/distance.js';
import { applyProposals, type Proposal } from '../repair/fixer.js';
import { layoutGrammar } from './grammar.js';
import { normaliseText } from './normalise.js';
import { pageEdgeLines, pageLayoutProposals } from './pagetext.js';
import { endsSentence } from './paragraphs.js';

/** The grammar file, relative to grammars/. */
export const FURNITURE_GRAMMAR = 'layout/furniture.yaml';

/** Rule id of a removal. */
export const FURNITURE_RULE = 'layout/furniture';

const RuleSchema = z.object({ id: z.string(), pattern: z.string(), examples: z.array(z.string()).min(1) });
const FurnitureSchema = z.object({
  pageNumbers: z.array(RuleSchema).min(1),
  loosePageNumbers: z.array(RuleSchema).min(1),
  pagedNumbers: z.array(RuleSchema).min(1),
  notPageNumbers: z.array(z.string()),
  minPageLines: z.number().int().positive(),
  maxSkip: z.number().int().positive(),
  period: z.tuple([z.number().positive(), z.number().positive()]),
  minRepeats: z.number().int().min(2),
  nearPage: z.number().int().positive(),
  pageShare: z.number().min(0).max(1),
  spanShare: z.number().min(0).max(1),
  specs: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
  keep: z.array(z.string()).min(1),
});

type FurnitureData = z.infer<typeof FurnitureSchema>;

/** The compiled furniture grammar. */
interface FurnitureGrammar extends Omit<
  FurnitureData,
  'pageNumbers' | 'loosePageNumbers' | 'pagedNumbers' | 'specs' | 'keep'
> {
  pageNumbers: RegExp[];
  loosePageNumbers: RegExp[];
  pagedNumbers: RegExp[];
}

let loaded: FurnitureGrammar | undefined;

/** Spaces (any, with form feeds and ideographic spaces) are no part of a line's key. */
const SPACES = /[\s\u3000]+/g;

function compile(rules: FurnitureData['pageNumbers'], name: string, check: boolean): RegExp[] {
  return rules.map((r) => {
    const re = new RegExp(r.pattern, 'iu');
    if (check)
      for (const ex of r.examples)
        if (!re.test(ex.replace(SPACES, '')))
          throw new GrammarError(FURNITURE_GRAMMAR, `${name}.${r.id}: example '${ex}' does not match`);
    return re;
  });
}

/** Loads grammars/layout/furniture.yaml once; its examples are checked unless the build checked them. */
function furnitureGrammar(): FurnitureGrammar {
  if (loaded) return loaded;
  const data = loadGrammar(FURNITURE_GRAMMAR, FurnitureSchema);
  const check = !examplesChecked(FURNITURE_GRAMMAR);
  const { specs, keep, ...rest } = data;
  loaded = {
    ...rest,
    pageNumbers: compile(data.pageNumbers, 'pageNumbers', check),
    loosePageNumbers: compile(data.loosePageNumbers, 'loosePageNumbers', check),
    pagedNumbers: compile(data.pagedNumbers, 'pagedNumbers', check),
  };
  if (check) {
    for (const line of data.notPageNumbers)
      if (
        pageNumberOf(line, loaded) !== null ||
        loosePageNumber(line, loaded) ||
        firstGroup(line, loaded.pagedNumbers) !== null
      )
        throw new GrammarError(FURNITURE_GRAMMAR, `'${line}' must not read as a page number`);
    const run = (text: string) => applyProposals(text, furnitureProposals(text)).text;
    for (const { from, to } of specs) {
      const got = run(from);
      if (got !== to)
        throw new GrammarError(
          FURNITURE_GRAMMAR,
          `example ${JSON.stringify(from.slice(0, 40))}… gave ${JSON.stringify(got)}, expected ${JSON.stringify(to)}`,
        );
    }
    for (const text of keep)
      if (run(text) !== text)
        throw new GrammarError(
          FURNITURE_GRAMMAR,
          `${JSON.stringify(text.slice(0, 40))}… must stay unchanged`,
        );
  }
  return loaded;
}

/** The page number a line reads as (its first group) and the rule that reads it, or null. */
function pageNumberOf(line: string, g: FurnitureGrammar): { n: number; rule: number } | null {
  const key = line.replace(SPACES, '');
  for (let rule = 0; rule < g.pageNumbers.length; rule++) {
    const m = g.pageNumbers[rule]!.exec(key);
    if (m) return { n: Number(m[1]), rule };
  }
  return null;
}

/** The number in the first group of the first of `patterns` that reads the line (spaces removed), or null. */
function firstGroup(line: string, patterns: RegExp[]): number | null {
  const key = line.replace(SPACES, '');
  for (const re of patterns) {
    const m = re.exec(key);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The page number a line reads as (grammars/layout/furniture.yaml `pageNumbers`), or null: for the page furniture
 * of paged inputs (src/ingest/pdf/furniture.ts) as of text.
 */
export function readPageNumber(line: string): number | null {
  return firstGroup(line, furnitureGrammar().pageNumbers);
}

/**
 * The number of a line that may be a page number with its marks misread (`pagedNumbers`: ”10一 for — 10 —), or
 * null. Only a paged input, where the line stands at a page's edge and the number is that page's in the sequence
 * the other pages' numbers set, takes it for one.
 */
export function readPagedNumber(line: string): number | null {
  return firstGroup(line, furnitureGrammar().pagedNumbers);
}

/** True when a line reads as a page number with a misread character. */
function loosePageNumber(line: string, g: FurnitureGrammar): boolean {
  const key = line.replace(SPACES, '');
  return g.loosePageNumbers.some((re) => re.test(key));
}

/** One non-blank line of a text: its visible text (no spaces) and the raw range of the whole line. */
interface Line {
  text: string;
  /** Raw offset of the line's first character (its indentation included) and just past its line end. */
  start: number;
  next: number;
  /** The page it stands on: form feeds before it (pdftotext's page breaks). */
  page: number;
}

/** The non-blank lines of `raw`, each with the raw range from its start to the start of the line after it. */
function linesOf(raw: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let page = 0;
  for (let m = re.exec(raw); m && m[0] !== ''; m = re.exec(raw)) {
    // A form feed starts the next page (pdftotext writes it before the next page's first line).
    const feed = m[0].lastIndexOf('\f');
    if (feed >= 0) page += m[0].split('\f').length - 1;
    // Read as the rules will (⼀、 is a marker): look-alike code points normalised.
    const text = normaliseText(m[0].replace(SPACES, ''));
    if (text) out.push({ text, start: m.index, next: m.index + m[0].length, page });
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};

/**
 * True when lines at `at` (line indices, ascending) stand at a page-length period: `pages[k]` pages from one to the
 * next (given for page numbers; for a running line, the nearest whole number of periods), each page of about the
 * same number of lines, and at least `minPageLines` of them.
 */
function periodic(at: number[], g: FurnitureGrammar, pages?: number[]): boolean {
  if (at.length < 2) return false;
  const gaps = at.slice(1).map((p, k) => p - at[k]!);
  const rough = median(gaps);
  const steps = pages ?? gaps.map((d) => Math.max(1, Math.round(d / rough)));
  const perPage = gaps.map((d, k) => d / steps[k]!);
  const period = median(perPage);
  if (period < g.minPageLines) return false;
  const [lo, hi] = g.period;
  return perPage.every((d) => d >= lo * period && d <= hi * period);
}

/**
 * The longest run of page numbers of one form that count up page by page at a page-length period (line indices).
 */
function pageNumberRun(lines: Line[], g: FurnitureGrammar): number[] {
  const cands = lines.flatMap((l, i) => {
    const p = pageNumberOf(l.text, g);
    return p === null ? [] : [{ i, ...p }];
  });
  // Longest chain of increasing numbers (at most maxSkip pages a step, and minPageLines lines a page).
  // A predecessor has the same rule and a number 1…maxSkip lower, and stands far enough above: for each (rule,
  // number) the candidates in line order with the best chain of every prefix, so each step is a binary search (a
  // text of many number-like lines stays linear, not quadratic).
  const best: { len: number; prev: number }[] = [];
  const seen = new Map<string, { lines: number[]; top: number[] }>();
  cands.forEach((c, j) => {
    best.push({ len: 1, prev: -1 });
    for (let d = 1; d <= g.maxSkip; d++) {
      const entry = seen.get(`${c.rule}:${c.n - d}`);
      if (!entry) continue;
      const limit = c.i - g.minPageLines * d;
      let lo = 0;
      let hi = entry.lines.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entry.lines[mid]! <= limit) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) continue;
      const k = entry.top[lo - 1]!;
      const len = best[k]!.len + 1;
      if (len > best[j]!.len || (len === best[j]!.len && best[j]!.prev > k)) best[j] = { len, prev: k };
    }
    const key = `${c.rule}:${c.n}`;
    const entry = seen.get(key) ?? { lines: [], top: [] };
    seen.set(key, entry);
    const last = entry.top.at(-1);
    entry.lines.push(c.i);
    entry.top.push(last !== undefined && best[last]!.len >= best[j]!.len ? last : j);
  });
  let end = -1;
  best.forEach((b, j) => {
    if (end < 0 || b.len > best[end]!.len) end = j;
  });
  const chain: typeof cands = [];
  for (let j = end; j >= 0; j = best[j]!.prev) chain.unshift(cands[j]!);
  if (chain.length < 2) return [];
  const at = chain.map((c) => c.i);
  return periodic(
    at,
    g,
    chain.slice(1).map((c, k) => c.n - chain[k]!.n),
  )
    ? at
    : [];
}

/** Punctuation inside a sentence: a running head or foot (a title, a name) has none. */
const CLAUSE = /[，,；;。]/;

/** True when a line may be a running head or foot: no sentence or clause, role line or numbered heading. */
function mayRun(text: string): boolean {
  const lg = layoutGrammar();
  if (endsSentence(text, lg) || CLAUSE.test(text)) return false;
  if (lg.roleLabels.some((label) => text.startsWith(label))) return false;
  return structureGrammar().marker(text) === null;
}

/** True when a line at a page's edge may be furniture: no role line or numbered heading. */
function mayEdge(text: string): boolean {
  if (layoutGrammar().roleLabels.some((label) => text.startsWith(label))) return false;
  return structureGrammar().marker(text) === null;
}

/** Running lines shorter than this are matched exactly: a misread makes another short line. */
const MIN_FUZZY = 8;
/** A line this many characters in ten off a running line (at least one) is that line misread. */
const FUZZY_SHARE = 0.1;

/** True when `text` reads as the running line `key` with a few characters misread. */
function nearKey(text: string, key: string): boolean {
  if (key.length < MIN_FUZZY) return false;
  const max = Math.max(1, Math.floor(FUZZY_SHARE * key.length));
  return boundedDistance(text, key, max) <= max;
}

/** Indices of the furniture lines among `lines`. */
function furnitureIndices(lines: Line[], g: FurnitureGrammar): Set<number> {
  const drop = new Set<number>();
  const breaks = pageNumberRun(lines, g);
  for (const i of breaks) drop.add(i);
  // With explicit page breaks, the lines at the top or bottom of most pages (a browser's date and title, its URL
  // and "2/6"), whatever punctuation they hold.
  for (const i of pageEdgeLines(lines, (text) => !mayEdge(text))) drop.add(i);
  // Lines next to the page numbers: a key found beside most of them is a running line.
  const beside = new Map<string, { page: number; i: number }[]>();
  breaks.forEach((b, page) => {
    for (let i = Math.max(0, b - g.nearPage); i <= Math.min(lines.length - 1, b + g.nearPage); i++) {
      if (i === b || !mayRun(lines[i]!.text)) continue;
      const list = beside.get(lines[i]!.text) ?? [];
      list.push({ page, i });
      beside.set(lines[i]!.text, list);
    }
  });
  const where = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const at = where.get(l.text);
    if (at) at.push(i);
    else where.set(l.text, [i]);
  });
  const running = new Set<number>();
  // A running line stands beside the page numbers more often than anywhere else in the text.
  for (const [text, list] of beside) {
    const pages = new Set(list.map((x) => x.page)).size;
    const elsewhere = where.get(text)!.length - new Set(list.map((x) => x.i)).size;
    if (pages >= Math.max(2, Math.ceil(g.pageShare * breaks.length)) && elsewhere < pages)
      for (const x of list) running.add(x.i);
  }
  // Lines that recur at a page-length period over most of the text, page numbers or not.
  // A line whose neighbour recurs with it is a passage the text repeats (a guiding paragraph of each plan).
  const together = (at: number[], d: number) =>
    at.every((i) => lines[i + d] && lines[i + d]!.text === lines[at[0]! + d]!.text);
  for (const [text, at] of where)
    if (
      at.length >= g.minRepeats &&
      !together(at, -1) &&
      !together(at, 1) &&
      at[at.length - 1]! - at[0]! >= g.spanShare * lines.length &&
      mayRun(text) &&
      periodic(at, g)
    )
      for (const i of at) running.add(i);
  // Beside a page number, a line a misread or two off a running line is that line (one character in ten).
  const keys = [...new Set([...running].map((i) => lines[i]!.text))];
  for (const [text, list] of beside)
    if (!running.has(list[0]!.i) && keys.some((k) => nearKey(text, k)))
      for (const x of list) running.add(x.i);
  for (const i of running) {
    drop.add(i);
    // Beside a running line, a page number read loosely (or out of the run: misread) is one too.
    for (const j of [i - 1, i + 1]) {
      const l = lines[j];
      if (l && (pageNumberOf(l.text, g) !== null || loosePageNumber(l.text, g))) drop.add(j);
    }
  }
  return drop;
}

/**
 * Proposals that remove the page furniture of `raw`: each run of furniture lines goes with the blank lines before
 * and after it, from the end of the body line before it to the start of the body line after it.
 */
export function furnitureProposals(raw: string): Proposal[] {
  const g = furnitureGrammar();
  const lines = linesOf(raw);
  const drop = furnitureIndices(lines, g);
  const proposals: Proposal[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!drop.has(i)) continue;
    let j = i;
    while (drop.has(j + 1)) j++;
    const start = i > 0 ? lines[i - 1]!.next : lines[i]!.start;
    const end = j + 1 < lines.length ? lines[j + 1]!.start : raw.length;
    proposals.push({ start, end, text: '', ruleId: FURNITURE_RULE });
    i = j;
  }
  // A form feed (pdftotext's page break, before the next page's first line) is furniture wherever it stands.
  // The runs above are in raw order and apart: whether an offset goes is a binary search among them.
  const runs = proposals.slice();
  const inRun = (k: number): boolean => {
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]!.end <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo < runs.length && runs[lo]!.start <= k;
  };
  const feeds = new Set<number>();
  for (let k = raw.indexOf('\f'); k >= 0; k = raw.indexOf('\f', k + 1))
    if (!inRun(k)) {
      feeds.add(k);
      proposals.push({ start: k, end: k + 1, text: '', ruleId: FURNITURE_RULE });
    }
  // A paged text's layout (its margin, the blank lines of double spacing) goes with it.
  proposals.push(...pageLayoutProposals(raw, (k) => feeds.has(k) || inRun(k)));
  return proposals.sort((a, b) => a.start - b.start);
}

registerGrammar(FURNITURE_GRAMMAR, furnitureGrammar);
