/**
 * Citation extraction (DESIGN.md, `reference` nodes): 《》 titles with the document number that follows them
 * in brackets ("《…》(郑办〔2018〕38号)"), and document numbers cited on their own. Data in grammars/references.yaml.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { execAnchored, type AnchoredRegex } from './anchored.js';

/** One cited document; offsets are UTF-16 indices into the text, end exclusive. */
export interface ReferenceHit {
  start: number;
  end: number;
  /** The title inside 《》 (nested 〈〉 kept), whitespace removed except between ASCII words; '' for a number cited alone. */
  title: string;
  /** The document number, normalised to 〔YYYY〕, e.g. 豫环攻坚办〔2020〕7号. */
  docNumber?: string;
}

const FILE = 'references.yaml';
const GrammarSchema = z.object({
  titleOpen: z.string().length(1),
  titleClose: z.string().length(1),
  innerOpen: z.string().length(1),
  innerClose: z.string().length(1),
  maxTitle: z.number().int().positive(),
  numberOpen: z.string().min(1),
  numberClose: z.string().min(1),
  maxGap: z.number().int().nonnegative(),
  /** One character (a class or an escape): the issuer is 1 to maxIssuer of them. */
  issuerChar: z.string(),
  maxIssuer: z.number().int().positive(),
  docNumber: z.string(),
  docNumberNeeds: z.array(z.string().min(1)).min(1),
  issuerStops: z.array(z.string()),
  specs: z
    .array(
      z.object({
        text: z.string(),
        hits: z.array(z.object({ title: z.string(), docNumber: z.string().optional() })),
      }),
    )
    .min(1),
  rejects: z.array(z.string()),
});
type Grammar = z.infer<typeof GrammarSchema>;
interface Compiled {
  g: Grammar;
  /** A whole document number (issuer and the rest), sticky. */
  sticky: RegExp;
  /** The same, searched for next to each match of the part after the issuer. */
  global: AnchoredRegex;
}

/** Whitespace not between two ASCII letters or digits (OCR spaces inside CJK titles). */
const CJK_SPACE = /(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])/g;

/** The normalised form of a document-number match. */
function docNumberOf(m: RegExpExecArray, issuerStart = 0): string {
  const { issuer = '', year, serial } = m.groups ?? {};
  return `${issuer.slice(issuerStart)}〔${year}〕${serial}号`;
}

/** The document number in brackets starting at `at`, if any: its normalised form and the end of the bracket. */
function bracketedNumber(
  c: Compiled,
  text: string,
  at: number,
): { docNumber: string; end: number } | undefined {
  let i = at;
  while (i < text.length && i - at < c.g.maxGap && /\s/.test(text[i] as string)) i++;
  if (!c.g.numberOpen.includes(text[i] ?? '\n')) return undefined;
  c.sticky.lastIndex = i + 1;
  const m = c.sticky.exec(text);
  if (m === null) return undefined;
  let end = m.index + m[0].length;
  if (text[end] === ' ') end++;
  if (!c.g.numberClose.includes(text[end] ?? '\n')) return undefined;
  return { docNumber: docNumberOf(m), end: end + 1 };
}

/** The 《》 titles of `text` and the numbers right after them. */
function titles(c: Compiled, text: string): ReferenceHit[] {
  const { g } = c;
  const hits: ReferenceHit[] = [];
  let from = text.indexOf(g.titleOpen);
  while (from !== -1) {
    let close = -1;
    let reopen = -1;
    for (let j = from + 1; j < text.length && j - from <= g.maxTitle; j++) {
      if (text[j] === g.titleClose) close = j;
      else if (text[j] === g.titleOpen) reopen = j;
      if (close !== -1 || reopen !== -1) break;
    }
    if (close === -1) {
      from = reopen !== -1 ? reopen : text.indexOf(g.titleOpen, from + 1);
      continue;
    }
    const hit: ReferenceHit = {
      start: from,
      end: close + 1,
      title: text.slice(from + 1, close).replace(CJK_SPACE, ''),
    };
    const number = bracketedNumber(c, text, close + 1);
    if (number !== undefined) {
      hit.docNumber = number.docNumber;
      hit.end = number.end;
    }
    hits.push(hit);
    from = text.indexOf(g.titleOpen, hit.end);
  }
  return hits;
}

/** Document numbers outside the title hits: their issuer is cut after the last stop word. */
function loneNumbers(c: Compiled, text: string, taken: ReferenceHit[]): ReferenceHit[] {
  const hits: ReferenceHit[] = [];
  if (!c.g.docNumberNeeds.some((word) => text.includes(word))) return hits;
  let k = 0;
  for (
    let m = execAnchored(c.global, text, 0);
    m !== null;
    m = execAnchored(c.global, text, m.index + m[0].length)
  ) {
    const end = m.index + m[0].length;
    while (k < taken.length && (taken[k] as ReferenceHit).end <= m.index) k++;
    if (k < taken.length && (taken[k] as ReferenceHit).start < end) continue;
    const issuer = m.groups?.issuer ?? '';
    let cut = 0;
    for (const stop of c.g.issuerStops) {
      const at = issuer.lastIndexOf(stop);
      if (at !== -1 && at + stop.length < issuer.length) cut = Math.max(cut, at + stop.length);
    }
    hits.push({ start: m.index + cut, end, title: '', docNumber: docNumberOf(m, cut) });
  }
  return hits;
}

function extractWith(c: Compiled, text: string): ReferenceHit[] {
  const withTitles = titles(c, text);
  const alone = loneNumbers(c, text, withTitles);
  if (alone.length === 0) return withTitles;
  return [...withTitles, ...alone].sort((a, b) => a.start - b.start);
}

function compile(g: Grammar): Compiled {
  const whole = `(?<issuer>${g.issuerChar}{1,${g.maxIssuer}})${g.docNumber}`;
  try {
    const rest = new RegExp(g.docNumber, 'g');
    const nextAnchor = (text: string, from: number) => {
      rest.lastIndex = from;
      return rest.exec(text)?.index ?? -1;
    };
    const global = { re: new RegExp(whole, 'g'), nextAnchor, maxLead: g.maxIssuer };
    return { g, sticky: new RegExp(whole, 'y'), global };
  } catch (err) {
    throw new GrammarError(FILE, (err as Error).message);
  }
}

/** Runs the grammar's specs and rejects; throws GrammarError on a mismatch. */
function checkSpecs(c: Compiled): void {
  const show = (hits: ReferenceHit[]) =>
    JSON.stringify(hits.map((h) => ({ title: h.title, docNumber: h.docNumber })));
  for (const spec of c.g.specs) {
    const got = show(extractWith(c, spec.text));
    if (got !== JSON.stringify(spec.hits)) throw new GrammarError(FILE, `"${spec.text}" gave ${got}`);
  }
  for (const text of c.g.rejects) {
    const got = extractWith(c, text);
    if (got.length > 0) throw new GrammarError(FILE, `reject "${text}" gave ${show(got)}`);
  }
}

let compiled: Compiled | undefined;

/**
 * Finds the documents `text` cites, in text order: each 《》 title with the bracketed document number that
 * follows it, and each document number cited without a title (title ''). A notice's own number, printed under
 * its title, is also found; telling it apart is the caller's business.
 */
export function extractReferences(text: string): ReferenceHit[] {
  return extractWith(referenceGrammar(), text);
}

/** Loads, compiles and checks grammars/references.yaml once per process. */
function referenceGrammar(): Compiled {
  if (compiled === undefined) {
    const c = compile(loadGrammar(FILE, GrammarSchema));
    if (!examplesChecked(FILE)) checkSpecs(c);
    compiled = c;
  }
  return compiled;
}

registerGrammar(FILE, referenceGrammar);
