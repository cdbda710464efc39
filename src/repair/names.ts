/**
 * Built-in rule: gazetteer-aware repair of unit names in role lines and in the role notes that end a task paragraph. A list item that is no known unit but lies one
 * edit (two for names of 8 characters or more) from exactly one known unit is that unit ("荣阳市" → "荥阳市",
 * "各开发区管会" → "各开发区管委会"); a known unit (5+ characters) one edit away as the tail or head of a longer name
 * is repaired when the edit lies inside it. Edits in numbers are never made; several candidates give a diagnostic.
 */
import type { Diagnostic } from '../graph/schema.js';
import { isWhitespace } from './chars.js';
import { boundedDistance, editScript, signature, withinSignatures, type EditOp } from './distance.js';
import type { Proposal } from './fixer.js';
import { perKnownSet } from './known.js';
import { perText } from './memo.js';
import { confusions } from './places.js';
import { roleNotes } from './role-notes.js';
import { isListSeparator, roleLines } from './roles.js';
import type { RuleContext, RuleOutput } from './types.js';

/** Shortest written name the rule looks at. */
export const MIN_NAME = 3;
/** Names this long may lie two edits from their known form. */
export const LONG_NAME = 8;
/** Shortest known unit that may be found as the head or tail of a longer name. */
export const MIN_AFFIX_UNIT = 5;
/** Longest written name the rule looks at (longer list items are running text). */
export const MAX_NAME = 40;
/** A name listed this often in one document is a real unit, even when the gazetteer lacks it. */
export const MIN_REPEATED = 3;
/** Characters of numbers: an edit touching one is never made (第一 vs 第二). */
const NUMBER_CHAR = /[0-9０-９一二三四五六七八九十百千万零〇两]/;
/** Characters ending a list item that are not part of the name (full stops). */
const TRAILING = '。.';
/** Blanks inside a list item (OCR spaces and line breaks), which are not part of the name. */
const WHITESPACE_ALL = /\s/g;

/** A candidate repair: the known unit and the edits, in indices of the compressed written name. */
interface Fix {
  unit: string;
  ops: EditOp[];
}

/**
 * A known head or tail agrees with the part of the name it repairs on the characters at both of its ends, so that
 * the edit lies inside it: `CUT_CHARS` at the end that borders the free text of the name (the cut: the start of a
 * tail, the end of a head) and `OUTER_CHARS` at the other, which is an end of the whole name.
 */
const CUT_CHARS = 2;
const OUTER_CHARS = 1;
/** The side of a part where the name's free text borders it: 'start' for a tail, 'end' for a head. */
type Side = 'start' | 'end';

/** The characters of `s` at the cut, for a part cut at `side`. */
function cutEnd(s: string, side: Side): string {
  return side === 'start' ? s.slice(0, CUT_CHARS) : s.slice(-CUT_CHARS);
}

/** The characters of `s` at its outer end, for a part cut at `side`. */
function outerEnd(s: string, side: Side): string {
  return side === 'start' ? s.slice(-OUTER_CHARS) : s.slice(0, OUTER_CHARS);
}

/** The known units prepared for the search, built once per set. */
interface UnitIndex {
  /** Units by length, each group in set order, with their signatures. */
  byLength: Map<number, { units: string[]; signatures: number[] }>;
  /** Units of `MIN_AFFIX_UNIT` characters or more, by length and then in set order: the order they are tried in. */
  affixUnits: string[];
  /** For each side, indices into `affixUnits` (ascending) by the unit's outer end and then by its cut end. */
  byEnds: Record<Side, Map<string, Map<string, number[]>>>;
}

/** Groups and indexes the known units. */
const unitIndex = perKnownSet((known): UnitIndex => {
  const byLength = new Map<number, { units: string[]; signatures: number[] }>();
  for (const name of known) {
    const group = byLength.get(name.length);
    if (group) {
      group.units.push(name);
      group.signatures.push(signature(name));
    } else byLength.set(name.length, { units: [name], signatures: [signature(name)] });
  }
  const affixUnits = [...byLength.keys()]
    .filter((length) => length >= MIN_AFFIX_UNIT)
    .sort((a, b) => a - b)
    .flatMap((length) => byLength.get(length)!.units);
  const byEnds: UnitIndex['byEnds'] = { start: new Map(), end: new Map() };
  affixUnits.forEach((unit, k) => {
    for (const side of ['start', 'end'] as const) {
      const outer = outerEnd(unit, side);
      let byCut = byEnds[side].get(outer);
      if (!byCut) byEnds[side].set(outer, (byCut = new Map()));
      const cut = cutEnd(unit, side);
      const list = byCut.get(cut);
      if (list) list.push(k);
      else byCut.set(cut, [k]);
    }
  });
  return { byLength, affixUnits, byEnds };
});

/** True when no edit changes, removes or inserts a character of a number. */
function outsideNumbers(written: string, ops: readonly EditOp[]): boolean {
  return ops.every(
    (op) =>
      !NUMBER_CHAR.test(op.text) &&
      !(op.kind !== 'ins' && NUMBER_CHAR.test(written[op.at]!)) &&
      !(
        op.kind === 'ins' &&
        (NUMBER_CHAR.test(written[op.at - 1] ?? '') || NUMBER_CHAR.test(written[op.at] ?? ''))
      ),
  );
}

/** No units. */
const NONE: readonly number[] = [];

/** The repairs of `name` the gazetteer allows: whole-name matches, else a known head or tail with an inner edit. */
function candidates(name: string, index: UnitIndex): Fix[] {
  const max = name.length >= LONG_NAME ? 2 : 1;
  const whole: Fix[] = [];
  const bits = signature(name);
  for (let length = name.length - max; length <= name.length + max; length++) {
    const group = index.byLength.get(length);
    if (!group) continue;
    group.units.forEach((unit, k) => {
      if (withinSignatures(bits, group.signatures[k]!, max) && boundedDistance(name, unit, max) <= max)
        whole.push({ unit, ops: editScript(name, unit) });
    });
  }
  if (whole.length > 0) return whole;
  const parts: Fix[] = [];
  // Only units sharing the ends that `inside` compares can be a tail or a head: the outer one is an end of the name
  // for every split, the cut one changes with the split. Both lists follow the order units are tried in, and a
  // unit is tried as the tail before as the head.
  const tailsByCut = index.byEnds.start.get(outerEnd(name, 'start'));
  const headsByCut = index.byEnds.end.get(outerEnd(name, 'end'));
  if (!tailsByCut && !headsByCut) return parts;
  for (let w = MIN_AFFIX_UNIT - 1; w <= name.length - 2; w++) {
    const offset = name.length - w;
    const tails = tailsByCut?.get(name.slice(offset, offset + CUT_CHARS)) ?? NONE;
    const heads = headsByCut?.get(name.slice(w - CUT_CHARS, w)) ?? NONE;
    if (tails.length === 0 && heads.length === 0) continue;
    const tail = name.slice(offset);
    const head = name.slice(0, w);
    for (let i = 0, j = 0; i < tails.length || j < heads.length;) {
      if (j === heads.length || (i < tails.length && tails[i]! <= heads[j]!)) {
        const unit = index.affixUnits[tails[i++]!]!;
        if (Math.abs(unit.length - w) <= 1 && inside(tail, unit, 'start')) {
          const ops = editScript(tail, unit).map((op) => ({ ...op, at: op.at + offset }));
          parts.push({ unit: name.slice(0, offset) + unit, ops });
        }
      } else {
        const unit = index.affixUnits[heads[j++]!]!;
        if (Math.abs(unit.length - w) <= 1 && inside(head, unit, 'end')) {
          parts.push({ unit: unit + name.slice(w), ops: editScript(head, unit) });
        }
      }
    }
  }
  const seen = new Set<string>();
  return parts.filter((f) => !seen.has(f.unit) && seen.add(f.unit));
}

/**
 * True when `part` is one edit from `unit` and that edit lies inside it, away from the free text it borders: the
 * two characters at that side (`side` 'start' for a tail, 'end' for a head) and the one at the other side agree.
 */
function inside(part: string, unit: string, side: Side): boolean {
  return (
    cutEnd(part, side) === cutEnd(unit, side) &&
    outerEnd(part, side) === outerEnd(unit, side) &&
    boundedDistance(part, unit, 1) === 1
  );
}

/** A list item of a role line: its name without blanks, the raw range it was read from, and its list. */
interface Item {
  name: string;
  start: number;
  end: number;
  /** Index of the role line or note it was listed in. */
  list: number;
}

/** The list items of every role line, and of every role note that ends a paragraph (role-notes.ts). */
function listItems(raw: string, ctx: RuleContext): Item[] {
  const items: Item[] = [];
  const lists = [...roleLines(raw, ctx), ...roleNotes(raw, ctx)];
  for (const [list, line] of lists.entries()) {
    let start = line.listStart;
    let blanks = false;
    for (let i = line.listStart; i <= line.listEnd; i++) {
      if (i < line.listEnd) {
        const code = raw.charCodeAt(i);
        if (!isListSeparator(code)) {
          if (isWhitespace(code)) blanks = true;
          continue;
        }
      }
      const chunk = raw.slice(start, i);
      const name = blanks ? chunk.replace(WHITESPACE_ALL, '') : chunk;
      items.push({ name: withoutTrailing(name), start, end: i, list });
      start = i + 1;
      blanks = false;
    }
  }
  return items;
}

/** `name` without a trailing full stop. */
function withoutTrailing(name: string): string {
  return name !== '' && TRAILING.includes(name[name.length - 1]!) ? name.slice(0, -1) : name;
}

/** The raw offset of each character of an item's name (and of a trailing full stop). */
function offsets(raw: string, item: Item): number[] {
  const index: number[] = [];
  for (let i = item.start; i < item.end; i++) if (!isWhitespace(raw.charCodeAt(i))) index.push(i);
  return index;
}

/** True when an insertion or deletion lies at the start or the end of the name (an abbreviation, not OCR). */
function atEdge(name: string, ops: readonly EditOp[]): boolean {
  return ops.some(
    (op) =>
      (op.kind === 'ins' && (op.at === 0 || op.at === name.length)) ||
      (op.kind === 'del' && (op.at === 0 || op.at === name.length - 1)),
  );
}

/** The candidates fewest edits away: one that is strictly closer than the others is the name (管委沙: 相关…管委会, not 有关…). */
function closest(fixes: Fix[]): Fix[] {
  const least = Math.min(...fixes.map((f) => f.ops.length));
  const best = fixes.filter((f) => f.ops.length === least);
  return best.length === 1 ? best : fixes;
}

/** Every character confusion tesseract was seen to make (grammars/repair/confusions.yaml), as read + printed. */
let confusionPairs: ReadonlySet<string> | undefined;

/** True when every edit of `ops` on `written` is a listed confusion: the written character read for the known one. */
function byConfusion(written: string, ops: readonly EditOp[]): boolean {
  confusionPairs ??= new Set(
    [...confusions().pairs, ...confusions().characters].map((p) => p.read + '\u0000' + p.printed),
  );
  const pairs = confusionPairs;
  return ops.every((op) => op.kind === 'sub' && pairs.has(written[op.at]! + '\u0000' + op.text));
}

/** A listed name that is no known unit, with the repairs the gazetteer allows and what the notice says of them. */
interface Suspect {
  item: Item;
  /** Candidates, without the units its own list names as written (a list names a unit once). */
  fixes: Fix[];
  /** How many times the notice lists this name as written. */
  repeats: number;
}

/** What the notice's role lines say: the suspects, and how often each known unit is listed as written. */
interface Listing {
  suspects: Suspect[];
  named: ReadonlyMap<string, number>;
}

/**
 * The list items of `raw` that are no known unit, with their candidates; and the known units listed as written.
 * Once per text and repair: rules unit-name and unit-misread both read it.
 */
const listing = perText((raw: string, ctx: RuleContext): Listing => {
  const items = listItems(raw, ctx);
  const named = new Map<string, number>();
  const byList = new Map<number, Set<string>>();
  for (const { name, list } of items) {
    if (ctx.knownUnits.has(name)) named.set(name, (named.get(name) ?? 0) + 1);
    const names = byList.get(list) ?? new Set<string>();
    byList.set(list, names.add(name));
  }
  const found = items.filter(
    ({ name }) => name.length >= MIN_NAME && name.length <= MAX_NAME && !ctx.knownUnits.has(name),
  );
  const counts = new Map<string, number>();
  for (const { name } of found) counts.set(name, (counts.get(name) ?? 0) + 1);
  const index = unitIndex(ctx.knownUnits);
  const suspects = found.map((item) => ({
    item,
    fixes: candidates(item.name, index).filter((f) => !byList.get(item.list)!.has(f.unit)),
    repeats: counts.get(item.name)!,
  }));
  return { suspects, named };
});

/** The one repair of a suspect that needs no OCR evidence, or the candidates it leaves tied (none: no candidate). */
function plainFix({ item, fixes: all, repeats }: Suspect): Fix | Fix[] {
  const { name } = item;
  // A listed confusion decides between candidates, and is a misreading even when it recurs (市农妥 for 市农委).
  const confused = all.filter((f) => byConfusion(name, f.ops));
  const fixes = confused.length === 1 ? confused : repeats >= MIN_REPEATED ? [] : closest(all);
  const fix = fixes[0];
  if (fixes.length === 1 && fix && outsideNumbers(name, fix.ops) && !atEdge(name, fix.ops)) return fix;
  return fixes.length > 1 ? fixes : [];
}

/** The proposals of a fix of an item. */
function proposalsOf(raw: string, item: Item, fix: Fix, ruleId: string): Proposal[] {
  const index = offsets(raw, item);
  return fix.ops.map((op) => {
    const pos = index[op.at]!;
    return { start: pos, end: op.kind === 'ins' ? pos : pos + 1, text: op.text, ruleId };
  });
}

/** The raw range of an item's name (blanks and a trailing full stop aside). */
function nameRange(raw: string, item: Item): { start: number; end: number } {
  const index = offsets(raw, item);
  return { start: index[0]!, end: index[item.name.length - 1]! + 1 };
}

/**
 * Proposes the known unit for each misread unit name in a role line; reports ambiguous ones. A name listed
 * `MIN_REPEATED` times or more is a real unit the gazetteer lacks, not a misreading, and stays, unless its edits
 * are confusions tesseract was seen to make (grammars/repair/confusions.yaml), which also pick one candidate of
 * several. A unit the same list already names is no candidate (市城官局 beside 市城建局: 市城管局).
 */
export function unitName(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  if (ctx.knownUnits.size === 0) return { proposals, diagnostics };
  const { suspects, named } = listing(raw, ctx);
  for (const suspect of suspects) {
    const fix = plainFix(suspect);
    if (!Array.isArray(fix)) proposals.push(...proposalsOf(raw, suspect.item, fix, ruleId));
    else if (fix.length > 1)
      diagnostics.push({
        code: 'unit-name-suspect',
        severity: 'info',
        message:
          `"${suspect.item.name}" is no known unit; it may be ` +
          fix.map((f) => `${f.unit} (listed ${named.get(f.unit) ?? 0} times)`).join(' or ') +
          '; left as written',
        ...nameRange(raw, suspect.item),
      });
  }
  return { proposals, diagnostics };
}

/** Diagnostic code of the evidence of a repair rule unit-misread made. */
export const MISREAD_EVIDENCE_CODE = 'unit-name-evidence';

/** The known units by each form with one character left out ("市农\u0000" for 市农委 at 2), built once per set. */
const byGap = perKnownSet((known): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const unit of known) {
    if (unit.length < MIN_NAME - 1 || unit.length > MAX_NAME) continue;
    for (let j = 0; j < unit.length; j++) {
      const key = unit.slice(0, j) + '\u0000' + unit.slice(j + 1);
      const list = out.get(key);
      if (list) list.push(unit);
      else out.set(key, [unit]);
    }
  }
  return out;
});

/**
 * The known units `name` reads as when two neighbouring characters of it are one glyph read as two (有长(市)区政府:
 * 县(市)区政府): the unit has one character where the name has both, neither of them, and the rest alike.
 */
function splitGlyphs(name: string, known: ReadonlySet<string>): Fix[] {
  const index = byGap(known);
  const out: Fix[] = [];
  for (let i = 0; i + 1 < name.length; i++) {
    for (const unit of index.get(name.slice(0, i) + '\u0000' + name.slice(i + 2)) ?? []) {
      const glyph = unit[i]!;
      if (glyph === name[i] || glyph === name[i + 1] || !/[\u4e00-\u9fff]/.test(glyph)) continue;
      out.push({
        unit,
        ops: [
          { kind: 'sub', at: i, text: glyph },
          { kind: 'del', at: i + 1, text: '' },
        ],
      });
    }
  }
  return out;
}

/**
 * Built-in rule unit-misread, on OCR text only: the misread unit names rule unit-name leaves, where the notice itself
 * is the evidence.
 * - A name listed `MIN_REPEATED` times or more with one candidate is that unit when the notice lists the unit as
 *   written `MIN_REPEATED` times or more and more often than the name (市农妥 5 times beside 市农委 19 times).
 * - A name that is a known unit with one glyph read as two neighbouring characters (有花阳市: 荥阳市), when exactly
 *   one unit reads so and the notice lists it `MIN_REPEATED` times or more, or it is a place of the notice's region
 *   (a known unit ending in a level word, grammars/repair/confusions.yaml `placeSuffixes`).
 * Candidates still tied are left as written (rule unit-name reports them).
 */
export function unitMisread(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  if (ctx.knownUnits.size === 0) return { proposals, diagnostics };
  const { suspects, named } = listing(raw, ctx);
  const listed = (unit: string): number => named.get(unit) ?? 0;
  const suffixes = new Set(confusions().placeSuffixes);
  const decide = (suspect: Suspect): { fix: Fix; why: string } | undefined => {
    const { item, repeats } = suspect;
    const plain = plainFix(suspect);
    if (!Array.isArray(plain)) return undefined; // rule unit-name repairs it
    const near = suspect.fixes.length > 0 ? closest(suspect.fixes) : [];
    const fix = near[0];
    if (repeats >= MIN_REPEATED && near.length === 1 && fix && outsideNumbers(item.name, fix.ops)) {
      const n = listed(fix.unit);
      if (n >= MIN_REPEATED && n > repeats && !atEdge(item.name, fix.ops))
        return { fix, why: `listed ${repeats} times, but the notice lists ${fix.unit} ${n} times` };
      return undefined;
    }
    const split = splitGlyphs(item.name, ctx.knownUnits).filter((f) => outsideNumbers(item.name, f.ops));
    const one = split[0];
    if (split.length !== 1 || !one || near.some((f) => f.ops.length < 2)) return undefined;
    const n = listed(one.unit);
    const place = suffixes.has(one.unit[one.unit.length - 1]!);
    if ((n < MIN_REPEATED && !place) || (repeats >= MIN_REPEATED && n <= repeats)) return undefined;
    const at = one.ops[0]!.at;
    return {
      fix: one,
      why:
        `one glyph read as two: ${item.name.slice(at, at + 2)} for ${one.ops[0]!.text}, ` +
        (n >= MIN_REPEATED
          ? `the notice lists ${one.unit} ${n} times`
          : `${one.unit} is a place of the region`),
    };
  };
  for (const suspect of suspects) {
    const found = decide(suspect);
    if (!found) continue;
    proposals.push(...proposalsOf(raw, suspect.item, found.fix, ruleId));
    diagnostics.push({
      code: MISREAD_EVIDENCE_CODE,
      severity: 'info',
      message: `"${suspect.item.name}" read as ${found.fix.unit}: ${found.why}`,
      ...nameRange(raw, suspect.item),
    });
  }
  return { proposals, diagnostics };
}
