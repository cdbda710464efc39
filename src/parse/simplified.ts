/**
 * A simplified copy of a text for recognition only, made with OpenCC's data (opencc-js): Taiwan and Hong Kong
 * variants to OpenCC's standard form, then traditional to simplified, character by character. Only one-for-one
 * mappings of the same UTF-16 length are used, so an offset in the copy is the same offset in the original:
 * the grammars match on the copy, and the output keeps the original text.
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

let table: Map<string, string> | null = null;

/** Entries "from to [alternatives]|…" of one OpenCC dictionary, as [from, first to]. */
function entries(dictionary: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && [...from].length === 1 && from.length === to.length) out.push([from, to]);
  }
  return out;
}

/** The character table: a variant first to its standard traditional form, then to simplified. */
function simplifiedTable(): Map<string, string> {
  if (table) return table;
  const ts = new Map(entries(TSCharacters));
  table = new Map(ts);
  for (const [from, to] of [...entries(TWVariantsRev), ...entries(HKVariantsRev)]) {
    const simple = ts.get(to) ?? to;
    if (from.length === simple.length && from !== simple) table.set(from, simple);
  }
  return table;
}

/** `t` with every traditional character replaced by its simplified one; same length, same offsets. */
export function simplify(t: string): string {
  const map = simplifiedTable();
  let out = '';
  for (const c of t) out += map.get(c) ?? c;
  return out;
}
