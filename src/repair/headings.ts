/**
 * Built-in rule: sequence-aware heading repair. Paragraph-initial markers form sequences — 一、 二、 …, (一) (二) …,
 * 1. 2. …, (1) (2) … — so a damaged marker between (二) and (四) is (三), a damaged marker whose next intact sibling
 * is (2) and that has no sibling before it in its run is (1), and a jump in a sequence is reported (`heading-gap`).
 * Arabic items may restart at 1 under each (X) heading or run on across headings, and (X) under each 一、; both
 * are accepted. A damaged
 * bracketed marker ("(J)", "(也 )", "(七" with its closer lost) may be (X) or (n): only the sequence decides, and
 * when it does not, a `heading-damaged` diagnostic is reported instead of an edit. Valid markers are read by the
 * parser's grammar (grammars/structure.yaml, `structureGrammar().marker`); damaged shapes are built from the same
 * file's literals and its `markerDamage` look-alikes.
 */
import type { Diagnostic } from '../graph/schema.js';
import { structureGrammar, type MarkerKind } from '../parse/grammar.js';
import type { Proposal } from './fixer.js';
import { paragraphStarts } from './paragraphs.js';
import type { RuleContext, RuleOutput } from './types.js';

/** Diagnostic code for a number missing from a heading sequence. */
export const GAP_CODE = 'heading-gap';
/** Diagnostic code for a damaged marker that the sequence does not determine. */
export const DAMAGED_CODE = 'heading-damaged';

/** The shapes of damaged markers, built from the marker literals of grammars/structure.yaml. */
interface DamagedShapes {
  /** A first character that may open a marker, valid or damaged (most paragraphs start with none). */
  maybe: RegExp;
  /**
   * A mangled (X) or (n): an opener and one to three characters, or one Han character or Latin letter alone (the
   * opener lost or read into it), then a closer and heading text ("伍)", "(J) ", "(也 )", "(CAS)", "U)", "d)").
   */
  paren: RegExp;
  /** The characters between the brackets of a `paren` or `unclosed` match (group 1): its numeral, when intact. */
  inner: RegExp;
  /** A marker whose closer was read into its number ("(七禁止…" for "(1)禁止…"); only when the paragraph never closes. */
  unclosed: RegExp;
  /** Closing brackets that would make an `unclosed` paragraph ordinary text. */
  closer: RegExp;
  /** A mangled item number: digits with look-alikes read for them ("l.", "1O."). */
  arabic: RegExp;
  /** An item number whose separator was lost ("2确保…" for "2.确保…"): one or two digits, then an ideograph. */
  bare: RegExp;
  /** A 一、 whose numeral was misread as another ideograph ("全、工作措施" for 三、): the ideograph, a separator. */
  cnDamaged: RegExp;
  /** A 一、 whose separator was lost ("二总体要求"): the numeral (group 1), then an ideograph. */
  cnBare: RegExp;
  /** An intact 一、 with a space before its separator ("四 、"): the numeral (group 1). */
  cnSpaced: RegExp;
  /** An intact 一、 behind one stray character a speck of the scan was read as ("人六、持续…"): the numeral (group 1). */
  cnStray: RegExp;
}

let shapes: DamagedShapes | undefined;

/** The damaged-marker shapes (compiled once). */
function damagedShapes(): DamagedShapes {
  if (shapes) return shapes;
  const g = structureGrammar();
  const c = g.classes;
  const look = g.cls(Object.keys(g.raw.markerDamage.digitLookalikes).join(''));
  const brackets = c.damagedOpen + c.damagedClose;
  shapes = {
    maybe: new RegExp(`^[${c.damagedOpen}${c.numerals}0-9${look}A-Za-z\\u4e00-\\u9fff]`),
    paren: new RegExp(
      `^(?:[${c.damagedOpen}]{1,2} ?(?:(?:[^\\s${brackets}0-9]|[A-Za-z])(?: ?(?:[^\\s${brackets}0-9]|[A-Za-z])){0,2})?|[${c.numerals}](?: ?[${c.numerals}]){1,2}|[\\u4e00-\\u9fff]|[A-Za-z]) ?[${c.damagedClose}](?= ?[\\u4e00-\\u9fff])`,
    ),
    inner: new RegExp(`^[${c.damagedOpen}]{0,2} ?([^\\s${brackets}]+)`),
    unclosed: new RegExp(`^[${c.open}] ?[^\\s${brackets}0-9](?=[\\u4e00-\\u9fff])`),
    closer: new RegExp(`[${c.close}]`),
    arabic: new RegExp(`^([0-9${look}]{1,3}) ?[${c.itemSeparators}] ?(?=[\\u4e00-\\u9fff])`),
    bare: new RegExp(`^([0-9]{1,2}) ?(?![${g.cls(g.raw.markerDamage.countWords)}])(?=[\\u4e00-\\u9fff])`),
    cnDamaged: new RegExp(
      `^(?![${c.numerals}])[\\u4e00-\\u9fff] ?[${g.cls(g.raw.markerDamage.damagedSeparators)}] ?(?=[\\u4e00-\\u9fff])`,
    ),
    cnSpaced: new RegExp(`^([${c.numerals}]{1,3}) [${g.cls(g.raw.level1Separators)}]`),
    cnStray: new RegExp(
      `^(?![${c.numerals}${c.damagedOpen}])[\\u4e00-\\u9fffA-Za-z] ?([${c.numerals}]{1,3}) ?[${g.cls(g.raw.level1Separators)}] ?(?=[\\u4e00-\\u9fff])`,
    ),
    cnBare: new RegExp(
      `^([${c.numerals}]{1,3}) ?(?![${g.cls(g.raw.markerDamage.countWords)}${c.numerals}])(?=[\\u4e00-\\u9fff])`,
    ),
  };
  return shapes;
}

type Family = 'cn' | 'paren' | 'arabic' | 'sub';
/** Nesting depth of each family: a marker ends the runs of the deeper families. */
const LEVEL: Record<Family, number> = { cn: 0, paren: 1, arabic: 2, sub: 3 };
const FAMILIES = Object.keys(LEVEL) as Family[];
/** The family of each kind of marker the parser reads (grammars/structure.yaml). */
const FAMILY_OF: Record<MarkerKind, Family> = {
  level1: 'cn',
  level2: 'paren',
  item: 'arabic',
  subitem: 'sub',
};

interface Marker {
  /** The family of a valid marker; the families a damaged one may belong to. */
  families: Family[];
  /** The number; NaN for a damaged marker. */
  value: number;
  start: number;
  end: number;
  /** For damaged markers: the value the shape itself suggests, if any (an item's digits, an intact numeral). */
  hint?: number;
  /** For damaged bracketed markers: the closer was lost, so the paragraph must look like a heading to be one. */
  unclosed?: boolean;
  /** For damaged markers: the paragraph is heading-like (short, no sentence end or clause break inside). */
  headingLike?: boolean;
  /** An item number whose separator was lost: the repair writes the number with the grammar's separator. */
  bare?: boolean;
  /** A level-1 marker (一、) read from its damaged shape (`cnDamaged`, `cnBare`): its paragraph must be a heading. */
  cn?: boolean;
  /** Brackets of a (X) or (n) marker, to copy into repairs. */
  open?: string;
  close?: string;
}

/** Reads the marker (valid or damaged) at a paragraph start. */
function readMarker(raw: string, at: number): Marker | undefined {
  const head = raw.slice(at, at + 10);
  const shape = damagedShapes();
  if (!shape.maybe.test(head)) return undefined;
  const valid = structureGrammar().marker(head);
  if (valid && valid.value >= 1) {
    const family = FAMILY_OF[valid.kind];
    const end = at + valid.length;
    const bracketed = family === 'paren' || family === 'sub';
    return bracketed
      ? {
          families: [family],
          value: valid.value,
          start: at,
          end,
          open: head[0],
          close: head[valid.length - 1],
        }
      : { families: [family], value: valid.value, start: at, end };
  }
  // An intact 一、 with an OCR space before its separator ("四 、组织实施"; the space repair takes it out): valid.
  const spaced = shape.cnSpaced.exec(head);
  const numeral = spaced ? structureGrammar().chineseNumber(spaced[1]!) : null;
  if (numeral !== null && numeral >= 1)
    return { families: ['cn'], value: numeral, start: at, end: at + spaced![0].length };
  let m = shape.paren.exec(head);
  let unclosed = false;
  if (!m) {
    const bare = shape.unclosed.exec(head);
    if (bare && !shape.closer.test(paragraphAt(raw, at))) [m, unclosed] = [bare, true];
  }
  if (m && placeWrap(raw, at, m[0])) return undefined;
  if (m) {
    // An intact numeral inside ("《四 )", "(八" with its closer lost) says which (X) it is.
    const inner = shape.inner.exec(m[0].replace(/ /g, ''))?.[1] ?? '';
    const numeral = structureGrammar().chineseNumber(inner);
    const marker: Marker = { families: ['sub', 'paren'], value: NaN, start: at, end: at + m[0].length };
    if (numeral !== null && numeral >= 1) marker.hint = numeral;
    if (unclosed) marker.unclosed = true;
    marker.headingLike = headingLike(raw, at);
    return marker;
  }
  m = shape.arabic.exec(head);
  if (m) {
    const look = structureGrammar().raw.markerDamage.digitLookalikes;
    const hint = Number([...m[1]!].map((ch) => look[ch] ?? ch).join(''));
    return { families: ['arabic'], value: NaN, start: at, end: at + m[1]!.length, hint };
  }
  m = shape.bare.exec(head);
  if (m)
    return {
      families: ['arabic'],
      value: NaN,
      start: at,
      end: at + m[0].length,
      hint: Number(m[1]),
      bare: true,
      headingLike: headingLike(raw, at),
    };
  return damagedLevel1(raw, at, head);
}

/**
 * A level-1 marker OCR damaged, at a paragraph that is a heading of its own: its numeral read as another ideograph
 * ("全、工作措顺" for 三、工作措施), its separator lost ("二总体要求"; never a word that opens with a numeral: 一是,
 * 一批, `numeralWords`), or a speck of the scan read as a character before it ("人六、持续改善…"). Whether it is one, and which, is the sequence's to say (`fitsAt`).
 */
function damagedLevel1(raw: string, at: number, head: string): Marker | undefined {
  const shape = damagedShapes();
  const g = structureGrammar();
  const stray = shape.cnStray.exec(head);
  const damaged = stray ? null : shape.cnDamaged.exec(head);
  const bare = stray || damaged ? null : shape.cnBare.exec(head);
  if (!stray && !damaged && !bare) return undefined;
  if (bare && g.raw.markerDamage.numeralWords.some((w) => head.replace(/ /g, '').startsWith(w)))
    return undefined;
  if (!headingLike(raw, at)) return undefined;
  const numeral = (stray ?? bare)?.[1];
  const hint = numeral !== undefined ? g.chineseNumber(numeral) : null;
  if (numeral !== undefined && (hint === null || hint < 1)) return undefined;
  const m = (stray ?? damaged ?? bare)!;
  const marker: Marker = {
    families: ['cn'],
    value: NaN,
    start: at,
    end: at + m[0].trimEnd().length,
    cn: true,
  };
  if (hint !== null) marker.hint = hint;
  marker.headingLike = true;
  return marker;
}

/**
 * True when the bracket `bracket` at `at` continues a place name across a line end: it holds only level words of
 * place names (`placeWords`, with `placeSeparators` between: (市), (区、市)) and the text before it, blanks skipped,
 * ends with one (各开发区管委会、县↵(市)区政府, 各省↵(区、市)). No marker reads so: a wrap, not a damaged heading.
 */
function placeWrap(raw: string, at: number, bracket: string): boolean {
  const { placeWords, placeSeparators } = structureGrammar().raw.markerDamage;
  const inner = damagedShapes().inner.exec(bracket)?.[1] ?? '';
  if (!placeWords.includes(inner[0] ?? '\n')) return false;
  if (![...inner].every((c) => placeWords.includes(c) || placeSeparators.includes(c))) return false;
  let k = at - 1;
  while (k >= 0 && /[\s\u3000]/.test(raw[k]!)) k--;
  return k >= 0 && placeWords.includes(raw[k]!);
}

/** Longest paragraph (up to a blank line) that reads as a heading of its own. */
const HEADING_MAX = 40;
/** Sentence ends and clause breaks: a heading of its own has none. */
const SENTENCE = /[。；;！!？?，,：:]/;
/** A blank line (a paragraph's end), and one or the text's end. */
const BLANK = /\n[ \t\u3000]*\n/;
const BLANK_OR_END = /\n[ \t\u3000]*(?:\n|$)/;
/** Room past the longest heading paragraph for the blank line's own spaces. */
const BLANK_SLACK = 64;

/**
 * True when the paragraph at `at` (its lines up to a blank line) reads as a heading of its own: short and without
 * sentence ends or clause breaks ("(八示范引领全市土壤污染防治开展"), unlike a run-in heading followed by its text or a
 * sentence that opens with a parenthesis.
 */
function headingLike(raw: string, at: number): boolean {
  // Only a window past `at` is read (a paragraph longer than twice HEADING_MAX is no heading), so a text without
  // blank lines is not searched to its end from every marker: the rule stays linear.
  const limit = HEADING_MAX * 2;
  const window = raw.slice(at, at + limit + BLANK_SLACK);
  const atEnd = at + window.length >= raw.length;
  const blank = (atEnd ? BLANK_OR_END : BLANK).exec(window);
  const end = blank ? blank.index : atEnd ? window.length : Infinity;
  if (end > limit) return false;
  const text = window.slice(0, end).replace(/\s+/g, '');
  return text.length <= HEADING_MAX && !SENTENCE.test(text);
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
  // Whether a family's run may restart at 1: nothing of it yet, or a higher heading since its last marker.
  const fresh: Record<Family, boolean> = { cn: true, paren: true, arabic: true, sub: true };
  const siblings = nextSiblings(markers);
  markers.forEach((marker, k) => {
    if (Number.isNaN(marker.value)) {
      const fits = marker.families.flatMap((family) => {
        const { next, between, nextHint } = siblings.get(k)![family];
        const candidates =
          marker.cn && marker.hint !== undefined
            ? [marker.hint]
            : RUNS_ON.includes(family) && fresh[family]
              ? [last[family] + 1, 1]
              : [last[family] + 1];
        // A (X) whose numeral is intact may skip numbers its run lost ((八) glued to a note, (十) lost), when its
        // next intact sibling confirms it (fitsAt).
        if (family === 'paren' && !marker.cn && marker.hint !== undefined && marker.hint > last[family] + 1)
          candidates.push(marker.hint);
        const run = { prev: last[family], fresh: fresh[family], next, between, nextHint };
        const n = candidates.find((c) => fitsAt(marker, family, c, run));
        return n === undefined ? [] : [{ family, n, next, between }];
      });
      // Several families fit: the one whose next intact sibling follows with no damaged marker between ((d) then
      // (2), against (二) two markers before (三)) is read, when only one does.
      const adjacent = fits.filter((f) => f.next?.value === f.n + 1 && f.between === 0);
      const fit = fits.length === 1 ? fits[0] : adjacent.length === 1 ? adjacent[0] : undefined;
      if (fit) {
        const { family, n, next } = fit;
        const [open, close] = [next?.open ?? '(', next?.close ?? ')'];
        const number = family === 'paren' ? structureGrammar().numeral(n) : String(n);
        const text =
          family === 'cn'
            ? `${structureGrammar().numeral(n)}${level1Separator()}`
            : family !== 'arabic'
              ? `${open}${number}${close}`
              : marker.bare
                ? `${number}${itemSeparator()}`
                : number;
        proposals.push({ start: marker.start, end: marker.end, text, ruleId });
        enter(last, fresh, family, n);
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
    enter(last, fresh, family, marker.value);
  });
  return { proposals, diagnostics };
}

/**
 * Families whose numbers may restart under each heading above them or run on across those headings (items across
 * (X), and (X) across 一、 as State Council notices number them: 二、 then (五)); 一、 restarts them all.
 */
const RUNS_ON: readonly Family[] = ['paren', 'arabic'];

/**
 * Whether damaged `marker` is number `n` of `family` (whose last number was `prev`), on the evidence of the
 * sequence: its next intact sibling `next` (with `between` damaged markers before it), the numeral the marker
 * still shows, and for a marker that ends its run, the paragraph's shape.
 */
function fitsAt(
  marker: Marker,
  family: Family,
  n: number,
  {
    prev,
    fresh,
    next,
    between,
    nextHint,
  }: { prev: number; fresh: boolean; next?: Marker; between: number; nextHint?: number },
): boolean {
  // An item's digits always count; a numeral inside brackets only for (X) (a (1) may be misread as "(七").
  const hint = family === 'sub' ? undefined : marker.hint;
  if (hint !== undefined && hint !== n) return false;
  // A number past the next one of its run (its numeral skips lost siblings) is one only where the next intact
  // sibling follows it, directly or after damaged ones that exactly fill the numbers between.
  // Or where the next damaged marker of its run still shows the numeral after it: two damaged markers whose
  // numerals follow each other ((十六) then 《十 八), 《十 九): the one between was lost or misread) confirm each other.
  if (n > prev + 1 && !(fresh && n === 1) && !marker.cn)
    return (
      (next !== undefined && (next.value === n + 1 || (between >= 1 && next.value - n - 1 === between))) ||
      (family === 'paren' && hint === n && nextHint === n + 1)
    );
  // A damaged 一、 is one only in the slot its next intact sibling leaves, directly or after a run of damaged ones
  // that exactly fills the numbers between (二总体要求, 全、工作措施, then 四、): never on what came before alone.
  if (marker.cn)
    return (
      n > prev &&
      next !== undefined &&
      (next.value === n + 1 || (between >= 1 && next.value - n - 1 === between))
    );
  // An item number that lost its separator is one only right after its previous sibling, or right before its next:
  // "2确保…" after 1., or 1 first under a new heading with more item numbers after it; its paragraph reads as a
  // sentence, not as a short line (a table's 序号 cell beside a unit: "2 市生态环"). "3家企业…" or "1家企业…"
  // opening a paragraph elsewhere stays text.
  if (marker.bare)
    return (
      !marker.headingLike &&
      ((prev >= 1 && n === prev + 1) || (fresh && n === 1 && between >= 1) || next?.value === n + 1)
    );
  // A marker whose closer was lost is a heading only if its paragraph reads as one, unless its next sibling follows.
  const shaped = !marker.unclosed || marker.headingLike === true;
  if (next?.value === n + 1) return true;
  // A (X) whose numeral OCR damaged ("《二 七)" after (十六)) whose next damaged sibling still shows the number after.
  if (family === 'paren' && nextHint === n + 1 && n === prev + 1 && shaped) return true;
  // An intact numeral that continues its run ((八) then "(《九)", "十一)" after (十)) says it, whatever lies ahead.
  if (family === 'paren' && hint === n && n === prev + 1 && shaped) return true;
  // A run of damaged markers that exactly fills the slots between two intact siblings: (七) (八 (放 (十).
  if (next !== undefined) return between >= 1 && next.value - n - 1 === between && shaped;
  // Last in its run: the numeral it shows, or a heading of its own that continues a run with no higher heading
  // since its last sibling and no other damaged marker after it ((八) then "(放 防范…" then 三、).
  if (hint !== undefined) return shaped;
  return family !== 'arabic' && prev >= 1 && !fresh && between === 0 && marker.headingLike === true;
}

/** The separator a repair writes after a damaged level-1 numeral: the grammar's first. */
const level1Separator = (): string => structureGrammar().raw.level1Separators[0]!;

/** The item separator a repair writes where an item number lost its own: the grammar's first. */
const itemSeparator = (): string => structureGrammar().raw.itemSeparators[0]!;

/** Records marker `value` of `family`: deeper runs end, except those that run on (see `RUNS_ON`). */
function enter(
  last: Record<Family, number>,
  fresh: Record<Family, boolean>,
  family: Family,
  value: number,
): void {
  last[family] = value;
  last.sub = family === 'sub' ? value : 0;
  if (family === 'cn' && value === 1) last.paren = last.arabic = 0;
  fresh[family] = false;
  for (const f of FAMILIES) if (LEVEL[f] > LEVEL[family]) fresh[f] = true;
}

/**
 * For each damaged marker (by index), the next valid marker of each family before that family's run is ended by a
 * higher level (for items: by 一、), and the damaged markers between. One backward pass, so the rule stays linear.
 */
function nextSiblings(markers: readonly Marker[]): Map<number, Record<Family, Sibling>> {
  const out = new Map<number, Record<Family, Sibling>>();
  const ahead: Partial<Record<Family, Marker>> = {};
  const damaged: Record<Family, number> = { cn: 0, paren: 0, arabic: 0, sub: 0 };
  const hinted: Partial<Record<Family, number>> = {};
  for (let k = markers.length - 1; k >= 0; k--) {
    const m = markers[k]!;
    if (Number.isNaN(m.value)) {
      const here = Object.fromEntries(
        FAMILIES.map((f) => [f, { next: ahead[f], between: damaged[f], nextHint: hinted[f] }]),
      ) as Record<Family, Sibling>;
      out.set(k, here);
      for (const f of m.families) damaged[f]++;
      // Only a (X)'s numeral says its number (a "(七" may be a misread (1): `fitsAt`).
      for (const f of m.families) hinted[f] = f === 'paren' ? m.hint : undefined;
      continue;
    }
    const g = m.families[0]!;
    ahead[g] = m;
    damaged[g] = 0;
    hinted[g] = undefined;
    // A higher heading ends a run, but the numeral of the next damaged (X) still counts across it where (X) runs on
    // (二、 then (五)): a run restarted under it would show (一), not the number after.
    for (const f of ENDED_BY[g]) {
      [ahead[f], damaged[f]] = [undefined, 0];
      if (!RUNS_ON.includes(f)) hinted[f] = undefined;
    }
  }
  return out;
}

/**
 * A damaged marker's next intact sibling of one family, and how many damaged markers stand between them; and the
 * numeral the next damaged marker of its run still shows, when it shows one ((X) only).
 */
interface Sibling {
  next?: Marker;
  between: number;
  nextHint?: number;
}

/** The level of markers that end a run of `family`: any higher one, except that items run on across (X). */
function stopLevel(family: Family): number {
  return family === 'arabic' ? LEVEL.cn : LEVEL[family] - 1;
}

/** For each family, the other families whose runs a marker of it ends. */
const ENDED_BY = Object.fromEntries(
  FAMILIES.map((g) => [g, FAMILIES.filter((f) => f !== g && LEVEL[g] <= stopLevel(f))]),
) as Record<Family, Family[]>;
