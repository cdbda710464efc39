/**
 * The cover notice (公文 head and signature): issuers, title, 发文字号, 主送机关, dates and the titles of the
 * documents it issues. Works on the trimmed lines of the repaired text; all words come from the grammar.
 */
import type { DocumentInfo } from '../graph/schema.js';
import type { ParseDiagnostic } from './body.js';
import { structureGrammar, type CoverPatterns } from './grammar.js';
import type { Line } from './lines.js';
import { simplify } from './simplified.js';

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
  /** What the head holds that the document has no field for (份号, 密级, 紧急程度, 签发人). */
  diagnostics: ParseDiagnostic[];
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

/** Lines of a page's head searched for furniture, metadata and the title. */
const HEAD_WINDOW = 40;
/** Lines after the title searched for the 发文字号 alone on its line and for the 主送机关. */
const AFTER_TITLE = 14;
/** A line repeating the title's start is taken for the repeated title when it has this many characters. */
const REPEATED_TITLE_MIN = 8;
/** A line ending with a colon this short is a label cell of a metadata grid (题：), not a 主送机关. */
const LABEL_CELL_MAX = 3;

/**
 * A copy of `t` for recognition only: traditional characters simplified with OpenCC's data one by one and pinyin
 * glosses (發(fā)) blanked, so offsets in the copy are offsets in `t`. The output always keeps the original text.
 */
export function matchText(t: string): string {
  const m = simplify(t);
  return m.includes('(') || m.includes('（') ? m.replace(P().pinyinGloss, (g) => ' '.repeat(g.length)) : m;
}

/** `t` without the pinyin glosses a converter left in it. */
export const unGloss = (t: string): string => t.replace(P().pinyinGloss, '');

/** The label a head line starts with (发布日期:, 索引号 …), or undefined. */
const labelOf = (m: string): string | undefined =>
  Object.keys(structureGrammar().raw.cover.labels).find(
    (l) => m.startsWith(l) && (m.length === l.length || /^[\s:：]/.test(m.slice(l.length))),
  );

/** The grammar's labels, longest first (发布时间 before 时间). */
const labelsLongestFirst = (): string[] =>
  Object.keys(structureGrammar().raw.cover.labels).sort((a, b) => b.length - a.length);

/**
 * The labels of a head line that starts with one, each with its value (trimmed; '' when the value is on the next
 * line). A metadata grid laid out on a line holds several (发文机关：国务院　成文日期：2019年1月27日, as a gov
 * site's table, its print or its PDF gives it): a further label counts where it is followed by a colon, and each
 * value ends where the next label starts. Labels are found on the simplified copy; values come from `t`.
 */
export function labelPairs(t: string): { label: string; value: string }[] {
  const m = matchText(t);
  const first = labelOf(m);
  if (first === undefined) return [];
  const keys = labelsLongestFirst();
  const starts: [number, string][] = [[0, first]];
  for (let k = first.length; k < m.length; k++) {
    const l = keys.find((x) => m.startsWith(x, k) && /^[ \t\u3000]*[:：]/.test(m.slice(k + x.length)));
    if (l === undefined) continue;
    starts.push([k, l]);
    k += l.length - 1;
  }
  return starts.map(([at, label], n) => ({
    label,
    value: t
      .slice(at + label.length, starts[n + 1]?.[0] ?? t.length)
      .replace(/^[\s:：]+/, '')
      .trim(),
  }));
}

/** A line of the site's furniture (breadcrumbs, share and print links, a doc-sharing site's blurb). */
const isFurniture = (m: string): boolean =>
  structureGrammar().raw.cover.furniture.some((f) => m.startsWith(f));

/** Shortest issuer read before a title that the masthead's longer name may complete. */
const MIN_ISSUER_TAIL = 3;

/** A 发文机关标志 (…文件) line. */
const isMasthead = (m: string): boolean =>
  m.length <= 30 &&
  m.endsWith(structureGrammar().raw.cover.masthead) &&
  !P().clause.test(m) &&
  // A title line that breaks after 文件 (关于抓好…有关文件 / 贯彻落实工作的通知) is no masthead.
  !m.includes(structureGrammar().raw.cover.titleHead);

/** docNumberIn with match indices, for the year's brackets (its group `year`). */
let docNumberIndices: RegExp | undefined;

/**
 * The 发文字号 written the standard way (GB/T 9704): the year in 〔〕 whatever brackets the text gives it ([], ［］,
 * (), （）, 【】, converters' „‟ and ﹝﹞, tesseract's 【2018j), as the references of the text are written. Other
 * characters are kept as printed (traditional 號 stays 號).
 */
export function normaliseDocNumber(n: string): string {
  docNumberIndices ??= new RegExp(structureGrammar().raw.cover.patterns.docNumberIn, 'd');
  const d = docNumberIndices.exec(matchText(n));
  const at = d?.indices?.groups?.['year'];
  if (!d || !at) return n;
  const year = n.slice(at[0] + 1, at[1] - 1).replace(SPACES, '');
  return `${n.slice(0, at[0])}〔${year}〕${n.slice(at[1])}`;
}

/** What a `doc-number-normalised` diagnostic says: the 发文字号 as printed and as the graph writes it. */
export const docNumberNormalisedMessage = (raw: string, standard: string, where = 'the text'): string =>
  `发文字号 "${raw}" 记为 "${standard}" (the year's brackets written 〔〕, as GB/T 9704 prints them; ${where} keeps its spelling)`;

/** The 发文字号 alone on a line (spaces aside), from the original text. */
function docNumberLine(t: string): string | null {
  const m = matchText(squash(t));
  const d = P().docNumberIn.exec(m);
  return d && d.index === 0 && d[0].length === m.length ? squash(t) : null;
}

/** A wrapped 发文字号's tail (its serial number and 号) is at most this long on the next line. */
const DOC_NUMBER_TAIL_MAX = 6;

/** A 发文字号 a scan damaged, read in the head (`docNumberDamage`): as printed and as written. */
interface DamagedNumber {
  read: string;
  standard: string;
  /** Lines it takes: 1, or 2 when its serial number wrapped to the next line. */
  lines: number;
}

/**
 * A 发文字号 damaged past the docNumber patterns (brackets read as other glyphs or lost, 号 read as a look-alike)
 * alone on line k, or on line k and a short next line (a wrapped serial number). Only where a 发文字号 stands in
 * the head (the caller's place); a line the strict patterns read is no damaged one.
 */
function damagedDocNumber(lines: Line[], k: number): DamagedNumber | null {
  const t = lines[k]?.text ?? '';
  if (!t.trim() || docNumberLine(t)) return null;
  const next = squash(lines[k + 1]?.text ?? '');
  const candidates: [string, number][] = [[squash(t), 1]];
  if (next && next.length <= DOC_NUMBER_TAIL_MAX) candidates.push([squash(t) + next, 2]);
  for (const [read, n] of candidates) {
    const m = P().docNumberDamaged.exec(matchText(read));
    if (!m?.groups) continue;
    const { year, serial } = m.groups;
    const issuer = read.slice(0, m.groups['issuer']!.length);
    return { read, standard: `${issuer}〔${year}〕${serial}号`, lines: n };
  }
  return null;
}

function damagedNote(line: Line, d: DamagedNumber): ParseDiagnostic {
  return {
    code: 'doc-number-damaged',
    severity: 'warning',
    message: `发文字号 "${d.read}" 读作 "${d.standard}" (a scan's damage: the year's brackets or 号 read as other glyphs or lost; grammars/structure.yaml docNumberDamage)`,
    start: line.start,
    end: line.end,
  };
}

/**
 * A head line as a title candidate: a 发文字号 glued before it and the 《》 a site wraps it in removed, and cut at
 * a furniture label inside the line (…的通知时间:2021-03-16). Offsets are kept: returns [from, to] in `t`.
 */
function titleSpan(t: string): [number, number] {
  const m = matchText(t);
  let from = 0;
  const d = P().docNumberIn.exec(m);
  if (d && d.index === 0) from = d[0].length;
  let to = t.length;
  for (const l of structureGrammar().raw.cover.inlineLabels) {
    const re = new RegExp(`${l}\\s*[:：]`);
    const at = re.exec(m.slice(from));
    if (at && from + at.index < to && from + at.index > from) to = from + at.index;
  }
  while (from < to && /\s/.test(t[from]!)) from++;
  while (to > from && /\s/.test(t[to - 1]!)) to--;
  // The 《》 a site wraps the title in, not the 《》 inside it (关于落实《政府工作报告》…): a leading mark whose
  // match ends the line or is not on it, and a closing mark at the end of a line left with one more close.
  for (const [open, close] of WRAPPERS) {
    if (t[from] === open) {
      const end = matchingClose(t, from, to, open, close);
      if (end === to - 1 || end < 0) {
        from++;
        if (end === to - 1) to--;
      } else if (
        t
          .slice(end + 1, to)
          .trimStart()
          .startsWith(open)
      ) {
        // Wrapped titles back to back (a site's headline run into the notice's title when lines are joined):
        // the first.
        from++;
        to = end;
      }
    } else if (t[to - 1] === close && count(t, from, to, close) > count(t, from, to, open)) to--;
  }
  return [from, to];
}

/** Quotation marks a site wraps a title in: 《…》, or 〈…〉 where 《》 is inside. */
const WRAPPERS = [
  ['《', '》'],
  ['〈', '〉'],
] as const;

const count = (t: string, from: number, to: number, c: string): number => {
  let n = 0;
  for (let k = from; k < to; k++) if (t[k] === c) n++;
  return n;
};

/** Index of the mark that closes the one at `at`, or -1 when the line does not close it. */
function matchingClose(t: string, at: number, to: number, open: string, close: string): number {
  let depth = 0;
  for (let k = at; k < to; k++) {
    if (t[k] === open) depth++;
    else if (t[k] === close && --depth === 0) return k;
  }
  return -1;
}

const cleanTitle = (t: string): string => {
  const [a, b] = titleSpan(t);
  return t.slice(a, b);
};

/** A line of the head that is not the notice's: a label with its value, furniture, a masthead. */
function isSiteLine(t: string): boolean {
  const m = matchText(t);
  return (
    labelOf(m) !== undefined ||
    isFurniture(m) ||
    isMasthead(m) ||
    m.startsWith(structureGrammar().raw.cover.signerLabel)
  );
}

/** Lines after the head's metadata searched for the title. */
const TITLE_WINDOW = 12;
/** Lines of a grid's wrapped label cells above a line of their tails. */
const WRAPPED_ABOVE = 3;

/**
 * A metadata grid whose label cells wrapped (a printed gov page copied out of its PDF): each label's head stands
 * before its value (发文机国务院成文日2019年01月27日) and its tail with the colon on a later line (关：期：); a label
 * cut after its first characters stands alone (标 / 主题) with its tail, colon and value on the next line
 * (题：国务院关于…). A head counts only where a tail line completes it to a label of the grammar. Returns the
 * pairs read per line and every line of the grid (heads, tails), which are never a title, issuer or 发文字号.
 */
function wrappedGrid(lines: Line[]): {
  pairs: Map<number, { label: string; value: string }[]>;
  grid: Set<number>;
} {
  const pairs = new Map<number, { label: string; value: string }[]>();
  const grid = new Set<number>();
  const labels = labelsLongestFirst();
  const end = Math.min(lines.length, HEAD_WINDOW);
  const text = (k: number): string => squash(matchText(lines[k]!.text));
  const original = (k: number): string => squash(lines[k]!.text);
  for (let k = 0; k < end; k++) {
    if (grid.has(k)) continue;
    const m = text(k);
    // 标 alone, then 题：value: the label's tail and its colon open the next line.
    const next = k + 1 < end ? text(k + 1) : '';
    const cut =
      m.length > 0 && next
        ? labels.find((l) => {
            const tail = l.slice(m.length);
            return (
              l.length > m.length &&
              l.startsWith(m) &&
              next.startsWith(tail) &&
              P().listEnds.test(next.slice(0, tail.length + 1))
            );
          })
        : undefined;
    if (cut !== undefined) {
      const value = original(k + 1).slice(cut.length - m.length + 1);
      pairs.set(k + 1, [{ label: cut, value }]);
      grid.add(k).add(k + 1);
      continue;
    }
    if (!P().labelTails.test(m)) continue;
    // A line of tails (关：期：): each completes, in order, a head in the lines just above.
    const tails = m.split(/[:：]/).filter(Boolean);
    const before = tails.length;
    for (let a = Math.max(0, k - WRAPPED_ABOVE); a < k && tails.length > 0; a++) {
      if (grid.has(a)) continue;
      const line = text(a);
      const found: { at: number; label: string; head: number }[] = [];
      for (let at = 0; at < line.length && found.length < tails.length; at++) {
        const tail = tails[found.length]!;
        const label = labels.find(
          (l) => l.length > tail.length && l.endsWith(tail) && line.startsWith(l.slice(0, -tail.length), at),
        );
        if (label === undefined) {
          if (at === 0) break;
          continue;
        }
        found.push({ at, label, head: label.length - tail.length });
        at += label.length - tail.length - 1;
      }
      if (found.length === 0) continue;
      tails.splice(0, found.length);
      grid.add(a);
      const value = original(a);
      pairs.set(
        a,
        found.map((f, n) => ({
          label: f.label,
          value: value.slice(f.at + f.head, found[n + 1]?.at ?? value.length),
        })),
      );
    }
    // A line of words with colons that completes no label (各市：) is no grid.
    if (tails.length < before) grid.add(k);
  }
  return { pairs, grid };
}

/** Reads the cover notice from the first lines of the text. */
export function parseCover(lines: Line[]): Cover {
  const g = structureGrammar().raw.cover;
  const doc: DocumentInfo = { title: '', issuers: [], recipients: [] };
  const site: Partial<DocumentInfo> = {};
  let i = 0;
  /** Reads a label line at k into `site`; returns the last line it used. */
  const readLabel = (k: number): number => {
    const pairs = labelPairs(lines[k]!.text);
    let last = k;
    const next = lines[k + 1];
    // A label alone on its line: its value is the next line. In a grid of such lines whose lines were joined, the
    // next label may end the value's line (000014349/2023-26788文件类型): its value is the line after.
    if (pairs.length === 1 && !pairs[0]!.value && next && !labelOf(matchText(next.text))) {
      pairs[0]!.value = next.text;
      last = k + 1;
      const m = matchText(next.text.trimEnd());
      const glued = labelsLongestFirst().find((l) => m.length > l.length && m.endsWith(l));
      const after = lines[k + 2];
      if (glued !== undefined && after && !labelOf(matchText(after.text))) {
        pairs[0]!.value = next.text.trimEnd().slice(0, -glued.length);
        pairs.push({ label: glued, value: after.text });
        last = k + 2;
      }
    }
    for (const { label, value } of pairs) setField(site, g.labels[label] ?? 'none', value);
    return last;
  };
  const diagnostics: ParseDiagnostic[] = [];
  let decree = false;
  /** The issuers the 发文机关标志 names (…文件 less 文件). */
  const mastheads: string[] = [];
  const { pairs: gridPairs, grid: wrapped } = wrappedGrid(lines);
  for (const [, pairs] of gridPairs)
    for (const { label, value } of pairs) setField(site, g.labels[label] ?? 'none', value);
  // Labelled metadata (发布时间: …), furniture and mastheads before the title; a 发文字号 alone on its line; the
  // 份号, 密级 and 紧急程度; a decree's 发文机关标志 and 令号.
  for (; i < Math.min(lines.length, HEAD_WINDOW); i++) {
    const t = lines[i]!.text;
    const m = matchText(t);
    if (wrapped.has(i) || m.startsWith(g.signerLabel)) continue;
    // The 发文字号 left and 签发人 right on one line (GB/T 9704's head of a report upwards): the part before 签发人.
    const signer = m.indexOf(g.signerLabel);
    if (signer > 0 && !doc.docNumber) {
      const before: Line = { ...lines[i]!, text: t.slice(0, signer), end: lines[i]!.start + signer };
      const d = docNumberLine(before.text) ?? damagedDocNumber([before], 0)?.standard;
      if (d) {
        doc.docNumber = d;
        const damaged = damagedDocNumber([before], 0);
        if (damaged) diagnostics.push(damagedNote(before, damaged));
        continue;
      }
    } else if (labelOf(m) !== undefined) i = readLabel(i);
    else if (isMasthead(m)) {
      const name = squash(m).slice(0, -g.masthead.length);
      // One issuer's name, nothing else on the line (a site's 第一篇: before it is no part of it).
      if (/^[\u4e00-\u9fff]+$/.test(name)) mastheads.push(name);
    } else if (isFurniture(m)) continue;
    else if (docNumberLine(t)) doc.docNumber ??= docNumberLine(t)!;
    else if (!doc.docNumber && damagedDocNumber(lines, i)) {
      const d = damagedDocNumber(lines, i)!;
      doc.docNumber = d.standard;
      diagnostics.push(damagedNote(lines[i]!, d));
      i += d.lines - 1;
    } else if (isElementLine(m)) diagnostics.push(elementNote(lines[i]!));
    else if (!decree && readDecree(lines, i, doc)) {
      decree = true;
      i += P().decreeNumber.test(squash(matchText(lines[i + 1]?.text ?? ''))) ? 1 : 0;
    } else break;
  }
  const start = i;
  const head = decree ? null : findTitle(lines, i, wrapped);
  const titleLines: number[] = [];
  if (head) {
    const [from, to, prefix] = head;
    for (let k = from; k <= to; k++) titleLines.push(k);
    doc.title = squash(
      lines
        .slice(from, to + 1)
        .map((l) => cleanTitle(l.text))
        .join(''),
    ).slice(prefix.length);
    const end = damagedTitleEnd(doc.title, lines.slice(to + 1, to + 1 + LETTER_EVIDENCE_LINES));
    if (end) {
      diagnostics.push({
        code: 'title-end-damaged',
        severity: 'warning',
        message: `标题 "…${doc.title.slice(-end.read.length - 1)}" 读作 "…${g.titleLink}${end.word}" (a scan misread one character of the title's last word; the letter names the document ${end.word})`,
        start: lines[to]!.start,
        end: lines[to]!.end,
      });
      doc.title = doc.title.slice(0, -end.read.length) + end.word;
    }
    // Issuers on their own lines just above the title (up to three: joint issuers).
    const above: number[] = [];
    for (let k = from - 1; k >= start && above.length < 3; k--) {
      const raw = lines[k]!.text;
      if (wrapped.has(k) || isSiteLine(raw) || docNumberLine(raw)) break;
      // A 发文字号 a site glued before the issuer's line is no part of the name.
      const t = cleanTitle(raw);
      if (!t || !isNameLine(t) || t.length > SIGNATURE_DATE_MAX * 2) break;
      above.unshift(k);
    }
    let issuerText = prefix || above.map((k) => cleanTitle(lines[k]!.text)).join(' ');
    // An issuer whose first characters the scan lost (务院办公厅关于…) or misread one of (导务院关于…) is the
    // masthead's when it ends that name or is it but for that one character.
    const named = mastheads.find((h) => {
      const read = squash(issuerText);
      if (read.length < MIN_ISSUER_TAIL || read === h) return false;
      if (h.length > read.length) return h.endsWith(read);
      return h.length === read.length && [...h].filter((c, k) => c !== read[k]).length === 1;
    });
    if (named !== undefined) issuerText = named;
    if (issuerText && doc.issuers.length === 0) doc.issuers = splitNames(issuerText);
    if (!prefix) titleLines.unshift(...above);
    const fullTitle = squash(issuerText) + doc.title;
    if (fullTitle !== doc.title) doc.fullTitle = fullTitle;
    i = to + 1;
  }
  // No title read (a scan that lost or garbled it): the 发文字号 alone on a line of the head after the masthead.
  if (!head && !decree && !doc.docNumber)
    for (let k = start; k < Math.min(lines.length, start + AFTER_TITLE); k++) {
      if (wrapped.has(k)) continue;
      const t = lines[k]!.text;
      const strict = docNumberLine(t);
      const damaged = strict ? null : damagedDocNumber(lines, k);
      if (strict) doc.docNumber = strict;
      else if (damaged) {
        doc.docNumber = damaged.standard;
        diagnostics.push(damagedNote(lines[k]!, damaged));
      } else continue;
      break;
    }
  // The 发文字号: glued to a head line up to the title, or alone on a line after it.
  if (!doc.docNumber)
    for (let k = 0; k < Math.min(i, HEAD_WINDOW); k++) {
      const t = lines[k]!.text;
      const d = P().docNumberIn.exec(matchText(t));
      if (d && !labelOf(matchText(t)) && !wrapped.has(k)) {
        doc.docNumber = squash(t.slice(d.index, d.index + d[0].length));
        break;
      }
    }
  const full = bareTitle(doc.fullTitle ?? '');
  const inTitle = (t: string): boolean =>
    !!full && !!bareTitle(cleanTitle(t)) && full.includes(bareTitle(cleanTitle(t)));
  // After the title: the site's lines, a repeated title, the 发文字号, then the 主送机关.
  /** Site label lines read after the title (a 主送机关 may be flattened onto one). */
  const labelsAfter: number[] = [];
  const afterTitle = (): void => {
    for (let n = 0; i < lines.length && n < AFTER_TITLE; n++) {
      const t = lines[i]!.text;
      const m = matchText(t);
      if (labelOf(m) !== undefined) {
        labelsAfter.push(i);
        i = readLabel(i) + 1;
      } else if (isFurniture(m) || isMasthead(m)) i++;
      else if (docNumberLine(t)) {
        doc.docNumber ??= docNumberLine(t)!;
        i++;
      } else if (!doc.docNumber && damagedDocNumber(lines, i)) {
        const d = damagedDocNumber(lines, i)!;
        doc.docNumber = d.standard;
        diagnostics.push(damagedNote(lines[i]!, d));
        i += d.lines;
      } else if (inTitle(t)) i++;
      else break;
    }
  };
  afterTitle();
  // The title found in a page's metadata grid (a printed page: label cells wrapped, two cells a line): the
  // notice's own title follows a few lines on, with its 发文字号 and 主送机关 after it.
  // A 主送机关 going on over lines (ending in a comma) is no grid; a line holding only the issuers (the
  // signature) is no repeated title: the line must reach into the title proper.
  const stop = squash(lines[i]?.text ?? '');
  const own = bareTitle(doc.title ?? '');
  const issuerPart = own && full.endsWith(own) ? full.length - own.length : 0;
  const grid = !P().listContinues.test(stop) && (!P().listEnds.test(stop) || stop.length <= LABEL_CELL_MAX);
  if (full && grid)
    for (let k = i; k < Math.min(lines.length, i + AFTER_TITLE); k++) {
      const b = bareTitle(cleanTitle(lines[k]!.text));
      if (b.length < REPEATED_TITLE_MIN || b.length <= issuerPart || !full.startsWith(b)) continue;
      i = k;
      afterTitle();
      break;
    }
  // 主送机关: lines ending with a comma, then one ending with a colon.
  for (let k = i; k < Math.min(lines.length, i + 4); k++) {
    const t = lines[k]!.text;
    if (P().clause.test(t.replace(/[,，、]/g, '')) && !P().listEnds.test(t)) break;
    // A sentence, or a lead-in (现通知如下：), is the letter, never a 主送机关.
    if (P().sentenceEnd.test(t) || g.leadIns.some((w) => t.replace(P().listEnds, '').endsWith(w))) break;
    if (P().listEnds.test(t)) {
      const all = lines
        .slice(i, k + 1)
        .map((l) => l.text)
        .join('');
      doc.recipients = squash(all.replace(P().listEnds, '')).split(/[,，]/).filter(Boolean);
      const noise = P().recipientNoise.exec(doc.recipients[0] ?? '');
      if (noise) {
        doc.recipients[0] = doc.recipients[0]!.slice(noise[0].length);
        diagnostics.push({
          code: 'recipient-noise',
          severity: 'warning',
          message: `主送机关 "${noise[0]}${doc.recipients[0]}": "${noise[0]}" 不是机关名 (a list never opens with a conjunction; OCR noise in the indent), dropped`,
          start: lines[i]!.start,
          end: lines[i]!.end,
        });
      }
      i = k + 1;
      break;
    }
    if (!P().listContinues.test(t)) break;
  }
  // Site labels run onto a title line (…实施意见》浏览量:时间:2016-01-17 23:45:19): read as on their own line.
  for (const k of titleLines) {
    const t = lines[k]!.text;
    const rest = t.slice(titleSpan(t)[1]).replace(/^[^\u4e00-\u9fff]+/, '');
    for (const { label, value } of labelPairs(rest)) setField(site, g.labels[label] ?? 'none', value);
  }
  // 主送机关 flattened onto the title's line, after a site label and its value (…的通知时间:2021-03-16 各区…:),
  // or onto a site label line after the title (发布日期:2013-03-27浏览次数:1各市(地)人民政府…:).
  const lastTitle = titleLines.length > 0 ? lines[titleLines[titleLines.length - 1]!]!.text : '';
  const flattened = [
    ...(lastTitle ? [lastTitle.slice(titleSpan(lastTitle)[1]).replace(/^[^\s:：]*\s*[:：]/, '')] : []),
    ...labelsAfter.map((k) => labelPairs(lines[k]!.text).pop()?.value ?? ''),
  ];
  for (const after of flattened) {
    if (doc.recipients.length > 0) break;
    const rest = after.replace(/^\s*[\d\-./年月日:：\s]*/, '');
    const at = /[:：]/.exec(rest);
    const list = at ? rest.slice(0, at.index) : '';
    if (
      list &&
      list.length <= 200 &&
      !P().clause.test(list.replace(/[,，、]/g, '')) &&
      !/\s/.test(list.trim()) &&
      !/^\d/.test(list) &&
      labelOf(matchText(list)) === undefined &&
      !g.leadIns.some((w) => list.endsWith(w))
    )
      doc.recipients = squash(list).split(/[,，]/).filter(Boolean);
  }
  // The page's own metadata fills the fields the notice leaves empty.
  if (!doc.title && site.title) doc.title = site.title;
  if (!doc.docNumber && site.docNumber) doc.docNumber = site.docNumber;
  if (doc.issuers.length === 0 && site.issuers) doc.issuers = site.issuers;
  if (site.date) doc.date = site.date;
  if (site.publishDate) doc.publishDate = site.publishDate;
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
      const signers = lines.slice(letterEnd, k).map((l) => splitNames(l.text));
      const persons = signers.filter(isSignatory).map((n) => n.join(' '));
      if (persons.length > 0) doc.signatories = persons;
      const names = signers.filter((n) => !isSignatory(n)).flat();
      if (doc.issuers.length === 0) doc.issuers = names;
      // Joint issuers printed without a space before 关于: the signature names them one by one.
      else if (doc.issuers.length === 1 && names.length > 1 && names.join('') === doc.issuers[0])
        doc.issuers = names;
      else if (doc.issuers.length === 1 && names.length === 1) {
        // The issuer printed three times (masthead, title, signature), a scan misreading a character of some.
        const read = doc.issuers[0]!;
        const agreed = votedName(read, [...mastheads, names[0]!]);
        if (agreed) {
          doc.issuers = [agreed];
          if (doc.fullTitle?.startsWith(read)) doc.fullTitle = agreed + doc.fullTitle.slice(read.length);
          diagnostics.push({
            code: 'issuer-voted',
            severity: 'warning',
            message: `发文机关 "${read}" 读作 "${agreed}" (each character as most of its printings read it: ${[read, ...mastheads, names[0]!].join(' / ')})`,
            start: lines[titleLines[0] ?? letterEnd]!.start,
            end: lines[titleLines[0] ?? letterEnd]!.end,
          });
        }
      }
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
  // A 签发人 on its line or beside the 发文字号, up to the end of the head.
  for (let k = 0; k < i; k++) {
    const at = matchText(lines[k]!.text).indexOf(g.signerLabel);
    if (at >= 0) diagnostics.push(signerNote(lines[k]!, at));
  }
  if (doc.docNumber) {
    const standard = normaliseDocNumber(doc.docNumber);
    if (standard !== doc.docNumber) {
      diagnostics.push(docNumberNote(lines.slice(0, Math.max(i, HEAD_WINDOW)), doc.docNumber, standard));
      doc.docNumber = standard;
    }
  }
  doc.title = unGloss(doc.title);
  if (doc.fullTitle) doc.fullTitle = unGloss(doc.fullTitle);
  doc.issuers = doc.issuers.map(unGloss);
  doc.recipients = doc.recipients.map(unGloss);
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
    diagnostics,
  };
}

/** A line of 份号, 密级 (机密★1年) and 紧急程度 (特急) only, in any order. */
const isElementLine = (m: string): boolean => P().elementLine.test(squash(m));

function elementNote(line: Line): ParseDiagnostic {
  return {
    code: 'head-element',
    severity: 'info',
    message: `版头要素 (份号/密级/紧急程度) "${line.text.trim()}" 已识别，文档无对应字段 (head elements recognised and set aside)`,
    start: line.start,
    end: line.end,
  };
}

/** The 发文字号 as printed, kept where its brackets were made standard: on the head line that holds it. */
function docNumberNote(head: Line[], raw: string, standard: string): ParseDiagnostic {
  const line = head.find((l) => squash(l.text).includes(raw)) ?? head[0]!;
  return {
    code: 'doc-number-normalised',
    severity: 'info',
    message: docNumberNormalisedMessage(raw, standard),
    start: line.start,
    end: line.end,
  };
}

function signerNote(line: Line, at: number): ParseDiagnostic {
  const text = line.text.slice(at);
  return {
    code: 'head-element',
    severity: 'info',
    message: `签发人 "${text.trim()}" 已识别，不作发文机关 (the person who approved the issue; never an issuer)`,
    start: line.start + at,
    end: line.end,
  };
}

/**
 * A decree's head at line k: the 发文机关标志 ending in 令 (中华人民共和国国务院令) with its 令号 (第714号) on the
 * next line or after it on the same line. Sets title (标志 + 令号), docNumber (令号) and issuers (标志 less 令).
 */
function readDecree(lines: Line[], k: number, doc: DocumentInfo): boolean {
  const { decreeWord: word, decreeNumberHead } = structureGrammar().raw.cover;
  const t = squash(lines[k]!.text);
  const m = matchText(t);
  let at = m.lastIndexOf(word + decreeNumberHead);
  let number = at > 0 ? t.slice(at + word.length) : '';
  if (!number && m.endsWith(word)) {
    at = m.length - word.length;
    number = squash(lines[k + 1]?.text ?? '');
  }
  const authority = t.slice(0, at);
  if (
    at <= 0 ||
    !P().decreeNumber.test(matchText(number)) ||
    authority.length > 30 ||
    P().namePunct.test(authority)
  )
    return false;
  doc.title = authority + word + number;
  doc.docNumber = number;
  doc.issuers = [authority];
  return true;
}

function setField(doc: Partial<DocumentInfo>, field: string, value: string): void {
  if (field === 'publishDate' || field === 'date') {
    // A date with its time after it, the space between lost in a join (2016-01-1723:45:19): the day has two digits.
    const d = parseDate(value) ?? parseDate(/^\d{4}[-./]\d{1,2}[-./]\d{1,2}/.exec(value)?.[0] ?? '');
    if (d) doc[field] = d;
  } else if (field === 'docNumber') doc.docNumber = squash(value);
  else if (field === 'issuers') doc.issuers = splitNames(value);
  else if (field === 'title') doc.title = squash(value);
}

/** A title compared bare: no spaces, no quotation marks, simplified characters. */
const bareTitle = (s: string): string => matchText(squash(s)).replace(/[《》〈〉“”"'‘’]/g, '');

/** [first line, last line, issuer prefix] of the notice title, or null. */
function findTitle(
  lines: Line[],
  from: number,
  grid: ReadonlySet<number> = new Set(),
): [number, number, string] | null {
  const g = structureGrammar().raw.cover;
  // Twelve lines from `from`, a wrapped grid's lines not counted.
  for (let k = from, seen = 0; k < lines.length && seen < TITLE_WINDOW; k++) {
    if (grid.has(k)) continue;
    seen++;
    const raw = lines[k]!.text;
    if (isSiteLine(raw) || docNumberLine(raw)) continue;
    const t = cleanTitle(raw);
    const at = matchText(t).indexOf(g.titleHead);
    if (at < 0 || P().clause.test(t.slice(0, at))) continue;
    let joined = '';
    let end = -1;
    for (let e = k; e < Math.min(lines.length, k + 3); e++) {
      const next = lines[e]!.text;
      // Past a first ending (…重大执法决定 / 法制审核制度的指导意见), only a title line that ends it again.
      const part = squash(matchText(cleanTitle(next)));
      if (
        end >= 0 &&
        (grid.has(e) ||
          isSiteLine(next) ||
          docNumberLine(next) ||
          P().clause.test(next) ||
          part.includes(g.titleHead) ||
          joined.startsWith(part))
      )
        break;
      joined += part;
      if (/[。]$/.test(joined)) break;
      if (g.titleSuffixes.some((s) => joined.endsWith(s))) end = e;
      else if (end < 0 && looseSuffix(joined) && P().listEnds.test(lines[e + 1]?.text.trim() ?? '')) end = e;
    }
    if (end >= 0) return [k, end, squash(t.slice(0, at))];
  }
  return addressedTitle(lines, from, grid);
}

/**
 * Whether a title candidate ends in 的 and a title word of two characters or more with one of them, not the first,
 * misread (…的通千 for …的通知): taken only where the 主送机关 follows on the next line.
 */
function looseSuffix(joined: string, words = structureGrammar().raw.cover.titleSuffixes): boolean {
  const g = structureGrammar().raw.cover;
  return words.some((x) => {
    if (x.length < 2 || joined.length <= x.length) return false;
    const end = joined.slice(-x.length);
    if (joined[joined.length - x.length - 1] !== g.titleLink || end[0] !== x[0]) return false;
    let off = 0;
    for (let i = 0; i < x.length; i++) if (end[i] !== x[i]) off++;
    return off === 1;
  });
}

/**
 * Lines after the title searched for the word that names the document (…有关事项通知如下, 现提出以下意见): the
 * 主送机关 and the letter's opening, up to its first heading.
 */
const LETTER_EVIDENCE_LINES = 6;

/**
 * The title word a scan misread one character of (…的通千 for …的通知: looseSuffix), where the letter decides it:
 * of the title words the damaged one may stand for (通千: 通知 or 通报), the only one the letter's opening holds.
 * Null for a title that ends with a title word, or when the letter names none or several of them.
 */
function damagedTitleEnd(title: string, letter: Line[]): { read: string; word: string } | null {
  const g = structureGrammar().raw.cover;
  if (g.titleSuffixes.some((x) => title.endsWith(x))) return null;
  const heading = letter.findIndex((l) => structureGrammar().marker(l.text.trim()) !== null);
  const text = letter
    .slice(0, heading < 0 ? letter.length : heading)
    .map((l) => squash(matchText(l.text)))
    .join('');
  const words = g.titleSuffixes.filter((x) => looseSuffix(title, [x]) && text.includes(x));
  const word = words.length === 1 ? words[0]! : null;
  return word ? { read: title.slice(-word.length), word } : null;
}

/**
 * A title without 关于 (国务院办公厅对…建议的答复, …的复函): one to three name-like lines ending in 的 + a title
 * suffix, followed by the 发文字号 alone on its line or by the 主送机关. The issuer is the text before 对.
 */
function addressedTitle(
  lines: Line[],
  from: number,
  grid: ReadonlySet<number>,
): [number, number, string] | null {
  const g = structureGrammar().raw.cover;
  const ends = (s: string): boolean => g.titleSuffixes.some((x) => s.endsWith(g.titleLink + x));
  // Twelve lines from `from`, a wrapped grid's lines not counted.
  for (let k = from, seen = 0; k < lines.length && seen < TITLE_WINDOW; k++) {
    if (grid.has(k)) continue;
    seen++;
    const raw = lines[k]!.text;
    if (isSiteLine(raw) || docNumberLine(raw)) continue;
    let joined = '';
    for (let e = k; e < Math.min(lines.length, k + 3); e++) {
      const t = cleanTitle(lines[e]!.text);
      if (P().clause.test(t) || P().listEnds.test(t) || parseDate(t)) return null;
      joined += squash(t);
      const next = lines[e + 1]?.text ?? '';
      if (ends(matchText(joined)) && (docNumberLine(next) || P().listEnds.test(next))) {
        const at = matchText(joined).indexOf(g.addressHead);
        return [k, e, at > 0 ? joined.slice(0, at) : ''];
      }
    }
    return null;
  }
  return null;
}

/**
 * The issuer's name by a vote of its printings of the same length (the title's, the masthead's, the signature's),
 * character by character, where each character has a strict majority and at least three printings vote; null when
 * the vote keeps `read` or cannot decide.
 */
function votedName(read: string, others: string[]): string | null {
  const same = [read, ...others.filter((o) => o.length === read.length)];
  if (same.length < 3) return null;
  let out = '';
  for (let k = 0; k < read.length; k++) {
    const counts = new Map<string, number>();
    for (const s of same) counts.set(s[k]!, (counts.get(s[k]!) ?? 0) + 1);
    const [c, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (n * 2 <= same.length) return null;
    out += c;
  }
  return out === read ? null : out;
}

/** A signature line naming a post and a person (总理　李克强): a signatory, not an issuer. */
const isSignatory = (names: string[]): boolean =>
  names.length === 2 && structureGrammar().raw.cover.signerPosts.includes(names[0]!) && names[1]!.length <= 4;

/** Issuers on one line: split at spaces and 、, and at the quotation marks a scan reads for them (…办公厅”郑州市…). */
const splitNames = (t: string): string[] => t.split(/[\s\u3000、“”"]+/).filter(Boolean);

/** A line of the signature block above its date: an issuer's name. */
const isSignatureName = (t: string): boolean =>
  isNameLine(t) && t.length <= SIGNATURE_DATE_MAX && !isClosingNote(t);

const isNameLine = (t: string): boolean =>
  t.length <= 60 && !P().clause.test(t) && !P().date.test(t) && !hasMojibake(t);

/** `search` ignores and keeps the global pattern's lastIndex. */
const hasMojibake = (t: string): boolean => t.search(P().mojibake) >= 0;

/** Lines holding pinyin glosses or mojibake beyond this many are counted in one last diagnostic. */
const NOISE_DIAGNOSTICS_MAX = 20;

/**
 * Diagnostics for what a converter or a wrong decoding left in the text: pinyin glosses (發(fā)), read around, and
 * mojibake runs (å…³äºŽ, �), never taken for a name or a title. One diagnostic per line and kind.
 */
export function noiseDiagnostics(lines: Line[]): ParseDiagnostic[] {
  const out: ParseDiagnostic[] = [];
  const kinds = [
    ['pinyin-gloss', P().pinyinGloss, 'pinyin gloss left by a converter; read without it'],
    [
      'mojibake',
      P().mojibake,
      'mojibake (text decoded with the wrong encoding); not read as a name or title',
    ],
  ] as const;
  let over = 0;
  for (const line of lines)
    for (const [code, re, what] of kinds) {
      re.lastIndex = 0;
      const found = [...line.text.matchAll(re)];
      if (found.length === 0) continue;
      if (out.length >= NOISE_DIAGNOSTICS_MAX) {
        over++;
        continue;
      }
      const first = found[0]!;
      const last = found[found.length - 1]!;
      out.push({
        code,
        severity: 'warning',
        message: `${what}: "${found.map((f) => f[0]).join(' ')}"`,
        start: line.start + first.index,
        end: line.start + last.index + last[0].length,
      });
    }
  const tail = out[out.length - 1];
  if (over > 0 && tail)
    out.push({
      code: 'text-noise',
      severity: 'warning',
      message: `${over} more lines hold pinyin glosses or mojibake`,
      start: tail.end,
      end: lines[lines.length - 1]!.end,
    });
  return out;
}

function isClosingNote(t: string): boolean {
  return structureGrammar().raw.cover.closingNotes.some((n) => t.includes(n)) && t.length <= 20;
}

function attachment(t: string): string | null {
  const label = structureGrammar().raw.cover.attachmentLabel;
  if (!t.startsWith(label)) return null;
  const rest = t
    .slice(label.length)
    .replace(/^[\s:：]+/, '')
    .replace(structureGrammar().itemNumber, '');
  return rest && rest.length <= 60 && !P().clause.test(rest) ? squash(rest) : null;
}

/** True when `t` could end a document: a signature date, a print line or a closing note. */
export function isSignatureLine(t: string): boolean {
  if (isClosingNote(t)) return true;
  if (t.length > 40) return false;
  return P().printLine.test(t) || parseDate(t) !== null;
}

/** The 版记 at a document's end (GB/T 9704): its first line, 抄送机关, 印发机关 and 印发日期 as far as printed. */
export interface DocumentRecord {
  start: number;
  copyTo?: string[];
  printedBy?: string;
  printDate?: string;
  /** What reading it noted: a 抄送 label a scan damaged (copy-label-damaged). */
  diagnostics: ParseDiagnostic[];
}

/** A line after the 印发 line of at most this many characters is a misread page number, not text. */
const RECORD_FOOT_NOISE = 4;
/** The 抄送 list of a 版记 goes on over at most this many lines. */
const RECORD_COPY_LINES = 6;

/**
 * The 版记 that ends a document (GB/T 9704): the 印发 line last (印发机关 and 印发日期), and before it the 抄送 line
 * with the lines its list goes on over (none of them a sentence: a list's only 。 ends it). Null when the text ends
 * with neither (a few characters of a misread page number after the 印发 line aside). Its lines are no body text: they end the document after the signature.
 */
export function readRecord(lines: Line[], from: number): DocumentRecord | null {
  let end = lines.length;
  // A scan's last page number misread past the page-number grammar ("30王" for — 36 —) may follow the 印发 line.
  const last = lines[end - 1]?.text ?? '';
  if (
    end - 1 > from &&
    squash(last).length <= RECORD_FOOT_NOISE &&
    !P().clause.test(last) &&
    P().printedLine.test(lines[end - 2]!.text)
  )
    end--;
  const out: Omit<DocumentRecord, 'start'> = { diagnostics: [] };
  const printed = end > from ? P().printedLine.exec(lines[end - 1]!.text) : null;
  if (printed?.groups) {
    const date = parseDate(squash(printed.groups['date']!));
    out.printedBy = squash(printed.groups['by']!);
    if (date) out.printDate = date;
    end--;
  }
  let copy = -1;
  let label = P().copyLine;
  for (let k = end - 1; k >= Math.max(from, end - RECORD_COPY_LINES); k--)
    if (P().copyLine.test(lines[k]!.text)) {
      copy = k;
      break;
    }
  // Above a 印发 line, a 抄送 label a scan damaged (抄送;， 执送:).
  for (let k = end - 1; copy < 0 && printed && k >= Math.max(from, end - RECORD_COPY_LINES); k--) {
    const m = P().copyLineDamaged.exec(lines[k]!.text);
    if (!m) continue;
    copy = k;
    label = P().copyLineDamaged;
    out.diagnostics.push({
      code: 'copy-label-damaged',
      severity: 'warning',
      message: `"${m[0]}" 读作 抄送 label (a scan's damage in the 版记, above its 印发 line; grammars/structure.yaml copyLineDamaged)`,
      start: lines[k]!.start,
      end: lines[k]!.start + m[0].length,
    });
  }
  if (copy >= 0) {
    const list = squash(
      lines
        .slice(copy, end)
        .map((l) => l.text)
        .join(''),
    )
      .replace(label, '')
      .replace(/[。.]$/, '');
    if (!P().sentenceEnd.test(list)) out.copyTo = list.split(/[，,]/).filter(Boolean);
    else {
      copy = -1;
      out.diagnostics = [];
    }
  }
  const start = copy >= 0 ? copy : end;
  return start < lines.length ? { start, ...out } : null;
}
