/**
 * One side of a diff: a NoticeGraph indexed for comparison. Every plan, section and task is a "holder" of
 * facts (targets, deadlines, units by role) with its text in comparable form.
 */
import type { DeadlineNode, GraphNode, NoticeGraph, Role, TargetNode, UnitNode } from '../graph/schema.js';
import { ROLES } from '../graph/schema.js';
import { CLAUSE_END, indicatorName } from './grammar.js';
import { bigrams, maskParts, normalizeText, stripItemNumber } from './text.js';
import { entityKey } from './units.js';

/** A unit as one holder names it in one role. */
export interface UnitMention {
  role: Role;
  unit: UnitNode;
}

/** A target with the name a planner reads and the clause that decides its direction. */
export interface NamedTarget {
  name: string;
  /** The indicator, the target's text and the rest of its clause ("…以下煤电机组全部关停淘汰"). */
  context: string;
}

/** A plan, section or task with its facts. */
export interface Holder {
  id: string;
  kind: 'plan' | 'section' | 'task';
  plan: string;
  /** The path in the plan ('' for the plan itself). */
  path: string;
  /** The path of the section or task it sits in ('' for the plan; null for the plan itself). */
  container: string | null;
  /** The raw text: a task's text, a section's title, a plan's title. */
  text: string;
  /** The normalised text (no item number, the plan's year as a placeholder). */
  norm: string;
  /** The texts of its targets and deadlines and the names of its units, normalised: masked out of `norm` when
   * wording is compared, since their changes are reported as such. */
  parts: string[];
  /** The normalised text with its years as written (no placeholder): what wording is compared on. */
  plain: string;
  /** `parts` with their years as written. */
  plainParts: string[];
  /** `norm` with its own `parts` masked out. */
  masked: string;
  grams: Set<string>;
  targets: TargetNode[];
  /** Per target (same order): its name and context. */
  named: NamedTarget[];
  deadlines: DeadlineNode[];
  units: UnitMention[];
  /** Position in the document. */
  order: number;
  /** The plan's year (else the document's), against which its deadlines are read. */
  year: number | null;
  /** The id of the innermost section it lies in (null for none). */
  section: string | null;
  /** Its units' entity keys (old side: renamed entities under their new key) and its targets' facts. */
  unitKeys: Set<string>;
  targetKeys: Set<string>;
}

/** A plan of one side. */
export interface SidePlan {
  id: string;
  title: string;
  topic: string | null;
  year: number | null;
  self: Holder;
  sections: Holder[];
  tasks: Holder[];
}

/** A graph indexed for the diff. */
export interface Side {
  graph: NoticeGraph;
  /** The document's date (YYYY-MM-DD), for gazetteer lookups. */
  date: string | undefined;
  plans: SidePlan[];
}

const ROLE_SET = new Set<string>(ROLES);

function planOf(id: string, path: string): string {
  return path === '' ? id : id.slice(0, id.length - path.length - 1);
}

/**
 * Indexes a graph for the diff. `translate` maps unit entity keys (the old side's renamed entities to their
 * new keys, see ./units.ts).
 */
export function buildSide(graph: NoticeGraph, translate: (key: string) => string = (k) => k): Side {
  const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { type: string; to: GraphNode }[]>();
  for (const e of graph.edges) {
    const to = byId.get(e.to);
    if (!to || e.type === 'contains' || e.type === 'cites') continue;
    const list = out.get(e.from) ?? [];
    list.push({ type: e.type, to });
    out.set(e.from, list);
  }
  const plans = new Map<string, SidePlan>();
  const sentenceOf = sentenceFinder(graph);
  const docYear = graph.document.year ?? commonYear(graph);
  const holder = (
    node: GraphNode,
    kind: Holder['kind'],
    plan: string,
    path: string,
    text: string,
    order: number,
  ) => {
    const edges = out.get(node.id) ?? [];
    const targets = edges.flatMap((e) => (e.to.type === 'target' ? [e.to] : []));
    const deadlines = edges.flatMap((e) => (e.to.type === 'deadline' ? [e.to] : []));
    const units = edges.flatMap((e) =>
      e.to.type === 'unit' && ROLE_SET.has(e.type) ? [{ role: e.type as Role, unit: e.to }] : [],
    );
    const year = (node.type === 'plan' ? node.year : plans.get(plan)?.year) ?? docYear;
    const norm = stripItemNumber(normalizeText(text, year));
    const rawParts = [
      ...targets.map((t) => t.text),
      ...deadlines.map((d) => d.text),
      ...units.map((u) => u.unit.name),
    ];
    const parts = rawParts.map((p) => normalizeText(p, year));
    const masked = maskParts(norm, parts);
    const cut = path.lastIndexOf('/');
    const enclosing = (plans.get(plan)?.sections ?? []).filter((x) => path.startsWith(`${x.path}/`));
    const section = enclosing.reduce<Holder | null>(
      (best, x) => (!best || x.path.length > best.path.length ? x : best),
      null,
    );
    const h: Holder = {
      id: node.id,
      kind,
      plan,
      path,
      container: kind === 'plan' ? null : cut < 0 ? '' : path.slice(0, cut),
      text,
      norm,
      parts,
      plain: stripItemNumber(normalizeText(text)),
      plainParts: rawParts.map((p) => normalizeText(p)),
      masked,
      grams: bigrams(masked),
      targets,
      named: nameTargets(targets, text, sentenceOf),
      deadlines,
      units,
      order,
      year,
      section: section?.id ?? null,
      unitKeys: new Set(units.map((m) => translate(entityKey(m.unit)))),
      targetKeys: new Set(targets.map((t) => `${t.comparator} ${JSON.stringify(t.value)} ${t.unit}`)),
    };
    return h;
  };
  graph.nodes.forEach((node, order) => {
    if (node.type === 'plan') {
      const self = holder(node, 'plan', node.id, '', node.title, order);
      plans.set(node.id, {
        id: node.id,
        title: node.title,
        topic: node.topic,
        year: self.year,
        sections: [],
        tasks: [],
        self,
      });
    } else if (node.type === 'section' || node.type === 'task') {
      const plan = plans.get(planOf(node.id, node.path));
      if (!plan) return;
      if (node.type === 'task') plan.tasks.push(holder(node, 'task', plan.id, node.path, node.text, order));
      else plan.sections.push(holder(node, 'section', plan.id, node.path, node.title, order));
    }
  });
  return { graph, date: graph.document.date, plans: [...plans.values()] };
}

const SENTENCE_END = /[。;；!！?？\n]/u;

/** Where a target stands: the text of its sentence from the target on, and the sentence's key. */
interface Place {
  key: string;
  from: string;
}

function placeIn(text: string, at: number, key: string): Place {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1] as string)) start--;
  return { key: `${key}@${start}`, from: text.slice(at) };
}

/** Finds a target's sentence among the graph's text nodes by its span (null without a span or a container). */
function sentenceFinder(graph: NoticeGraph): (t: TargetNode) => Place | null {
  const texts = graph.nodes.flatMap((n) =>
    (n.type === 'task' || n.type === 'paragraph' || n.type === 'residue') && n.span
      ? [{ id: n.id, text: n.text, start: n.span.start, end: n.span.end }]
      : [],
  );
  return (t) => {
    if (!t.span) return null;
    const span = t.span;
    const n = texts.find((x) => x.start <= span.start && span.end <= x.end);
    if (!n) return null;
    let at = span.start - n.start;
    if (n.text.slice(at, at + t.text.length) !== t.text) at = n.text.indexOf(t.text);
    return at < 0 ? null : placeIn(n.text, at, n.id);
  };
}

/** Names a holder's targets in order; a target without a name of its own takes the one before it in its sentence. */
function nameTargets(
  targets: readonly TargetNode[],
  text: string,
  sentenceOf: (t: TargetNode) => Place | null,
): NamedTarget[] {
  const last = new Map<string, string>();
  let cursor = 0;
  return targets.map((t) => {
    let place = sentenceOf(t);
    if (!place) {
      const at = text.indexOf(t.text, cursor);
      if (at >= 0) cursor = at + t.text.length;
      place = at >= 0 ? placeIn(text, at, '') : { key: '?', from: t.text };
    }
    const name = indicatorName(t.indicator, t.text, place.from, last.get(place.key) ?? '');
    if (name) last.set(place.key, name);
    const end = place.from.slice(t.text.length).search(CLAUSE_END);
    const clause = end < 0 ? place.from : place.from.slice(0, t.text.length + end);
    return { name: name || t.indicator || t.text, context: t.indicator + clause };
  });
}

const YEAR_IN_TEXT = /(?:19|20)\d{2}(?=\s*年)/g;

/**
 * The year a document is about when neither it nor its plans say: the year its tasks name most ("2021年底前"),
 * so that an edition's year shift is still recognised. Null when no task names a year.
 */
function commonYear(graph: NoticeGraph): number | null {
  const counts = new Map<string, number>();
  for (const n of graph.nodes)
    if (n.type === 'task')
      for (const y of n.text.normalize('NFKC').match(YEAR_IN_TEXT) ?? [])
        counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, c] of counts) if (best === null || c > (counts.get(best) ?? 0)) best = y;
  return best === null ? null : Number(best);
}
