/**
 * The parser's grammar: grammars/structure.yaml compiled into matchers. Heading markers, cover labels and
 * plan-title words live in that file; this module only turns them into functions and checks the examples.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { simplify } from './simplified.js';

const StructureSchema = z.object({
  numerals: z.object({ digits: z.record(z.string(), z.number().int()), ten: z.string().length(1) }),
  openBrackets: z.string().min(1),
  closeBrackets: z.string().min(1),
  level1Separators: z.string().min(1),
  itemSeparators: z.string().min(1),
  decimalPoints: z.string().min(1),
  markerNoise: z.string(),
  titleEnds: z.string().min(1),
  maxHeadingTitle: z.number().int().positive(),
  titleCommas: z.string().min(1),
  markerDamage: z.object({
    openers: z.string(),
    closers: z.string(),
    digitLookalikes: z.record(z.string().length(1), z.number().int().min(0).max(9)),
    placeWords: z.string().min(1),
    placeSeparators: z.string(),
    countWords: z.string().min(1),
    damagedSeparators: z.string().min(1),
    numeralWords: z.array(z.string().min(2)),
  }),
  cover: z.object({
    titleSuffixes: z.array(z.string().min(1)),
    titleHead: z.string().min(1),
    addressHead: z.string().min(1),
    leadIns: z.array(z.string().min(1)),
    titleLink: z.string().min(1),
    titleSpecs: z.array(z.string().min(1)),
    labels: z.record(z.string(), z.enum(['publishDate', 'date', 'docNumber', 'issuers', 'title', 'none'])),
    metaTableLabels: z.array(z.string().min(1)),
    furniture: z.array(z.string().min(1)),
    inlineLabels: z.array(z.string().min(1)),
    masthead: z.string().min(1),
    signerPosts: z.array(z.string().min(1)),
    traditionalSpecs: z.record(z.string(), z.string()),
    issueVerbs: z.array(z.string().min(1)),
    attachmentLabel: z.string().min(1),
    attachedTableEnds: z.array(z.string().min(1)),
    closingNotes: z.array(z.string().min(1)),
    signerLabel: z.string().min(1),
    decreeWord: z.string().min(1),
    decreeNumberHead: z.string().min(1),
    contentsHeaders: z.array(z.string().min(1)),
    bareHeadingMax: z.number().int().positive(),
    docNumberDamage: z.object({
      openers: z.string().min(1),
      closers: z.string().min(1),
      closerStrokes: z.string(),
      numberSigns: z.string().min(1),
      specs: z.record(z.string(), z.string()),
      keep: z.array(z.string()),
    }),
    patterns: z.object({
      date: z.string(),
      isoDate: z.string(),
      chineseDate: z.string(),
      docNumber: z.string(),
      quoted: z.string(),
      year: z.string(),
      printLine: z.string(),
      copyLine: z.string(),
      copyLineDamaged: z.string(),
      printedLine: z.string(),
      docNumberIn: z.string(),
      elementLine: z.string(),
      decreeNumber: z.string(),
      contentsEntry: z.string(),
      pinyinGloss: z.string(),
      mojibake: z.string(),
      recipientNoise: z.string(),
      labelTails: z.string(),
    }),
    punctuation: z.object({
      clause: z.string().min(1),
      sentenceEnd: z.string().min(1),
      listContinues: z.string().min(1),
      listEnds: z.string().min(1),
      name: z.string().min(1),
    }),
    patternSpecs: z.record(z.string(), z.array(z.string())),
  }),
  planTitleSuffixes: z.array(z.string().min(1)),
  topics: z.array(z.object({ topic: z.string().min(1), words: z.array(z.string().min(1)) })),
  goalSectionWords: z.array(z.string().min(1)),
  specs: z.object({
    level1: z.array(z.string()),
    level2: z.array(z.string()),
    item: z.array(z.string()),
    subitem: z.array(z.string()),
    none: z.array(z.string()),
    itemNumber: z.record(z.string(), z.string()),
  }),
});

/** The kinds of numbered marker a line can start with. */
export type MarkerKind = 'level1' | 'level2' | 'item' | 'subitem';

/** A marker found at the start of a line. */
export interface MarkerMatch {
  kind: MarkerKind;
  /** The number as a value (一 → 1, 12 → 12). */
  value: number;
  /** The marker normalised for paths: `三`, `(一)`, `1`, `(1)`. */
  normalized: string;
  /** Length of the marker in the line, separator included. */
  length: number;
}

/** The cover notice's patterns, compiled. */
export interface CoverPatterns {
  date: RegExp;
  isoDate: RegExp;
  chineseDate: RegExp;
  docNumber: RegExp;
  /** Global: every 《title》. */
  quoted: RegExp;
  year: RegExp;
  printLine: RegExp;
  /** The 抄送 line of a 版记 (its label). */
  copyLine: RegExp;
  /** The 抄送 label as a scan damages it, read only in the 版记's place (with the label, a comma after it). */
  copyLineDamaged: RegExp;
  /** The 印发 line of a 版记: groups `by` (印发机关) and `date` (印发日期). */
  printedLine: RegExp;
  /** A 发文字号 anywhere in a line (on the simplified copy). */
  docNumberIn: RegExp;
  /** A line of 份号, 密级 and 紧急程度 only (spaces removed). */
  elementLine: RegExp;
  /** A decree's 令号 (第714号) alone. */
  decreeNumber: RegExp;
  /**
   * A 发文字号 a scan damaged (`docNumberDamage`), the whole of a squashed line: groups `issuer`, `year`, `serial`
   * (第 kept) and `close` (the closing glyph, if any).
   */
  docNumberDamaged: RegExp;
  /** An entry of a table of contents (leader dots and a page number) anywhere in a line. */
  contentsEntry: RegExp;
  /** Global: a pinyin gloss a converter left after a character (發(fā)). */
  pinyinGloss: RegExp;
  /** Global: a run of mojibake (UTF-8 read as Latin-1, replacement characters). */
  mojibake: RegExp;
  /** What OCR put before the first 主送机关 (a conjunction read into the indent). */
  recipientNoise: RegExp;
  /** A line of the tails of wrapped label cells (关：期：), spaces removed. */
  labelTails: RegExp;
  /** A clause mark anywhere in a line. */
  clause: RegExp;
  sentenceEnd: RegExp;
  listContinues: RegExp;
  listEnds: RegExp;
  /** A mark no issuer's name holds. */
  namePunct: RegExp;
}

/** The compiled structure grammar. */
export interface StructureGrammar {
  raw: z.infer<typeof StructureSchema>;
  cover: CoverPatterns;
  /** The marker a line starts with, if any. */
  marker(line: string): MarkerMatch | null;
  /** Value of a Chinese numeral of up to 99, or null. */
  chineseNumber(s: string): number | null;
  /** Regex character class body with the characters of `chars` escaped. */
  cls(chars: string): string;
  /** The Chinese numeral of 1 … 99 written with the first digit listed for each value (12 → 十二). */
  numeral(n: number): string;
  /** Character class bodies (escaped, without brackets) of the marker literals, for rules that read markers. */
  classes: MarkerClasses;
  /** A leading item number in Arabic digits, bracketed or followed by an item separator ((1), （ 2 ）, 3．, 12、). */
  itemNumber: RegExp;
}

/** Character class bodies of the marker literals of structure.yaml. */
export interface MarkerClasses {
  /** Chinese numeral characters (digits and ten). */
  numerals: string;
  open: string;
  close: string;
  level1Separators: string;
  itemSeparators: string;
  /** A number's decimal point (1.5万吨; 1.2 as a 序号: item 1, sub-item 2). */
  decimalPoints: string;
  markerNoise: string;
  /** Bracket look-alikes OCR leaves in a damaged (X) or (n) marker (`markerDamage`), brackets included. */
  damagedOpen: string;
  damagedClose: string;
}

const esc = (s: string): string => s.replace(/[\\\]^\-[]/g, '\\$&');

/** The pattern of a damaged 发文字号 (see CoverPatterns.docNumberDamaged) from its glyphs. */
function docNumberDamaged(d: {
  openers: string;
  closers: string;
  closerStrokes: string;
  numberSigns: string;
}): RegExp {
  const strokes = d.closerStrokes ? `[${esc(d.closerStrokes)}]?` : '';
  return new RegExp(
    `^(?<issuer>[\\u4e00-\\u9fff]{1,10}?)[${esc(d.openers)}]?(?<year>(?:19|20)\\d\\d)` +
      `(?:${strokes}(?<close>[${esc(d.closers)}]{1,2}))?(?<serial>第?[1-9]\\d{0,4})[${esc(d.numberSigns)}]$`,
  );
}

let compiled: StructureGrammar | null = null;

/** Loads grammars/structure.yaml once and checks its examples. */
export function structureGrammar(): StructureGrammar {
  if (compiled) return compiled;
  const raw = loadGrammar('structure.yaml', StructureSchema);
  const digits = raw.numerals.digits;
  const numChars = esc(Object.keys(digits).join('') + raw.numerals.ten);
  const open = esc(raw.openBrackets);
  const close = esc(raw.closeBrackets);
  const noise = raw.markerNoise ? `[${esc(raw.markerNoise)}]?` : '';
  const level1 = new RegExp(`^([${numChars}]{1,3})[${esc(raw.level1Separators)}]`);
  const level2 = new RegExp(`^[${open}]\\s?([${numChars}]{1,3})\\s?${noise}[${close}]`);
  const item = new RegExp(`^(\\d{1,3})[${esc(raw.itemSeparators)}]`);
  const subitem = new RegExp(`^[${open}]\\s?(\\d{1,3})\\s?${noise}[${close}]`);

  const chineseNumber = (s: string): number | null => {
    const ten = raw.numerals.ten;
    const i = s.indexOf(ten);
    if (i < 0) return s.length === 1 && digits[s] !== undefined ? digits[s] : null;
    if (s.indexOf(ten, i + 1) >= 0) return null;
    const hi = i === 0 ? 1 : s.length >= 2 && i === 1 ? (digits[s[0] ?? ''] ?? null) : null;
    const loStr = s.slice(i + 1);
    const lo = loStr === '' ? 0 : loStr.length === 1 ? (digits[loStr] ?? null) : null;
    if (hi === null || lo === null || hi === 0) return null;
    return hi * 10 + lo;
  };

  const marker = (line: string): MarkerMatch | null => {
    let m = level2.exec(line);
    if (m) {
      const v = chineseNumber(m[1] ?? '');
      if (v !== null) return { kind: 'level2', value: v, normalized: `(${m[1]})`, length: m[0].length };
    }
    m = subitem.exec(line);
    if (m)
      return { kind: 'subitem', value: Number(m[1]), normalized: `(${Number(m[1])})`, length: m[0].length };
    m = level1.exec(line);
    if (m) {
      const v = chineseNumber(m[1] ?? '');
      if (v !== null) return { kind: 'level1', value: v, normalized: m[1] ?? '', length: m[0].length };
    }
    m = item.exec(line);
    if (m)
      return { kind: 'item', value: Number(m[1]), normalized: String(Number(m[1])), length: m[0].length };
    return null;
  };

  const p = raw.cover.patterns;
  const punct = raw.cover.punctuation;
  const cover: CoverPatterns = {
    date: new RegExp(p.date),
    isoDate: new RegExp(p.isoDate),
    chineseDate: new RegExp(p.chineseDate),
    docNumber: new RegExp(p.docNumber),
    quoted: new RegExp(p.quoted, 'g'),
    year: new RegExp(p.year),
    printLine: new RegExp(p.printLine),
    copyLine: new RegExp(p.copyLine),
    copyLineDamaged: new RegExp(p.copyLineDamaged),
    printedLine: new RegExp(p.printedLine),
    docNumberIn: new RegExp(p.docNumberIn),
    elementLine: new RegExp(p.elementLine),
    decreeNumber: new RegExp(p.decreeNumber),
    docNumberDamaged: docNumberDamaged(raw.cover.docNumberDamage),
    contentsEntry: new RegExp(p.contentsEntry),
    pinyinGloss: new RegExp(p.pinyinGloss, 'g'),
    mojibake: new RegExp(p.mojibake, 'g'),
    recipientNoise: new RegExp(p.recipientNoise),
    labelTails: new RegExp(p.labelTails),
    clause: new RegExp(`[${esc(punct.clause)}]`),
    sentenceEnd: new RegExp(`[${esc(punct.sentenceEnd)}]`),
    listContinues: new RegExp(`[${esc(punct.listContinues)}]$`),
    listEnds: new RegExp(`[${esc(punct.listEnds)}]$`),
    namePunct: new RegExp(`[${esc(punct.name)}]`),
  };
  const numeral = (n: number): string => {
    const digit = (v: number): string => Object.keys(digits).find((c) => digits[c] === v) ?? '';
    if (n < 10) return digit(n);
    const tens = Math.floor(n / 10);
    return (tens === 1 ? '' : digit(tens)) + raw.numerals.ten + (n % 10 === 0 ? '' : digit(n % 10));
  };
  const classes: MarkerClasses = {
    numerals: numChars,
    open,
    close,
    level1Separators: esc(raw.level1Separators),
    itemSeparators: esc(raw.itemSeparators),
    decimalPoints: esc(raw.decimalPoints),
    markerNoise: esc(raw.markerNoise),
    damagedOpen: open + esc(raw.markerDamage.openers),
    damagedClose: close + esc(raw.markerDamage.closers),
  };
  const itemNumber = new RegExp(
    `^(?:[${open}]\\s*\\d+\\s*[${close}]|\\d+\\s*[${esc(raw.itemSeparators)}])`,
    'u',
  );
  compiled = { raw, cover, marker, chineseNumber, cls: esc, numeral, classes, itemNumber };
  if (!examplesChecked('structure.yaml')) checkExamples(compiled);
  return compiled;
}

/** Checks the examples of structure.yaml: each cover pattern's and each marker kind's. */
function checkExamples({ raw, cover, marker, itemNumber }: StructureGrammar): void {
  for (const [name, examples] of Object.entries(raw.cover.patternSpecs)) {
    const re = (cover as unknown as Record<string, RegExp | undefined>)[name];
    if (!re) throw new GrammarError('structure.yaml', `patternSpecs names no pattern "${name}"`);
    for (const ex of examples) {
      re.lastIndex = 0;
      if (!re.test(ex))
        throw new GrammarError('structure.yaml', `example "${ex}" does not match pattern ${name}`);
    }
    re.lastIndex = 0;
  }
  const c = raw.cover;
  for (const ex of c.titleSpecs)
    if (
      !(ex.includes(c.titleHead) || ex.includes(c.addressHead)) ||
      !c.titleSuffixes.some((s) => ex.endsWith(c.titleLink + s))
    )
      throw new GrammarError(
        'structure.yaml',
        `title example "${ex}" has no ${c.titleHead}/${c.addressHead} or suffix`,
      );
  for (const label of c.metaTableLabels)
    if (!(label in c.labels))
      throw new GrammarError('structure.yaml', `metaTableLabels: "${label}" is no label`);
  for (const ex of c.patternSpecs.decreeNumber ?? [])
    if (!ex.startsWith(c.decreeNumberHead))
      throw new GrammarError(
        'structure.yaml',
        `decree number example "${ex}" does not open with ${c.decreeNumberHead}`,
      );
  const damaged = c.docNumberDamage;
  for (const [read, standard] of Object.entries(damaged.specs)) {
    const m = cover.docNumberDamaged.exec(read.replace(/\s+/g, ''));
    const got = m?.groups ? `${m.groups['issuer']}〔${m.groups['year']}〕${m.groups['serial']}号` : null;
    if (got !== standard)
      throw new GrammarError(
        'structure.yaml',
        `docNumberDamage example "${read}" reads ${got}, not ${standard}`,
      );
  }
  for (const ex of damaged.keep)
    if (cover.docNumberDamaged.test(ex.replace(/\s+/g, '')))
      throw new GrammarError('structure.yaml', `docNumberDamage keep "${ex}" reads as a 发文字号`);
  for (const [traditional, simple] of Object.entries(c.traditionalSpecs))
    if (simplify(traditional) !== simple)
      throw new GrammarError(
        'structure.yaml',
        `traditional example "${traditional}" reads "${simplify(traditional)}", not "${simple}"`,
      );
  for (const kind of ['level1', 'level2', 'item', 'subitem'] as const) {
    for (const ex of raw.specs[kind]) {
      if (marker(ex)?.kind !== kind)
        throw new GrammarError('structure.yaml', `example "${ex}" is not a ${kind} marker`);
    }
  }
  for (const [ex, rest] of Object.entries(raw.specs.itemNumber))
    if (ex.replace(itemNumber, '') !== rest)
      throw new GrammarError(
        'structure.yaml',
        `item number example "${ex}" leaves "${ex.replace(itemNumber, '')}"`,
      );
  for (const ex of raw.specs.none) {
    const got = marker(ex);
    if (got)
      throw new GrammarError('structure.yaml', `example "${ex}" must not be a marker (read as ${got.kind})`);
  }
}

registerGrammar('structure.yaml', structureGrammar);
