/**
 * Read-only lookups over a NoticeGraph for the renderers: nodes by id, children in document order, the
 * plan of each node, and the edges leaving a node by type.
 */
import type {
  Edge,
  GraphNode,
  NoticeGraph,
  Role,
  TaskNode,
  UnitNode,
  DeadlineNode,
} from '../graph/schema.js';

/** A node of the given `type`. */
export type NodeOf<T extends GraphNode['type']> = Extract<GraphNode, { type: T }>;

/** Lookups over one graph, built once per render. */
export interface GraphIndex {
  graph: NoticeGraph;
  node(id: string): GraphNode | undefined;
  /** The nodes `id` contains, in document order. */
  children(id: string): GraphNode[];
  /** The edges of `type` leaving `id`, in graph order. */
  out(id: string, type: Edge['type']): Edge[];
  /** The plan a node belongs to (null for the notice and for nodes outside every plan). */
  planOf(id: string): NodeOf<'plan'> | null;
  /** Every node of `type`, in graph order. */
  all<T extends GraphNode['type']>(type: T): NodeOf<T>[];
}

/** Builds the lookups. */
export function indexGraph(graph: NoticeGraph): GraphIndex {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, Edge[]>();
  const parent = new Map<string, string>();
  for (const e of graph.edges) {
    const key = `${e.from}\u0000${e.type}`;
    const list = outgoing.get(key);
    if (list) list.push(e);
    else outgoing.set(key, [e]);
    if (e.type === 'contains') parent.set(e.to, e.from);
  }
  const out = (id: string, type: Edge['type']): Edge[] => outgoing.get(`${id}\u0000${type}`) ?? [];
  const planOf = (id: string): NodeOf<'plan'> | null => {
    for (let at: string | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (n?.type === 'plan') return n;
    }
    return null;
  };
  return {
    graph,
    node: (id) => byId.get(id),
    children: (id) => out(id, 'contains').flatMap((e) => byId.get(e.to) ?? []),
    out,
    planOf,
    all: <T extends GraphNode['type']>(type: T) => graph.nodes.filter((n): n is NodeOf<T> => n.type === type),
  };
}

/** The units a node (task, section or plan) has in `role`, inherited ones included, once each, in graph order. */
export function unitsIn(index: GraphIndex, id: string, role: Role): UnitNode[] {
  const ids = new Set(index.out(id, role).map((e) => e.to));
  return [...ids].flatMap((to) => {
    const n = index.node(to);
    return n?.type === 'unit' ? [n] : [];
  });
}

/** The deadlines of a node, in graph order. */
export function deadlinesOf(index: GraphIndex, id: string): DeadlineNode[] {
  return index.out(id, 'due').flatMap((e) => {
    const n = index.node(e.to);
    return n?.type === 'deadline' ? [n] : [];
  });
}

/** Every task of the graph in document order (a parent task before its sub-tasks). */
export function tasksInOrder(index: GraphIndex): TaskNode[] {
  const tasks: TaskNode[] = [];
  const visit = (id: string): void => {
    for (const child of index.children(id)) {
      if (child.type === 'task') tasks.push(child);
      visit(child.id);
    }
  };
  visit('notice');
  return tasks;
}
