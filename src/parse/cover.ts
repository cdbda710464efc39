/**
 * The cover notice (公文 head and signature): issuers, title, 发文字号, 主送机关, dates and the titles of the
 * documents it issues. Works on the trimmed lines of the repaired text; all words come from the grammar.
 */
import type { DocumentInfo } from '../graph/schema.js';
import { structureGrammar, type CoverPatterns } from './grammar.js';
import type { Line } from './lines.js';

/** What the cover parser finds. */
export interface Cover {
  document: DocumentInfo;
  /** Index (into the lines) of the first line after the head (title, 发文字号, 主送机关). */
  headEnd: number;
  /** First line of the signature block that ends the letter (issuers and date), or null when none. */
  letterEnd: number | null;
  /** First line after the signature's date and closing notes. */
  afterLetter: number;
  /** The letter has headings 一、 / (一): it is a body of its own, not only a cover. */
  letterHasHeadings: boolean;
  /** Titles of the documents the notice issues (《》 after 印发, 附件 lines), spaces removed. */
  issued: string[];
  /** Lines of the cover title (its heading leaf). */
  titleLines: number[];
}

const SIGNATURE_DATE_MAX = 20;
const SPACES = /[\s\u3000]+/g;

/** The cover's compiled patterns (grammars/structure.yaml). */
const P = (): CoverPatterns => structureGrammar().cover;

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO date from "2020年4月16日", "二〇二〇年四月十六日" or "2020-04-16" at the start of `s`. */
export function parseDate(s: string): string | null {
  const g = structureGrammar();
  let m = P().date.exec(s) ?? P().isoDate.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = P().chineseDate.exec(s);
  if (!m) return null;
  const y = [...(m[1] ?? '')].map((c) => g.raw.numerals.digits[c] ?? 0).join('');
  const mo = g.chineseNumber(m[2] ?? '');
  const d = g.chineseNumber(m[3] ?? '');
  return mo === null || d === null ? null : valid(Number(y), mo, d);
}

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Removes every space, for comparing titles across OCR damage. */
export const squash = (s: string): string => s.replace(SPACES, '');

/** Reads the cover notice from the first lines of the text. */
export function parseCover(lines: Line[]): Cover {
  const g = structureGrammar().raw.cover;
  const doc: DocumentInfo = { title: '', issuers: [], recipients: [] };
  let i = 0;
  // Labelled metadata (发布时间: …), value on the same or the next line.
  for (;;) {
    const line = lines[i];
    if (!line) break;
    const label = Object.keys(g.labels).find((l) => line.text.startsWith(l));
    if (!label) break;
    let value = line.text.slice(label.length).replace(/^[\s:：]+/, '');
    if (!value && lines[i + 1]) value = lines[++i]?.text ?? '';
    setField(doc, g.labels[label] ?? 'title', value);
    i++;
  }
  const head = findTitle(lines, i);
  const titleLines: number[] = [];
  if (head) {
    const [from, to, prefix] = head;
    for (let k = from; k <= to; k++) titleLines.push(k);
    doc.title = squash(
      lines
        .slice(from, to + 1)
        .map((l) => l.text)
        .join(''),
    ).slice(prefix.length);
    const issuerText =
      prefix || (from > i && isNameLine(lines[from - 1]?.text ?? '') ? lines[from - 1]!.text : '');
    if (issuerText && doc.issuers.length === 0) doc.issuers = splitNames(issuerText);
    if (!prefix && issuerText) titleLines.unshift(from - 1);
    i = to + 1;
  }
  if (lines[i] && P().docNumber.test(lines[i]!.text)) doc.docNumber = squash(lines[i++]!.text);
  // 主送机关: lines ending with a comma, then one ending with a colon.
  for (let k = i; k < Math.min(lines.length, i + 4); k++) {
    const t = lines[k]!.text;
    if (P().clause.test(t.replace(/[,，、]/g, '')) && !P().listEnds.test(t)) break;
    if (P().listEnds.test(t)) {
      const all = lines
        .slice(i, k + 1)
        .map((l) => l.text)
        .join('');
      doc.recipients = squash(all.replace(P().listEnds, '')).split(/[,，]/).filter(Boolean);
      i = k + 1;
      break;
    }
    if (!P().listContinues.test(t)) break;
  }
  // The letter: up to the signature's date; the 《》 it issues (a title may wrap) and its attachments.
  const issued: string[] = [];
  let letter = '';
  let letterEnd: number | null = null;
  let afterLetter = i;
  let letterHasHeadings = false;
  for (let k = i; k < lines.length; k++) {
    const t = lines[k]!.text;
    const date = parseDate(t);
    if (date && t.length <= SIGNATURE_DATE_MAX) {
      doc.date ??= date;
      letterEnd = k;
      while (letterEnd > i && isSignatureName(lines[letterEnd - 1]!.text)) letterEnd--;
      if (doc.issuers.length === 0)
        doc.issuers = lines.slice(letterEnd, k).flatMap((l) => splitNames(l.text));
      afterLetter = k + 1;
      while (lines[afterLetter] && isClosingNote(lines[afterLetter]!.text)) afterLetter++;
      break;
    }
    const kind = structureGrammar().marker(t)?.kind;
    if (kind === 'level1' || kind === 'level2') letterHasHeadings = true;
    letter += t;
    const att = attachment(t);
    if (att) issued.push(att);
  }
  for (const sentence of letter.split(P().sentenceEnd))
    if (g.issueVerbs.some((v) => sentence.includes(v)))
      for (const m of sentence.matchAll(P().quoted)) issued.push(squash(m[1] ?? ''));
  const year = P().year.exec(doc.date ?? '') ?? P().year.exec(doc.title);
  if (doc.date) doc.year = Number(doc.date.slice(0, 4));
  else if (year) doc.year = Number(year[1]);
  return {
    document: doc,
    headEnd: i,
    letterEnd,
    afterLetter,
    letterHasHeadings,
    issued: [...new Set(issued)],
    titleLines,
  };
}

function setField(doc: DocumentInfo, field: string, value: string): void {
  if (field === 'publishDate' || field === 'date') {
    const d = parseDate(value);
    if (d) doc[field] = d;
  } else if (field === 'docNumber') doc.docNumber = squash(value);
  else if (field === 'issuers') doc.issuers = splitNames(value);
  else if (field === 'title') doc.title = squash(value);
}

/** [first line, last line, issuer prefix] of the notice title, or null. */
function findTitle(lines: Line[], from: number): [number, number, string] | null {
  const g = structureGrammar().raw.cover;
  for (let k = from; k < Math.min(lines.length, from + 8); k++) {
    const t = lines[k]!.text;
    const at = t.indexOf(g.titleHead);
    if (at < 0 || P().clause.test(t.slice(0, at))) continue;
    let joined = '';
    for (let e = k; e < Math.min(lines.length, k + 3); e++) {
      joined += lines[e]!.text;
      if (/[。]$/.test(joined)) break;
      if (g.titleSuffixes.some((s) => joined.endsWith(s))) return [k, e, squash(t.slice(0, at))];
    }
  }
  return null;
}

const splitNames = (t: string): string[] => t.split(/[\s\u3000、]+/).filter(Boolean);

/** A line of the signature block above its date: an issuer's name. */
const isSignatureName = (t: string): boolean => isNameLine(t) && t.length <= SIGNATURE_DATE_MAX;

const isNameLine = (t: string): boolean => t.length <= 60 && !P().clause.test(t) && !P().date.test(t);

function isClosingNote(t: string): boolean {
  return structureGrammar().raw.cover.closingNotes.some((n) => t.includes(n)) && t.length <= 20;
}

function attachment(t: string): string | null {
  const label = structureGrammar().raw.cover.attachmentLabel;
  if (!t.startsWith(label)) return null;
  const rest = t
    .slice(label.length)
    .replace(/^[\s:：]+/, '')
    .replace(/^\d+[.．、]/, '');
  return rest && rest.length <= 60 && !P().clause.test(rest) ? squash(rest) : null;
}

/** True when `t` could end a document: a signature date, a print line or a closing note. */
export function isSignatureLine(t: string): boolean {
  if (isClosingNote(t)) return true;
  if (t.length > 40) return false;
  return P().printLine.test(t) || parseDate(t) !== null;
}
