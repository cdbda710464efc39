/**
 * Built-in rule: gazetteer-aware repair of unit names in role lines. A list item that is no known unit but lies one
 * edit (two for names of 8 characters or more) from exactly one known unit is that unit ("荣阳市" → "荥阳市",
 * "各开发区管会" → "各开发区管委会"); a known unit (5+ characters) one edit away as the tail or head of a longer name
 * is repaired when the edit lies inside it. Edits in numbers are never made; several candidates give a diagnostic.
 */
import type { Diagnostic } from '../graph/schema.js';
import { boundedDistance, editScript, type EditOp } from './distance.js';
import type { Proposal } from './fixer.js';
import { LIST_SEPARATORS, roleLines } from './roles.js';
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
/** Ends of a list item that are not part of the name. */
const TRAILING = /[。.]$/;

/** A candidate repair: the known unit and the edits, in indices of the compressed written name. */
interface Fix {
  unit: string;
  ops: EditOp[];
}

/** Known units grouped by length, for the distance search. */
function byLength(known: ReadonlySet<string>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const name of known) {
    const group = groups.get(name.length);
    if (group) group.push(name);
    else groups.set(name.length, [name]);
  }
  return groups;
}

/** Known units of length within `max` of `length`. */
function* near(groups: Map<number, string[]>, length: number, max: number): Generator<string> {
  for (let l = length - max; l <= length + max; l++) yield* groups.get(l) ?? [];
}

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

/** The repairs of `name` the gazetteer allows: whole-name matches, else a known head or tail with an inner edit. */
function candidates(name: string, groups: Map<number, string[]>): Fix[] {
  const max = name.length >= LONG_NAME ? 2 : 1;
  const whole: Fix[] = [];
  for (const unit of near(groups, name.length, max))
    if (boundedDistance(name, unit, max) <= max) whole.push({ unit, ops: editScript(name, unit) });
  if (whole.length > 0) return whole;
  const seen = new Set<string>();
  const parts: Fix[] = [];
  for (let w = MIN_AFFIX_UNIT - 1; w <= name.length - 2; w++) {
    const tail = name.slice(name.length - w);
    const head = name.slice(0, w);
    for (const unit of near(groups, w, 1)) {
      if (unit.length < MIN_AFFIX_UNIT) continue;
      if (inside(tail, unit, 'start')) {
        const offset = name.length - w;
        const ops = editScript(tail, unit).map((op) => ({ ...op, at: op.at + offset }));
        parts.push({ unit: name.slice(0, offset) + unit, ops });
      }
      if (inside(head, unit, 'end')) parts.push({ unit: unit + name.slice(w), ops: editScript(head, unit) });
    }
  }
  return parts.filter((f) => !seen.has(f.unit) && seen.add(f.unit));
}

/**
 * True when `part` is one edit from `unit` and that edit lies inside it, away from the free text it borders: the
 * two characters at that side (`side` 'start' for a tail, 'end' for a head) and the one at the other side agree.
 */
function inside(part: string, unit: string, side: 'start' | 'end'): boolean {
  const [a, b] = side === 'start' ? [2, 1] : [1, 2];
  return (
    part.slice(0, a) === unit.slice(0, a) &&
    part.slice(-b) === unit.slice(-b) &&
    boundedDistance(part, unit, 1) === 1
  );
}

/** A list item of a role line: its name without blanks and the raw offset of each of its characters. */
interface Item {
  name: string;
  index: number[];
}

/** The list items of every role line. */
function listItems(raw: string, ctx: RuleContext): Item[] {
  const items: Item[] = [];
  for (const line of roleLines(raw, ctx.lexicon)) {
    let at = line.listStart;
    for (const chunk of raw.slice(line.listStart, line.listEnd).split(LIST_SEPARATORS)) {
      const index: number[] = [];
      let name = '';
      for (let i = 0; i < chunk.length; i++) {
        if (/\s/.test(chunk[i]!)) continue;
        index.push(at + i);
        name += chunk[i];
      }
      items.push({ name: name.replace(TRAILING, ''), index });
      at += chunk.length + 1;
    }
  }
  return items;
}

/** True when an insertion or deletion lies at the start or the end of the name (an abbreviation, not OCR). */
function atEdge(name: string, ops: readonly EditOp[]): boolean {
  return ops.some(
    (op) =>
      (op.kind === 'ins' && (op.at === 0 || op.at === name.length)) ||
      (op.kind === 'del' && (op.at === 0 || op.at === name.length - 1)),
  );
}

/**
 * Proposes the known unit for each misread unit name in a role line; reports ambiguous ones. A name listed
 * `MIN_REPEATED` times or more is a real unit the gazetteer lacks, not a misreading, and stays.
 */
export function unitName(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  if (ctx.knownUnits.size === 0) return { proposals, diagnostics };
  const items = listItems(raw, ctx);
  const counts = new Map<string, number>();
  for (const { name } of items) counts.set(name, (counts.get(name) ?? 0) + 1);
  let groups: Map<number, string[]> | undefined;
  for (const { name, index } of items) {
    if (name.length < MIN_NAME || name.length > MAX_NAME || ctx.knownUnits.has(name)) continue;
    if (counts.get(name)! >= MIN_REPEATED) continue;
    groups ??= byLength(ctx.knownUnits);
    const fixes = candidates(name, groups);
    const fix = fixes[0];
    if (fixes.length === 1 && fix && outsideNumbers(name, fix.ops) && !atEdge(name, fix.ops)) {
      for (const op of fix.ops) {
        const pos = index[op.at]!;
        proposals.push({ start: pos, end: op.kind === 'ins' ? pos : pos + 1, text: op.text, ruleId });
      }
    } else if (fixes.length > 1) {
      diagnostics.push({
        code: 'unit-name-suspect',
        severity: 'info',
        message: `"${name}" is no known unit; it may be ${fixes.map((f) => f.unit).join(' or ')}`,
        start: index[0]!,
        end: index[name.length - 1]! + 1,
      });
    }
  }
  return { proposals, diagnostics };
}
