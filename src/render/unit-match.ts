/**
 * `--unit NAME`: which unit nodes a clerk means. A node matches when its name or canonical name is NAME
 * (spaces and bracket width ignored), or when the gazetteer resolves NAME (an abbreviation, an alias, a
 * former name) to the same canonical name as the node.
 */
import type { UnitNode } from '../graph/schema.js';
import type { Gazetteer } from '../extract/units.js';
import { unitKey } from '../extract/units-text.js';

/** A predicate over unit nodes for the name a clerk typed; `date` is the document's (renamings in force). */
export function unitMatcher(query: string, gazetteer: Gazetteer, date?: string): (unit: UnitNode) => boolean {
  const key = unitKey(query);
  const canonical = gazetteer.lookup(query, date).canonical;
  return (unit) =>
    unitKey(unit.name) === key ||
    (unit.canonical !== null && unitKey(unit.canonical) === key) ||
    (canonical !== null &&
      (unit.canonical === canonical || gazetteer.lookup(unit.name, date).canonical === canonical));
}
