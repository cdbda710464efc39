/**
 * Word's automatic numbering: a paragraph numbered by a list (w:numPr, directly or through its style) shows a number
 * Word computes from word/numbering.xml (一、 as chineseCounting "%1、", (一), 1., （1）), which mammoth's text
 * leaves out. This pass writes those numbers into the paragraphs as text runs, so the text reads as if they were
 * typed, and the heading and item markers of the grammar see them. Counters follow Word: one per list level of an
 * abstract numbering (a num with its own overrides counts apart), a level restarting when a higher one advances.
 */
import { structureGrammar } from '../parse/grammar.js';

/** DOM types (the dom lib, which @xmldom/xmldom's types reference). */
type XmlDocument = Document;
type XmlElement = Element;

/** One level of a list definition. */
interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the number: "tab" (default), "space" or "nothing". */
  suffix: string;
  /** Legal numbering: every level's number in decimal. */
  legal: boolean;
}

/** A list instance (w:num): its abstract definition and its level overrides. */
interface Num {
  abstractId: string;
  overrides: Map<number, Partial<Level>>;
}

/** The Heavenly Stems, Word's ideographTraditional (甲, 乙, …). */
const STEMS = '甲乙丙丁戊己庚辛壬癸';
/** First code points of the enclosed digit forms: ① (circle), ⑴ (parenthesis), ⒈ (full stop); each runs to 20. */
const ENCLOSED: Record<string, number> = {
  decimalEnclosedCircle: 0x2460,
  decimalEnclosedCircleChinese: 0x2460,
  decimalEnclosedParen: 0x2474,
  decimalEnclosedFullstop: 0x2488,
};
/** Formats written with the grammar's Chinese numerals (一 … 九十九). */
const CHINESE = new Set([
  'chineseCounting',
  'chineseCountingThousand',
  'chineseLegalSimplified',
  'japaneseCounting',
  'taiwaneseCounting',
  'taiwaneseCountingThousand',
  'ideographLegalTraditional',
]);
const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Number `n` in Word's number format `format` (decimal where the format has no form for it). */
export function formatNumber(n: number, format: string): string {
  if (CHINESE.has(format) && n >= 1 && n <= 99) return structureGrammar().numeral(n);
  const enclosed = ENCLOSED[format];
  if (enclosed !== undefined && n >= 1 && n <= 20) return String.fromCodePoint(enclosed + n - 1);
  switch (format) {
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let rest = n;
      let out = '';
      for (const [value, numeral] of ROMAN) for (; rest >= value; rest -= value) out += numeral;
      return format === 'upperRoman' ? out.toUpperCase() : out;
    }
    default:
      return String(n);
  }
}

/** The children of `el` named `name` (direct children only). */
function children(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeName === name) out.push(c as XmlElement);
  return out;
}

/** The `w:val` of the first direct child `name` of `el`, if any. */
function val(el: XmlElement | undefined, name: string): string | undefined {
  const c = el ? children(el, name)[0] : undefined;
  return c?.getAttribute('w:val') ?? undefined;
}

/** Reads a w:lvl element. */
function readLevel(lvl: XmlElement): Partial<Level> {
  const start = val(lvl, 'w:start');
  const legal = children(lvl, 'w:isLgl')[0];
  return {
    ...(start !== undefined ? { start: Number(start) } : {}),
    ...(val(lvl, 'w:numFmt') !== undefined ? { format: val(lvl, 'w:numFmt') } : {}),
    ...(val(lvl, 'w:lvlText') !== undefined ? { text: val(lvl, 'w:lvlText') } : {}),
    ...(val(lvl, 'w:suff') !== undefined ? { suffix: val(lvl, 'w:suff') } : {}),
    ...(legal
      ? { legal: legal.getAttribute('w:val') !== 'false' && legal.getAttribute('w:val') !== '0' }
      : {}),
  };
}

/** The list definitions of numbering.xml: abstract levels by id, and list instances by numId. */
function readNumbering(doc: XmlDocument): {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, Num>;
} {
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of Array.from(doc.getElementsByTagName('w:abstractNum'))) {
    const levels = new Map<number, Level>();
    for (const lvl of children(a, 'w:lvl'))
      levels.set(Number(lvl.getAttribute('w:ilvl') ?? 0), {
        start: 1,
        format: 'decimal',
        text: '',
        suffix: 'tab',
        legal: false,
        ...readLevel(lvl),
      });
    abstract.set(a.getAttribute('w:abstractNumId') ?? '', levels);
  }
  const nums = new Map<string, Num>();
  for (const n of Array.from(doc.getElementsByTagName('w:num'))) {
    const overrides = new Map<number, Partial<Level>>();
    for (const o of children(n, 'w:lvlOverride')) {
      const lvl = children(o, 'w:lvl')[0];
      const start = val(o, 'w:startOverride');
      overrides.set(Number(o.getAttribute('w:ilvl') ?? 0), {
        ...(lvl ? readLevel(lvl) : {}),
        ...(start !== undefined ? { start: Number(start) } : {}),
      });
    }
    nums.set(n.getAttribute('w:numId') ?? '', { abstractId: val(n, 'w:abstractNumId') ?? '', overrides });
  }
  return { abstract, nums };
}

/** A paragraph's list reference: numId and level (either may be missing and come from its style). */
interface NumRef {
  numId?: string;
  ilvl?: number;
}

/** The w:numPr of a w:pPr. */
function numPrOf(pPr: XmlElement | undefined): NumRef | undefined {
  const numPr = pPr ? children(pPr, 'w:numPr')[0] : undefined;
  if (!numPr) return undefined;
  const ilvl = val(numPr, 'w:ilvl');
  return { numId: val(numPr, 'w:numId'), ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}) };
}

/** The list reference of each paragraph style of styles.xml, through its w:basedOn chain. */
function styleNumbering(doc: XmlDocument | undefined): (styleId: string) => NumRef | undefined {
  const own = new Map<string, { ref?: NumRef; basedOn?: string }>();
  for (const s of doc ? Array.from(doc.getElementsByTagName('w:style')) : [])
    own.set(s.getAttribute('w:styleId') ?? '', {
      ref: numPrOf(children(s, 'w:pPr')[0]),
      basedOn: val(s, 'w:basedOn'),
    });
  return (styleId) => {
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); id = own.get(id)?.basedOn) {
      seen.add(id);
      const ref = own.get(id)?.ref;
      if (ref) return ref;
    }
    return undefined;
  };
}

/**
 * Writes the list numbers of document.xml's numbered paragraphs into their text (a run before their first one).
 * `numbering` and `styles` are numbering.xml and styles.xml. Returns the number of paragraphs numbered.
 */
export function writeListNumbers(
  document: XmlDocument,
  numbering: XmlDocument,
  styles?: XmlDocument,
): number {
  const { abstract, nums } = readNumbering(numbering);
  const styleRef = styleNumbering(styles);
  const counters = new Map<string, (number | undefined)[]>();
  let count = 0;
  for (const p of Array.from(document.getElementsByTagName('w:p'))) {
    const pPr = children(p, 'w:pPr')[0];
    const direct = numPrOf(pPr);
    const style = val(pPr, 'w:pStyle');
    const inherited = style !== undefined ? styleRef(style) : undefined;
    const numId = direct?.numId ?? inherited?.numId;
    const ilvl = direct?.ilvl ?? inherited?.ilvl ?? 0;
    const num = numId !== undefined ? nums.get(numId) : undefined;
    const levels = num ? abstract.get(num.abstractId) : undefined;
    if (!num || !levels) continue; // numId 0 (numbering removed) or a dangling reference
    const level = (l: number): Level | undefined => {
      const base = levels.get(l);
      return base ? { ...base, ...num.overrides.get(l) } : undefined;
    };
    const def = level(ilvl);
    if (!def || def.format === 'bullet' || def.format === 'none' || def.text === '') continue;
    const key = num.overrides.size > 0 ? `num:${numId}` : `abstract:${num.abstractId}`;
    const cur = counters.get(key) ?? [];
    counters.set(key, cur);
    cur[ilvl] = cur[ilvl] === undefined ? def.start : cur[ilvl] + 1;
    cur.length = ilvl + 1; // deeper levels restart
    const text = def.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const d = level(l);
      return formatNumber(cur[l] ?? d?.start ?? 1, def.legal ? 'decimal' : (d?.format ?? 'decimal'));
    });
    const spaced = def.suffix === 'nothing' || /\p{P}$/u.test(text) ? text : `${text} `;
    insertRun(document, p, pPr, spaced);
    count++;
  }
  return count;
}

/** Inserts a run holding `text` as the first content of paragraph `p` (after its properties). */
function insertRun(document: XmlDocument, p: XmlElement, pPr: XmlElement | undefined, text: string): void {
  const ns = p.namespaceURI;
  const run = document.createElementNS(ns, 'w:r');
  const t = document.createElementNS(ns, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(document.createTextNode(text));
  run.appendChild(t);
  p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
}

/**
 * A .docx with its list numbers written into the text (see `writeListNumbers`); the same bytes when it has no
 * numbering part or no numbered paragraph.
 */
export async function docxWithListNumbers(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes; // not a zip: mammoth says what is wrong with it
  }
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return bytes;
  const stylesXml = await zip.file('word/styles.xml')?.async('string');
  if (!documentXml.includes('w:numPr') && !stylesXml?.includes('w:numPr')) return bytes;
  // A CommonJS module: its exports object is the default export, bundled or not.
  const { DOMParser, XMLSerializer } = (await import('@xmldom/xmldom')).default;
  const fail = (message: string): never => {
    throw new Error(
      `its list numbering is malformed XML: ${message.split('\n')[0]!.replace(/^\[xmldom \w+\]\s*/, '')}`,
    );
  };
  // Malformed XML fails here instead of being half read (xmldom would only log it).
  const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } });
  const parse = (xml: string): XmlDocument => parser.parseFromString(xml, 'text/xml');
  const document = parse(documentXml);
  const numbered = writeListNumbers(document, parse(numberingXml), stylesXml ? parse(stylesXml) : undefined);
  if (numbered === 0) return bytes;
  zip.file('word/document.xml', new XMLSerializer().serializeToString(document));
  return zip.generateAsync({ type: 'uint8array' });
}
