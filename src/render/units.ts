/**
 * Per-unit duty lists: for each unit (by canonical name, else the name as written), the tasks it leads,
 * supports (配合), answers for (责任) and guides (指导), with their deadlines. Units come in the order of their first role
 * edge, duties in graph order.
 */
import { ROLES, type NoticeGraph, type Role, type UnitKind, type UnitNode } from '../graph/schema.js';
import { deadlinesOf, indexGraph, type GraphIndex } from './graph-index.js';

/** A deadline as the unit lists show it. */
export interface DutyDeadline {
  text: string;
  date: string | null;
  kind: string;
  period?: string;
}

/** One task (or section, or plan) a unit has a role in. */
export interface Duty {
  /** The node's id (plan id and path). */
  id: string;
  planId: string;
  plan: string;
  /** The path of the task or section ('' for a plan). */
  path: string;
  title: string;
  deadlines: DutyDeadline[];
  /** Set when the role comes from an earlier rule or the section above. */
  inherited?: true;
  note?: string;
}

/** Everything one unit has to do. */
export interface UnitDuties {
  /** The canonical name, or the name as written when the gazetteer does not know it. */
  name: string;
  /** The names the notice writes for it. */
  names: string[];
  kind: UnitKind;
  lead: Duty[];
  cooperating: Duty[];
  responsible: Duty[];
  /** Tasks it guides (指导: the State Council's ministries over a pilot city's work). */
  guidance: Duty[];
}

/** The duty lists of every unit, or of the units `filter` keeps. */
export function unitDuties(graph: NoticeGraph, filter?: (unit: UnitNode) => boolean): UnitDuties[] {
  const index = indexGraph(graph);
  const byName = new Map<string, UnitDuties>();
  for (const edge of graph.edges) {
    if (!(ROLES as readonly string[]).includes(edge.type)) continue;
    const unit = index.node(edge.to);
    if (unit?.type !== 'unit' || (filter && !filter(unit))) continue;
    const name = unit.canonical ?? unit.name;
    let entry = byName.get(name);
    if (!entry) {
      entry = { name, names: [], kind: unit.kind, lead: [], cooperating: [], responsible: [], guidance: [] };
      byName.set(name, entry);
    }
    if (!entry.names.includes(unit.name)) entry.names.push(unit.name);
    const list = entry[edge.type as Role];
    if (list.some((d) => d.id === edge.from)) continue;
    const duty = dutyOf(index, edge.from);
    if (duty)
      list.push({
        ...duty,
        ...(edge.inherited ? { inherited: true as const } : {}),
        ...(edge.note ? { note: edge.note } : {}),
      });
  }
  return [...byName.values()];
}

function dutyOf(index: GraphIndex, id: string): Duty | null {
  const node = index.node(id);
  if (node?.type !== 'task' && node?.type !== 'section' && node?.type !== 'plan') return null;
  const plan = index.planOf(id);
  return {
    id,
    planId: plan?.id ?? '',
    plan: plan?.title ?? '',
    path: node.type === 'plan' ? '' : node.path,
    title: node.title,
    deadlines: deadlinesOf(index, id).map((d) => ({
      text: d.text,
      date: d.date,
      kind: d.kind,
      ...(d.period ? { period: d.period } : {}),
    })),
  };
}
