/**
 * Units across the two sides: one key per entity (the canonical name, else the name as written), renamings
 * from the gazetteer (市农委 → 市农业农村局 when the gazetteer links the two bodies), and the per-task changes
 * of units by role.
 */
import type { NoticeGraph, Role, UnitNode } from '../graph/schema.js';
import { loadGazetteer, type Gazetteer } from '../extract/units.js';
import { unitKey } from '../extract/units-text.js';
import type { Change } from './schema.js';
import type { Holder } from './side.js';

const MAX_HOPS = 16;

/** The entity a unit node stands for on its side. */
export const entityKey = (unit: UnitNode): string => unit.canonical ?? unitKey(unit.name);

/** Old-side entity key → the renamed entity's new-side unit (only for entities the gazetteer renames). */
export type Renames = Map<string, { oldName: string; newName: string; newKey: string }>;

/** The canonical names an old unit leads to by the gazetteer's renamings after the old side's date. */
function successors(
  gaz: Gazetteer,
  unit: UnitNode,
  oldDate: string | undefined,
  newDate: string | undefined,
) {
  const out = new Set<string>();
  let entry = gaz.lookup(unit.name, oldDate).entry;
  for (let hops = 0; entry?.renamedTo !== undefined && hops < MAX_HOPS; hops++) {
    out.add(entry.renamedTo);
    entry = gaz.lookup(entry.renamedTo).entry;
  }
  const later = gaz.lookup(unit.name, newDate).canonical;
  if (later !== null) out.add(later);
  return out;
}

/**
 * Finds the units of the old side that the new side names by a later name: an old unit whose entity is absent
 * from the new side, and a new unit, absent from the old side, whose entity is one the old one was renamed to.
 */
export function findRenames(oldGraph: NoticeGraph, newGraph: NoticeGraph, units: string[] = []): Renames {
  const gaz = loadGazetteer(units);
  const unitsOf = (graph: NoticeGraph) =>
    new Map(graph.nodes.flatMap((n) => (n.type === 'unit' ? [[entityKey(n), n] as [string, UnitNode]] : [])));
  const olds = unitsOf(oldGraph);
  const news = unitsOf(newGraph);
  const renames: Renames = new Map();
  for (const [key, unit] of olds) {
    if (news.has(key)) continue;
    const later = successors(gaz, unit, oldGraph.document.date, newGraph.document.date);
    for (const [newKey, newUnit] of news) {
      if (olds.has(newKey) || !later.has(newUnit.canonical ?? '')) continue;
      renames.set(key, { oldName: unit.name, newName: newUnit.name, newKey });
      break;
    }
  }
  return renames;
}

type RoleChange = Extract<Change, { kind: 'unit_added' | 'unit_removed' | 'unit_role_changed' }>;
type Omitted = 'plan' | 'oldPath' | 'newPath' | 'confidence';
/** A unit change without its place. */
export type UnitChange = RoleChange extends infer C
  ? C extends RoleChange
    ? Omit<C, Omitted>
    : never
  : never;

function rolesByEntity(holder: Holder, translate: (key: string) => string) {
  const out = new Map<string, { name: string; roles: Set<Role> }>();
  for (const m of holder.units) {
    const key = translate(entityKey(m.unit));
    const cur = out.get(key) ?? { name: m.unit.name, roles: new Set<Role>() };
    cur.roles.add(m.role);
    out.set(key, cur);
  }
  return out;
}

/**
 * The unit changes between an old and a new holder: per entity, a role gained and another lost is a role
 * change; other roles gained or lost are units added or removed. Renamed entities compare as one. Also returns
 * the renamings that apply to the pair.
 */
export function unitChanges(
  o: Holder,
  n: Holder,
  renames: Renames,
): { changes: UnitChange[]; renamed: string[] } {
  const before = rolesByEntity(o, (k) => renames.get(k)?.newKey ?? k);
  const after = rolesByEntity(n, (k) => k);
  const changes: UnitChange[] = [];
  const renamed: string[] = [];
  for (const [key, { name, roles }] of before) {
    const now = after.get(key);
    const lost = [...roles].filter((r) => !now?.roles.has(r));
    const gained = now ? [...now.roles].filter((r) => !roles.has(r)) : [];
    if (now && name !== now.name && [...renames.values()].some((r) => r.newKey === key)) renamed.push(key);
    const unit = now?.name ?? name;
    if (lost.length === 1 && gained.length === 1) {
      changes.push({ kind: 'unit_role_changed', unit, oldRole: lost[0] as Role, newRole: gained[0] as Role });
      continue;
    }
    for (const role of lost) changes.push({ kind: 'unit_removed', role, unit: name });
    for (const role of gained) changes.push({ kind: 'unit_added', role, unit });
  }
  for (const [key, { name, roles }] of after)
    if (!before.has(key)) for (const role of roles) changes.push({ kind: 'unit_added', role, unit: name });
  return { changes, renamed };
}
