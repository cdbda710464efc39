/**
 * Built-in rule: sequence-aware heading repair. Paragraph-initial markers form sequences — 一、 二、 …, (一) (二) …,
 * 1. 2. … — so a damaged marker between (二) and (四) is (三), and a jump in a sequence is reported (`heading-gap`).
 * Arabic items may restart at 1 under each (X) heading or run on across headings; both are accepted.
 */
import type { Diagnostic } from '../graph/schema.js';
import type { Proposal } from './fixer.js';
import type { RuleContext, RuleOutput } from './types.js';

/** Chinese numerals of heading markers, 1 to 10. */
const NUMERALS = '一二三四五六七八九十';
/** Diagnostic code for a number missing from a heading sequence. */
export const GAP_CODE = 'heading-gap';

/** A paragraph start: indentation, then text. */
const PARAGRAPH_START = /(?:^|\n)[ \t\u3000]*(?=\S)/g;
/** Top level: 一、 */
const CN = /^([一二三四五六七八九十]{1,3})、/;
/** Second level: (一) in either width, primes tolerated (a separate rule drops them). */
const PAREN_CN = /^([(（])([一二三四五六七八九十]{1,3})['’‘`′]?([)）])/;
/** Items: 1. (the number ends at the first non-digit: "4.10月底前" is item 4). */
const ARABIC = /^(\d{1,3})[.．、]/;
/** A mangled (X): an optional opener, one Han character, a closer, then heading text ("伍)" for "(三)"). */
const DAMAGED_PAREN = /^[(（〈C[【〔]?[\u4e00-\u9fff][)）\]】〕](?=[\u4e00-\u9fff])/;
/** A mangled item number: digits with l/I/O/o read for 1 and 0 ("l.", "1O."). */
const DAMAGED_ARABIC = /^([0-9lIOo]{1,3})[.．](?=[\u4e00-\u9fff])/;

type Family = 'cn' | 'paren' | 'arabic';

interface Marker {
  family: Family;
  /** The number; NaN for a damaged marker. */
  value: number;
  start: number;
  end: number;
  /** For damaged markers: the value the shape itself suggests, if any. */
  hint?: number;
  /** Brackets of a (X) marker, to copy into repairs. */
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

/** Reads the marker (valid or damaged) at a paragraph start. */
function readMarker(raw: string, at: number): Marker | undefined {
  const head = raw.slice(at, at + 8);
  let m = CN.exec(head);
  if (m) return { family: 'cn', value: chineseNumber(m[1]!), start: at, end: at + m[0].length };
  m = PAREN_CN.exec(head);
  if (m) {
    const value = chineseNumber(m[2]!);
    return { family: 'paren', value, start: at, end: at + m[0].length, open: m[1], close: m[3] };
  }
  m = ARABIC.exec(head);
  if (m) return { family: 'arabic', value: Number(m[1]), start: at, end: at + m[0].length };
  m = DAMAGED_PAREN.exec(head);
  if (m) return { family: 'paren', value: NaN, start: at, end: at + m[0].length };
  m = DAMAGED_ARABIC.exec(head);
  if (m) {
    const hint = Number(m[1]!.replace(/[lI]/g, '1').replace(/[Oo]/g, '0'));
    return { family: 'arabic', value: NaN, start: at, end: at + m[1]!.length, hint };
  }
  return undefined;
}

/** Proposes numbers for damaged markers that their neighbours determine; reports gaps. */
export function headingSequence(raw: string, ruleId: string, _ctx: RuleContext): RuleOutput {
  const markers: Marker[] = [];
  for (const m of raw.matchAll(PARAGRAPH_START)) {
    const at = m.index + m[0].length;
    const marker = readMarker(raw, at);
    if (marker) markers.push(marker);
  }
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  let parenStyle = { open: '(', close: ')' };
  const last: Record<Family, number> = { cn: 0, paren: 0, arabic: 0 };
  markers.forEach((marker, k) => {
    const { family } = marker;
    if (marker.open !== undefined && marker.close !== undefined)
      parenStyle = { open: marker.open, close: marker.close };
    if (Number.isNaN(marker.value)) {
      const next = nextValue(markers, k, family);
      const candidates = family === 'arabic' ? [last[family] + 1, 1] : [last[family] + 1];
      const expected = candidates.find(
        (n) =>
          (marker.hint === undefined || marker.hint === n) &&
          (next === n + 1 || (next === undefined && marker.hint === n)),
      );
      if (expected !== undefined) {
        const text =
          family === 'paren'
            ? `${parenStyle.open}${chineseNumeral(expected)}${parenStyle.close}`
            : String(expected);
        proposals.push({ start: marker.start, end: marker.end, text, ruleId });
        last[family] = expected;
      }
      return;
    }
    const prev = last[family];
    if (marker.value > prev + 1 && !(family === 'arabic' && marker.value === 1)) {
      diagnostics.push({
        code: GAP_CODE,
        severity: 'warning',
        message: `heading ${marker.value} follows ${prev}: ${marker.value - prev - 1} missing`,
        start: marker.start,
        end: marker.end,
      });
    }
    last[family] = marker.value;
    if (family === 'cn') {
      last.paren = 0;
      if (marker.value === 1) last.arabic = 0;
    }
  });
  return { proposals, diagnostics };
}

/** The value of the next valid marker of `family` before the sequence is reset by a higher level. */
function nextValue(markers: readonly Marker[], k: number, family: Family): number | undefined {
  for (let j = k + 1; j < markers.length; j++) {
    const m = markers[j]!;
    if (m.family === 'cn' && family !== 'cn') return undefined;
    if (m.family === family && !Number.isNaN(m.value)) return m.value;
  }
  return undefined;
}
