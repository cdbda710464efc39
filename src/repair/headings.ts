/**
 * Built-in rule: sequence-aware heading repair. Paragraph-initial markers form sequences — 一、 二、 …, (一) (二) …,
 * 1. 2. …, (1) (2) … — so a damaged marker between (二) and (四) is (三), a damaged marker whose next intact sibling
 * is (2) and that has no sibling before it in its run is (1), and a jump in a sequence is reported (`heading-gap`).
 * Arabic items may restart at 1 under each (X) heading or run on across headings, and (X) under each 一、; both
 * are accepted. A damaged
 * bracketed marker ("(J)", "(也 )", "(七" with its closer lost) may be (X) or (n): only the sequence decides, and
 * when it does not, a `heading-damaged` diagnostic is reported instead of an edit.
 */
import type { Diagnostic } from '../graph/schema.js';
import type { Proposal } from './fixer.js';
import { paragraphStarts } from './paragraphs.js';
import type { RuleContext, RuleOutput } from './types.js';

/** Chinese numerals of heading markers, 1 to 10. */
const NUMERALS = '一二三四五六七八九十';
/** Diagnostic code for a number missing from a heading sequence. */
export const GAP_CODE = 'heading-gap';
/** Diagnostic code for a damaged marker that the sequence does not determine. */
export const DAMAGED_CODE = 'heading-damaged';

/** Top level: 一、 */
const CN = /^([一二三四五六七八九十]{1,3})、/;
/** Second level: (一) in either width, OCR spaces and primes tolerated (a separate rule drops the primes). */
const PAREN_CN = /^([(（]) ?([一二三四五六七八九十]{1,3})['’‘`′]? ?([)）])/;
/** Items: 1. (the number ends at the first non-digit: "4.10月底前" is item 4). */
const ARABIC = /^(\d{1,3}) ?[.．、]/;
/** Sub-items: (1) in either width, OCR spaces tolerated. */
const PAREN_ARABIC = /^([(（]) ?(\d{1,2}) ?([)）])/;
/**
 * A mangled (X) or (n): an opener and one or two characters, or one Han character alone, then a closer and heading
 * text ("伍)", "(J) ", "(也 )").
 */
const DAMAGED_PAREN =
  /^(?:[(（〈C[【〔] ?[^\s()（）[\]【】〔〕〈〉0-9]{1,2}|[\u4e00-\u9fff]) ?[)）\]】〕](?= ?[\u4e00-\u9fff])/;
/** A marker whose closer was read into its number ("(七禁止…" for "(1)禁止…"); only when the paragraph never closes. */
const UNCLOSED_PAREN = /^[(（] ?[^\s()（）[\]【】〔〕〈〉0-9](?=[\u4e00-\u9fff])/;
/** Closing brackets that would make an UNCLOSED_PAREN paragraph ordinary text. */
const CLOSER = /[)）]/;
/** A mangled item number: digits with l/I/O/o read for 1 and 0 ("l.", "1O."). */
const DAMAGED_ARABIC = /^([0-9lIOo]{1,3})[.．](?=[\u4e00-\u9fff])/;

/** Any of the markers above (most paragraphs start with none: one test rules them out). */
const ANY_MARKER = new RegExp(
  [CN, PAREN_CN, ARABIC, PAREN_ARABIC, DAMAGED_PAREN, UNCLOSED_PAREN, DAMAGED_ARABIC]
    .map((re) => `(?:${re.source})`)
    .join('|'),
);

type Family = 'cn' | 'paren' | 'arabic' | 'sub';
/** Nesting depth of each family: a marker ends the runs of the deeper families. */
const LEVEL: Record<Family, number> = { cn: 0, paren: 1, arabic: 2, sub: 3 };
const FAMILIES = Object.keys(LEVEL) as Family[];

interface Marker {
  /** The family of a valid marker; the families a damaged one may belong to. */
  families: Family[];
  /** The number; NaN for a damaged marker. */
  value: number;
  start: number;
  end: number;
  /** For damaged markers: the value the shape itself suggests, if any. */
  hint?: number;
  /** Brackets of a (X) or (n) marker, to copy into repairs. */
  open?: string;
  close?: string;
}

/** Value of a Chinese numeral from 一 to 九十九. */
export function chineseNumber(text: string): number {
  const digit = (c: string | undefined): number => (c === undefined ? 0 : NUMERALS.indexOf(c) + 1);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digit(text) : NaN;
  return (ten === 0 ? 1 : digit(text[0])) * 10 + (ten === text.length - 1 ? 0 : digit(text[ten + 1]));
}

/** The Chinese numeral for 1 … 99. */
export function chineseNumeral(n: number): string {
  const units = NUMERALS.slice(0, 9);
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : units[tens - 1]!) + '十' + (n % 10 === 0 ? '' : units[(n % 10) - 1]!);
}

/** Bracketed markers: (一) and (1), with their family and the value of their number. */
const BRACKETED = [
  ['paren', PAREN_CN, chineseNumber],
  ['sub', PAREN_ARABIC, Number],
] as const;

/** Reads the marker (valid or damaged) at a paragraph start. */
function readMarker(raw: string, at: number): Marker | undefined {
  const head = raw.slice(at, at + 10);
  if (!ANY_MARKER.test(head)) return undefined;
  let m = CN.exec(head);
  if (m) return { families: ['cn'], value: chineseNumber(m[1]!), start: at, end: at + m[0].length };
  for (const [family, re, value] of BRACKETED) {
    m = re.exec(head);
    if (m) {
      const end = at + m[0].length;
      return { families: [family], value: value(m[2]!), start: at, end, open: m[1], close: m[3] };
    }
  }
  m = ARABIC.exec(head);
  if (m) return { families: ['arabic'], value: Number(m[1]), start: at, end: at + m[0].length };
  m = DAMAGED_PAREN.exec(head);
  if (!m) {
    const unclosed = UNCLOSED_PAREN.exec(head);
    if (unclosed && !CLOSER.test(paragraphAt(raw, at))) m = unclosed;
  }
  if (m) return { families: ['sub', 'paren'], value: NaN, start: at, end: at + m[0].length };
  m = DAMAGED_ARABIC.exec(head);
  if (m) {
    const hint = Number(m[1]!.replace(/[lI]/g, '1').replace(/[Oo]/g, '0'));
    return { families: ['arabic'], value: NaN, start: at, end: at + m[1]!.length, hint };
  }
  return undefined;
}

/** The rest of the line that starts at `at`. */
function paragraphAt(raw: string, at: number): string {
  const end = raw.indexOf('\n', at);
  return raw.slice(at, end < 0 ? raw.length : end);
}

/** Proposes numbers for damaged markers that their neighbours determine; reports gaps. */
export function headingSequence(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const markers: Marker[] = [];
  for (const start of paragraphStarts(raw, ctx)) {
    const marker = readMarker(raw, start);
    if (marker) markers.push(marker);
  }
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  const last: Record<Family, number> = { cn: 0, paren: 0, arabic: 0, sub: 0 };
  const siblings = nextSiblings(markers);
  markers.forEach((marker, k) => {
    if (Number.isNaN(marker.value)) {
      const fits = marker.families.flatMap((family) => {
        const next = siblings.get(k)![family];
        const candidates = RUNS_ON.includes(family) ? [last[family] + 1, 1] : [last[family] + 1];
        const n = candidates.find(
          (c) =>
            (marker.hint === undefined || marker.hint === c) &&
            (next?.value === c + 1 || (next === undefined && marker.hint === c)),
        );
        return n === undefined ? [] : [{ family, n, next }];
      });
      const fit = fits[0];
      if (fits.length === 1 && fit) {
        const { family, n, next } = fit;
        const [open, close] = [next?.open ?? '(', next?.close ?? ')'];
        const number = family === 'paren' ? chineseNumeral(n) : String(n);
        const text = family === 'arabic' ? number : `${open}${number}${close}`;
        proposals.push({ start: marker.start, end: marker.end, text, ruleId });
        enter(last, family, n);
      } else if (marker.families.length > 1) {
        diagnostics.push({
          code: DAMAGED_CODE,
          severity: 'info',
          message: 'damaged heading marker: its sequence does not say which number it is',
          start: marker.start,
          end: marker.end,
        });
      }
      return;
    }
    const family = marker.families[0]!;
    const prev = last[family];
    if (marker.value > prev + 1 && !(RUNS_ON.includes(family) && marker.value === 1)) {
      diagnostics.push({
        code: GAP_CODE,
        severity: 'warning',
        message: `heading ${marker.value} follows ${prev}: ${marker.value - prev - 1} missing`,
        start: marker.start,
        end: marker.end,
      });
    }
    enter(last, family, marker.value);
  });
  return { proposals, diagnostics };
}

/**
 * Families whose numbers may restart under each heading above them or run on across those headings (items across
 * (X), and (X) across 一、 as State Council notices number them: 二、 then (五)); 一、 restarts them all.
 */
const RUNS_ON: readonly Family[] = ['paren', 'arabic'];

/** Records marker `value` of `family`: deeper runs end, except those that run on (see `RUNS_ON`). */
function enter(last: Record<Family, number>, family: Family, value: number): void {
  last[family] = value;
  last.sub = family === 'sub' ? value : 0;
  if (family === 'cn' && value === 1) last.paren = last.arabic = 0;
}

/**
 * For each damaged marker (by index), the next valid marker of each family before that family's run is ended by a
 * higher level (for items: by 一、). One backward pass, so the rule stays linear.
 */
function nextSiblings(markers: readonly Marker[]): Map<number, Partial<Record<Family, Marker>>> {
  const out = new Map<number, Partial<Record<Family, Marker>>>();
  const ahead: Partial<Record<Family, Marker>> = {};
  for (let k = markers.length - 1; k >= 0; k--) {
    const m = markers[k]!;
    if (Number.isNaN(m.value)) {
      out.set(k, { ...ahead });
      continue;
    }
    const g = m.families[0]!;
    ahead[g] = m;
    for (const f of ENDED_BY[g]) ahead[f] = undefined;
  }
  return out;
}

/** The level of markers that end a run of `family`: any higher one, except that items run on across (X). */
function stopLevel(family: Family): number {
  return family === 'arabic' ? LEVEL.cn : LEVEL[family] - 1;
}

/** For each family, the other families whose runs a marker of it ends. */
const ENDED_BY = Object.fromEntries(
  FAMILIES.map((g) => [g, FAMILIES.filter((f) => f !== g && LEVEL[g] <= stopLevel(f))]),
) as Record<Family, Family[]>;
